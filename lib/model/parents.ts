/**
 * Parent links, so that finding where a node sits costs its depth, not the size of the tree. The links live in a
 * WeakMap (the model stays plain data: nothing to copy, serialise or keep in sync by hand) and are checked on every
 * use: a link is trusted only if the parent still holds the node and the chain reaches the root. A tree edited
 * behind the index's back (a plain `children.splice`) is re-indexed once, on the first lookup that finds a stale
 * link, so any mix of edits stays correct and a run of edits through `mutate.ts` stays O(1) amortised each.
 */
import { BREAK, visit } from '../visit.js';
import { checkpointBelow, containsItself } from './contains-itself.js';
import { indexIn, places, SEARCHES_BEFORE_LINKING } from './index-in.js';
import type { Group, Node, Parent, Sequence, SequenceItem } from './types.js';

const links = new WeakMap<Node | Parent, Parent>();

/**
 * Records `parent` as the parent of each node of `nodes` that can hold children, and so on below them (iteratively).
 * Only such nodes are linked — steps, groups, lists, conditions: about one node in five, and WeakMap entries cost
 * the garbage collector — so a leaf (text, a variable, an action) is found by a search of its tree instead.
 */
function linkChildren(parent: Parent, nodes: readonly Node[], leaves = false): void {
  // Each parent with its depth below `parent` and what its children are compared with (see contains-itself.ts): a
  // node among its own descendants is refused, as linking it would not end.
  const stack: [Parent, readonly Node[], number, Node | Parent][] = [[parent, nodes, 0, parent]];
  while (stack.length) {
    const [p, kids, depth, checkpoint] = stack.pop() as [Parent, readonly Node[], number, Node | Parent];
    for (let i = 0; i < kids.length; i++) {
      const n = kids[i] as Node;
      if (!('children' in n)) {
        // A leaf too, once its tree has had many lookups of leaves (see parentIn).
        if (leaves) (links.set(n, p), places.set(n, i));
        continue;
      }
      if (n === checkpoint) containsItself(n);
      links.set(n, p);
      places.set(n, i);
      if (n.children.length) stack.push([n, n.children, depth + 1, checkpointBelow(n, depth + 1, checkpoint)]);
    }
  }
}

/** The parent a link records for `node`, if it has one (unchecked: for tests of when links are made). */
export function linkedParentOf(node: Node): Parent | undefined {
  return links.get(node);
}

/** The parent of a leaf under `root`, by searching every parent there (leaves have no links). */
function searchLeaf(root: Parent, node: Node): { parent: Parent; index: number } | undefined {
  // Each parent with its depth and what its children are compared with, as in linkChildren.
  const todo: [Parent, number, Parent][] = [[root, 0, root]];
  while (todo.length) {
    const [p, depth, checkpoint] = todo.pop() as [Parent, number, Parent];
    const index = p.children.indexOf(node);
    if (index !== -1) return { parent: p, index };
    for (const c of p.children) {
      if (!('children' in c)) continue;
      if (c === checkpoint) containsItself(c);
      todo.push([c, depth + 1, checkpointBelow(c, depth + 1, checkpoint)]);
    }
  }
  return undefined;
}

/** Where `node` sits: its parent and its index there, checked to be under `root`; undefined if it is not. */
function checked(root: Parent, node: Node): { parent: Parent; index: number } | undefined {
  const parent = links.get(node);
  if (!parent) return undefined;
  const index = indexIn(parent, node);
  if (index === -1) return undefined;
  // Links that go round (set while a node was inside itself, or since) are as stale as missing ones: the climb compares
  // each parent with one below it (see contains-itself.ts), and the tree is linked again.
  let at: Parent = parent;
  let checkpoint: Parent = parent;
  for (let depth = 1; at !== root; depth++) {
    const up = links.get(at);
    if (!up || up === checkpoint || indexIn(up, at) === -1) return undefined;
    at = up;
    checkpoint = checkpointBelow(at, depth, checkpoint);
  }
  return { parent, index };
}

/** Lookups of each tree answered by a search, counted against SEARCHES_BEFORE_LINKING (see index-in.ts). */
const searches = new WeakMap<Parent, number>();

/** Whether the next lookup in `root`'s tree, which its links could not answer, should search rather than link. */
function searchFirst(root: Parent): boolean {
  const n = (searches.get(root) ?? 0) + 1;
  searches.set(root, n);
  return n <= SEARCHES_BEFORE_LINKING;
}

const leafSearches = new WeakMap<Parent, number>();
/** Whether the next lookup of a leaf in `root`'s tree that its links could not answer should search rather than link. */
function leafSearchFirst(root: Parent): boolean {
  const n = (leafSearches.get(root) ?? 0) + 1;
  leafSearches.set(root, n);
  return n <= SEARCHES_BEFORE_LINKING;
}

