/**
 * Escaping for the renderers: every value on a page comes from the file and may hold markup, quotes or ampersands.
 */
import { PAGE_SHOWN } from '../unprintable.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * What a page shows as `<U+…>` rather than as it is (the groups and why, in unprintable.ts, which the messages'
 * escapes are made of too): the bidirectional controls, whose override in one step name reversed what follows it on
 * the line; the characters HTML's parser reports as errors (the controls but tab and line ends, the noncharacters);
 * and the characters no one sees that join nothing, which make two names look alike. No real name needs any of them;
 * shown, each is seen and can be removed.
 */
const SHOWN_RANGES = PAGE_SHOWN;
const SHOWN = new RegExp(`[${SHOWN_RANGES}]`, 'gu');
/** What {@link escapeHtml} changes: HTML's special characters and the characters shown as `<U+…>`. */
const HTML_WORK = new RegExp(`[&<>"'${SHOWN_RANGES}]`, 'u');

/** A value with the characters a page does not carry as they are (see {@link SHOWN_RANGES}) shown as `<U+202E>`. */
function showControls(s: string): string {
  return s.replace(SHOWN, (c) => `<U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Text or a double- or single-quoted attribute value, safe in HTML. */
export function escapeHtml(s: string): string {
  // Most values need nothing: testing first skips building a new string for them (a 2 MB page has ~100,000).
  if (!HTML_WORK.test(s)) return s;
  return showControls(s).replace(/[&<>"']/g, (c) => HTML[c] as string);
}

/**
 * Text from the file written inside a line of the page's own words (a step number before it, a comma and the next
 * step after it, `moved from` and a path), escaped and isolated: in a `<bdi>` the bidirectional algorithm orders it
 * apart from what is around it, in the direction of its own first letter. Left to mix, a right-to-left name drew the
 * numbers and punctuation beside it into its run: `1 שלום, 2 B` showed `2` before `שלום`. An element that holds
 * nothing but such text has `dir="auto"` instead, which isolates it the same way.
 */
export function isolateHtml(s: string): string {
  return `<bdi>${escapeHtml(s)}</bdi>`;
}

/**
 * A step path (`Group/Step`, a `/` or `\` in a name escaped with `\`) with each name isolated (see
 * {@link isolateHtml}) and the slashes between them the page's: isolated as a whole, a path of right-to-left names
 * showed its step left of its group. An item position after it (`G/S (item 2.1)`, a move's old place) stays outside.
 */
export function isolatePathHtml(path: string): string {
  // A name that itself ends in ` (item 3)` shows the same text either way; only where the isolation ends differs.
  const [, names = path, position = ''] = /^([^]*?)( \(item [\d.]+\))?$/.exec(path) ?? [];
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= names.length; i++) {
    if (names[i] === '\\') i++;
    else if (i === names.length || names[i] === '/') {
      out.push(isolateHtml(names.slice(from, i)));
      from = i + 1;
    }
  }
  return out.join('/') + escapeHtml(position);
}

/**
 * Text in the page's words that quotes values from the file in double quotes, as JSON writes them (a condition: `Y =
 * "x" and …`, a change: `"a" → "b"`): escaped, each value isolated inside its quotes (see {@link isolateHtml}). Two
 * right-to-left values with an arrow between were one right-to-left run, the after value drawn first. A `"` outside
 * a value (in a name) pairs wrongly: the text shown is the same, only where an isolation ends differs.
 */
export function isolateQuotedHtml(s: string): string {
  let out = '';
  let from = 0;
  for (const m of s.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    out += `${escapeHtml(s.slice(from, m.index))}&quot;${m[1] ? isolateHtml(m[1]) : ''}&quot;`;
    from = m.index + m[0].length;
  }
  return out + escapeHtml(s.slice(from));
}

/**
 * A text whose start would begin a block where it starts a line, made plain: a list item's label comes from the file
 * (a vendor step's property name), and `# Approved` there was a heading, `1. first` an ordered list that dropped its
 * number. Leading blanks become character references (they would indent code, and a reference is never structure);
 * the markers of a heading (`#` to `######` and a blank), a list item (`-`, `+`, `1.`, `1)` and a blank) or a
 * thematic break (`---`) are backslash-escaped, which reads as the character itself. Anything else is left as
 * written: `1.1` or `-1` starts no block.
 */
function escapeLineStart(s: string): string {
  return s
    .replace(/^[ \t]+/, (blanks) => blanks.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    .replace(/^(?:#{1,6}|[+-])(?=[ \t]|$)|^-(?=[- \t]*$)/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

/**
 * Text safe in GitHub-flavoured Markdown, inline, in a table cell and at the start of a list item's line: HTML-
 * significant characters as entities; the punctuation that can start emphasis, code, links or cells backslash-escaped
 * (`(` need not be: `[` is escaped), and `$`, which starts math on GitHub (`\\srv\Deploy$ \\pc\c$` showed the text
 * between the two as a formula); what would start a block where the text starts a line escaped too (see
 * {@link escapeLineStart}); autolinks broken; line breaks as spaces (a cell or list item is one line); bidirectional
 * controls, other controls and noncharacters shown, not applied.
 */
export function escapeMarkdown(s: string): string {
  const escaped = showControls(s)
    .replace(/[&<>]/g, (c) => HTML[c] as string)
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    // GFM links bare URLs, www. names and e-mail addresses by itself: an escape in each keeps them plain text. Every
    // one, not only those after a word boundary: a URL after a digit or an underscore (`1https://`, `_www.`) is
    // linked too (cmark-gfm looks back over letters only; marked anywhere).
    .replace(/(https?|ftp):/gi, '$1\\:')
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@')
    .replace(/\r\n|\r|\n/g, ' ');
  // Last: its escapes and references are not to be escaped again.
  return escapeLineStart(escaped);
}
