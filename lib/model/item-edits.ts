/**
 * A count of the edits made through cmts that can change what a sequence's steps carry, or whether it has a
 * reference list: steps, groups, sub task sequences and `<referenceList>`s put into a tree (every insertion lays its
 * nodes out through `format.ts`, or goes in through an edit batch), and a `retryCount` attribute set. A caller that keeps an answer drawn from a whole sequence (the catalog's
 * spelling for new steps: does any step carry `retryCount`?) keeps it while this count is unchanged, and reads the
 * sequence again when it is not. Edits made behind cmts's back (a plain `children.push`, `attributes.x = …`) are not
 * counted; see where such an answer is kept for what that means there.
 */
import type { Node } from './types.js';

let count = 0;

/** The count so far. */
export function itemEdits(): number {
  return count;
}

/** Counts an insertion of `nodes`, when one of them is a step, group, sub task sequence or reference list. */
export function noteInserted(nodes: readonly Node[]): void {
  for (const n of nodes) {
    if (n.kind === 'step' || n.kind === 'group' || n.kind === 'subtasksequence' || n.kind === 'referenceList') {
      count++;
      return;
    }
  }
}

/** Counts an attribute set, when it is `retryCount`. */
export function noteAttribute(name: string): void {
  if (name === 'retryCount') count++;
}
