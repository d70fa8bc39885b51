/**
 * The branch check of kb977203-branches.ts over one run's listing, for many Setup steps: the first item after a Setup
 * step that is not skipped once it has run. Judged one by one, as the branch check was first asked, a Setup step in
 * one of n branches that exclude each other (`OSDImage equals Image1`, `… Image2`, …) judged every later branch's
 * Setup step, restore and step before it found one that runs: n² judgements, and each read the conditions again.
 *
 * Here each node's tests are read once, and the items that can stand after a Setup step (its list of positions:
 * the Setup steps, the restores, the steps) are indexed by the tests around them (kb977203-tests-around.ts): for each
 * kind of variable test (a variable, `equals` or `exists`, positive or negative, and the value), the items whose
 * innermost test of that kind is around them, with how deep it is. One test around the Setup step then
 * passes a run of such items at once, by binary searches, where every item of the run is surely skipped: its test
 * excludes the Setup step's (see `excludes`), sits in a group the Setup step is not in, and comes before the first
 * step after the Setup step's test that may set the variable. The item the runs stop at is judged as before
 * (`judgedApart`), so the answers are the branch check's own: the runs only leave out items it would skip.
 */
import type { Located } from '../model/query.js';
import { conditionOf } from '../model/conditions.js';
import type { SequenceItem } from '../model/types.js';
import { type HeldTest, judgedApart, type Skipped } from './kb977203-branches.js';
import type { ExecutionOrder, SetterIndex } from './kb977203-execution-order.js';
import { firstAbove, firstAtOrAbove } from '../min-search.js';
import { neverRuns } from './kb977203-step-queries.js';
import { kindKey, testsAround } from './kb977203-tests-around.js';

/** How many items a search judges one by one before it indexes its list and passes runs of them at once. */
const EAGER = 4;

/** The branch check over one listing (see the module comment). */
export interface BranchIndex {
  /** `skippedAfter` (kb977203-branches.ts), each node's tests read once. */
  skipped(setup: Located, other: Located): Skipped;
  /**
   * The first of `positions` (ascending) listed after `from`, a Setup step, and before `below` whose item is not
   * skipped after it, or -1; `notes` gets why, when that item has conditions opposite to the Setup step's that do not
   * keep it from running. `below` bounds the search where nothing past it can matter to the caller.
   */
  firstRunAfter(positions: readonly number[], from: Located, notes: { item: Located; why: string }[], below?: number): number;
  /**
   * The first of `positions` listed after `from` and before `below` whose item `takes` takes, or -1. `takes` must not
   * take an item with a condition (its own, or a group's not around `from`) that none around `from` has, as
   * `sameCondition` compares them: such items in branches that exclude `from`'s are passed at once, without asking.
   */
  firstTaken(positions: readonly number[], from: Located, below: number, takes: (l: Located) => boolean): number;
  /**
   * Where the first step (or sub task sequence) listed after `from` is that runs once `from` has run: not skipped
   * after it, and, when `from` runs, not disabled (by its flag or a group's); -1 for none.
   */
  nextStepRun(from: Located): number;
}

