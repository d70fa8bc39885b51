/**
 * Reverting the KB977203 preset: removes what it adds — the KB977203 entry of PATCH (one the preset found in place
 * and kept too, as nothing tells them apart, and the report names it; but not beside no CCMCertFix step that counts
 * for its Setup step, judged as apply judges it, where the preset never wrote it: see kb977203-revert-patch.ts), its CCMCertFix and restart
 * steps (found by the names and descriptions it gives them and the program they run, never an administrator's step,
 * even one under the preset's names; the restart stays with a CCMCertFix step of the preset's that was renamed since,
 * which is the administrator's now), the groups it made around a conditional Setup step or an adopted conditional
 * CCMCertFix step, DependentProgram when it names the CCMCertFix program (not one an inserted CCMCertFix step says the
 * package had before), and the reference it added. On a file the preset wrote from a sequence without a KB977203
 * entry in PATCH (no PATCH, or a `PATCH="…"` list, which it added to), the result is the original bytes; from PATCH,
 * only the KB977203 entry is taken out, the rest as written (see kb977203-patch-list.ts).
 * With the replace-capture scenario, which the preset gives only DependentProgram (R15), only DependentProgram.
 * What no file records is not given back, and the report says so: the time-out of an administrator's restart whose
 * notice earlier versions of cmts cleared.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type Issue, TaskSequenceError } from '../errors.js';
import { referenceList } from '../model/mutate.js';
import { plannedBatch } from '../model/edit-batch.js';
import { listItems, type Located, nextItem } from '../model/query.js';
import { InstallSoftwareStep, RestartComputerStep, STEP_TYPES } from '../model/steps.js';
import type { Group, Node, SequenceItem, Step } from '../model/types.js';
import { type AlreadyInPlace, applyEdits, childrenOf, type Edit, inSubtrees } from '../transforms/context.js';
import { checkDocumentTree } from '../visit.js';
import { removeContainerReference } from '../containers/container-references.js';
import { type Kb977203Options, resolveKb977203Options } from './kb977203-options.js';
import { dependentRunsProgram } from '../transforms/set-dependent-program.js';
import { runsCertfixCommandLine } from './kb977203-command-line.js';
import { isCaptureHalf } from './kb977203-execution-order.js';
import { hasPresetCertfixDescription, hasPresetRestartDescription, KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT, KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT, presetGroupOf } from './kb977203-new-steps.js';
import { restartsToOs, runsProgram, usesPackage } from './kb977203-step-queries.js';
import { childPositions, clearDependentProgram, groupKeptBecause, unwrap } from './kb977203-revert-edits.js';
import { planPatchRevert } from './kb977203-revert-patch.js';
import { placeOf, refusalPlace } from '../issue-place.js';
import type { Kb977203Report } from './kb977203.js';

/**
 * Refuses a revert whose CCMCertFix package or program is not the one an inserted CCMCertFix step (the preset's, by
 * its description) runs: given another, revert took that step for the administrator's and removed only the PATCH
 * entry, leaving a sequence that runs CCMCertFix and restarts but no longer installs the hotfix.
 */
function refuseOtherCertfix(doc: TaskSequenceDocument, listed: readonly Located[], packageId: string, program: string): void {
  for (const located of listed) {
    const { node, path } = located;
    if (node.kind !== 'step' || node.attributes.type !== STEP_TYPES.installSoftware || !hasPresetCertfixDescription(node) || runsProgram(node, packageId, program)) continue;
    const view = new InstallSoftwareStep(node);
    const ran = `${view.packageId ?? ''};;${view.programName ?? ''}`;
    // Both options, whichever was wrong: advice that left out the program when it was the default, CCMCertFix, named
    // only the package to a revert given the right package and another program.
    throw new TaskSequenceError(
      'DEPENDENT_PROGRAM_CONFLICT',
      `The CCMCertFix step the preset inserted, "${path}", runs ${ran}, not ${packageId};;${program}: the preset was applied with another CCMCertFix package or program. Revert with the ones it was applied with: the certfixPackage option ${shellWord(view.packageId ?? '')} and the certfixProgram option ${shellWord(view.programName ?? '')}; nothing was changed.`,
      refusalPlace(doc, located),
    );
  }
}

/** A value as a command line takes it (the message names its flag there): as it is when it is one plain word, else in double quotes (escaped as JSON). */
const shellWord = (value: string): string => (/^[\w.-]+$/.test(value) ? value : JSON.stringify(value));

