/**
 * A semantic diff of two task sequences, blind to formatting: steps and groups added, removed, moved and changed
 * (attributes, command line, variables with their attributes, condition, elements the model does not know), and
 * package properties (arrays too, and an object.xml's qualifiers and property attributes), sequence attributes and
 * elements, global variables and references changed. This module matches the items of the two (match-items.ts),
 * finds those moved and compares each pair's fields (item-fields.ts); document-data.ts compares the rest, and
 * diff-entry.ts is the entry every part reports.
 */
import { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { describeValue } from '../model/child-nodes.js';
import { listItems, type Located } from '../model/query.js';
import { checkDocumentTree } from '../visit.js';
import { stepTypeName } from '../model/steps.js';
import type { Node, SequenceItem } from '../model/types.js';
import { shown } from './condition-text.js';
import type { DiffEntry, DiffKind } from './diff-entry.js';
import { compareDocumentData } from './document-data.js';
import { COMMAND_LINE, fields, sameField } from './item-fields.js';
import { lineMirrorsVariables } from './mirrored-line.js';
import { longestIncreasing } from './longest-increasing.js';
import { matchItems } from './match-items.js';

/**
 * A function giving each item's position (see {@link DiffEntry.position}): the index of each level from the top,
 * from 1. Ordinals are counted once for all items; the text is made only for the items asked about.
 */
function positions(items: Located[]): (l: Located) => string {
  const ordinal = new Map<SequenceItem, number>();
  const count = new Map<Node, number>();
  for (const l of items) {
    const n = (count.get(l.parent) ?? 0) + 1;
    count.set(l.parent, n);
    ordinal.set(l.node, n);
  }
  return (l) => [...l.groups, l.node].map((g) => ordinal.get(g) ?? '?').join('.');
}

function label(item: SequenceItem): DiffKind {
  return item.kind === 'group' ? 'group' : item.kind === 'subtasksequence' ? 'subtasksequence' : 'step';
}

/**
 * The indexes in `b` of the longest run of keys that `a` holds in the same order. Keys are unique on each side (an
 * item's index in the old sequence), so that run is the longest increasing subsequence of the keys' places in `a`,
 * taken in `b`'s order: O(n log n). (A table of every pair of places took 3.4 GB and 24 s for 20,000 steps.)
 */
function inOrder(a: string[], b: string[]): Set<number> {
  const inA = new Map(a.map((key, i) => [key, i]));
  const pairs: [number, number][] = [];
  b.forEach((key, j) => {
    const i = inA.get(key);
    if (i !== undefined) pairs.push([i, j]);
  });
  pairs.sort((x, y) => x[0] - y[0]);
  return new Set(longestIncreasing(pairs).map(([, j]) => j));
}

/** The differences between two documents, in the order of the second (removals last). */
export function diffTaskSequences(a: TaskSequenceDocument, b: TaskSequenceDocument): DiffEntry[] {
  return diffWithPlaces(a, b).entries;
}

/** What {@link diffWithPlaces} gives. */
export interface DiffWithPlaces {
  entries: DiffEntry[];
  /** For each entry about an item, its index in execution order (see {@link diffWithPlaces}). */
  places: (number | undefined)[];
  /** For each item of the first document, in execution order, the index of the item of the second it became. */
  matched: (number | undefined)[];
}

/**
 * {@link diffTaskSequences}, with the item each entry is about: `places[k]` is, for the k-th entry about a step,
 * group or sub task sequence, its index among the items of the second document in execution order (of the first,
 * for a removal); undefined for the other entries. Paths repeat when names do, so a page marks items by place.
 */
export function diffWithPlaces(a: TaskSequenceDocument, b: TaskSequenceDocument): DiffWithPlaces {
  // From plain JavaScript anything can come: refused, typed, rather than a TypeError from deep inside.
  for (const [which, doc] of [['first', a], ['second', b]] as const) {
    if (doc instanceof TaskSequenceDocument) continue;
    const given = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? 'an object that is no TaskSequenceDocument' : describeValue(doc);
    throw new TaskSequenceError('INVALID_ARGUMENT', `A comparison takes two documents (TaskSequenceDocument, as readTaskSequence gives them); the ${which} is ${given}.`);
  }
  // A value that is no string or a child that is no node (set by hand), in the sequence or the package's properties,
  // is refused, typed, before the comparison's walks meet it.
  checkDocumentTree(a);
  checkDocumentTree(b);
  return diffChecked(a, b);
}

/** {@link diffWithPlaces} of two documents their caller has already checked with `checkDocumentTree`. */
export function diffChecked(a: TaskSequenceDocument, b: TaskSequenceDocument): DiffWithPlaces {
  const out: DiffEntry[] = [];
  const places: (number | undefined)[] = [];
  compareDocumentData(a, b, out);

  const left = listItems(a.sequence);
  const right = listItems(b.sequence);
  // A group is known by its match, not its name: two groups may share a name (a step moved between them is a move),
  // and a renamed group keeps its steps.
  const located = new Map<SequenceItem, Located>();
  for (const l of left) located.set(l.node, l);
  for (const r of right) located.set(r.node, r);
  // The group an item sits in (undefined at the top).
  const parentOf = (l: Located): Located | undefined => (l.parent.kind === 'group' ? located.get(l.parent) : undefined);
  const match = matchItems(left, right, located, parentOf);

  const rightOf = new Map([...match].map(([l, r]) => [r, l]));
  // Moves: into another group, or out of order among the matched siblings. On the left, the right group an item's
  // group became (null if it is gone, so nothing on the right has it as its parent).
  const leftParentOnRight = (l: Located): Located | undefined | null => {
    const p = parentOf(l);
    return p === undefined ? undefined : (match.get(p) ?? null);
  };
  const byParent = new Map<Located | undefined, Located[]>();
  for (const r of right) {
    if (!rightOf.has(r)) continue;
    const list = byParent.get(parentOf(r));
    if (list) list.push(r);
    else byParent.set(parentOf(r), [r]);
  }
  const leftByParent = new Map<Located | undefined, Located[]>();
  for (const l of left) {
    const r = match.get(l);
    if (r === undefined || leftParentOnRight(l) !== parentOf(r)) continue;
    const list = leftByParent.get(parentOf(r));
    if (list) list.push(l);
    else leftByParent.set(parentOf(r), [l]);
  }
  const leftIndex = new Map(left.map((l, i) => [l, i]));
  const moved = new Set<Located>();
  for (const [parent, rs] of byParent) {
    const ls = leftByParent.get(parent) ?? [];
    const keyOf = (l: Located) => String(leftIndex.get(l));
    const keep = inOrder(
      ls.map(keyOf),
      rs.map((r) => keyOf(rightOf.get(r) as Located)),
    );
    rs.forEach((r, i) => {
      const l = rightOf.get(r) as Located;
      if (leftParentOnRight(l) !== parent || !keep.has(i)) moved.add(r);
    });
  }
  // Every entry so far is about no item.
  places.length = out.length;
  let leftPosition: ((l: Located) => string) | undefined;
  let rightPosition: ((l: Located) => string) | undefined;
  // An item whose path other items of its document share gets its position, so that the entry names one item.
  const shared = (items: Located[]) => {
    const count = new Map<string, number>();
    for (const l of items) count.set(l.path, (count.get(l.path) ?? 0) + 1);
    return (l: Located) => (count.get(l.path) ?? 0) > 1;
  };
  const sharedLeft = shared(left);
  const sharedRight = shared(right);
  const atRight = (r: Located) => (sharedRight(r) ? { at: (rightPosition ??= positions(right))(r) } : {});
  const atLeft = (l: Located) => (sharedLeft(l) ? { at: (leftPosition ??= positions(left))(l) } : {});
  right.forEach((r, place) => {
    const l = rightOf.get(r);
    const kind = label(r.node);
    if (!l) {
      out.push({ change: 'added', kind, path: r.path, ...atRight(r), after: r.node.kind === 'step' ? stepTypeName(r.node.attributes.type) : kind });
      places.push(place);
      return;
    }
    if (moved.has(r)) {
      // Into another group of the same path: the paths cannot tell where it went, the positions can.
      const regrouped = l.path === r.path && leftParentOnRight(l) !== parentOf(r);
      out.push({ change: 'moved', kind, path: r.path, ...atRight(r), from: l.path, ...(regrouped ? { position: (rightPosition ??= positions(right))(r), fromPosition: (leftPosition ??= positions(left))(l) } : {}) });
      places.push(place);
    }
    const fa = fields(l.node);
    const fb = fields(r.node);
    // A command line that is its variables' rendering on both sides changed with them: their changes say it, once.
    const [lineBefore, lineAfter] = [fa.get(COMMAND_LINE), fb.get(COMMAND_LINE)];
    const mirror = lineBefore !== undefined && lineAfter !== undefined && lineBefore !== lineAfter && lineMirrorsVariables(l.node, lineBefore, r.node, lineAfter);
    for (const k of new Set([...fa.keys(), ...fb.keys()])) {
      if (sameField(k, fa.get(k), fb.get(k)) || (mirror && k === COMMAND_LINE)) continue;
      out.push({
        change: 'changed',
        kind,
        path: r.path,
        ...atRight(r),
        field: k,
        ...(fa.has(k) ? { before: shown(k, l.node, fa.get(k) as string, r.node) } : {}),
        ...(fb.has(k) ? { after: shown(k, r.node, fb.get(k) as string, l.node) } : {}),
      });
      places.push(place);
    }
  });
  left.forEach((l, place) => {
    if (match.has(l)) return;
    out.push({ change: 'removed', kind: label(l.node), path: l.path, ...atLeft(l), before: l.node.kind === 'step' ? stepTypeName(l.node.attributes.type) : label(l.node) });
    places.push(place);
  });
  const rightIndex = new Map(right.map((r, i) => [r, i]));
  const matched = left.map((l) => {
    const r = match.get(l);
    return r === undefined ? undefined : rightIndex.get(r);
  });
  return { entries: out, places, matched };
}
