/**
 * Where the branch check's variable tests (kb977203-branches.ts) sit in one run's listing, read once: each node's own
 * tests, the nodes with tests around an item from its own outwards, and, for a list of positions (the Setup steps,
 * the restores, the steps), the items by the innermost test of each kind around them. Tests are read from the
 * groups' links, not from each item's list of the groups above it, which an item deep in the tree makes when read.
 */
import { conditionOf } from '../model/conditions.js';
import type { Located } from '../model/query.js';
import type { Condition, Group, Step, SubTaskSequence } from '../model/types.js';
import { firstAtOrAbove, minSearch, type MinSearch } from '../min-search.js';
import { type HeldTest, nodeTests, numberReadings, type Test, valueKey } from './kb977203-branches.js';
import { conditionKey, isDisabled } from './kb977203-step-queries.js';

/** A group or step that may hold a condition. */
export type Held = Group | Step | SubTaskSequence;

/**
 * The items of one list of positions that one kind of test is around, in list order: a variable, `equals` or
 * `exists`, positive or negative, and the value as {@link valueKey} compares it (for a positive `equals`, also a kind
 * of any value). Each item is listed for its innermost test of the kind.
 */
export interface Around {
  /** Where in the list of positions each item is, ascending. */
  at: number[];
  /** How many groups are above the node of that test (the item's own test: as many as above the item). */
  depth: number[];
  /** That test's value (an `equals` test's; '' for `exists`). */
  value: string[];
  /** The group or step whose condition holds it. */
  node: Held[];
  /** For each entry, the last entry of the run of consecutive list places it is in. */
  runLast: number[];
  /** Finds the first entry of a run whose test is fewer than so many groups deep. */
  shallow: MinSearch;
  byText?: Map<string, number[]>;
  percent?: number[];
  byNumber?: Map<number, number[]>;
  byCondition?: Map<string, number[]>;
}

/** One list of positions, indexed. */
export interface Indexed {
  /** By kind (see {@link kindKey}). */
  around: Map<string, Around>;
  /** List places of the items that never run (disabled, or in a disabled group). */
  off: number[];
  /** For each of those, the last of the run of consecutive list places it is in. */
  offLast: number[];
}

/** The tests of one listing, read once (see the module comment). */
export interface TestsAround {
  /** The nodes with tests around an item, its own first, then outwards, `floor` or more groups deep, with their depths. */
  heldAround(l: Located, floor: number): [Held, number][];
  /** The tests around an item that are not around the `shared` outermost groups above it, outermost first. */
  apartTests(l: Located, shared: number): HeldTest[];
  /** Where the contents of a group end in the listing (the position after its last item). */
  endOf(group: Group): number;
  /** Whether an item never runs: disabled, or in a disabled group. */
  off(l: Located): boolean;
  /** A list of positions, indexed on first use (by the array: a list is asked for again as the same array). */
  indexOf(positions: readonly number[]): Indexed;
  /** The first list place at or after `k` of an entry of `a` whose value `w` may equal (see `surelyDifferent`). */
  firstMaybeEqual(a: Around, w: string, k: number): number;
  /** The first list place at or after `k` of an entry of `a` whose node's condition has one of `keys`. */
  firstOfConditions(a: Around, keys: readonly string[], k: number): number;
  /** A node's condition's {@link conditionKey}. */
  conditionKeyOf(node: Held): string;
}

/** The key of a kind of test (see {@link Around}); without `value`, of a positive `equals` of any value. */
export function kindKey(variable: string, kind: Test['kind'], positive: boolean, value?: string): string {
  const key = `${variable}\0${kind}\0${positive ? '+' : '-'}`;
  return value === undefined ? key : `${key}\0${valueKey(value)}`;
}

/** For each entry of an ascending list, the last entry of the run of consecutive integers it is in. */
function runsOf(list: readonly number[]): number[] {
  const last = new Array<number>(list.length);
  for (let m = list.length - 1; m >= 0; m--) last[m] = m + 1 < list.length && list[m + 1] === (list[m] as number) + 1 ? (last[m + 1] as number) : m;
  return last;
}

/** Appends `value` to the list `key` holds in `map`. */
function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The first entry at or after `k` of any of `lists` (ascending), or Infinity. */
function firstOf(lists: Iterable<readonly number[] | undefined>, k: number): number {
  let first = Infinity;
  for (const list of lists) if (list) first = Math.min(first, list[firstAtOrAbove(list, k)] ?? Infinity);
  return first;
}

