/**
 * The second half of an edit batch (`edit-batch.ts`): what the recorded edits come to for each parent, and the one
 * pass that refills each parent touched, lays out what was put in, and links and notes it (finishBatch, the end of
 * `applyOps`). Also the one walk that finds where many items stand.
 */
import { checkpointBelow, containsItself } from './contains-itself.js';
import { isBlank, layOut, type Layout } from './format.js';
import { noteInserted, noteTaken } from './item-edits.js';
import { noteHome } from './item-homes.js';
import { linkRebuilt } from './parents.js';
import { isSequenceItem } from './query.js';
import { takeForeignLayout } from './refuse-placed.js';
import type { Node, Parent, Sequence, SequenceItem, Text } from './types.js';

/** An item put in by the batch: its parent, the layout of the item it follows, and whether it was taken out again. */
export interface Placed {
  node: SequenceItem;
  parent: Parent;
  ws: Text | undefined;
  layout: Layout | undefined;
  removed: boolean;
  /** Items inserted right after this one, one array per insertion, in the order they were recorded. */
  after: Placed[][];
}

/** What the batch does to one parent: its removed children, and what goes after each child. */
export interface Touched {
  removed: Set<Node>;
  after: Map<Node, Placed[][]>;
}

/** Where a step or group stands inside an item the batch put in (`holder`): its container there and its index. */
export interface Held {
  holder: SequenceItem;
  parent: Parent;
  index: number;
}

/** Where a step or group was before the batch. */
export type Found = { parent: Parent; index: number } | undefined;

/** Gives `each` every insertion of `lists` (and those after it) in the order they stand, removed ones too. */
export function eachPlaced(lists: readonly Placed[][], each: (p: Placed) => void): void {
  // Latest insertion first (each went right after the node), each item followed by its own: depth first with an
  // explicit stack, since a chain of insertions can be as long as the batch.
  const stack: Placed[] = [];
  const pushLists = (ls: readonly Placed[][]) => {
    for (const l of ls) for (let i = l.length - 1; i >= 0; i--) stack.push(l[i] as Placed);
  };
  pushLists(lists);
  while (stack.length) {
    const p = stack.pop() as Placed;
    if (!p.removed) each(p);
    pushLists(p.after);
  }
}

/**
 * Up to this many edits find their items one by one ({@link locate}: a search of the tree for each of the first few
 * lookups in a tree, then parent links for the whole tree); more find all of them in one walk of the sequence's
 * groups, which costs less than linking every node of the tree (a WeakMap entry each).
 */
export const FIND_ONE_BY_ONE = 8;

/**
 * Where each item the edits name stands (and each group, with `groups`), by one walk of the sequence and its groups
 * (items live nowhere else).
 */
export function findAll(sequence: Sequence, items: readonly SequenceItem[], found: Map<SequenceItem, Found>, groups: boolean): void {
  const wanted = new Set<Node>(items);
  // Each group with its depth and what the groups in it are compared with (see contains-itself.ts).
  const todo: [Parent, number, Parent][] = [[sequence, 0, sequence]];
  while (todo.length) {
    const [parent, depth, checkpoint] = todo.pop() as [Parent, number, Parent];
    const kids = parent.children;
    for (let index = 0; index < kids.length; index++) {
      const c = kids[index] as Node;
      if (!isSequenceItem(c)) continue;
      if ((wanted.has(c) || (groups && c.kind === 'group')) && !found.has(c)) found.set(c, { parent, index });
      if (c.kind !== 'group' || !Array.isArray(c.children)) continue;
      if (c === checkpoint) containsItself(c);
      todo.push([c, depth + 1, checkpointBelow(c, depth + 1, checkpoint)]);
    }
  }
  for (const item of wanted) if (!found.has(item as SequenceItem)) found.set(item as SequenceItem, undefined);
}

/**
 * Refills `parent.children` with its kept children and, after each, what the batch put after it (each with the white
 * space that is to indent it); returns what it put in.
 */
export function rebuild(parent: Parent, t: Touched): Placed[] {
  const kids = parent.children;
  const out: Node[] = [];
  const added: Placed[] = [];
  const put = (p: Placed) => {
    if (p.ws) out.push({ kind: 'text', value: p.ws.value });
    out.push(p.node);
    added.push(p);
  };
  for (const c of kids) {
    if (t.removed.has(c)) {
      // With the whitespace that indented it, as removeItem takes it.
      if (isBlank(out[out.length - 1])) out.pop();
    } else out.push(c);
    const lists = isSequenceItem(c) ? t.after.get(c) : undefined;
    if (lists) eachPlaced(lists, put);
  }
  kids.length = out.length;
  for (let i = 0; i < out.length; i++) kids[i] = out[i] as Node;
  return added;
}

/** Lays out what the batch put into a parent as the items it follows are (one from another document sheds its layout first). */
export function layOutPut(sequence: Sequence, placed: readonly Placed[]): void {
  for (const p of placed) {
    takeForeignLayout(sequence, p.node);
    layOut(p.node, p.layout, true);
  }
}

/** Links a refilled parent's children, in a linked tree, and notes what the batch put into it as in the tree. */
export function settle(sequence: Sequence, parent: Parent, added: readonly Node[]): void {
  linkRebuilt(sequence, parent, added);
  noteInserted(added);
}

/**
 * Makes a batch's checked edits (see `applyOps`): notes where the items put in now live and what was taken out, refills
 * each parent `touched` once, lays out what was put in (inside the items put in, `inPut`, first), and links it.
 */
export function finishBatch(sequence: Sequence, touched: ReadonlyMap<Parent, Touched>, inPut: ReadonlySet<Parent>, accepted: readonly SequenceItem[]): void {
  noteHome(sequence, accepted);
  // Removals noted before insertions: an item the batch moves is taken out of one parent and put into another.
  for (const t of touched.values()) for (const n of t.removed) noteTaken(n);
  // Every array refilled before anything is laid out, linked or noted: those walk what the items put in hold, which
  // other arrays being refilled can change (a group moved into one, or out of it; walked before, a group could still
  // hold the one it was put into, and the walk never ended).
  const put = new Map<Parent, Placed[]>();
  for (const [parent, t] of touched) put.set(parent, rebuild(parent, t));
  // Parents inside items put in laid out first: an item is laid out as it ends up, and one put into a new group that
  // is not laid out yet is laid out with it.
  for (const [parent, placed] of put) if (inPut.has(parent)) layOutPut(sequence, placed);
  for (const [parent, placed] of put) if (!inPut.has(parent)) layOutPut(sequence, placed);
  for (const [parent, placed] of put) settle(sequence, parent, placed.map((p) => p.node));
}
