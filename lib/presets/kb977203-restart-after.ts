/**
 * The restart after a CCMCertFix step as the preset adopts it and the R14 lint rules look for it: the next step in
 * execution order, not the next sibling. CCMCertFix as the last step of a group, with the Restart Computer right after
 * that group or first in the next one, is wired: the engine runs the restart next. The groups that end or begin between them must not make the
 * restart run other than whenever CCMCertFix does: a group entered on the way that is disabled, or has a condition
 * (evaluated after CCMCertFix ran), is a finding, as the restart's own disabled flag and condition are. A group left on
 * the way with a condition CCMCertFix ran under is not: the restart runs whether or not that condition held, so
 * always after CCMCertFix.
 */
import { conditionOf, describeCondition } from '../model/conditions.js';
import type { Located } from '../model/query.js';
import type { Condition, Group, SequenceItem, Step, SubTaskSequence } from '../model/types.js';
import type { BranchIndex } from './kb977203-branch-index.js';
import { firstAtOrAbove } from '../min-search.js';
import { isDisabled, neverRuns, restartMismatch, restartsToOs, sameCondition } from './kb977203-step-queries.js';
import { shownValue } from '../shown-value.js';
import { conditionMode } from '../transforms/conditions.js';

/** What {@link nextStepRunAfter} found: the step run next, and the first item passed over as never run. */
export interface RunNext {
  next: Located<Step | SubTaskSequence> | undefined;
  /** The first item (a group, or a step) between them that never runs once `from` has run. */
  passed: Located | undefined;
}

/**
 * The step (or sub task sequence) the engine runs right after `from` (Setup, or a CCMCertFix step), or undefined at the
 * end of the sequence, passing over the branches that never run once `from` has run (see kb977203-branches.ts) with
 * everything in them: with two Setup steps in branches that exclude each other and one CCMCertFix step or restart
 * after both, the first Setup step's next step is that one, as the second's is. Taken as the next step listed, the
 * first got the KB's restart and then the shared one: two restarts in a row. `listed` is the sequence's items in
 * execution order (a group before its contents), `at` each item's place in it, `branches` its branch index.
 *
 * The engine enters each group on the way, and passes over one that never runs once `from` has run with all it holds:
 * the step run next is the first listed after `from` that neither never runs itself nor is in such a group (one not
 * also around `from`), the branch index's question. Walked item by item, a Setup step in one of n branches that
 * exclude each other passed over the n − 1 after it one by one.
 */
export function nextStepRunAfter(listed: readonly Located[], from: Located, at: (n: SequenceItem) => number, branches: BranchIndex): RunNext {
  // A disabled step or group is passed over as the engine passes over it: with a disabled step between CCMCertFix and
  // a restart, the restart runs right after CCMCertFix (the preset inserted a second one, and lint called the restart
  // missing). Only after a `from` that runs: after a disabled one (the preset's pair for a disabled Setup step) the
  // steps disabled with it are the ones that would run next once it is enabled.
  const runs = !neverRuns(from);
  const next = branches.nextStepRun(from);
  const end = next === -1 ? listed.length : next;
  // Before the first item passed over, every item is a group the engine enters (a step would be the one run next).
  let passed: Located | undefined;
  for (let i = at(from.node) + 1; i < end && passed === undefined; i++) {
    const l = listed[i] as Located;
    if ((runs && neverRuns(l)) || branches.skipped(from, l).skipped) passed = l;
  }
  return { next: next === -1 ? undefined : (listed[next] as Located<Step | SubTaskSequence>), passed };
}

/** Where the Restart Computer steps to the installed OS that never run are in `listed` (for {@link disabledRestartPassed}). */
export function disabledRestartsAt(listed: readonly Located[]): number[] {
  return listed.flatMap((l, i) => (restartsToOs(l.node) && neverRuns(l) ? [i] : []));
}

/**
 * The first Restart Computer to the installed OS that `run` passed over as disabled (by its flag or a group's) between
 * `from` and the step run next: the restart the administrator meant, which the preset's report and lint name with why
 * it does not count ("is disabled", "is in the disabled group …") rather than call it missing. Undefined when none.
 * `disabled` gives {@link disabledRestartsAt} of `listed`, asked only when needed.
 */
