/**
 * Where a node stands in its parent's `children`, found from the place it was last seen at (a hint, checked before
 * use) rather than by a search of the parent, and noted for every child of a parent searched often; parents.ts notes
 * the places as it links the tree.
 */
import type { Node, Parent } from './types.js';

/**
 * Where each linked node was in its parent's `children` when last seen: a hint, checked before it is used, so that
 * finding a node's index in a wide parent (a flat sequence of 100,000 steps) costs one look, not a search of its
 * siblings (locating each of 100,000 steps took 12.6 s). A wrong hint (nodes inserted or removed before it) costs
 * the search it saves, and is corrected by it.
 */
export const places = new WeakMap<Node | Parent, number>();

/**
 * How far either side of a wrong hint a node is looked for before its parent is searched from the start. An edit near
 * a node (an item moved or added, with its white space) shifts the node's place by a few: after a run of moves and
 * additions in a wide parent every sibling's hint was a little wrong, and each next lookup searched the parent
 * (10,000 moves in a flat sequence of 100,000 steps took 6–12 s). Looked for from its hint, a node costs how far it
 * moved since it was last found, which the edits that moved it cost already; one moved further costs this much more
 * than the search.
 */
const NEAR_HINT = 8192;

/** The index of `node` in `kids`: looked for outward from `hint` (nearest first), then searched for; -1 when absent. */
function nearHint(kids: readonly Node[], node: Node | Parent, hint: number): number {
  for (let d = 1; d <= NEAR_HINT; d++) {
    const below = hint - d;
    const above = hint + d;
    if (below < 0 && above >= kids.length) return -1;
    if (below >= 0 && kids[below] === node) return below;
    if (above < kids.length && kids[above] === node) return above;
  }
  return kids.indexOf(node as Node);
}

/**
 * The index of `node` in `parent.children`, or -1: at its hint when the hint is right, else by a search outward from
 * the hint (the whole parent when it has none).
 */
export function indexIn(parent: Parent, node: Node | Parent): number {
  const kids = parent.children;
  const hint = places.get(node);
  if (hint !== undefined && kids[hint] === node) return hint;
  const index = hint === undefined ? kids.indexOf(node as Node) : nearHint(kids, node, hint);
  if (index !== -1) places.set(node, index);
  return index;
}

/**
 * Lookups answered by a search of the tree before the tree is linked. One preset run on an ordinary sequence looks up
 * a handful of nodes: searching for them costs less than a link for every parent of the tree (a WeakMap entry each,
 * which the garbage collector pays for again). Past this many, lookups keep coming, and the tree is linked once.
 */
export const SEARCHES_BEFORE_LINKING = 8;

/** Lookups of a child's index in a parent answered by a search of it, before each child's place is noted. */
const childSearches = new WeakMap<Parent, number>();
/**
 * The index of `node` in `parent.children`, or -1, with no root to climb to: at its noted place, else by a search; past
 * a few searches of one parent its children's places are noted, once (`nextItem` of each of 100,000 steps took 3 s).
 */
export function childIndex(parent: Parent, node: Node): number {
  if (places.has(node) || !('children' in node)) return indexIn(parent, node);
  const n = (childSearches.get(parent) ?? 0) + 1;
  childSearches.set(parent, n);
  if (n <= SEARCHES_BEFORE_LINKING) return parent.children.indexOf(node);
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) if ('children' in (kids[i] as Node)) places.set(kids[i] as Node, i);
  return indexIn(parent, node);
}
