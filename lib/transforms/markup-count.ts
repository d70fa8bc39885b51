/**
 * How much markup a part of a sequence is, counted as the reader counts it against `maxNodes` (each `<`): what a
 * transform that adds in proportion to its matches holds to the limit the document was read with.
 */
import type { Sequence, SequenceItem } from '../model/types.js';

/**
 * The markup items of `item` as the reader counts them (each `<`): two tags for an element with children or a value
 * (`<action>…</action>`, `<variable …></variable>`), else one. An empty element written as a pair counts one here, so
 * the count can fall short of the reader's by those.
 */
export function markupOf(item: Sequence | SequenceItem): number {
  type Counted = { readonly kind: string; readonly value?: unknown; readonly children?: readonly Counted[] };
  let count = 0;
  const todo: (readonly Counted[])[] = [[item]];
  for (let list = todo.pop(); list; list = todo.pop()) {
    for (const n of list) if (n.kind !== 'text' && (count += n.children?.length || typeof n.value === 'string' ? 2 : 1) && n.children) todo.push(n.children);
  }
  return count;
}