function plan(doc: TaskSequenceDocument, options: Kb977203Options): { edits: Edit[]; diagnostics: Issue[]; kept: AlreadyInPlace[]; capture: boolean } {
  const o = resolveKb977203Options(options);
  // As the preset's planning: a value that is no string (set by hand) is refused before the first edit.
  checkDocumentTree(doc);
  const edits: Edit[] = [];
  const diagnostics: Issue[] = [];
  // The preset gives a replace-scenario capture sequence only "Run another program first" (R15): its Setup steps,
  // their PATCH entries, CCMCertFix steps and references are the administrator's, and revert leaves them.
  // The sequence listed once: everything below is planned before the first edit, so one listing serves every question.
  const listed = listItems(doc.sequence);
  // With no scenario given, a capture-half sequence is replace-capture's, as the apply takes it (isCaptureHalf).
  const capture = o.scenario === 'replace-capture' || (!o.scenarioGiven && isCaptureHalf(listed));
  if (!capture) refuseOtherCertfix(doc, listed, o.certfixPackage, o.program);
  const kept: AlreadyInPlace[] = [];
  if (!capture) {
    const patch = planPatchRevert(doc, o);
    edits.push(...patch.edits);
    kept.push(...patch.kept);
    diagnostics.push(...patch.diagnostics);
  }
  // The steps revert takes out, removed in one batch: one splice per step cost the parent's size each time, so many
  // Setup steps in one group took time that grew with their square. The groups are put back after, with their steps out.
  const batch = plannedBatch(doc.sequence);
  const groups: Located<Group>[] = [];
  const removed = new Set<Node>();
  const cleared: Issue[] = [];
  const ours = (item: SequenceItem | undefined, name: string): item is Step => item !== undefined && item.kind === 'step' && item.attributes.name === name;
  for (const located of capture ? [] : listed) {
    const node = located.node;
    const isCertfix = runsProgram(node, o.certfixPackage, o.program);
    // The name alone is no proof: an administrator may wire CCMCertFix by hand under the names the preset uses, and
    // the preset adopts such a step. Only a step that also carries a description the preset gives its own is its.
    if (isCertfix && ours(node, o.stepNames.certfix) && hasPresetCertfixDescription(node)) {
      removed.add(node);
      edits.push({ change: { what: `removed install-software step "${o.stepNames.certfix}"`, where: located.path, requirement: 'R13' }, apply: batch.remove(node), scope: childrenOf(located) });
    } else if (isCertfix && hasPresetCertfixDescription(node)) {
      // Never left without a word: inserted under another name (certfixStepName) or renamed since, it is kept as the
      // administrator's, and the report says how to take it out.
      kept.push({ what: `install-software step "${located.node.attributes.name ?? ''}" kept: it has the description the preset gives its CCMCertFix step, but not the name "${o.stepNames.certfix}" revert looks for; if the preset inserted it under this name, give it to revert as the certfixStepName option to take it out`, where: located.path, requirement: 'R13' });
    }
    // A Run Command Line step that runs CCMCertFix.exe is the administrator's and is never removed; the preset adopts
    // it as it adopts an Install Software step, and the restart it put after it goes as that one's does.
    const isCommandLine = !isCertfix && runsCertfixCommandLine(node);
    // Only after a CCMCertFix step (finding the next item costs the parent's size).
    const next = isCertfix || isCommandLine ? nextItem(located.parent, node, located.index) : undefined;
    if ((isCertfix || isCommandLine) && ours(next, o.stepNames.restart) && isPresetRestart(next)) {
      // The restart goes with its CCMCertFix step. One the preset inserted and the administrator renamed since is
      // theirs now, and keeps its restart: without it CCMCertFix would run with no restart after it (R14). After an
      // administrator's own step the preset adopted (another description), the restart is the preset's addition.
      if (removed.has(node) || !hasPresetCertfixDescription(node)) {
        removed.add(next);
        edits.push({ change: { what: `removed restart-computer step "${o.stepNames.restart}"`, where: located.path, requirement: 'R14' }, apply: batch.remove(next), scope: childrenOf(located) });
      } else {
        kept.push({ what: `restart-computer step "${o.stepNames.restart}" kept after "${node.attributes.name ?? ''}", the preset's CCMCertFix step renamed since, which revert keeps as the administrator's`, where: located.path, requirement: 'R14' });
      }
    } else if ((isCertfix || isCommandLine) && isPresetRestart(next)) {
      kept.push({ what: `restart-computer step "${(next as Step).attributes.name ?? ''}" kept after "${node.attributes.name ?? ''}": it has the description the preset gives its restart, but not the name "${o.stepNames.restart}" revert looks for; if the preset inserted it under this name, give it to revert as the restartStepName option to take it out`, where: located.path, requirement: 'R14' });
    }
    // Only after an administrator's CCMCertFix step, which earlier versions adopted and cleared the notice after: after
    // one the preset inserted, a restart of the administrator's is one the preset adopted as it found it (with no notice).
    if (isCertfix && !removed.has(node) && restartsToOs(next) && !removed.has(next) && clearedNotice(next)) {
      cleared.push({ code: 'KB977203_REVERT_RESTART_TIMEOUT_LOST', severity: 'warning', path: located.path, ...placeOf(doc, located), message: `The restart "${next.attributes.name ?? ''}" right after "${node.attributes.name ?? ''}" has a message but a time-out of 0, so it does not notify the user. Earlier versions of cmts cleared the notice of such a restart when applying KB977203 (setting the time-out to 0) and recorded the old time-out nowhere, so revert cannot give it back: if the restart notified the user before, set its time-out again.` });
    }
    if (node.kind === 'group' && presetGroupOf(node.attributes.description) !== false) {
      groups.push(located as Located<Group>);
    }
  }
  // Judged once every step revert takes out is known, and undone after those steps are gone.
  const positionOf = childPositions();
  for (const group of groups) {
    const { node, path, parent } = group;
    const kept = groupKeptBecause(node, removed);
    if (kept !== undefined) {
      diagnostics.push({ code: 'KB977203_REVERT_GROUP_KEPT', severity: 'warning', path, ...placeOf(doc, group), message: `The group "${path}" has the description the preset gives a group it makes around a conditional step, but ${kept}: it stays, with its condition, so that its steps run as before.` });
      continue;
    }
    edits.push({ change: { what: `moved the condition of "${node.attributes.name ?? ''}" back from the group the preset made`, where: path, requirement: 'R13' }, apply: () => unwrap(doc, parent, node, positionOf), scope: inSubtrees([node], [parent]) });
  }
  const current = doc.hasProperties ? doc.getProperty('DependentProgram') : undefined;
  // The package ran the program first before the preset when the CCMCertFix step the preset inserted says so.
  const hadIt = current !== undefined && listed.some((l) => runsProgram(l.node, o.certfixPackage, o.program) && l.node.attributes.description === KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT);
  if (hadIt) kept.push({ what: `DependentProgram ${current}, which the package had before the preset`, where: '(package)', requirement: 'R12' });
  // Only a CCMCertFix step the preset inserted records what DependentProgram was before it. When every CCMCertFix step
  // is the administrator's (wired by hand, adopted by the preset), nothing does: the program is taken to be theirs
  // too, and left, rather than an administrator's "Run another program first" lost.
  // A Run Command Line step that runs CCMCertFix.exe counts: the preset adopts it and inserts no step to record anything.
  const certfixSteps = capture || current === undefined ? [] : listed.filter((l) => runsProgram(l.node, o.certfixPackage, o.program) || runsCertfixCommandLine(l.node));
  // With no CCMCertFix step at all, the preset never wrote this sequence (outside replace-capture it always inserts
  // or adopts one): a DependentProgram there was set by hand, and revert of an untouched sequence changes nothing.
  const none = !capture && certfixSteps.length === 0;
  const handWired = none || (certfixSteps.length > 0 && !certfixSteps.some((l) => hasPresetCertfixDescription(l.node)));
  if (current !== undefined && !hadIt && handWired && dependentRunsProgram(current, o.certfixPackage, o.program)) {
    kept.push({ what: `DependentProgram ${current}, beside ${none ? 'no CCMCertFix step' : "CCMCertFix steps that are all the administrator's"}`, where: '(package)', requirement: 'R12' });
    // With no Setup step either, the scenario given never applied to the sequence (it refuses one without Setup), and
    // the replace-capture scenario, which sets DependentProgram alone, may have if the sequence captures user state:
    // said so, with how to undo it. One that captures nothing is refused by that scenario too, so it is not offered.
    const captureShaped = none && isCaptureHalf(listed);
    if (captureShaped) {
      diagnostics.push({ code: 'KB977203_REVERT_DEPENDENT_KEPT', severity: 'warning', message: `"Run another program first" (DependentProgram) runs ${current}. This sequence has no Setup Windows and ConfigMgr step, so the ${o.scenario} scenario never applied to it; the replace-capture scenario (the sequence that captures user state on the old computer) sets DependentProgram alone and records nothing else. If the preset set it, revert with the replace-capture scenario (--scenario replace-capture) to clear it; it is left as it is.` });
    } else {
      const why = none ? 'no step runs CCMCertFix, and the preset always inserts or adopts one, so the preset did not set it' : "every step that runs CCMCertFix is the administrator's, not one the preset inserted, so nothing in the file says whether the preset set it";
      diagnostics.push({ code: 'KB977203_REVERT_DEPENDENT_KEPT', severity: 'info', message: `"Run another program first" (DependentProgram) runs ${current}, and ${why}: it is left as the administrator's. Clear it by hand if the preset set it.` });
    }
  }
  if (current !== undefined && !hadIt && !handWired && dependentRunsProgram(current, o.certfixPackage, o.program)) {
    // The package had none before when the CCMCertFix step the preset inserted says so (it is still there to read).
    const hadNone = listed.some((l) => runsProgram(l.node, o.certfixPackage, o.program) && l.node.attributes.description === KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT);
    edits.push({ change: { what: hadNone ? 'DependentProgram (Run another program first), which the package did not have before the preset' : 'DependentProgram (Run another program first)', where: '(package)', before: current, after: '', requirement: 'R12' }, apply: () => clearDependentProgram(doc, hadNone) });
  }
  const list = referenceList(doc.sequence);
  const ref = list?.children.find((c) => c.kind === 'reference' && c.attributes.package?.toUpperCase() === o.certfixPackage.toUpperCase());
  // Only when no step left after revert still uses the package, of any class that has one (an adopted Run Command
  // Line CCMCertFix step from the package, an Install Package step…): a reference a step uses stays, as the preset
  // found it. Judged here, once the steps revert takes out are known, so the report says only what is done.
  const stillUsed = (): boolean => listed.some((l) => !removed.has(l.node) && usesPackage(l.node, o.certfixPackage));
  // And only on a file revert finds the preset's work in: with nothing else to undo, the preset never touched it (or
  // its work was undone by hand), and a reference no step uses is the administrator's to keep or tidy.
  const traced = edits.length > 0;
  if (!capture && list && ref && !traced && !stillUsed()) {
    kept.push({ what: `reference to package ${o.certfixPackage}, which no step uses: nothing else of the preset is in the file, so the preset did not add it`, where: '(referenceList)', requirement: 'R13' });
  }
  if (!capture && list && ref && traced && !stillUsed()) {
    edits.push({
      change: { what: `reference to package ${o.certfixPackage}`, where: '(referenceList)', before: o.certfixPackage, requirement: 'R13' },
      apply: () => {
        const i = list.children.indexOf(ref);
        const ws = i > 0 && list.children[i - 1]?.kind === 'text' ? 1 : 0;
        list.children.splice(i - ws, 1 + ws);
        removeContainerReference(doc, o.certfixPackage);
      },
      // A bare sequence has no container's References to take it out of too.
      ...(doc.container === 'sequence' && { scope: { subtrees: [], lists: [list] } }),
    });
  }
  // Only on a file the preset was applied to: elsewhere such a restart is simply the administrator's.
  if (edits.length > 0) diagnostics.push(...cleared);
  return { edits, diagnostics, kept, capture };
}

