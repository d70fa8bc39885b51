/**
 * The check that an item given to an addition (`addItem`, `insertAfter`, an edit batch's `insertAfter`) is not in the
 * sequence already. The same object in two places is one step shown twice: renaming one renames both, and a removal
 * takes out one of them. Such an item is moved with `moveItem`, or a copy of it (`copyItem`) is added.
 *
 * Additions run in loops of thousands (a preset run on a sequence of 2,000 Setup steps), so the check must not search
 * the tree. Only an item that may be there is looked up, through the parent links (the cost of its depth): one cmts
 * last put into a tree, or one read from the same text as the sequence and not taken out by cmts since. A new item
 * (made by a builder or `copyItem`) is neither, and costs nothing more.
 */
import { TaskSequenceError } from '../errors.js';
import { sourceOf } from '../xml/origin.js';
import { placedByEdits } from './item-edits.js';
import { linkedParentOf } from './parents.js';
import { locate } from './query.js';
import type { Sequence, SequenceItem } from './types.js';

/** Whether `item` may stand in `sequence`: false only when it cannot (it is then not looked up). */
export function mayBeIn(sequence: Sequence, item: SequenceItem): boolean {
  const placed = placedByEdits(item);
  if (placed !== undefined) return placed;
  const src = sourceOf(item);
  return (src !== undefined && src === sourceOf(sequence)) || linkedParentOf(item) !== undefined;
}

/** The refusal of an item that is already in the sequence, or given twice. */
export function placedError(item: SequenceItem, twice: boolean): TaskSequenceError {
  const what = `The ${item.kind === 'group' ? 'group' : 'step'} ${JSON.stringify(item.attributes.name ?? '')}`;
  const where = twice ? 'is given twice' : 'is already in this sequence';
  return new TaskSequenceError('INVALID_ARGUMENT', `${what} ${where}: an addition takes an item that is in no sequence yet. Move an item with moveItem, or add a copy made with copyItem.`);
}

/**
 * Throws `INVALID_ARGUMENT` when an item of `items` is in `sequence` already or stands twice in `items`, naming
 * `moveItem` and `copyItem`. Costs nothing for a new item, and the depth of the tree for one that may be there.
 */
export function refusePlaced(sequence: Sequence, items: readonly SequenceItem[]): void {
  const seen = items.length > 1 ? new Set<SequenceItem>() : undefined;
  for (const item of items) {
    if (seen) {
      if (seen.has(item)) throw placedError(item, true);
      seen.add(item);
    }
    if (mayBeIn(sequence, item) && locate(sequence, item)) throw placedError(item, false);
  }
}
