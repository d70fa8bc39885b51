/**
 * Which step, group or sub task sequence of the first document became which of the second: the semantic diff's
 * matching, in passes from the surest key (same place, same content) to the loosest (same content anywhere), with a
 * renamed group known by where its items went, and an item renamed and changed otherwise too known by its place and
 * what it still has. What is left unmatched was removed or added.
 */
import type { Located } from '../model/query.js';
import type { SequenceItem } from '../model/types.js';
import { diffRange, Script } from './edit-script.js';
import { signature } from './item-fields.js';
import { mostlyAlike, pairSimilar } from './pair-similar.js';

/**
 * Matches, in `match`, the items of `left` and `right` that the shortest edit script between their keys keeps (items
 * of one key in the same order, around those inserted and removed). Keys are numbered first, so the script compares
 * short texts rather than whole signatures.
 */
function align(left: Located[], right: Located[], key: (l: Located) => string, match: Map<Located, Located>, taken: Set<Located>): void {
  const ids = new Map<string, string>();
  const idOf = (l: Located): string => {
    const k = key(l);
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = String(ids.size)));
    return id;
  };
  const a = left.map(idOf);
  const b = right.map(idOf);
  ids.clear();
  const script = new Script();
  diffRange(a, 0, a.length, b, 0, b.length, script, true);
  let i = 0;
  let j = 0;
  for (const kind of script.kinds) {
    if (kind === ' ') {
      match.set(left[i] as Located, right[j] as Located);
      taken.add(right[j] as Located);
    }
    if (kind !== '+') i++;
    if (kind !== '-') j++;
  }
}

/**
 * The unmatched items of `items` by the place they stand in: `after` the matched item before them among their
 * siblings, or `first` in their group (undefined: the top) when none is. One walk in execution order, which meets
 * each group's items in their order.
 */
function gaps(items: Located[], isMatched: (l: Located) => boolean, parentOf: (l: Located) => Located | undefined) {
  const after = new Map<Located, Located[]>();
  const first = new Map<Located | undefined, Located[]>();
  const last = new Map<Located['parent'], Located>();
  for (const l of items) {
    if (isMatched(l)) {
      last.set(l.parent, l);
      continue;
    }
    const prev = last.get(l.parent);
    if (prev === undefined) push(first, parentOf(l), l);
    else push(after, prev, l);
  }
  return { after, first };
}

/** Adds `l` to the list of `key` in `map`. */
function push<K>(map: Map<K, Located[]>, key: K, l: Located): void {
  const list = map.get(key);
  if (list) list.push(l);
  else map.set(key, [l]);
}

/**
 * Each matched item of `left` (the first document's items in execution order) with the item of `right` it became.
 * `located` holds every item of both, `parentOf` gives the group an item sits in (undefined at the top).
 */
