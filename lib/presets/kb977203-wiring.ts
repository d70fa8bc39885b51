/**
 * Part B of KB977203 on one Setup Windows and ConfigMgr step: CCMCertFix (Install Software) and a restart to the
 * installed OS right after it (R13, R14), running exactly when Setup ran — its disable flag and its condition carried
 * over — and existing CCMCertFix wiring adopted where it runs whenever Setup does, never moved in execution order or deleted (a group may be put around
 * it to carry its condition). An existing restart is adopted only when it runs whenever the CCMCertFix step does (one
 * with no condition after a conditional CCMCertFix step does) and does not notify the user (R14); otherwise the KB's own restart goes in before it, and the administrator's stays
 * as it was.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue } from '../errors.js';
import { conditionOf } from '../model/conditions.js';
import type { PlannedBatch } from '../model/edit-batch.js';
import type { Located } from '../model/query.js';
import { RestartComputerStep, STEP_TYPES } from '../model/steps.js';
import type { SequenceItem, Step, SubTaskSequence } from '../model/types.js';
import { conditionMode, wrapInGroup } from '../transforms/conditions.js';
import { type AlreadyInPlace, childrenOf, type Edit, inSubtrees } from '../transforms/context.js';
import { markupOf } from '../transforms/markup-count.js';
import type { ResolvedKb977203Options } from './kb977203-options.js';
import { commandLineAdopted, commandLineNotUsed } from './kb977203-command-line.js';
import { certfixesRunAgain, type ExecutionOrder } from './kb977203-execution-order.js';
import { firstAbove, firstAtOrAbove } from '../min-search.js';
import type { CertfixFor } from './kb977203-certfix-for.js';
import { KB977203_CERTFIX_DESCRIPTION, KB977203_GROUP_DESCRIPTION, newSteps, presetGroupDescription } from './kb977203-new-steps.js';
import { type Release, sequenceRelease } from '../catalog/versions.js';
import { disabledRestartPassed, disabledRestartsAt, nextStepRunAfter, restartMismatchAcross, type RunNext } from './kb977203-restart-after.js';
import { branchesOf } from './kb977203-branch-index.js';
import { isDisabled, neverRuns, restartsToOs } from './kb977203-step-queries.js';
import { placeOf } from '../issue-place.js';
import { shownValue } from '../shown-value.js';

// Moved to the transforms, which insert-steps-after shares with the preset; still importable from here.
export { conditionMode, reindent } from '../transforms/conditions.js';

/** What one Setup step needs: edits, what is already there, and notes. */
export interface WiringPlan {
  edits: Edit[];
  already: AlreadyInPlace[];
  diagnostics: Issue[];
  /** Whether a CCMCertFix step is inserted (one with the description given), rather than one adopted. */
  insertsCertfix: boolean;
  /** The markup items the edits add (see markup-count.ts): the steps built, their condition copies, a group's tags. */
  markup: number;
}

/**
 * Plans CCMCertFix and the restart for one Setup step, around `found`, the CCMCertFix step that counts for it (see
 * kb977203-certfix-for.ts: adopted when there is one, else the pair is inserted). `certfixDescription` is the
 * description an inserted CCMCertFix step gets ({@link KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT} when the preset
 * adds DependentProgram to a package that had none, {@link KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT} when the
 * package already had it as the preset sets it). Insertions are recorded in `batch` (one rebuild of each parent for
 * all Setup steps: one splice per step inserted cost the parent's size each time, so many Setup steps in one group
 * took time that grew with their square).
 */