export function disabledRestartPassed(listed: readonly Located[], from: Located, run: RunNext, at: (n: SequenceItem) => number, disabled: () => readonly number[]): Located<Step> | undefined {
  // Only after a `from` that runs does the walk pass over disabled steps (see nextStepRunAfter).
  if (run.passed === undefined || neverRuns(from)) return undefined;
  const end = run.next === undefined ? listed.length : at(run.next.node);
  const restarts = disabled();
  const first = restarts[firstAtOrAbove(restarts, at(run.passed.node))];
  return first !== undefined && first < end ? (listed[first] as Located<Step>) : undefined;
}

/** An item and the groups around it that are not also around `beside` (outermost first), the item last. */
function apart(item: Located<Step | SubTaskSequence>, beside: Located): (Group | Step | SubTaskSequence)[] {
  let shared = 0;
  while (shared < item.groups.length && item.groups[shared] === beside.groups[shared]) shared++;
  return [...item.groups.slice(shared), item.node];
}

/** Where a condition that keeps the restart from running exactly when CCMCertFix does sits, in words. */
const where = (node: Group | Step | SubTaskSequence, restart: Located): string => (node === restart.node ? 'has a condition of its own' : `is in the group ${shownValue(node.attributes.name ?? '', '"')}, which has a condition CCMCertFix does not run under`);

/**
 * Why `restart`, the next step run after `certfix`, does not run whenever it does, in words, or undefined when it
 * does (a restart that runs also when CCMCertFix did not is the KB's restart all the same). Siblings are judged by the preset's own test (`restartMismatch`, what it adopts). Across groups: the
 * restart, or a group around it the CCMCertFix step is not in, is disabled while CCMCertFix is not (or the other
 * way round); or the restart runs under a condition apart from CCMCertFix that is not one of CCMCertFix's, in the
 * same order, or under one of CCMCertFix's that tests what can change once CCMCertFix ran (WMI, files, `_SMS…` variables: see `conditionMode`).
 */
export function restartMismatchAcross(certfix: Located<Step>, restart: Located<Step>): string | undefined {
  if (certfix.parent === restart.parent) return restartMismatch(certfix.node, restart.node);
  const mine = apart(restart, certfix);
  const theirs = apart(certfix, restart);
  const off = mine.find(isDisabled);
  if ((off !== undefined) !== theirs.some(isDisabled)) return off !== undefined ? (off === restart.node ? 'is disabled' : `is in the disabled group ${shownValue(off.attributes.name ?? '', '"')}`) : 'is enabled while CCMCertFix is disabled';
  const conditions = (nodes: (Group | Step | SubTaskSequence)[]) => nodes.flatMap((node) => (conditionOf(node) === undefined ? [] : [{ node, condition: conditionOf(node) as Condition }]));
  const own = conditions(mine);
  const certfixes = conditions(theirs);
  if (own.length === 0 && certfixes.length === 0) return undefined;
  const shown = (c: Condition) => shownValue(describeCondition(c), '');
  const differs = own.findIndex((o, i) => {
    const c = certfixes[i];
    return c === undefined || !sameCondition(o.condition, c.condition);
  });
  if (differs !== -1) {
    const first = own[differs] as (typeof own)[number];
    return `${where(first.node, restart)} (${shown(first.condition)}), evaluated after CCMCertFix ran`;
  }
  // The restart's conditions are CCMCertFix's first ones (or it has none): it runs whenever CCMCertFix ran, and also
  // where the rest of CCMCertFix's conditions kept it from running. That is the restart R14 asks for; another one
  // inserted before it would restart the computer twice.
  const again = own.find((o) => conditionMode(o.condition) !== 'copy');
  return again === undefined ? undefined : `has CCMCertFix's condition${again.node === restart.node ? '' : ` (on the group ${shownValue(again.node.attributes.name ?? '', '"')})`}, evaluated again after CCMCertFix ran (${shown(again.condition)})`;
}
