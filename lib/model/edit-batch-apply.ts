/**
 * How an edit batch (`edit-batch.ts`) applies what it recorded: each edit in turn, against where the items stand at
 * that point of the batch, as one by one would find them; then each parent touched is refilled once (see
 * `edit-batch-rebuild.ts`).
 */
import { TaskSequenceError } from '../errors.js';
import { isChildNode } from './child-nodes.js';
import { eachPlaced, findAll, FIND_ONE_BY_ONE, finishBatch, type Found, type Held, type Placed, type Touched } from './edit-batch-rebuild.js';
import { detectIndentUnit, layoutAt, whitespaceBefore, type Layout } from './format.js';
import { isSequenceItem, locate } from './query.js';
import { itemsWithin, mayBeIn, placedError, refuseElsewhere, refuseElsewhereAll } from './refuse-placed.js';
import type { Group, Node, Parent, Sequence, SequenceItem, Text } from './types.js';

/** An edit recorded: an insertion after `ref`, or a removal. */
export type Op = { ref: SequenceItem; items: SequenceItem[] } | { remove: SequenceItem };

/**
 * Makes `ops` in `sequence`, as `EditBatch.apply` says: checks every edit, before any, against where the items
 * stand at that point of the batch, then refills each parent touched once. Returns how many removals found their item.
 */
export function applyOps(sequence: Sequence, ops: readonly Op[]): number {
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
        // A child that is no node is passed over here: the walk of the item it is in refuses it when that edit comes.
        if (!isChildNode(n) || seen.has(n) || !('children' in n) || !Array.isArray(n.children)) continue;
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
  // The items put in, and those inside them: their home is this sequence once every edit is checked.
  const accepted: SequenceItem[] = [];
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
      accepted.push(node, ...inner.map((i) => i.node));
      const g: Placed = { node, parent, ws, layout, removed: false, after: [] };
      position.set(node, g);
      answered.delete(node);
      group.push(g);
    }
    list.push(group);
  }
  finishBatch(sequence, touched, inPut, accepted);
  return removals;
}