/**
 * Whether a restart has a message but does not notify the user: what an earlier apply left of an administrator's
 * notifying restart after CCMCertFix (it set the time-out to 0 and kept the message). The restart the preset inserts
 * has no message.
 */
function clearedNotice(restart: Step): boolean {
  const view = new RestartComputerStep(restart);
  return !view.notifiesUser && view.timeout?.trim() === '0' && (view.message ?? '').trim() !== '';
}

/** Whether an item is a restart with the description the preset gives the restart it inserts. */
function isPresetRestart(item: SequenceItem | undefined): boolean {
  return item !== undefined && item.kind === 'step' && item.attributes.type === STEP_TYPES.restartComputer && hasPresetRestartDescription(item);
}

/**
 * Removes what {@link applyKb977203} adds (see the module comment) and reports it in the same form. The options
 * name the CCMCertFix package and program (and step names, if other than the defaults) the preset was applied with.
 * Refuses before its first edit as {@link applyKb977203} does.
 */
export function revertKb977203(doc: TaskSequenceDocument, options: Kb977203Options): Kb977203Report {
  const { edits, diagnostics, kept, capture } = plan(doc, options);
  applyEdits(doc, edits);
  const o = resolveKb977203Options(options);
  const changes = edits.map((e) => e.change);
  // What revert leaves of the preset's work on purpose (a restart that stays with a renamed CCMCertFix step).
  return { scenario: capture ? 'replace-capture' : o.scenario, container: doc.container, changed: changes.length > 0, changes, alreadyInPlace: kept, diagnostics, setupSteps: [] };
}
