/**
 * The sequence each step, group or sub task sequence was last let into by an addition's check (`refuse-placed.ts`),
 * so that an item made by a builder (or a copy) that stands in one document is refused by another: it has no source
 * text to say where it lives, and a note that cmts put it into *a* tree (`item-edits.ts`) does not say which.
 *
 * Held through a `WeakRef`, one per sequence: a WeakMap entry's value is held strongly by V8's young-generation
 * collector whatever becomes of its key (see `parents.ts`), and the sequence itself as the value would keep a whole
 * tree alive after its document is dropped.
 */
import type { Node, Sequence } from './types.js';

const homes = new WeakMap<Node, WeakRef<Sequence>>();
const refs = new WeakMap<Sequence, WeakRef<Sequence>>();

/** Records `sequence` as the home of each of `items` (the items added and the steps and groups inside them). */
export function noteHome(sequence: Sequence, items: readonly Node[]): void {
  let ref = refs.get(sequence);
  if (!ref) refs.set(sequence, (ref = new WeakRef(sequence)));
  for (const n of items) homes.set(n, ref);
}

/** The sequence `item` was last let into, while that sequence is alive; undefined when none was recorded. */
export function homeOf(item: Node): Sequence | undefined {
  return homes.get(item)?.deref();
}