export function planWiring(doc: TaskSequenceDocument, setup: Located<Step>, o: ResolvedKb977203Options, order: ExecutionOrder, batch: PlannedBatch, found: CertfixFor, certfixDescription = KB977203_CERTFIX_DESCRIPTION): WiringPlan {
  const plan: WiringPlan = { edits: [], already: [], diagnostics: [], insertsCertfix: false, markup: 0 };
  const step = setup.node;
  const { items, certfixes, certfixAt } = order;
  const at = (n: SequenceItem) => order.index.get(n) ?? -1;
  const from = at(step);
  // Binary searches in the ascending position lists: a sequence of many Setup steps is planned in linear time.
  const setupsAt = order.byType(STEP_TYPES.setupWindowsAndConfigMgr);
  const nextSetup = setupsAt[firstAbove(setupsAt, from)] ?? -1;
  const previousSetup = setupsAt[firstAtOrAbove(setupsAt, from) - 1] ?? -1;
  for (const { item, why } of found.branchNotes) {
    plan.diagnostics.push({ code: 'KB977203_BRANCHES_NOT_EXCLUSIVE', severity: 'info', path: setup.path, ...placeOf(doc, setup), message: `"${setup.path}" and "${item.path}" are under opposite conditions, but ${why}: the engine may run both, so a CCMCertFix step after "${item.path}" does not count for "${setup.path}".` });
  }
  const disabled = isDisabled(step);
  const { notTaken } = found;
  const adopted = found.step;
  const commandLine = found.commandLine ? adopted : undefined;
  if (disabled) {
    plan.diagnostics.push({ code: 'KB977203_SETUP_DISABLED', severity: 'warning', path: setup.path, ...placeOf(doc, setup), message: `"${setup.path}" is disabled, so the CCMCertFix and restart steps that go with it are disabled too; enabling Setup later needs them enabled as well.` });
  }
  // The other Run Command Line CCMCertFix steps, and why each is not used. Each is named once, for the Setup step it
  // follows most closely, or for the first Setup step when it comes before every one.
  const low = previousSetup === -1 ? -1 : from;
  const high = nextSetup === -1 ? items.length : nextSetup;
  for (let k = firstAbove(order.commandLineAt, low); k < order.commandLineAt.length && (order.commandLineAt[k] as number) < high; k++) {
    const other = order.commandLines[k] as Located;
    if (other === commandLine) continue;
    plan.diagnostics.push(commandLineNotUsed(doc, other, setup.path, notTaken(other), !neverRuns(other), o.certfixPackage, o.program));
  }
  if (adopted) {
    const certfix = adopted.node;
    if (commandLine) {
      plan.already.push({ what: `run-command-line step ${shownValue(certfix.attributes.name ?? '', '"')} runs CCMCertFix.exe after Setup (the administrator's, left as it is; KB977203 asks for an Install Software step)`, where: setup.path, requirement: 'R13' });
      plan.diagnostics.push(commandLineAdopted(doc, adopted, setup.path, o.certfixPackage, o.program));
    } else plan.already.push({ what: `install-software step ${shownValue(certfix.attributes.name ?? '', '"')} runs CCMCertFix after Setup`, where: setup.path, requirement: 'R13' });
    // A CCMCertFix step after branches that exclude each other is adopted for the Setup step of each: its restart is
    // planned once, for the first.
    if (order.restartPlanned.has(certfix)) return plan;
    order.restartPlanned.add(certfix);
    // Another CCMCertFix step of the same package and program after the adopted one, before the next Setup step: the
    // sequence runs CCMCertFix twice (a pair wired twice, say), which nothing else would say (another package's or
    // program's step has its own warning).
    for (const other of certfixesRunAgain(order, adopted)) {
      plan.diagnostics.push({ code: 'KB977203_CERTFIX_TWICE', severity: 'warning', path: other.path, ...placeOf(doc, other), message: `"${other.path}" runs CCMCertFix again after ${shownValue(certfix.attributes.name ?? '', '"')}, which is the CCMCertFix step for "${setup.path}": the sequence can run CCMCertFix twice, and restart twice if a restart follows each. It stays as it is; remove it if one run is meant.` });
    }
    // The step the engine runs next (see kb977203-restart-after.ts): the next sibling, or, across the end or start of
    // a group, the first step run after it, with the groups between them judged as lint judges them.
    const run = runNext(order, adopted);
    const after = run.next;
    const next = after?.node;
    // A restart that notifies the user is not the KB's restart either (R14 clears the notice). It is the
    // administrator's step, and is not changed to fit: its time-out would be lost, and revert could not give it back.
    const { runsApart, notifies } = restartAfter(adopted, after);
    if (restartsToOs(next) && runsApart === undefined && notifies === undefined) {
      plan.already.push({ what: `restart-computer step ${shownValue(next.attributes.name ?? '', '"')}${passedOver(run, shownValue(certfix.attributes.name ?? '', '"'))}`, where: setup.path, requirement: 'R14' });
      return plan;
    }
    // The restart runs under the adopted step's condition, copied: one that is adopted tests only variables the
    // sequence or the administrator sets and nothing between Setup and it sets (see kb977203-certfix-for.ts), so the
    // copy, evaluated right after it, comes out as it did. (Earlier versions adopted a step under Setup's WMI or
    // `_SMS…` condition and moved that condition to a group around it and its restart; revert still undoes that.)
    const cond = conditionOf(certfix);
    const [, restart] = newSteps(o, isDisabled(certfix), cond, 'retryCount' in certfix.attributes, releaseOf(doc, order));
    plan.markup = markupOf(restart);
    // A restart there that does not run exactly when CCMCertFix runs stays as it is (no administrator's step is
    // changed to fit), and the KB's own restart goes before it; the report says why.
    const because = restartBecause(next, runsApart, notifies);
    const inserted = { what: `inserted restart-computer step "${o.stepNames.restart}"${because}`, where: `${setup.path} (after ${shownValue(certfix.attributes.name ?? '', '"')})`, requirement: 'R14' };
    restartTwice(doc, plan, adopted, after, runsApart, notifies, o.stepNames.restart);
    plan.edits.push({ change: inserted, apply: batch.insertAfter(certfix, [restart]), scope: childrenOf(adopted) });
    return plan;
  }
  // The CCMCertFix steps between the Setup steps before and after this one: each step is named for at most two Setup
  // steps, not for every one (which made the report grow with their product).
  const last = nextSetup === -1 ? items.length : nextSetup;
  for (let k = firstAbove(certfixAt, previousSetup); k < certfixAt.length && (certfixAt[k] as number) < last; k++) {
    const other = certfixes[k] as Located;
    plan.diagnostics.push({ code: 'KB977203_CERTFIX_ELSEWHERE', severity: 'info', path: other.path, ...placeOf(doc, other), message: `"${other.path}" runs CCMCertFix but does not count for "${setup.path}": it ${notTaken(other)}. It stays where it is, and the KB's pair is inserted after Setup.` });
  }
  // Those after Setup that can run come after the KB's pair once it is in: the sequence then runs CCMCertFix twice,
  // which a check of the result warns of (the pair is adopted then, and each runs again after it). Warned now, as the
  // edit makes it so, with the code that check gives. Not after a Setup step that never runs: nor does its pair.
  for (const other of certfixesRunAgain(order, setup)) {
    plan.diagnostics.push({ code: 'KB977203_CERTFIX_TWICE', severity: 'warning', path: other.path, ...placeOf(doc, other), message: `"${other.path}" runs CCMCertFix after the KB's pair, which goes in right after "${setup.path}": the sequence can run CCMCertFix twice, and restart twice if a restart follows each. It stays as it is; remove it if one run is meant.` });
  }
  const condition = conditionOf(step);
  const mode = condition ? conditionMode(condition) : undefined;
  const retry = 'retryCount' in step.attributes;
  const [certfix, restart] = newSteps(o, disabled, mode === 'copy' ? condition : undefined, retry, releaseOf(doc, order), certfixDescription);
  // A restart the engine runs right after Setup, whenever Setup runs, to the installed OS and with no notice, is the
  // KB's restart (R14) once CCMCertFix goes in before it: it is adopted, and no second one goes in (the computer
  // restarted twice in a row). The inserted CCMCertFix runs exactly when Setup does (its flag, its condition copied
  // or the group around both), so the restart is judged against Setup. Any other restart there stays as it is, after
  // the KB's pair, and the report says the computer restarts twice.
  const run = runNext(order, setup);
  const after = run.next;
  const next = after?.node;
  const { runsApart, notifies } = restartAfter(setup, after);
  const restartAdopted = restartsToOs(next) && runsApart === undefined && notifies === undefined;
  const added = restartAdopted ? [certfix] : [certfix, restart];
  plan.markup = added.reduce((n, s) => n + markupOf(s), 0) + (mode === 'wrap' ? 2 : 0);
  plan.insertsCertfix = true;
  const where = (after: string) => `${setup.path} (after "${after}")`;
  const changes: Edit['change'][] = [{ what: `inserted install-software step "${o.stepNames.certfix}"`, where: where(step.attributes.name ?? ''), requirement: 'R13' }];
  if (restartAdopted) plan.already.push({ what: `restart-computer step ${shownValue(next.attributes.name ?? '', '"')}, right after Setup${passedOver(run, 'Setup')}, once CCMCertFix is in before it`, where: setup.path, requirement: 'R14' });
  else {
    changes.push({ what: `inserted restart-computer step "${o.stepNames.restart}"${restartBecause(next, runsApart, notifies)}`, where: where(o.stepNames.certfix), requirement: 'R14' });
    restartTwice(doc, plan, setup, after, runsApart, notifies, o.stepNames.restart);
  }
  if (mode !== 'wrap' || !condition) {
    plan.edits.push({ change: changes[0] as Edit['change'], apply: batch.insertAfter(step, [certfix]), scope: childrenOf(setup) });
    if (!restartAdopted) plan.edits.push({ change: changes[1] as Edit['change'], apply: batch.insertAfter(certfix, [restart]), scope: childrenOf(setup) });
    return plan;
  }
  plan.edits.push({
    change: { what: `moved the condition of ${shownValue(step.attributes.name ?? '', '"')} to a new group of the same name around it, evaluated once in Windows PE`, where: setup.path, requirement: 'R13' },
    apply: () => wrapInGroup(doc, setup, condition, added, (after) => presetGroupDescription(KB977203_GROUP_DESCRIPTION, after)),
    scope: inSubtrees([setup.node], [setup.parent]),
  });
  for (const change of changes) plan.edits.push({ change, apply: () => undefined, scope: inSubtrees([]) });
  return plan;
}