/** Reads the tests of `items` (a listing in execution order, a group before its contents) once. */
export function testsAround(items: readonly Located[]): TestsAround {
  const tests = new Map<Held, readonly Test[]>();
  const testsOf = (node: Held): readonly Test[] => {
    let list = tests.get(node);
    if (list === undefined) tests.set(node, (list = nodeTests(node)));
    return list;
  };
  // Each group's depth, where its contents end, the nearest group around it (or itself) with a test, the nearest
  // one around it, and whether it or a group around it is disabled: one pass, made on first use.
  const depth = new Map<Group, number>();
  const end = new Map<Group, number>();
  const tested = new Map<Group, Group | undefined>();
  const up = new Map<Group, Group | undefined>();
  const offGroup = new Map<Group, boolean>();
  let read = false;
  const groups = () => {
    if (read) return;
    read = true;
    const open: Group[] = [];
    items.forEach((l, i) => {
      const parent = l.parent.kind === 'group' ? l.parent : undefined;
      const d = parent ? (depth.get(parent) as number) + 1 : 0;
      while (open.length > d) end.set(open.pop() as Group, i);
      if (l.node.kind !== 'group') return;
      const above = parent && tested.get(parent);
      depth.set(l.node, d);
      up.set(l.node, above);
      tested.set(l.node, testsOf(l.node).length > 0 ? l.node : above);
      offGroup.set(l.node, isDisabled(l.node) || (parent !== undefined && offGroup.get(parent) === true));
      open.push(l.node);
    });
    while (open.length) end.set(open.pop() as Group, items.length);
  };
  const parentGroup = (l: Located) => (l.parent.kind === 'group' ? l.parent : undefined);
  const heldAround = (l: Located, floor: number): [Held, number][] => {
    groups();
    const out: [Held, number][] = [];
    const parent = parentGroup(l);
    const own = parent ? (depth.get(parent) as number) + 1 : 0;
    if (own >= floor && testsOf(l.node).length > 0) out.push([l.node, own]);
    for (let g = parent && tested.get(parent); g !== undefined; g = up.get(g)) {
      const d = depth.get(g) as number;
      if (d < floor) break;
      out.push([g, d]);
    }
    return out;
  };
  const off = (l: Located) => {
    groups();
    const parent = parentGroup(l);
    return isDisabled(l.node) || (parent !== undefined && offGroup.get(parent) === true);
  };

  const indexed = new Map<readonly number[], Indexed>();
  const indexOf = (positions: readonly number[]): Indexed => {
    let found = indexed.get(positions);
    if (found) return found;
    const around = new Map<string, Omit<Around, 'runLast' | 'shallow'>>();
    const offAt: number[] = [];
    positions.forEach((p, k) => {
      const l = items[p] as Located;
      if (off(l)) offAt.push(k);
      // Tests of a variable the sequence sets itself (`_SMS…`) never exclude, and are not indexed.
      const seen = new Set<string>();
      for (const [node, d] of heldAround(l, 0)) {
        for (const test of testsOf(node)) {
          if (test.variable.startsWith('_')) continue;
          const keys = [kindKey(test.variable, test.kind, test.positive, test.value)];
          if (test.kind === 'equals' && test.positive) keys.push(kindKey(test.variable, test.kind, test.positive));
          for (const key of keys) {
            if (seen.has(key)) continue;
            seen.add(key);
            let a = around.get(key);
            if (!a) around.set(key, (a = { at: [], depth: [], value: [], node: [] }));
            a.at.push(k);
            a.depth.push(d);
            a.value.push(test.value);
            a.node.push(node);
          }
        }
      }
    });
    const full = new Map<string, Around>();
    for (const [key, a] of around) full.set(key, { ...a, runLast: runsOf(a.at), shallow: minSearch(a.depth) });
    indexed.set(positions, (found = { around: full, off: offAt, offLast: runsOf(offAt) }));
    return found;
  };

  const conditionKeys = new Map<Held, string>();
  const conditionKeyOf = (node: Held): string => {
    let key = conditionKeys.get(node);
    if (key === undefined) conditionKeys.set(node, (key = conditionKey(conditionOf(node) as Condition)));
    return key;
  };

  return {
    heldAround,
    apartTests: (l, shared) =>
      heldAround(l, shared)
        .reverse()
        .flatMap(([node]) => testsOf(node).map((test) => ({ node, test }))),
    endOf: (group) => {
      groups();
      return end.get(group) as number;
    },
    off,
    indexOf,
    firstMaybeEqual(a, w, k) {
      // A value that may name another variable may be anything.
      if (w.includes('%')) return k;
      if (!a.byText) {
        a.byText = new Map();
        a.percent = [];
        a.byNumber = new Map();
        for (let m = 0; m < a.at.length; m++) {
          const x = a.value[m] as string;
          push(a.byText, x.trim().toLowerCase(), a.at[m] as number);
          if (x.includes('%')) a.percent.push(a.at[m] as number);
          for (const n of new Set(numberReadings(x))) push(a.byNumber, n, a.at[m] as number);
        }
      }
      const byNumber = a.byNumber;
      return firstOf([a.byText.get(w.trim().toLowerCase()), a.percent, ...numberReadings(w).map((n) => byNumber?.get(n))], k);
    },
    firstOfConditions(a, keys, k) {
      if (!a.byCondition) {
        a.byCondition = new Map();
        for (let m = 0; m < a.at.length; m++) push(a.byCondition, conditionKeyOf(a.node[m] as Held), a.at[m] as number);
      }
      const byCondition = a.byCondition;
      return firstOf(
        keys.map((key) => byCondition.get(key)),
        k,
      );
    },
    conditionKeyOf,
  };
}
