/**
 * A sequence view as GitHub-flavoured Markdown for wikis and pull requests: the same content as the HTML page, the
 * tree as nested lists and the variable, package and finding lists as tables. Every value is escaped.
 *
 * Right-to-left text is not isolated here, though the HTML page isolates it (see `isolateHtml` in escape.ts), and
 * that is a choice. Markdown has no markup for it; Unicode's way in plain text is U+2068 FIRST STRONG ISOLATE before
 * and U+2069 POP DIRECTIONAL ISOLATE after each name and value. Those are invisible characters, and this Markdown is
 * read to be copied from: a step name, a variable value or a package ID taken from a wiki page into the console, a
 * condition or a script would carry two characters no one sees, and no longer equal what the file says (a condition
 * comparing it fails, a search finds nothing). That is the harm cmts guards against everywhere else: the page shows
 * these very characters as `<U+2068>` when a name holds one, and `cmts lint` reports them. Viewers that render
 * Markdown as HTML mostly set `dir="auto"` on each block (GitHub does on paragraphs, headings and list items), which
 * gives each line the direction of its text; what is left, a number or comma beside a right-to-left name in one line
 * drawn out of place, misleads less than a copied name that is silently not the name.
 */
import { escapeMarkdown as m } from './escape.js';
import { countsLine, type FindingView, flattenItems, type ItemRef, type ItemView, NUMBER_LEVELS, type SequenceView, type UsageRow } from './view-model.js';
import { appendAll } from '../arrays.js';
import { withinTextLimit } from '../text-length.js';

const SPACE = /[^\S\uFEFF]/;

/**
 * White space at either end left out (it would end the emphasis or heading around a name), but not U+FEFF, which
 * JavaScript's trim() takes for a space: it is shown as <U+FEFF>, so a name that ends in one is not shown as the name
 * without it. Counted from each end, not matched with `[^\S\uFEFF]+$`: that pattern is tried again from every blank
 * of a run not at the end, so a name of 80,000 spaces between two letters took 20 s.
 */
function trimSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  // Every white space character is in the BMP: one code unit each.
  while (start < end && SPACE.test(s.charAt(start))) start++;
  while (end > start && SPACE.test(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

function cell(s: string): string {
  return m(s) || ' ';
}

/** A table cell of links to items: already escaped, a name at a time (not again as a whole: `_` would show as `\_`). */
function refs(list: ItemRef[]): string {
  return list.map((r) => `${m(r.number)} ${m(r.name)}`).join(', ') || ' ';
}

function marks(item: ItemView): string {
  const out: string[] = [];
  if (item.change) out.push(`**${item.change.mark.toUpperCase()}**${item.change.from !== undefined ? ` from ${m(item.change.from)}` : ''}`);
  if (item.disabled) out.push('*disabled*');
  else if (item.inDisabledGroup) out.push('*in a disabled group*');
  if (item.continueOnError) out.push('*continue on error*');
  return out.length ? ` — ${out.join(', ')}` : '';
}

function finding(f: FindingView): string {
  return `**${f.severity}** ${m(f.rule)}: ${m(f.message)}${f.line !== undefined ? ` (line ${f.line})` : ''}`;
}

/**
 * The tree as nested list lines, two spaces a level, down to {@link NUMBER_LEVELS} levels: deeper items are listed at
 * that level, their numbers saying where they sit. Indenting each by its depth made a page of a chain of N groups
 * N² spaces (10,000 groups: 200 million), which no Markdown viewer nests anyway.
 */
function treeLines(items: ItemView[], out: string[]): void {
  // A stack, not recursion, so any depth the reader accepts fits (maxDepth can be raised); last sibling pushed first,
  // so items come off in document order.
  const stack: { item: ItemView; depth: number }[] = items.map((item) => ({ item, depth: 0 })).reverse();
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { item, depth } = top;
    itemLines(item, depth, out);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push({ item: item.children[i] as ItemView, depth: depth + 1 });
  }
}

/** One item's lines: its head line and, one level in, its description, condition, settings, changes and findings. */
function itemLines(item: ItemView, depth: number, out: string[]): void {
  const pad = '  '.repeat(Math.min(depth, NUMBER_LEVELS));
  // Emphasis needs no space just inside its markers (`**Install **` is shown as written): names and descriptions
  // are trimmed of the spaces and line ends at their ends, which a page does not show either.
  const name = trimSpaces(item.name) ? m(trimSpaces(item.name)) : '*(no name)*';
  // A removed or disabled step is struck through, as the page greys or strikes it.
  const shown = item.change?.mark === 'removed' || item.disabled ? `~~${name}~~` : name;
  out.push(`${pad}- ${m(item.number)} **${shown}** (${m(item.typeName)})${marks(item)}`);
  const sub = `${pad}  - `;
  if (trimSpaces(item.description)) out.push(`${sub}*${m(trimSpaces(item.description))}*`);
  if (item.condition) out.push(`${sub}if ${m(item.condition)}`);
  for (const s of item.settings) out.push(`${sub}${m(s.label)}: ${m(s.value)}`);
  for (const f of item.change?.fields ?? []) out.push(`${sub}changed ${m(f.field)}: ${f.before === undefined ? '(none)' : m(f.before)} → ${f.after === undefined ? '(none)' : m(f.after)}`);
  for (const f of item.findings) out.push(`${sub}${finding(f)}`);
}

function usage(title: string, first: string, rows: UsageRow[], withReads: boolean): string[] {
  if (!rows.length) return [`## ${title}`, '', 'None.', ''];
  return [
    `## ${title}`,
    '',
    `| ${first} | ${withReads ? 'set by | read by' : 'used by'} | note |`,
    `| --- | --- |${withReads ? ' --- |' : ''} --- |`,
    ...rows.map((r) => `| ${cell(r.name)} | ${refs(r.setBy)} |${withReads ? ` ${refs(r.readBy)} |` : ''} ${cell(r.note ?? '')} |`),
    '',
  ];
}

/** The Markdown document for a view; `INPUT_TOO_LARGE` for one longer than a string can be. */
export function renderMarkdown(view: SequenceView): string {
  return withinTextLimit('The page', () => pageMarkdown(view));
}

function pageMarkdown(view: SequenceView): string {
  // A heading drops a closing run of # (a title "Build #" would lose it): every # of the title is escaped, but not
  // again one escapeMarkdown escaped (`# Approved` showed as `\# Approved`). The heading drops blanks around its text
  // anyway: trimmed first, the title starts with no `&#32;`, which it showed as written.
  const title = m(trimSpaces(view.title)).replace(/\\.|&#\d+;|#/g, (t) => (t === '#' ? '\\#' : t));
  const out: string[] = [`# ${title}`, '', '| | |', '| --- | --- |', `| source | ${cell(view.source)} |`, ...view.header.map((h) => `| ${cell(h.label)} | ${cell(h.value)} |`), ''];
  out.push(countsLine(view), '');
  if (view.references.length) {
    out.push('## References', '', '| package | program | application |', '| --- | --- | --- |');
    appendAll(out, view.references.map((r) => `| ${cell(r.package ?? '')} | ${cell(r.program ?? '')} | ${cell(r.application ?? '')} |`));
    out.push('');
  }
  if (view.changes) {
    const s = view.changes.summary;
    out.push('## Changes', '', `${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.moved} moved.`, '');
    appendAll(out, view.changes.other.map((o) => `- ${m(o).replace(/^[+-]/, '\\$&')}`));
    if (view.changes.other.length) out.push('');
  }
  out.push('## Steps', '');
  treeLines(view.items, out);
  out.push('');
  appendAll(out, usage('Task sequence variables', 'variable', view.variables, true));
  appendAll(out, usage('Packages', 'package', view.packages, false));
  const all: string[] = [...view.findings.map((f) => `| ${cell(f.severity)} | ${cell(f.rule)} | | ${cell(f.message)} |`)];
  for (const i of flattenItems(view.items)) for (const f of i.findings) all.push(`| ${cell(f.severity)} | ${cell(f.rule)} | ${cell(`${i.number} ${i.name}`)} | ${cell(f.message)} |`);
  // Pushed as a list, not spread into push's arguments: 150,000 findings overflowed the call stack.
  out.push('## Findings', '');
  if (all.length) appendAll(out, ['| severity | rule | step | message |', '| --- | --- | --- | --- |', ...all]);
  else out.push('No findings.');
  out.push('');
  return out.join('\n');
}
