/**
 * A unified diff of two texts for `--dry-run`, in memory and time that grow linearly with the texts.
 *
 * Lines that occur exactly once in each text are matched first (patience diff: the longest run of them in the same
 * order); the short stretches between those anchors are then compared with Myers' O(ND) algorithm, keeping only a
 * window of its state per step, so memory is O(D²) for a stretch with D differences rather than O(D × size) (see
 * lib/diff/edit-script.ts). A stretch that still differs in more than 2,000 places is shown as removed and added
 * whole: correct, just not minimal. (jsdiff was measured first: its O(ND) search over a 5 MB sequence with 200
 * edited Setup steps did not finish in minutes.) The diff is a patch: lines are compared and written whole, with their
 * own line ends, so a file written on one line is one line removed and one added, as `diff -u` shows it.
 */

import { diffRange, type Kind, Script } from '../diff/edit-script.js';
import { appendAll } from '../arrays.js';
import { printable } from '../errors.js';

/**
 * How much of two different texts is the same at both ends, in whole lines, less `context` lines each side: the
 * diff then splits and compares only the middle. The line-by-line search would strip those lines as its first step
 * anyway (see {@link diffRange}), so the script is the same; this only spares splitting the whole texts into lines,
 * which for a sequence with one edit is nearly all of the work.
 */
function sameEnds(a: string, b: string, context: number): { head: number; headLines: number; tail: number } {
  const min = Math.min(a.length, b.length);
  const p = commonStart(a, b, min);
  // Back to the start of the line the first difference is on, then `context` lines further.
  let head = p === 0 ? 0 : a.lastIndexOf('\n', p - 1) + 1;
  for (let k = 0; k < context && head > 0; k++) head = head === 1 ? 0 : a.lastIndexOf('\n', head - 2) + 1;
  let headLines = 0;
  for (let i = a.indexOf('\n'); i !== -1 && i < head; i = a.indexOf('\n', i + 1)) headLines++;
  // The common end never reaches into the common start, so no line is counted on both sides.
  const s = commonEnd(a, b, min - p);
  // Forward to the first line start inside the common end (a line start in both texts), then `context` lines on.
  let tailStart = s === 0 ? a.length : a.indexOf('\n', a.length - s) + 1;
  if (tailStart === 0) tailStart = a.length;
  for (let k = 0; k < context && tailStart < a.length; k++) {
    const nl = a.indexOf('\n', tailStart);
    tailStart = nl === -1 ? a.length : nl + 1;
  }
  return { head, headLines, tail: a.length - tailStart };
}

/**
 * The length of the common start of `a` and `b`, at most `limit`. Compared in blocks that halve after a mismatch
 * (a string comparison runs natively; a loop over characters does not), then character by character.
 */
