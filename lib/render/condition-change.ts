/**
 * A changed condition as a comparison shows it: in the words of the page's own condition line (`describeCondition`'s,
 * made by the same function), where the semantic diff, for people who read no page, falls back to every parameter
 * when the words read alike. A value hidden in the words that changed shows as `(hidden, changed)` after, so that a
 * change to a password a condition compares with does not read the same on both sides.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { DiffEntry } from '../diff/diff-entry.js';
import type { DiffWithPlaces } from '../diff/semantic-diff.js';
import { conditionWords, HIDDEN_OPERAND } from '../model/condition-words.js';
import { conditionOf } from '../model/conditions.js';
import { listItems } from '../model/query.js';
import type { SequenceItem } from '../model/types.js';
import { HIDDEN_CHANGED } from './key-settings.js';

/**
 * The condition of `before` and of `after` in words, a hidden value of `after` that differs from its counterpart in
 * `before` (the same variable's, the nth compared with it on each side) marked changed; undefined for a side with no
 * condition.
 */
export function conditionChange(before: SequenceItem, after: SequenceItem): { before?: string; after?: string } {
  const old = conditionOf(before);
  const now = conditionOf(after);
  // The values hidden in the old words, by variable, in the order the words meet them; only compared, never shown.
  const hidden = new Map<string, string[]>();
  const was =
    old &&
    conditionWords(old, (p) => {
      const values = hidden.get(p.Variable ?? '');
      if (values) values.push(p.Value ?? '');
      else hidden.set(p.Variable ?? '', [p.Value ?? '']);
      return HIDDEN_OPERAND;
    });
  const met = new Map<string, number>();
  const is =
    now &&
    conditionWords(now, (p) => {
      const n = met.get(p.Variable ?? '') ?? 0;
      met.set(p.Variable ?? '', n + 1);
      const counterpart = hidden.get(p.Variable ?? '')?.[n];
      return counterpart !== undefined && counterpart !== (p.Value ?? '') ? HIDDEN_CHANGED : HIDDEN_OPERAND;
    });
  return { ...(was !== undefined ? { before: was } : {}), ...(is !== undefined ? { after: is } : {}) };
}

/**
 * The entries of a comparison of `oldDoc` with `newDoc`, each changed condition in the page's words (see
 * {@link conditionChange}). Where those read the same on both sides, the change is in what the words leave out (a
 * registry value's type, an attribute no console writes): the entry keeps the diff's text, which shows it.
 */
export function conditionsInWords(oldDoc: TaskSequenceDocument, newDoc: TaskSequenceDocument, { entries, places, matched }: DiffWithPlaces): DiffEntry[] {
  if (!entries.some((d) => d.field === 'condition')) return entries;
  const oldItems = listItems(oldDoc.sequence);
  const newItems = listItems(newDoc.sequence);
  const oldOf = new Map<number, number>();
  matched.forEach((n, o) => n !== undefined && oldOf.set(n, o));
  return entries.map((d, k) => {
    const at = d.field === 'condition' ? places[k] : undefined;
    const now = at === undefined ? undefined : newItems[at];
    const was = at === undefined ? undefined : oldItems[oldOf.get(at) ?? -1];
    if (!now || !was) return d;
    const { before, after } = conditionChange(was.node, now.node);
    if (before === after) return d;
    const { before: _b, after: _a, ...rest } = d;
    return { ...rest, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  });
}
