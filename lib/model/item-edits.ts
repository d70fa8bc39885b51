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
 * Notes `item` as put in or taken out, and the items a group holds with it: taken out, and put in when the group was
 * not noted as put in already (new, read from the text, or taken out before), so that an item inside a group cmts put
 * in is known to be in the tree as the group is (an addition of another item holding it is refused without a
 * lookup), and the items of a group removed and added again are not noted as out. A group moved within the tree,
 * noted as in already, costs no walk of what it holds.
 *
 * Each group is walked once: one inside itself, or held in two places (put there by hand), is not walked into again.
 * The notes come after the edit is made, so they cannot refuse it; whatever walks the tree next refuses a loop.
 */
function note(item: Node, inTree: boolean): void {
  const walk = item.kind === 'group' && (!inTree || placed.get(item) !== true);
  placed.set(item, inTree);
  if (!walk) return;
  const walked = new Set<Node>([item]);
  const todo: Node[] = [item];
  while (todo.length) {
    const n = todo.pop() as Node;
    if (n.kind !== 'group') continue;
    for (const c of n.children) {
      if (!isItem(c)) continue;
      placed.set(c, inTree);
      if (c.kind === 'group' && !walked.has(c)) {
        walked.add(c);
        todo.push(c);
      }
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
