/**
 * Many insertions and removals in one sequence, made in one pass over each parent they touch. {@link insertAfter} and
 * {@link removeItem} splice the parent's `children` array, which moves every sibling after the place: 10,000 edits
 * of a flat sequence of 100,000 steps cost 10,000 moves of up to 100,000 nodes (1.5 s each way). A batch records the
 * edits and rebuilds each parent's array once, so that costs the parents' sizes plus the edits.
 */
import { TaskSequenceError } from '../errors.js';
import { checkItem, checkItems } from './argument-checks.js';
import { checkpointBelow, containsItself } from './contains-itself.js';
import { detectIndentUnit, isBlank, layOut, layoutAt, whitespaceBefore, type Layout } from './format.js';
import { noteInserted, noteTaken } from './item-edits.js';
import { linkRebuilt } from './parents.js';
import { isSequenceItem, locate } from './query.js';
import { itemsWithin, mayBeIn, placedError, refuseElsewhere, refuseElsewhereAll, takeForeignLayout } from './refuse-placed.js';
import type { Group, Node, Parent, Sequence, SequenceItem, Text } from './types.js';

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
   * (what the batch put into a group goes with the group), or one another item of the same call holds. Returns how many
   * removals found their item. A new item is laid out once, as it ends up: where one by one laid out a new group and
   * then edited inside it or moved it deeper, the whitespace can differ (an emptied new group is `<group …/>`).
   */
  apply(): number;
}

type Op = { ref: SequenceItem; items: SequenceItem[] } | { remove: SequenceItem };

/** An item put in by the batch: its parent, the layout of the item it follows, and whether it was taken out again. */
interface Placed {
  node: SequenceItem;
  parent: Parent;
  ws: Text | undefined;
  layout: Layout | undefined;
  removed: boolean;
  /** Items inserted right after this one, one array per insertion, in the order they were recorded. */
  after: Placed[][];
}

