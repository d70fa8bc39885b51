/**
 * `cmts diff`'s text for people: values exactly as written (a Windows path keeps its single backslashes), a changed
 * value as a `-`/`+` pair of lines, and an added or removed group as one entry with its steps indented under it.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type DiffEntry, movedHow, oneLine, shownPath } from '../diff/diff-entry.js';
import type { DiffWithPlaces } from '../diff/semantic-diff.js';
import { printable } from '../errors.js';
import { listItems } from '../model/query.js';
import type { SequenceItem } from '../model/types.js';
import { conditionChange } from '../render/condition-change.js';
import { HIDDEN_CHANGED } from '../render/key-settings.js';
import { comparisonSecrets, hiddenChange, shownGlobal } from '../render/secret-fields.js';
import { ruleChangeLines } from './diff-rules.js';

// Values come with every line end as LF (XML's reading of a line end): a CR left in one was written as a character
// reference, and is printed as one, or a change in a CR alone would print as two equal values.
const show = (v: string | undefined): string => (v === undefined ? '(none)' : v === '' ? '(empty)' : v.replace(/\r/g, '&#13;').replace(/\n/g, '\n        '));

/** White space a reader cannot see: at either end of a value, or a space that is no plain space anywhere in it. */
const UNSEEN = /^\s|\s$|[\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const UNSEEN_CHAR = /[\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/** A value in quotes, every character a reader could not see or tell apart written as an escape (`\u00a0`, `\t`). */
const quoted = (v: string): string => JSON.stringify(v).replace(UNSEEN_CHAR, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The `-`/`+` pair of a changed value. Values that differ by white space a reader cannot see (a trailing space, a
 * no-break space) are both quoted, escapes and all: shown as written, `- x` and `+ x ` look the same. So are two
 * values that would print alike (a tab, printed `\t`, and the text `\t` of a path such as `C:\temp`; a CR, printed
 * `&#13;`, and that text).
 */
function changedPair(before: string | undefined, after: string | undefined): [string, string] {
  const unseen = (v: string | undefined) => v !== undefined && v !== '' && UNSEEN.test(v);
  // Equal values are two secrets, both hidden: nothing to tell apart.
  const alike = before !== undefined && after !== undefined && before !== after && printable(show(before)) === printable(show(after));
  if (unseen(before) || unseen(after) || alike) return [before === undefined ? '(none)' : quoted(before), after === undefined ? '(none)' : quoted(after)];
  return [show(before), show(after)];
}

function addedOrRemoved(d: DiffEntry, indent: string, name: string): string {
  const sign = d.change === 'added' ? '+' : '-';
  const what = d.change === 'added' ? d.after : d.before;
  const detail = d.kind === 'step' && what !== undefined ? ` (${oneLine(what)})` : d.kind === 'property' || d.kind === 'variable' || d.kind === 'sequence' ? `: ${show(what)}` : '';
  return `${indent}${sign} ${d.kind} ${oneLine(name)}${d.at === undefined ? '' : ` (item ${d.at})`}${detail}`;
}

/**
 * Whether the item of entry `k` sits inside the group of entry `g`, for {@link formatDifferences}: from the items'
 * places (see diffWithPlaces) in the second document, or in the first for removals.
 */
export function insideGroup(a: TaskSequenceDocument, b: TaskSequenceDocument, diff: DiffWithPlaces): (k: number, g: number) => boolean {
  const items = [listItems(a.sequence), listItems(b.sequence)];
  const located = (k: number) => {
    const place = diff.places[k];
    return place === undefined ? undefined : items[diff.entries[k]?.change === 'removed' ? 0 : 1]?.[place];
  };
  return (k, g) => {
    const group = located(g)?.node;
    return group?.kind === 'group' && (located(k)?.groups.includes(group) ?? false);
  };
}

/**
 * The entries of `diff` with the values cmts keeps secret hidden, as a rendered comparison hides them (one test of
 * what is a secret for everything cmts prints, see `render/secret-fields.ts`): a changed value of a password-like
 * variable, of one the step catalog types as secret, of a Set Task Sequence Variable step that sets a secret (its
 * value and its command line) and a password-like global variable's value show as `(hidden)`, on either side when
 * either sequence keeps it secret; in Set Dynamic Variables rules, only the secret variables' values. The entries
 * themselves stay: that a secret changed is still a difference, and a hidden value that changed reads
 * `(hidden, changed)` after, as on a comparison page (both sides read `(hidden)` alike before, so the line said
 * nothing of what changed).
 *
 * Given `ruleLines`, the entries of changed Set Dynamic Variables rules get there the lines that say which rules
 * changed, in words (see `diff-rules.ts`), for {@link formatDifferences}: read from the values before they are masked.
 */
export function withSecretsHidden(a: TaskSequenceDocument, b: TaskSequenceDocument, diff: DiffWithPlaces, ruleLines?: Map<number, string[]>): DiffEntry[] {
  let secrets: ReturnType<typeof comparisonSecrets> | undefined;
  let items: { before: SequenceItem[]; after: SequenceItem[] } | undefined;
  return diff.entries.map((d, k) => {
    if (d.change === 'changed' && d.field === 'condition') return withConditionMarked(d, diff.places[k], (items ??= itemsOf(a, b, diff.matched)));
    if (d.change !== 'changed' || d.field === undefined) return d.kind === 'variable' || d.kind === 'sequence' ? shownGlobal(d, (secrets ??= comparisonSecrets(a, b, diff.matched)), true) : d;
    const place = diff.places[k];
    if (place === undefined) return d;
    const fields = (secrets ??= comparisonSecrets(a, b, diff.matched)).items[place];
    const whole = fields?.hidden.has(d.field) === true;
    if (!whole && fields?.rules.has(d.field) !== true) return d;
    const lines = whole || ruleLines === undefined ? undefined : ruleChangeLines(d.before, d.after);
    if (lines !== undefined) ruleLines?.set(k, lines);
    const { before, after, ...rest } = d;
    return { ...rest, ...hiddenChange(before, after, { whole }) };
  });
}

/** The items of `b` in execution order, and for each the item of `a` that became it (where one did). */
function itemsOf(a: TaskSequenceDocument, b: TaskSequenceDocument, matched: (number | undefined)[]): { before: SequenceItem[]; after: SequenceItem[] } {
  const after = listItems(b.sequence).map((l) => l.node);
  const before: SequenceItem[] = [];
  listItems(a.sequence).forEach((l, n) => {
    const m = matched[n];
    if (m !== undefined) before[m] = l.node;
  });
  return { before, after };
}

/**
 * A changed condition with a hidden value that changed marked `(hidden, changed)` after, in the words a comparison
 * page says it in (`conditionChange`): the value a password-like variable is compared with is `(hidden)` on both
 * sides, so a change to it alone read the same before and after, and with the operator changed too it did not say
 * the value had.
 */
function withConditionMarked(d: DiffEntry, place: number | undefined, items: { before: SequenceItem[]; after: SequenceItem[] }): DiffEntry {
  const after = place === undefined ? undefined : items.after[place];
  const before = place === undefined ? undefined : items.before[place];
  if (!after || !before) return d;
  const words = conditionChange(before, after);
  if (words.after === undefined || !words.after.includes(HIDDEN_CHANGED)) return d;
  return { ...d, ...(words.before !== undefined && { before: words.before }), after: words.after };
}

/**
 * The differences as lines of text. `inside` (see {@link insideGroup}) says whether an entry's item is inside an
 * added or removed group's: two groups may share a path, so without it a step added to one is listed under the other.
 * `ruleLines` (see {@link withSecretsHidden}) replaces the `-`/`+` pair of an entry with the lines it holds for it.
 */
export function formatDifferences(entries: DiffEntry[], inside?: (k: number, g: number) => boolean, ruleLines?: ReadonlyMap<number, string[]>): string[] {
  const lines: string[] = [];
  // Open added/removed groups: their inner items are printed under them, by the rest of their path.
  const open: { path: string; change: DiffEntry['change']; entry: number }[] = [];
  for (const [k, d] of entries.entries()) {
    const holds = (g: (typeof open)[number]) => d.change === g.change && d.path.startsWith(`${g.path}/`) && (inside?.(k, g.entry) ?? true);
    while (open.length && !holds(open.at(-1) as (typeof open)[number])) open.pop();
    const parent = open.at(-1);
    const indent = '    '.repeat(open.length);
    const name = parent ? d.path.slice(parent.path.length + 1) : d.path;
    switch (d.change) {
      case 'added':
      case 'removed':
        lines.push(addedOrRemoved(d, indent, name));
        if (d.kind === 'group') open.push({ path: d.path, change: d.change, entry: k });
        break;
      case 'moved':
        lines.push(`> ${d.kind} ${oneLine(shownPath(d))} (${oneLine(movedHow(d))})`);
        break;
      case 'changed':
        {
          const head = `~ ${d.kind} ${oneLine(shownPath(d))}${d.field ? ` ${d.field}` : ''}:`;
          const rules = ruleLines?.get(k);
          if (rules !== undefined) {
            lines.push(head, ...rules.map((l) => `    ${l}`));
            break;
          }
          const [before, after] = changedPair(d.before, d.after);
          lines.push(head, `    - ${before}`, `    + ${after}`);
        }
        break;
    }
  }
  return lines;
}
