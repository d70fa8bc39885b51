/**
 * Many insertions and removals in one sequence, made in one pass over each parent they touch. {@link insertAfter} and
 * {@link removeItem} splice the parent's `children` array, which moves every sibling after the place: 10,000 edits
 * of a flat sequence of 100,000 steps cost 10,000 moves of up to 100,000 nodes (1.5 s each way). A batch records the
 * edits and rebuilds each parent's array once, so that costs the parents' sizes plus the edits.
 */
import { applyOps, type Op } from './edit-batch-apply.js';
import { checkItem, checkItems, checkSequence } from './argument-checks.js';
import type { Sequence, SequenceItem } from './types.js';

/** Edits recorded for one pass; see {@link editBatch}. */
export interface EditBatch {
  /**
   * Records {@link insertAfter}`(sequence, ref, items)`; `ref` may be an item inserted earlier in the batch, or one
   * inside an item it inserted, and an item may be one the batch removed earlier (so moving it), or hold one.
   */
  insertAfter(ref: SequenceItem, items: SequenceItem[]): void;
  /**
   * Records {@link removeItem}`(sequence, item)`; an item that is not in the sequence when the removal comes (not there
   * when the batch is applied, or taken out earlier in the batch, itself or with a group that holds it) is skipped. One
   * inside an item the batch inserted is there while that item is.
   */
  remove(item: SequenceItem): void;
  /**
   * Makes the recorded edits, as if each had been made in turn by {@link insertAfter} or {@link removeItem}, and empties
   * the batch (it can record more). Throws, before any edit, `STEP_NOT_FOUND` when a reference item is not in the
   * sequence when its insertion comes (not there at all, or taken out earlier in the batch, itself or with a group that
   * holds it), and `INVALID_ARGUMENT` when an item inserted is in the sequence then (there from the start or put in by
   * the batch, itself or inside an item it inserted, and not taken out since) or inserted twice, or holds such an item
   * (what the batch put into a group goes with the group), or one another item of the same call holds. Returns how
   * many removals found their item. A new item is laid out once, as it ends up: where one by one laid out a new group
   * and then edited inside it or moved it deeper, the whitespace can differ (an emptied new group is `<group …/>`).
   */
  apply(): number;
}

/**
 * A batch of insertions and removals in `sequence`, applied by its `apply()`: each parent touched is rebuilt once
 * (its `children` array is refilled in place, so a caller holding it sees the edits), so N edits cost O(N + the
 * size of the parents they touch) rather than N times a parent's size. Nothing changes before `apply()`; the
 * sequence may be edited otherwise before it, as the edits' places are found when it runs.
 *
 * @example
 * ```ts
 * const batch = editBatch(doc.sequence);
 * for (const step of targets) batch.insertAfter(step, [createRestartComputerStep({ name: 'Restart' })]);
 * batch.apply();
 * ```
 */
export function editBatch(sequence: Sequence): EditBatch {
  // Checked where the batch is made: the document (or null) was taken, every edit recorded, and apply() then failed
  // with a TypeError far from the call that was wrong.
  checkSequence('editBatch', sequence);
  let ops: Op[] = [];
  return {
    insertAfter(ref, items) {
      // Checked as insertAfter checks them: an item with no children array failed later with a TypeError.
      checkItem('editBatch.insertAfter', ref, 'reference');
      checkItems('editBatch.insertAfter', items);
      ops.push({ ref, items: items.slice() });
    },
    remove(item) {
      checkItem('editBatch.remove', item);
      ops.push({ remove: item });
    },
    apply() {
      const recorded = ops;
      ops = [];
      return applyOps(sequence, recorded);
    },
  };
}

/** Edits' `apply` functions that record into one {@link editBatch}; see {@link plannedBatch}. */
export interface PlannedBatch {
  /** An `apply` that records `insertAfter(ref, items)`. */
  insertAfter(ref: SequenceItem, items: SequenceItem[]): () => void;
  /** An `apply` that records the removal of `item`. */
  remove(item: SequenceItem): () => void;
}

/**
 * For a plan of edits made in turn (the transforms' `Edit[]`): each function it gives records its edit in one batch,
 * and the last of them to run applies the batch, so a plan that inserts or removes many items in one wide parent
 * rebuilds it once instead of splicing it once per item. Every function must be given out before the first runs
 * (the count of them says which is last), and the edits of the plan after that last one see the batch's edits made.
 * Edits of the plan between them run before the batch applies, so they must not need its items in place.
 */
export function plannedBatch(sequence: Sequence): PlannedBatch {
  checkSequence('plannedBatch', sequence);
  const batch = editBatch(sequence);
  let planned = 0;
  let run = 0;
  const recording = (record: () => void) => {
    planned++;
    return () => {
      record();
      if (++run === planned) batch.apply();
    };
  };
  return {
    insertAfter: (ref, items) => recording(() => batch.insertAfter(ref, items)),
    remove: (item) => recording(() => batch.remove(item)),
  };
}
