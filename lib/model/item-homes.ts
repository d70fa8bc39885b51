/**
 * The sequence each step, group or sub task sequence was last let into by an addition's check (`refuse-placed.ts`),
 * so that an item made by a builder (or a copy) that stands in one document is refused by another: it has no source
 * text to say where it lives, and a note that cmts put it into *a* tree (`item-edits.ts`) does not say which.
 *
 * Held on the item itself, under a symbol that is not enumerable (so no copy, `JSON.stringify` or comparison of the
 * plain data sees it): a link from an item to the sequence it stands in is one inside that tree, which dies with it.
 * A WeakMap from the item would not do: V8's young-generation collector holds an entry's value whatever becomes of its
 * key (see `parents.ts`), so the sequence as the value kept every edited tree alive through those collections. Nor
 * would a `WeakRef`: V8 keeps each one's target alive until the end of the synchronous job that made it, so a batch
 * of inputs held every tree the preset had edited (8.6 MB for 500 inputs of 4 KB, against none).
 */
import type { Node, Sequence } from './types.js';

const HOME = Symbol('the sequence an addition let the item into');

/**
 * The homes of items a script froze (`Object.freeze`), which take no property: a WeakMap, as the rare case it is
 * (defining the property on one threw a TypeError).
 */
const frozenHomes = new WeakMap<Node, Sequence>();

/** Records `sequence` as the home of each of `items` (the items added and the steps and groups inside them). */
export function noteHome(sequence: Sequence, items: readonly Node[]): void {
  for (const n of items) {
    const held = n as { [HOME]?: Sequence };
    const own = Object.getOwnPropertyDescriptor(held, HOME);
    // Frozen since its home was recorded, the property can no longer change: the map says it from then on.
    if (own ? own.writable === true : Object.isExtensible(held)) {
      if (own) held[HOME] = sequence;
      else Object.defineProperty(held, HOME, { value: sequence, writable: true, enumerable: false, configurable: true });
    } else frozenHomes.set(n, sequence);
  }
}

/** The sequence `item` was last let into; undefined when none was recorded. */
export function homeOf(item: Node): Sequence | undefined {
  return frozenHomes.get(item) ?? (item as { [HOME]?: Sequence })[HOME];
}