/** The chain of parents from `root` down to `node`'s parent, and its index there, by a search of the tree. */
function pathTo(root: Parent, node: Node): { parents: Parent[]; index: number } | undefined {
  let found: { parents: Parent[]; index: number } | undefined;
  visit(root, (n, ancestors, index) => {
    if (n !== node) return undefined;
    found = { parents: ancestors.slice(), index };
    return BREAK;
  });
  return found;
}

/** The parent of `node` under `root` and its index there; undefined when the node is not in that tree. */
export function parentIn(root: Parent, node: Node): { parent: Parent; index: number } | undefined {
  const found = checked(root, node);
  if (found) return found;
  if (!('children' in node)) {
    // Leaves are not linked with the tree (four nodes in five): a few are searched for, and past that every leaf of the
    // tree is linked, once, so that a walk asking for the parent of each variable costs the tree once, not once a
    // variable (30,000 steps' variables took 128 s). A leaf added since is found by linking the tree again.
    if (leafSearchFirst(root)) return searchLeaf(root, node);
    linkChildren(root, root.children, true);
    return checked(root, node);
  }
  if (searchFirst(root)) {
    const path = pathTo(root, node);
    return path && { parent: path.parents[path.parents.length - 1] as Parent, index: path.index };
  }
  linkChildren(root, root.children);
  return checked(root, node);
}

/**
 * Links `nodes`, just added to `parent` in `root`'s tree, if that tree is linked (it has had more lookups than are
 * searched), so that the next edit after them finds them without re-linking the tree. In a tree not linked nothing
 * is: a WeakMap entry's value (the parent) is held strongly by V8's young-generation collector whatever becomes of
 * its key, so one link into a tree keeps the whole tree alive, and copied, until the next full collection. A batch
 * of preset runs that linked the two steps each inserts spent half its time collecting trees long dead (measured:
 * 400 files of 100 KB, 250 ms of scavenges instead of 60). `at`, about the index of the first node in `parent`
 * (a hint, checked before use), saves the next lookup of each a search of the parent.
 */
export function linkAdded(root: Parent, parent: Parent, nodes: readonly Node[], at?: number): void {
  if ((searches.get(root) ?? 0) <= SEARCHES_BEFORE_LINKING) return;
  linkChildren(parent, nodes);
  // Placed by linkChildren at their index in `nodes`: a hint that far off made the next lookup of each search the
  // parent. `at` is about where the first now stands in `parent`, each after the white space that lays it out.
  if (at !== undefined) nodes.forEach((n, i) => 'children' in n && places.set(n, at + 2 * i));
}

/**
 * After `parent.children` was refilled in one pass (an edit batch), in a linked tree: each child's link and place
 * made current, and the nodes `added` linked below, so that the next lookups need no search. Costs the parent's size,
 * which the refill cost already.
 */
export function linkRebuilt(root: Parent, parent: Parent, added: readonly Node[]): void {
  if ((searches.get(root) ?? 0) <= SEARCHES_BEFORE_LINKING) return;
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i] as Node;
    if (!('children' in n)) continue;
    links.set(n, parent);
    places.set(n, i);
  }
  for (const n of added) if ('children' in n && n.children.length) linkChildren(n, n.children);
}

/** The chain of parents from `root` (first) down to the direct parent of `node`, or undefined. */
export function ancestorsIn(root: Parent, node: Node): { parents: Parent[]; index: number } | undefined {
  let where = checked(root, node);
  if (!where) {
    if (!('children' in node) || searchFirst(root)) return pathTo(root, node);
    // Link the tree once, then climb the links like any later lookup (no second call: the answer is right here).
    linkChildren(root, root.children);
    where = checked(root, node);
    if (!where) return undefined;
  }
  const parents: Parent[] = [where.parent];
  for (let at: Parent = where.parent; at !== root; ) {
    at = links.get(at) as Parent;
    parents.push(at);
  }
  return { parents: parents.reverse(), index: where.index };
}

/** The names path and groups of a step or group, as `query.ts` reports them, found through the parent links. */
export function locateByLinks(sequence: Sequence, node: SequenceItem): { parent: Sequence | Group; index: number; path: string; groups: Group[] } | undefined {
  const found = ancestorsIn(sequence, node);
  if (!found || found.parents[0] !== sequence) return undefined;
  const groups: Group[] = [];
  for (const p of found.parents.slice(1)) {
    if (p.kind !== 'group') return undefined;
    groups.push(p);
  }
  const escape = (name: string): string => name.replace(/[\\/]/g, (c) => `\\${c}`);
  const path = [...groups, node].map((n) => escape(n.attributes.name ?? '')).join('/');
  return { parent: found.parents[found.parents.length - 1] as Sequence | Group, index: found.index, path, groups };
}