/** Indexes a listing's branch checks. `at` gives an item's position in `items`; `setters` the steps that set variables. */
export function branchIndex(items: readonly Located[], setters: SetterIndex, at: (n: SequenceItem) => number): BranchIndex {
  const around = testsAround(items);

  /**
   * The first item of `positions` above `setup` (below `below`) that is not passed over after it: one that `takes`
   * takes or, without `takes`, one that is not skipped after it (nor, with `passOff`, never runs).
   */
  const search = (positions: readonly number[], setup: Located, below: number, passOff: boolean, takes?: (l: Located) => boolean): { at: number; why?: string } | undefined => {
    const p = at(setup.node);
    const outside = setup.groups;
    const ends = outside.map((g) => around.endOf(g));
    const limit = below === Infinity ? positions.length : firstAtOrAbove(positions, below);
    // The groups around the Setup step that are around the item at hand too (the items are taken in order, and
    // fewer of them are around each later one), and the Setup step's tests not also around it.
    let shared = outside.length;
    const mine = new Map<number, HeldTest[]>();
    const mineAt = (c: number) => {
      let list = mine.get(c);
      if (!list) mine.set(c, (list = around.apartTests(setup, c)));
      return list;
    };
    // For `takes`: the conditions around the Setup step and not around the item at hand, by key.
    const conditions = new Map<number, string[]>();
    const conditionsAt = (c: number) => {
      let list = conditions.get(c);
      if (!list) conditions.set(c, (list = [...outside.slice(c), setup.node].filter((n) => conditionOf(n) !== undefined).map((n) => around.conditionKeyOf(n))));
      return list;
    };
    const sharedAt = (q: number) => {
      while (shared > 0 && (ends[shared - 1] as number) <= q) shared--;
      return shared;
    };
    /** Past the items from list place `k` on that are surely passed over, to the first that may not be. */
    const jump = (start: number): number => {
      // Indexed on the first jump: most searches stop at the first or second item (see the loop below).
      const index = around.indexOf(positions);
      let k = start;
      for (;;) {
        if (k >= limit) return k;
        const c = sharedAt(positions[k] as number);
        const segmentEnd = c > 0 ? Math.min(limit, firstAtOrAbove(positions, ends[c - 1] as number)) : limit;
        let next = k;
        if (passOff) {
          const m = firstAtOrAbove(index.off, k);
          if (index.off[m] === k) next = (index.off[index.offLast[m] as number] as number) + 1;
        }
        for (const { node, test } of mineAt(c)) {
          if (test.variable.startsWith('_')) continue;
          const w = test.value;
          // The kinds of test that exclude this one (see `excludes`), and whether each must also differ in value:
          // `X equals w` excludes `X equals` another value and `X notEquals w`, `X notEquals w` excludes `X equals w`,
          // `X exists` excludes `X notExists`, and the other way round.
          const v = test.variable;
          const targets: [string, boolean][] =
            test.kind === 'equals' ? (test.positive ? [[kindKey(v, 'equals', true), true], [kindKey(v, 'equals', false, w), false]] : [[kindKey(v, 'equals', true, w), false]]) : [[kindKey(v, 'exists', !test.positive, w), false]];
          for (const [key, differs] of targets) {
            const a = index.around.get(key);
            if (!a) continue;
            const m = firstAtOrAbove(a.at, k);
            if (a.at[m] !== k) continue;
            // Not past an item whose innermost such test is around the Setup step too (a shared group's).
            const shallow = a.shallow.firstBelow(m, (a.runLast[m] as number) + 1, c);
            if (shallow === m) continue;
            // Nor past the first step after the Setup step's test that may set the variable: from there on, it may change.
            const setter = setters.firstAfter(at(node), test.variable);
            let to = Math.min(segmentEnd, setter === Infinity ? positions.length : firstAbove(positions, setter), (a.at[shallow - 1] as number) + 1);
            // Nor, against `equals w`, past an item whose test may hold the same value (see `surelyDifferent`).
            if (differs) to = Math.min(to, around.firstMaybeEqual(a, w, k));
            // For `takes`, nor past an item whose test sits in a condition the Setup step has too: it may be taken.
            if (takes) to = Math.min(to, around.firstOfConditions(a, conditionsAt(c), k));
            next = Math.max(next, to);
          }
        }
        if (next <= k) return k;
        k = next;
      }
    };
    // Item by item for the first few, as the check was first made: most searches end there, with nothing indexed.
    let passed = 0;
    for (let k = firstAbove(positions, p); k < limit; k = ++passed < EAGER ? k + 1 : jump(k + 1)) {
      const q = positions[k] as number;
      const other = items[q] as Located;
      if (passOff && around.off(other)) continue;
      if (takes) {
        if (takes(other)) return { at: q };
        continue;
      }
      const found = judgedApart(mineAt(sharedAt(q)), around.apartTests(other, sharedAt(q)), setters, at);
      if (!found.skipped) return found.why === undefined ? { at: q } : { at: q, why: found.why };
    }
    return undefined;
  };

  let steps: number[] | undefined;
  return {
    skipped(setup, other) {
      let shared = 0;
      while (shared < setup.groups.length && setup.groups[shared] === other.groups[shared]) shared++;
      return judgedApart(around.apartTests(setup, shared), around.apartTests(other, shared), setters, at);
    },
    firstRunAfter(positions, setup, notes, below = Infinity) {
      const found = search(positions, setup, below, false);
      if (found === undefined) return -1;
      if (found.why !== undefined) notes.push({ item: items[found.at] as Located, why: found.why });
      return found.at;
    },
    firstTaken(positions, from, below, takes) {
      return search(positions, from, below, false, takes)?.at ?? -1;
    },
    nextStepRun(from) {
      steps ??= items.flatMap((l, i) => (l.node.kind === 'group' ? [] : [i]));
      return search(steps, from, Infinity, !neverRuns(from))?.at ?? -1;
    },
  };
}

/** The branch index of one run's execution order, made on first use (and kept with it: see `ExecutionOrder.made`). */
export function branchesOf(order: ExecutionOrder): BranchIndex {
  return (order.made.branches ??= branchIndex(order.items, order.setters, (n) => order.index.get(n) ?? -1));
}