/** The sequence's release, found once a run (`order` is one run's) from the items it lists. */
function releaseOf(doc: TaskSequenceDocument, order: ExecutionOrder): Release {
  return (order.made.release ??= sequenceRelease(doc.sequence, doc.container, order.items));
}

/** Where the restarts to the installed OS that never run are, found once a run (`order` is one run's). */
function disabledRestartsOf(order: ExecutionOrder): number[] {
  return (order.made.disabledRestarts ??= disabledRestartsAt(order.items));
}

/** The step the engine runs right after `from` (Setup, or its CCMCertFix step), past branches that exclude it. */
function runNext(order: ExecutionOrder, from: Located): RunNext {
  const at = (n: SequenceItem) => order.index.get(n) ?? -1;
  const run = nextStepRunAfter(order.items, from, at, branchesOf(order));
  if (run.next !== undefined && restartsToOs(run.next.node)) return run;
  // No restart run next, but one passed over as disabled: it is the step judged (and named) as the restart there, as
  // before disabled steps were passed over ("is disabled", "is in the disabled group …").
  const disabled = disabledRestartPassed(order.items, from, run, at, () => disabledRestartsOf(order));
  return disabled === undefined ? run : { next: disabled, passed: undefined };
}

/** For the report: the branch the engine passes over to reach the restart, in words ('' when none). */
function passedOver(run: RunNext, after: string): string {
  if (run.passed === undefined) return '';
  return ` (past ${shownValue(run.passed.path, '"')}, which ${neverRuns(run.passed) ? 'is disabled' : `never runs once ${after} has run`})`;
}

