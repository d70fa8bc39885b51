/**
 * `cmts diff`'s text for people: values exactly as written (a Windows path keeps its single backslashes), a changed
 * value as a `-`/`+` pair of lines, and an added or removed group as one entry with its steps indented under it.
 */
import { type DiffEntry, movedHow } from '../diff/semantic-diff.js';

// Values come with every line end as LF (XML's reading of a line end): a CR left in one was written as a character
// reference, and is printed as one, or a change in a CR alone would print as two equal values.
const show = (v: string | undefined): string => (v === undefined ? '(none)' : v === '' ? '(empty)' : v.replace(/\r/g, '&#13;').replace(/\n/g, '\n        '));

function addedOrRemoved(d: DiffEntry, indent: string, name: string): string {
  const sign = d.change === 'added' ? '+' : '-';
  const what = d.change === 'added' ? d.after : d.before;
  const detail = d.kind === 'step' && what !== undefined ? ` (${what})` : d.kind === 'property' || d.kind === 'variable' || d.kind === 'sequence' ? `: ${show(what)}` : '';
  return `${indent}${sign} ${d.kind} ${name}${detail}`;
}

/** The differences as lines of text. */
export function formatDifferences(entries: DiffEntry[]): string[] {
  const lines: string[] = [];
  // Open added/removed groups: their inner items are printed under them, by the rest of their path.
  const open: { path: string; change: DiffEntry['change'] }[] = [];
  for (const d of entries) {
    while (open.length && !(d.change === (open.at(-1) as (typeof open)[number]).change && d.path.startsWith(`${(open.at(-1) as (typeof open)[number]).path}/`))) open.pop();
    const parent = open.at(-1);
    const indent = '    '.repeat(open.length);
    const name = parent ? d.path.slice(parent.path.length + 1) : d.path;
    switch (d.change) {
      case 'added':
      case 'removed':
        lines.push(addedOrRemoved(d, indent, name));
        if (d.kind === 'group') open.push({ path: d.path, change: d.change });
        break;
      case 'moved':
        lines.push(`> ${d.kind} ${d.path} (${movedHow(d)})`);
        break;
      case 'changed':
        lines.push(`~ ${d.kind} ${d.path}${d.field ? ` ${d.field}` : ''}:`, `    - ${show(d.before)}`, `    + ${show(d.after)}`);
        break;
    }
  }
  return lines;
}