export function matchItems(
  left: Located[],
  right: Located[],
  located: Map<SequenceItem, Located>,
  parentOf: (l: Located) => Located | undefined,
): Map<Located, Located> {
  const match = new Map<Located, Located>();
  const taken = new Set<Located>();
  // Each key's left items in order, and how many of them are taken: items that share a key (twenty "Restart
  // Computer" steps in one group) cost one push and one step forward each, not a copy or shift of the list.
  // A key of undefined leaves the item to a later pass. With `similar`, the items of one key on both sides are paired
  // by how alike they are (pairSimilar) rather than first with first.
  const pass = (key: (l: Located) => string | undefined, similar = false): void => {
    const pool = new Map<string, { items: Located[]; next: number; right: Located[] }>();
    for (const l of left) {
      if (match.has(l)) continue;
      const k = key(l);
      if (k === undefined) continue;
      const entry = pool.get(k);
      if (entry) entry.items.push(l);
      else pool.set(k, { items: [l], next: 0, right: [] });
    }
    const pairUp = (l: Located, r: Located): void => {
      match.set(l, r);
      taken.add(r);
    };
    for (const r of right) {
      if (taken.has(r)) continue;
      const k = key(r);
      const entry = k === undefined ? undefined : pool.get(k);
      if (entry && similar) entry.right.push(r);
      else if (entry && entry.next < entry.items.length) pairUp(entry.items[entry.next++] as Located, r);
    }
    if (similar) for (const entry of pool.values()) if (entry.right.length > 0) pairSimilar(entry.items, entry.right, pairUp);
  };
  // Same place and same content first: among items that share a path (twenty "Restart Computer" steps in one
  // group), one inserted or removed is then that one added or removed, not a change to each after it. Aligned as a
  // whole first: matched in turn, the k-th item of a key with the k-th, a step removed from Restart Computer steps
  // that alternate between two targets paired each later one of its target with the next, and reported half of them
  // moved and the last removed. What the alignment leaves (moved, or past what it searches) is matched in turn.
  const samePlace = (l: Located) => `${l.node.kind}|${l.node.attributes.type ?? ''}|${l.path}|${signature(l.node)}`;
  align(left, right, samePlace, match, taken);
  pass(samePlace);
  // Then same place, and same name anywhere: items of one key paired by how alike they are, in order (pairSimilar),
  // so that steps of one name that all changed, one removed before them, are not each told as changed into the next.
  pass((l) => `${l.node.kind}|${l.node.attributes.type ?? ''}|${l.path}`, true);
  pass((l) => `${l.node.kind}|${l.node.attributes.type ?? ''}|${l.node.attributes.name ?? ''}`, true);
  // A group neither its path nor its name matched (renamed, and perhaps a group before it removed) is the group most
  // of its items went to, if that one is unmatched too. By its attributes alone, which most groups share, it was
  // paired with whichever unmatched group came first (a removed one's neighbour), and all its steps moved. Innermost
  // first, so that a renamed group inside counts for the group around it.
  for (let i = left.length - 1; i >= 0; i--) {
    const l = left[i] as Located;
    if (l.node.kind !== 'group' || match.has(l)) continue;
    const votes = new Map<Located, number>();
    let best: Located | undefined;
    for (const c of l.node.children) {
      const item = located.get(c as SequenceItem);
      const r = item && match.get(item);
      const went = r && parentOf(r);
      if (went === undefined || taken.has(went)) continue;
      const n = (votes.get(went) ?? 0) + 1;
      votes.set(went, n);
      if (best === undefined || n > (votes.get(best) as number)) best = went;
    }
    if (best === undefined) continue;
    match.set(l, best);
    taken.add(best);
  }
  // Last, by content. A group holding items none of which is matched is not matched by its attributes: a group
  // removed and another added are that, not one group renamed whose steps all changed.
  const holdsOnlyUnmatched = (g: Located) =>
    g.node.kind === 'group' && g.node.children.some((c) => located.has(c as SequenceItem)) && g.node.children.every((c) => {
      const item = located.get(c as SequenceItem);
      return item === undefined || !(match.has(item) || taken.has(item));
    });
  pass((l) => (holdsOnlyUnmatched(l) ? undefined : `${l.node.kind}|${signature(l.node)}`));
  // Last, an item renamed and changed otherwise too (disabled, a setting edited): its name kept it from the passes by
  // place and by name, its other change from the pass by content, and it was told as removed and another added. It
  // is the unmatched item of its kind and type that stands in its place on the other side (in the group its group
  // became, after the item its matched neighbour became, or first there too) if the two are mostly alike
  // (mostlyAlike: the same command line, no more fields changed than kept), so that two different steps in one place
  // stay a removal and an addition. Every unmatched item is in one place on its side, and the items of one place are
  // paired by pairSimilar, whose window bounds the work however many there are: linear, no item compared with all.
  const leftGaps = gaps(left, (l) => match.has(l), parentOf);
  const rightGaps = gaps(right, (r) => taken.has(r), parentOf);
  const gapOf = (prev: Located | undefined, parent: Located | undefined): Located[] | undefined => {
    const there = parent === undefined ? undefined : match.get(parent);
    if (parent !== undefined && there === undefined) return undefined;
    if (prev === undefined) return rightGaps.first.get(there);
    const image = match.get(prev) as Located;
    return parentOf(image) === there ? rightGaps.after.get(image) : undefined;
  };
  const inPlace = (prev: Located | undefined, ls: Located[]) => {
    const rs = gapOf(prev, parentOf(ls[0] as Located));
    if (rs === undefined) return;
    const kind = (l: Located) => (holdsOnlyUnmatched(l) ? undefined : `${l.node.kind}|${l.node.attributes.type ?? ''}`);
    const byKind = new Map<string, { ls: Located[]; rs: Located[] }>();
    for (const [side, items] of [['ls', ls], ['rs', rs]] as const) {
      for (const l of items) {
        const k = kind(l);
        if (k === undefined) continue;
        let entry = byKind.get(k);
        if (entry === undefined) byKind.set(k, (entry = { ls: [], rs: [] }));
        entry[side].push(l);
      }
    }
    for (const { ls: a, rs: b } of byKind.values()) {
      if (a.length === 0 || b.length === 0) continue;
      pairSimilar(a, b, (l, r) => {
        if (!mostlyAlike(l, r)) return;
        match.set(l, r);
        taken.add(r);
      });
    }
  };
  for (const [prev, ls] of leftGaps.after) inPlace(prev, ls);
  for (const ls of leftGaps.first.values()) inPlace(undefined, ls);
  return match;
}