/**
 * Of the step the engine runs right after `before` (a CCMCertFix step, or Setup where CCMCertFix goes in after it),
 * when it restarts to the installed OS: why it does not run exactly when `before` runs (see
 * kb977203-restart-after.ts), or the time-out of its notice to the user, which R14 clears (one that notifies is the
 * administrator's, and is not changed to fit: its time-out would be lost, and revert could not give it back).
 */
function restartAfter(before: Located<Step>, after: Located<Step | SubTaskSequence> | undefined): { runsApart: string | undefined; notifies: string | undefined } {
  const next = after?.node;
  if (!restartsToOs(next)) return { runsApart: undefined, notifies: undefined };
  const view = new RestartComputerStep(next);
  return { runsApart: restartMismatchAcross(before, after as Located<Step>), notifies: view.notifiesUser ? (view.timeout ?? '') : undefined };
}

/** Whether an item is a Restart Computer step, to whatever it restarts. */
const isRestart = (item: SequenceItem | undefined): item is Step => item?.kind === 'step' && item.attributes.type === STEP_TYPES.restartComputer;

/** Why the KB's restart goes in before the restart `next` that follows (said in the change), '' when none does. */
function restartBecause(next: SequenceItem | undefined, runsApart: string | undefined, notifies: string | undefined): string {
  if (!isRestart(next)) return '';
  const name = shownValue(next.attributes.name ?? '', '"');
  if (!restartsToOs(next)) return ` (the restart ${name} after it restarts to Windows PE, not to the installed operating system, R14; it is the administrator's and stays as it is)`;
  if (runsApart !== undefined) return ` (the restart ${name} after it ${runsApart}, so it does not run exactly when CCMCertFix runs)`;
  if (notifies !== undefined) return ` (the restart ${name} after it notifies the user before restarting, time-out ${notifies} s, which KB977203 says to clear (R14); it is the administrator's and stays as it is)`;
  return '';
}