/** What the batch does to one parent: its removed children, and what goes after each child. */
interface Touched {
  removed: Set<Node>;
  after: Map<Node, Placed[][]>;
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

/** Where a step or group stands inside an item the batch put in (`holder`): its container there and its index. */
interface Held {
  holder: SequenceItem;
  parent: Parent;
  index: number;
}

/** Where a step or group was before the batch. */
type Found = { parent: Parent; index: number } | undefined;

function applyOps(sequence: Sequence, ops: readonly Op[]): number {
  const unit = detectIndentUnit(sequence);
  const touched = new Map<Parent, Touched>();
  // Where each item of the sequence was, found once: the edits only change arrays when all have been found.
  const original = new Map<SequenceItem, Found>();
  /**
   * Where the batch has each item it moved: put in by it (the latest insertion of it), or inside an item it put in,
   * where the item stood when that one went in (a step or group there is in the sequence while that item is: it may be
   * removed, or have items put after it, as one by one). The latest place wins: an item is given a new place only when
   * it is in the sequence nowhere, and one by one leaves it in the places it had, out of the sequence, too.
   */
  const position = new Map<SequenceItem, Placed | Held>();
  // Parents inside items the batch put in, which the first lookups of the sequence do not find.
  const inPut = new Set<Parent>();
  // A batch that removes a group can take items out with it, and then whether an item is in the sequence depends on
  // the groups above it: those are found too.
  const removesGroups = ops.some((op) => 'remove' in op && op.remove.kind === 'group');
  if (ops.length > FIND_ONE_BY_ONE) findAll(sequence, ops.map((op) => ('remove' in op ? op.remove : op.ref)), original, removesGroups);
  let opIndex = 0;
  // Lookups one by one so far: past a few, every item the remaining edits name or hold is found in one walk.
  let lookups = 0;
  let foundRest = false;
  const find = (item: SequenceItem): Found => {
    if (!original.has(item) && !foundRest && lookups >= FIND_ONE_BY_ONE) findRest(opIndex);
    if (!original.has(item)) {
      lookups++;
      const where = locate(sequence, item);
      original.set(item, where && { parent: where.parent, index: where.index });
    }
    return original.get(item);
  };
  /**
   * The steps and groups the edits from `from` on name or hold, that may be in the sequence, found in one walk (see
   * findAll): looked up one by one, each taken out of the tree by hand costs a walk of the tree (its links are stale),
   * so moving 16,000 steps or groups took 7–15 s.
   */
  const findRest = (from: number) => {
    foundRest = true;
    const seen = new Set<Node>();
    const wanted: SequenceItem[] = [];
    for (let i = from; i < ops.length; i++) {
      const op = ops[i] as Op;
      const named = 'remove' in op ? op.remove : op.ref;
      if (!original.has(named)) wanted.push(named);
      if ('remove' in op) continue;
      const todo: Node[] = [...op.items];
      while (todo.length) {
        const n = todo.pop() as Node;
        if (seen.has(n) || !('children' in n) || !Array.isArray(n.children)) continue;
        seen.add(n);
        if (isSequenceItem(n) && !original.has(n) && mayBeIn(sequence, n)) wanted.push(n);
        for (const c of n.children) todo.push(c);
      }
    }
    findAll(sequence, wanted, original, removesGroups);
  };
  const touch = (parent: Parent): Touched => {
    let t = touched.get(parent);
    if (!t) touched.set(parent, (t = { removed: new Set(), after: new Map() }));
    return t;
  };
  /**
   * What {@link inSequence} answered for items since the last removal: an insertion only puts items in (the answers
   * for it and what it holds are dropped, as they change), so the answers stand until the batch takes something out.
   * Without it, each check of an item climbed every group above it: a group wrapped in a new group N times checked
   * N items, each up N holders, per wrap (2,000 wraps: 28 s).
   */
  const answered = new Map<SequenceItem, boolean>();
  /**
   * Whether `item` is in the sequence at this point of the batch, as it would be had the edits so far been made one by
   * one: where the batch has it (see `position`), else where it was (unless the batch took it out), and so on up, for
   * each group above it, while the batch removes groups (otherwise every group above is still there), and for the
   * item the batch put in that holds it. Every item climbed through has the same answer.
   */
  const inSequence = (item: SequenceItem): boolean => {
    const climbed: SequenceItem[] = [];
    let answer: boolean;
    for (let at: SequenceItem = item; ; ) {
      const known = answered.get(at);
      if (known !== undefined) {
        answer = known;
        break;
      }
      climbed.push(at);
      const pos = position.get(at);
      let parent: Parent;
      let held = false;
      if (pos !== undefined && 'after' in pos) {
        if (pos.removed) {
          answer = false;
          break;
        }
        parent = pos.parent;
      } else {
        const where = pos ?? find(at);
        if (!where || touched.get(where.parent)?.removed.has(at)) {
          answer = false;
          break;
        }
        parent = where.parent;
        held = pos !== undefined;
      }
      if (parent === sequence || (!removesGroups && !held)) {
        answer = true;
        break;
      }
      // Items stand in the sequence and in groups only (one by one finds no other), so the parent is a group.
      at = parent as Group;
    }
    for (const n of climbed) answered.set(n, answer);
    return answer;
  };
  /**
   * What a container holds at this point of the batch, as one by one would have it: its children without those the
   * batch removed from it, each followed by what the batch put after it. Where each came from is kept in `origins`
   * (its index among the children, or the insertion that put it there), for the walk of an item put in.
   */
  const origins = new Map<object, (number | Placed)[]>();
  const kidsOf = (container: { children: unknown[] }): readonly unknown[] => {
    const t = touched.get(container as Parent);
    if (!t) return container.children;
    const view: unknown[] = [];
    const from: (number | Placed)[] = [];
    const kids = container.children;
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i] as Node;
      if (!t.removed.has(c)) {
        view.push(c);
        from.push(i);
      }
      const lists = isSequenceItem(c) ? t.after.get(c) : undefined;
      if (lists) eachPlaced(lists, (p) => {
        view.push(p.node);
        from.push(p);
      });
    }
    origins.set(container, from);
    return view;
  };
  let removals = 0;
  for (; opIndex < ops.length; opIndex++) {
    const op = ops[opIndex] as Op;
    if ('remove' in op) {
      // Not there (one by one, removeItem would refuse it): skipped.
      if (!inSequence(op.remove)) continue;
      answered.clear();
      const pos = position.get(op.remove);
      if (pos !== undefined && 'after' in pos) pos.removed = true;
      else {
        const where = (pos ?? find(op.remove)) as { parent: Parent };
        touch(where.parent).removed.add(op.remove);
        if (pos) inPut.add(where.parent);
      }
      removals++;
      continue;
    }
    if (!inSequence(op.ref)) throw new TaskSequenceError('STEP_NOT_FOUND', `The step ${JSON.stringify(op.ref.attributes.name ?? '')} is not in this sequence.`);
    let parent: Parent;
    let ws: Text | undefined;
    let layout: Layout | undefined;
    let list: Placed[][];
    const pos = position.get(op.ref);
    if (pos !== undefined && 'after' in pos) {
      ({ parent, ws, layout } = pos);
      list = pos.after;
    } else {
      const where = (pos ?? find(op.ref)) as { parent: Parent; index: number };
      const t = touch(where.parent);
      if (pos) inPut.add(where.parent);
      parent = where.parent;
      ws = whitespaceBefore(parent, where.index);
      layout = layoutAt(parent, where.index, unit);
      list = t.after.get(op.ref) ?? [];
      t.after.set(op.ref, list);
    }
    const group: Placed[] = [];
    const given = op.items.length > 1 ? new Set(op.items) : undefined;
    /**
     * Not already in the sequence: put in earlier by the batch, or there from the start, and not taken out since
     * (itself, or with a group that holds it: then it stays in that group too, as one by one). Nor still in another
     * document it was read from (one object in two documents).
     */
    const refuseHere = (node: SequenceItem, within?: SequenceItem): void => {
      const at = position.get(node);
      // Put in by the batch (itself, or inside an item it put in), it is given twice; else it was there already.
      const byBatch = at !== undefined && ('after' in at || original.get(node)?.parent !== at.parent);
      if ((at !== undefined || mayBeIn(sequence, node)) && inSequence(node)) throw placedError(node, byBatch, within);
    };
    for (const node of op.items) {
      refuseHere(node);
      if (!position.has(node)) refuseElsewhere(sequence, node);
      // What it holds at this point of the batch (see kidsOf): none in the sequence, or given with it, or inside it.
      const inner: { node: SequenceItem; parent: Parent; index: number }[] = [];
      origins.clear();
      itemsWithin(node, given, (n, container, index) => {
        inner.push({ node: n, parent: container as Parent, index });
      }, kidsOf);
      // Several whose place is unknown: found in one walk, with those of the edits after (see findRest).
      if (!foundRest) {
        let unknown = 0;
        for (const { node: n } of inner) if (!position.has(n) && !original.has(n) && mayBeIn(sequence, n) && ++unknown > 1) break;
        if (unknown > 1) findRest(opIndex);
      }
      for (const { node: n } of inner) refuseHere(n, node);
      refuseElsewhereAll(sequence, inner.map((i) => i.node).filter((n) => !position.has(n)), node);
      // Each is in the sequence, from now on, while this item is (unless the batch takes it out, or puts it elsewhere);
      // one inside a step or another element is not (one by one finds none there).
      for (const { node: n, parent: container, index } of inner) {
        answered.delete(n);
        if ((container as Node).kind !== 'group') continue;
        const from = origins.get(container)?.[index] ?? index;
        position.set(n, typeof from === 'number' ? { holder: node, parent: container, index: from } : from);
      }
      const g: Placed = { node, parent, ws, layout, removed: false, after: [] };
      position.set(node, g);
      answered.delete(node);
      group.push(g);
    }
    list.push(group);
  }
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
  return removals;
}

/** Gives `each` every insertion of `lists` (and those after it) in the order they stand, removed ones too. */
function eachPlaced(lists: readonly Placed[][], each: (p: Placed) => void): void {
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
const FIND_ONE_BY_ONE = 8;

/**
 * Where each item the edits name stands (and each group, with `groups`), by one walk of the sequence and its groups
 * (items live nowhere else).
 */
function findAll(sequence: Sequence, items: readonly SequenceItem[], found: Map<SequenceItem, { parent: Parent; index: number } | undefined>, groups: boolean): void {
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
function rebuild(parent: Parent, t: Touched): Placed[] {
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
function layOutPut(sequence: Sequence, placed: readonly Placed[]): void {
  for (const p of placed) {
    takeForeignLayout(sequence, p.node);
    layOut(p.node, p.layout);
  }
}

/** Links a refilled parent's children, in a linked tree, and notes what the batch put into it as in the tree. */
function settle(sequence: Sequence, parent: Parent, added: readonly Node[]): void {
  linkRebuilt(sequence, parent, added);
  noteInserted(added);
}