function commonStart(a: string, b: string, limit: number): number {
  let p = 0;
  for (let block = 16384; block >= 32; block >>= 1) while (p + block <= limit && a.slice(p, p + block) === b.slice(p, p + block)) p += block;
  while (p < limit && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** The length of the common end of `a` and `b`, at most `limit`, compared as {@link commonStart} does. */
function commonEnd(a: string, b: string, limit: number): number {
  let s = 0;
  for (let block = 16384; block >= 32; block >>= 1) while (s + block <= limit && a.slice(a.length - s - block, a.length - s) === b.slice(b.length - s - block, b.length - s)) s += block;
  while (s < limit && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/**
 * A unified diff (`---`/`+++` headers, `@@` hunks, 3 lines of context) that is a patch `git apply` and `patch -p1`
 * apply to `before` to give `after` byte for byte; '' when the texts are equal. Every line is written with its own
 * line end (a CRLF file's lines keep their CR, which both tools need to match and to write them), a last line with
 * no line end is followed by `\ No newline at end of file`, and the headers name the file as git does: `a/` and `b/`
 * before it, in double quotes with C escapes when it holds a control character, a quote, a backslash or a character
 * beyond ASCII, and with a tab after it when it holds a space. The patch is exact, so it is not safe to print as it is
 * on a terminal: see {@link shownOnTerminal}.
 */
export function unifiedDiff(before: string, after: string, name: string, context = 3, options: { trim?: boolean } = {}): string {
  if (before === after) return '';
  // Only the middle that differs is split into lines; the common ends are counted past.
  const ends = options.trim === false ? { head: 0, headLines: 0, tail: 0 } : sameEnds(before, after, context);
  const a = lines(before.slice(ends.head, before.length - ends.tail));
  const b = lines(after.slice(ends.head, after.length - ends.tail));
  const script = new Script();
  diffRange(a, 0, a.length, b, 0, b.length, script, true);
  const { kinds, texts } = script;
  const out: string[] = [fileHeader('---', 'a/', name), fileHeader('+++', 'b/', name)];
  // One pass: line numbers advance with the script; a hunk closes when the next change is beyond its context.
  let aLine = 1 + ends.headLines;
  let bLine = 1 + ends.headLines;
  let i = 0;
  const total = kinds.length;
  while (i < total) {
    while (i < total && kinds[i] === ' ') i++, aLine++, bLine++;
    if (i === total) break;
    const start = Math.max(0, i - context);
    let end = Math.min(total, i + context + 1);
    // A change within twice the context of the last one joins this hunk (as the hunks of `diff -u` do).
    for (let j = i + 1; j < total && j <= end + context; j++) if (kinds[j] !== ' ') end = Math.min(total, j + context + 1);
    const back = i - start;
    const hunkA = aLine - back;
    const hunkB = bLine - back;
    let aLen = 0;
    let bLen = 0;
    const body: string[] = [];
    for (let j = start; j < end; j++) {
      const k = kinds[j] as Kind;
      if (k !== '+') aLen++;
      if (k !== '-') bLen++;
      const text = texts[j] as string;
      body.push(k + text);
      if (!text.endsWith('\n')) body.push('\n\\ No newline at end of file\n');
    }
    // An empty range is numbered by the line before it (0 at the start of the file), as `diff -u` numbers it.
    out.push(`@@ -${aLen === 0 ? hunkA - 1 : hunkA},${aLen} +${bLen === 0 ? hunkB - 1 : hunkB},${bLen} @@\n`);
    appendAll(out, body);
    for (let j = i; j < end; j++) {
      const k = kinds[j] as Kind;
      if (k !== '+') aLine++;
      if (k !== '-') bLine++;
    }
    i = end;
  }
  return out.join('');
}

/**
 * A `---` or `+++` line naming `name` as git names a file: with `prefix` (one leading `/` of an absolute name
 * dropped, as `git diff --no-index` does), C-quoted when git would quote it, and a tab after a name with a space
 * (GNU patch otherwise ends the name at the space).
 */
function fileHeader(mark: string, prefix: string, name: string): string {
  const path = prefix + (name.startsWith('/') ? name.slice(1) : name);
  return `${mark} ${quotedPath(path)}${path.includes(' ') ? '\t' : ''}\n`;
}

const UTF8 = new TextEncoder();

const C_ESCAPES: Record<string, string> = { '\u0007': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * A path as git writes it in a patch (its `quote_c_style` with `core.quotePath` on): as it is when it holds only
 * printable ASCII other than `"` and `\`; otherwise in double quotes, with C escapes for those and the controls and
 * every byte of its UTF-8 beyond ASCII in octal. `git apply` and GNU patch read both forms back. A quoted name
 * holds no control character, so a header stays one line and drives no terminal.
 */
export function quotedPath(path: string): string {
  if (!/[\u0000-\u001f"\\\u007f-\uffff]/.test(path)) return path;
  let out = '"';
  for (const c of path) {
    const code = c.codePointAt(0) as number;
    const escape = C_ESCAPES[c];
    if (escape !== undefined) out += escape;
    else if (code >= 0x20 && code < 0x7f) out += c;
    else for (const byte of UTF8.encode(c)) out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/**
 * A patch as it is shown on a terminal: every character that could drive the terminal or hide itself (the controls,
 * bidirectional and zero-width characters {@link printable} escapes) written as its escape, except the line feed,
 * the tab and a CR before a line feed. What is piped or redirected stays the exact patch.
 */
export function shownOnTerminal(patch: string): string {
  return patch.replace(/[^\t\n\u0020-\u007e\u00a0-\u061b\u061d-\u200a]/g, (c, at: number) => (c === '\r' && patch.charCodeAt(at + 1) === 10 ? c : printable(c)));
}

/** Splits text into lines, each with its line end (the last may have none). */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