/**
 * Says, as a diagnostic a fleet report or a script can find by code, that the KB's restart goes in before the
 * administrator's restart `next`, run right after `before`, which stays: the computer now restarts twice there
 * (`KB977203_RESTART_NOTIFIES` for one that notifies the user, `KB977203_RESTART_TWICE` for one to Windows PE or
 * one that does not run exactly when CCMCertFix does).
 */
function restartTwice(doc: TaskSequenceDocument, plan: WiringPlan, before: Located<Step>, after: Located<Step | SubTaskSequence> | undefined, runsApart: string | undefined, notifies: string | undefined, restartName: string): void {
  const next = after?.node;
  // Not where one of the two never runs: a disabled restart (or one in a disabled group), or the KB's own, disabled
  // with the step it follows.
  if (!isRestart(next) || neverRuns(after as Located) || neverRuns(before)) return;
  const path = before.path;
  const name = shownValue(next.attributes.name ?? '', '"');
  const what = shownValue(before.node.attributes.name ?? '', '"');
  if (restartsToOs(next) && runsApart === undefined && notifies !== undefined) {
    plan.diagnostics.push({ code: 'KB977203_RESTART_NOTIFIES', severity: 'warning', path, ...placeOf(doc, before), message: `The restart ${name} right after ${what} notifies the user (time-out ${notifies} s), which KB977203 says to clear (R14): it is the administrator's and stays as it is, and the KB's restart "${restartName}" goes in before it, so the computer restarts twice there. Remove or change ${name} if one restart is meant.` });
    return;
  }
  // One that runs apart from CCMCertFix (a condition of its own, a disabled flag) may or may not run after the KB's.
  const [why, twice] = !restartsToOs(next) ? ['restarts to Windows PE, not to the installed operating system (R14)', 'restarts twice'] : [`${runsApart ?? 'is not the restart KB977203 asks for'}, so it does not run exactly when CCMCertFix runs`, 'can restart twice'];
  plan.diagnostics.push({ code: 'KB977203_RESTART_TWICE', severity: 'warning', path, ...placeOf(doc, before), message: `The restart ${name} right after ${what} ${why}: it is the administrator's and stays as it is, and the KB's restart "${restartName}" goes in before it, so the computer ${twice} there. Remove or change ${name} if one restart is meant.` });
}
