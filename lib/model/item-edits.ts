/**
 * What edits made through cmts did, kept so that some answers about a whole sequence need no walk of it.
 *
 * A count of the edits that can change what a sequence's steps carry, or whether it has a reference list: steps,
 * groups, sub task sequences and `<referenceList>`s put into a tree (every insertion lays its nodes out through
 * `format.ts`, or goes in through an edit batch), and a `retryCount` attribute set. A caller that keeps an answer
 * drawn from a whole sequence (the catalog's spelling for new steps: does any step carry `retryCount`?) keeps it while
 * this count is unchanged, and reads the sequence again when it is not. And which items those insertions put in and
 * which removals took out. Edits made behind cmts's back (a plain `children.push`, `attributes.x = …`) are not
 * counted or noted; see where such an answer is kept for what that means there.
 */
import { checkpointBelow } from './contains-itself.js';
import type { Node } from './types.js';

let count = 0;

/**
 * Whether cmts last put each step, group or sub task sequence into a tree (true) or took it out of one (false): what
 * lets an addition tell a new item from one already in the sequence without searching the tree (`refuse-placed.ts`).
 * Booleans, never the tree: V8's young-generation collector holds a WeakMap entry's value whatever becomes of its
 * key (see `parents.ts`), and a parent as the value would keep a whole tree alive.
 */
const placed = new WeakMap<Node, boolean>();

const isItem = (n: Node): boolean => n.kind === 'step' || n.kind === 'group' || n.kind === 'subtasksequence';

/** The count so far. */
export function itemEdits(): number {
  return count;
}

/**
 * Counts an insertion of `nodes`, when one of them is a step, group, sub task sequence or reference list, and notes
 * each step, group and sub task sequence of them as put in.
 */
export function noteInserted(nodes: readonly Node[]): void {
  let counted = false;
  for (const n of nodes) {
    const item = isItem(n);
    if (item) note(n, true);
    if (!counted && (item || n.kind === 'referenceList')) {
      count++;
      counted = true;
    }
  }
}

/** Notes a step, group or sub task sequence as taken out of its tree, with what a group holds (any other node: nothing). */
export function noteTaken(node: Node): void {
  if (isItem(node)) note(node, false);
}

/**
 * Notes `item` as put in or taken out, and the items a group holds with it: taken out, and put back when the group was
 * taken out before, so that the items of a group removed and added again are not noted as out. A group put in that was
 * not taken out (new, or moved) costs no walk of what it holds.
 *
 * A group inside itself (put there by hand) is not walked into again: the notes come after the edit is made, so they
 * cannot refuse it, and each item in the loop is noted by then. Whatever walks the tree next refuses it.
 */
function note(item: Node, inTree: boolean): void {
  const walk = item.kind === 'group' && (!inTree || placed.get(item) === false);
  placed.set(item, inTree);
  if (!walk) return;
  // Each group with its depth and what the groups in it are compared with (see contains-itself.ts).
  const todo: [Node, number, Node][] = [[item, 0, item]];
  while (todo.length) {
    const [n, depth, checkpoint] = todo.pop() as [Node, number, Node];
    if (n.kind !== 'group') continue;
    for (const c of n.children) {
      if (!isItem(c)) continue;
      placed.set(c, inTree);
      if (c !== checkpoint) todo.push([c, depth + 1, checkpointBelow(c, depth + 1, checkpoint)]);
    }
  }
}

/** Notes an item put back into its tree by an undo (`snapshot.ts`) as in it again, when it was noted as taken out. */
export function noteRestored(node: Node): void {
  if (placed.get(node) === false) placed.set(node, true);
}

/** Whether cmts last put `node` into a tree (true) or took it out (false); undefined when it did neither. */
export function placedByEdits(node: Node): boolean | undefined {
  return placed.get(node);
}

/** Counts an attribute set, when it is `retryCount`. */
export function noteAttribute(name: string): void {
  if (name === 'retryCount') count++;
}
