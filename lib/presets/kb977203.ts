/**
 * The KB977203 preset: brings a task sequence to the state Microsoft's fix for "user state migration fails on a
 * ConfigMgr 2007 SP1/SP2 client after security update 974571 or Windows 7 SP1" describes (reconcile, not append).
 * Every refusal happens in the planning phase, before the first edit; {@link checkKb977203} stops there.
 * Requirement numbers (R1…R15) are those of `reference/kb977203.md`.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type Issue, TaskSequenceError } from '../errors.js';
import { plannedBatch } from '../model/edit-batch.js';
import { listItems, type Located } from '../model/query.js';
import { InstallSoftwareStep, STEP_TYPES } from '../model/steps.js';
import type { Element, SequenceItem, Step } from '../model/types.js';
import { type AlreadyInPlace, type Change, type Edit, fromPlan, type Plan } from '../transforms/context.js';
import { checkDocumentTree } from '../visit.js';
import type { TransformEntry } from '../transforms/index.js';
import { planAddReference } from '../transforms/add-reference.js';
import { checkDependentProgram, dependentRunsProgram, parseDependentProgram, planSetDependentProgram } from '../transforms/set-dependent-program.js';
import { type Kb977203Options, type Kb977203Scenario, resolveKb977203Options, type ResolvedKb977203Options } from './kb977203-options.js';
import { configMgrEraOf } from './kb977203-era.js';
import { planPatch } from './kb977203-patch.js';
import { hotfixInstallStepsIn } from './kb977203-r1.js';
import { CAPTURE_USER_STATE, capturesUserState, executionOrder, isCaptureHalf, restoresUserState } from './kb977203-execution-order.js';
import { firstAbove } from '../min-search.js';
import { KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT, KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT } from './kb977203-new-steps.js';
import { disabledNote, neverRuns, runsProgram, runsProgramOfAnotherPackage } from './kb977203-step-queries.js';
import { planWiring } from './kb977203-wiring.js';
import { certfixFor } from './kb977203-certfix-for.js';
import { placeOf, refusalPlace } from '../issue-place.js';
import { certfixReferenceInfo, planReplaceCertfix } from './kb977203-replace-certfix.js';
import { propertiesOverrides } from './kb977203-overrides.js';
import { canSetProperty } from '../containers/index.js';
import { shownValue } from '../shown-value.js';
import { applyEdits } from '../transforms/context.js';
import { markupBudget } from '../transforms/markup-count.js';

export { KB977203_MSP, KB977203_STEP_NAMES, type Kb977203Options, type Kb977203Scenario } from './kb977203-options.js';
export { KB977203_HOTFIX_DIR, kb977203PatchPath } from './kb977203-patch.js';

/** What {@link applyKb977203} did (or, from {@link checkKb977203}, would do). */
export interface Kb977203Report {
  scenario: Kb977203Scenario;
  container: TaskSequenceDocument['container'];
  /** Whether the document was (or would be) changed; false when everything was already in place. */
  changed: boolean;
  changes: Change[];
  alreadyInPlace: AlreadyInPlace[];
  /**
   * Warnings, R1 findings, what was assumed, and loud warnings when `force` overrode a refusal. One about a node read
   * from the file has its line, column and file, as lint's finding about it has (see issue-place.ts).
   */
  diagnostics: Issue[];
  /** Each Setup Windows and ConfigMgr step and the PATCH entry it has (or gets). */
  setupSteps: { path: string; clientPackage: string; patch: string }[];
}

interface Planned {
  report: Kb977203Report;
  edits: Edit[];
}

/** Refuses a sequence that is not ConfigMgr 2007 (or warns loudly under `force`); warns when 2007 is not confirmed. */
function checkEra(doc: TaskSequenceDocument, items: readonly Located[], o: ResolvedKb977203Options, diagnostics: Issue[]): void {
  const era = configMgrEraOf(doc, items);
  if (era.against.length > 0) {
    const why = `KB977203 is a ConfigMgr 2007 SP1/SP2 fix, and this is not a ConfigMgr 2007 task sequence: ${era.against.join('; ')}.`;
    if (!o.force) throw new TaskSequenceError('NOT_CONFIGMGR_2007', `${why} To apply it anyway, use the force option.`);
    diagnostics.push({ code: 'KB977203_FORCED_NOT_2007', severity: 'warning', message: `APPLIED BY FORCE. ${why}` });
  } else if (!era.confirmed2007) {
    diagnostics.push({ code: 'KB977203_2007_UNCONFIRMED', severity: 'warning', message: 'Nothing in the file confirms ConfigMgr 2007 (version 3.00 was written by 2012 too): check that the sequence runs on a 2007 SP1/SP2 site.' });
  }
}

/** Plans every edit; throws {@link TaskSequenceError} for anything refused, before any edit is made. */
function plan(doc: TaskSequenceDocument, options: Kb977203Options): Planned {
  const o = resolveKb977203Options(options);
  // Planning reads values all through the tree: one that is no string, or a child that is no node (set by hand), is
  // refused here, before the first edit, and a check refuses it as the apply does.
  checkDocumentTree(doc);
  const diagnostics: Issue[] = [...o.notes];
  const edits: Edit[] = [];
  const already: AlreadyInPlace[] = [];
  const setupSteps: Kb977203Report['setupSteps'] = [];
  const merge = (p: Plan): void => {
    edits.push(...p.edits);
    already.push(...p.already);
    diagnostics.push(...p.diagnostics);
  };
  // The sequence's items, listed once: every check below reads them, and nothing is edited until all are planned.
  const items = listItems(doc.sequence);
  checkEra(doc, items, o, diagnostics);

  const hotfix = hotfixInstallStepsIn(items);
  // A disabled step (or one in a disabled group) never runs: it cannot stop the client service, so it is warned
  // about (enabling it would), not a reason to refuse the whole sequence.
  const off = (h: (typeof hotfix)[number]) => neverRuns(h.located);
  for (const h of hotfix) {
    const disabled = disabledNote(h.located);
    diagnostics.push({ code: 'KB977203_R1', severity: h.explicit && !off(h) ? 'error' : 'warning', path: h.path, ...placeOf(doc, h.located), message: `${h.why} Installing the KB977203 hotfix this way stops the ConfigMgr client service and the task sequence fails; let the Setup Windows and ConfigMgr step install it through PATCH (R1).${disabled}` });
  }
  const errors = hotfix.filter((h) => h.explicit && !off(h));
  if (errors.length > 0 && !o.force) {
    throw new TaskSequenceError('HOTFIX_INSTALL_STEP', `${errors.map((e) => e.why).join(' ')} Installing the KB977203 hotfix with a step stops the ConfigMgr client service and the task sequence fails (R1): remove the step, or use the force option to apply the preset anyway.`, refusalPlace(doc, errors[0]?.located));
  }

  // "Run another program first": the CCMCertFix program, or a different one that force replaces. One that is a
  // CCMCertFix too (the options' program name, or a name with CCMCertFix in it, in another package) is replaced
  // everywhere it is wired; any other program is only taken off "Run another program first": a step that runs it is
  // the administrator's and runs it still.
  // Spaces around the package or the program (ConfigMgr writes none; a hand edit may) leave it the same program, which
  // set-dependent-program then rewrites in ConfigMgr's form; only a different package or program is a conflict.
  const current = doc.hasProperties ? (doc.getProperty('DependentProgram') ?? '') : '';
  checkDependentProgram(doc, { packageId: o.certfixPackage, programName: o.program, force: o.force });
  const other = current.trim() !== '' && !dependentRunsProgram(current, o.certfixPackage, o.program) ? current : undefined;
  const parsed = other === undefined ? undefined : parseDependentProgram(other);
  const replaced = parsed !== undefined && (parsed.program.toLowerCase() === o.program.toLowerCase() || /CCMCertFix/i.test(parsed.program)) ? parsed : undefined;
  const matches = (item: SequenceItem) => runsProgram(item, o.certfixPackage, o.program) || (replaced !== undefined && runsProgram(item, replaced.packageId, replaced.program));
  const renamedReference = replaced !== undefined && planReplaceCertfix(doc, replaced, o, edits);

  // A package with no DependentProgram at all gets one below; an inserted CCMCertFix step says so, for revert.
  const root = doc.xml.children.find((c): c is Element => c.kind === 'element');
  const settable = root !== undefined && canSetProperty(doc.container, root, 'DependentProgram');
  const dependentAbsent = settable && doc.getProperty('DependentProgram') === undefined;
  // One that already runs the program (as the preset writes it, or with spaces around its parts, which it then
  // rewrites) was the package's before: revert must leave it, and only an inserted step can say so.
  const dependentKept = settable && dependentRunsProgram(doc.getProperty('DependentProgram') ?? '', o.certfixPackage, o.program);
  let recorded = false;

  // As findSteps finds them: any item but a group with the Setup step's class.
  const setups = items.filter((l): l is Located<Step> => l.node.kind !== 'group' && l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr);
  const scenario = scenarioFor(o, items, diagnostics);
  if (scenario === 'replace-capture') {
    // R15 gives "Run another program first" to the sequence that captures user state on the old computer: one that
    // captures nothing is not that sequence (a refresh or new-computer one is refused for want of Setup alike).
    if (!items.some((l) => capturesUserState(l.node))) {
      throw new TaskSequenceError('MISSING_CAPTURE_STEP', `The replace-capture scenario is for the sequence that captures user state on the old computer (R15), and this one has no Capture User State step (type ${CAPTURE_USER_STATE}) or Request State Store step that captures. For the sequence that restores on the new computer, use the replace-restore scenario; to set "Run another program first" on another package, use the set-dependent-program transform.`);
    }
    refuseRestoring(doc, items, setups.length, o, diagnostics);
    if (setups.length > 0) diagnostics.push({ code: 'KB977203_CAPTURE_SETUP_UNCHANGED', severity: 'info', message: `A replace-scenario capture sequence gets only "Run another program first" (R15); its ${setups.length} Setup Windows and ConfigMgr step(s) are left as they are.` });
    // Found in place, it looks the same as one the preset sets, and nothing in a capture sequence records which it was:
    // a revert with this scenario clears it either way. Said now, while the administrator can still note it.
    if (dependentKept) diagnostics.push({ code: 'KB977203_DEPENDENT_NOT_REVERSIBLE', severity: 'info', message: `"Run another program first" (DependentProgram) already runs ${o.certfixPackage};;${o.program}, and is kept. Nothing in a capture sequence records whether it was there before the preset: a revert with the replace-capture scenario clears it, as it clears the one the preset sets. Set it again by hand after such a revert if it was the administrator's.` });
  } else {
    if (setups.length === 0) {
      throw new TaskSequenceError('MISSING_SETUP_WINDOWS_STEP', `The ${o.scenario} scenario needs a Setup Windows and ConfigMgr step (type ${STEP_TYPES.setupWindowsAndConfigMgr}) to carry PATCH and to insert CCMCertFix after, and this sequence has none. For the capture half of a replace, use the replace-capture scenario (R15).`);
    }
    const order = executionOrder(doc, matches, items);
    // What Setup reads at run time may not be its own field: a value set for its action variable overrides it. Said
    // here, once each Setup step's PATCH entry is planned below: a value without the fix is told the entry to add.
    const overridesAt = diagnostics.length;
    otherProgramsOf(doc, items, o, matches, diagnostics);
    const description = dependentAbsent ? KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT : dependentKept ? KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT : undefined;
    // Wrapping a Setup step in a group (an edit between the insertions) needs no inserted step in place; the
    // reference and DependentProgram edits after them need none either.
    const batch = plannedBatch(doc.sequence);
    // What the preset adds, held to maxNodes as it is planned, before any edit: each minimal Setup step grows by about 27
    // items, and 1,198,000 of them (67 MB, within every limit of the reader) ran cmts out of heap. Steps and entries
    // already in place add nothing; the reference and DependentProgram edits are the package's, not the sequence's.
    const add = markupBudget(doc, () => `Applying KB977203 to the ${setups.length} Setup Windows and ConfigMgr steps (PATCH, and a CCMCertFix step and a restart after each)`, 'Apply it to a smaller sequence, or raise the limit.');
    const wirings = setups.map((s) => {
      // The CCMCertFix step that counts for this Setup step, as revert judges its PATCH entry by it: PATCH is told
      // whether it is the preset's own (KB977203_PATCH_ADOPTED is then not said again).
      const found = certfixFor(s, order);
      const planned = { patch: planPatch(doc, s, o, found.own), wiring: planWiring(doc, s, o, order, batch, found, description) };
      add(planned.patch.markup + planned.wiring.markup);
      return planned;
    });
    for (const { patch, wiring } of wirings) {
      setupSteps.push({ path: patch.path, clientPackage: patch.clientPackage, patch: patch.patch });
      edits.push(...patch.edits);
      already.push(...patch.already, ...wiring.already);
      diagnostics.push(...patch.diagnostics, ...wiring.diagnostics);
    }
    for (const { wiring } of wirings) edits.push(...wiring.edits);
    const setupAt = setups.map((l) => order.index.get(l.node) ?? -1);
    // The Setup step listed first after a place that sets the value (-1: the global variables) is the one that reads it.
    const setupAfter = (index: number) => {
      const next = setupSteps[firstAbove(setupAt, index)];
      return next && { path: next.path, entry: next.patch };
    };
    diagnostics.splice(overridesAt, 0, ...propertiesOverrides(doc, items, (setupAt[setupAt.length - 1] as number) + 1, setupAfter));
    recorded = wirings.some((w) => w.wiring.insertsCertfix);
    if (!renamedReference) merge(planAddReference(doc, { packageId: o.certfixPackage, requirement: 'R13', ...certfixReferenceInfo(o) }));
  }
  // The conflict was refused (or, under force, the old program rewired) above.
  const dependent = planSetDependentProgram(doc, { packageId: o.certfixPackage, programName: o.program, force: true, requirement: 'R12' });
  merge(dependent);
  if (parsed !== undefined && replaced === undefined && dependent.edits.length > 0) {
    // Only force gets here with another program: it goes off "Run another program first" for good, since nothing in
    // the file records it and revert clears what the preset set. Said loudly, as --force promises.
    diagnostics.push({ code: 'KB977203_FORCED_DEPENDENT_REPLACED', severity: 'warning', message: `APPLIED BY FORCE. "Run another program first" (DependentProgram) ran ${shownValue(current, '"')}, a program that is not CCMCertFix; it now runs ${o.certfixPackage};;${o.program}, and that program no longer runs first (steps that run it still run it). Nothing in the file records it: a revert clears DependentProgram and does not bring it back, so note it to set it again by hand.` });
  }
  if (scenario !== 'replace-capture' && !recorded && dependent.edits.length > 0) {
    // Only the description of an inserted CCMCertFix step records what DependentProgram was before, and here every
    // CCMCertFix step is the administrator's, adopted: revert takes such a DependentProgram for theirs and leaves it.
    diagnostics.push({ code: 'KB977203_DEPENDENT_NOT_REVERSIBLE', severity: 'info', message: `"Run another program first" (DependentProgram) gets ${o.certfixPackage};;${o.program}, beside CCMCertFix steps that are all the administrator's (adopted, their descriptions kept). Nothing in the file will record that the preset set it, so revert leaves it, as it leaves one set by hand: clear it by hand after a revert if it should go.` });
  } else if (dependentAbsent && !recorded && dependent.edits.length > 0) {
    // Once set, a DependentProgram the package did not have looks like one that was there empty; only the description
    // of an inserted CCMCertFix step tells them apart, and the replace-capture scenario inserts none.
    diagnostics.push({ code: 'KB977203_DEPENDENT_NOT_REVERSIBLE', severity: 'info', message: `The package had no "Run another program first" (DependentProgram) at all, and gets ${o.certfixPackage};;${o.program}. Nothing in the file will record that it had none (the replace-capture scenario inserts no step), so revert leaves DependentProgram empty rather than absent: the same to ConfigMgr, but not the original bytes.` });
  }
  const changes = edits.map((e) => e.change);
  // With no drive or source given, C: is assumed for the entries the preset writes. Where every Setup step keeps an
  // entry of its own on another drive or share, nothing was assumed, and saying so misled (the report listed the D:
  // entry it kept beside "assumed the task sequence cache is on C:").
  const assumed = setupSteps.length === 0 || setupSteps.some((s) => /^C:\\/i.test(s.patch));
  // A sequence taken for the capture half writes no PATCH: the version and drive assumed for one say nothing of it.
  const unsaid = new Set([...(assumed ? [] : ['KB977203_ASSUMED_DRIVE']), ...(scenario === o.scenario ? [] : ['KB977203_ASSUMED_DRIVE', 'KB977203_ASSUMED_VERSION'])]);
  const said = diagnostics.filter((d) => !unsaid.has(d.code));
  return { edits, report: { scenario, container: doc.container, changed: changes.length > 0, changes, alreadyInPlace: already, diagnostics: said, setupSteps } };
}

/**
 * The scenario the sequence gets (R15): the one given, always; with none given, refresh, except for a sequence shaped
 * as the capture half of a replace (it captures user state and has no Setup step, see isCaptureHalf), which gets
 * replace-capture, said as information naming it. Under refresh such a sequence was "not applicable", and a fleet's
 * check passed it without the "Run another program first" R15 gives it.
 */
function scenarioFor(o: ResolvedKb977203Options, items: readonly Located[], diagnostics: Issue[]): Kb977203Scenario {
  if (o.scenarioGiven || !isCaptureHalf(items)) return o.scenario;
  diagnostics.push({ code: 'KB977203_SCENARIO_CAPTURE', severity: 'info', message: 'No scenario was given, and this sequence captures user state and has no Setup Windows and ConfigMgr step: it is taken for the capture half of a replace (scenario replace-capture, R15), which gets only "Run another program first" (R11-R12). Give the scenario option to choose another.' });
  return 'replace-capture';
}

/**
 * Refuses the replace-capture scenario for a sequence that restores user state (a Restore User State step, or a
 * Request State Store step that restores, enabled): that is a refresh, or the new computer's half, not the capture
 * half (R15), and replace-capture would leave its Setup steps without PATCH and CCMCertFix. Under force, a warning.
 */
function refuseRestoring(doc: TaskSequenceDocument, items: readonly Located[], setups: number, o: ResolvedKb977203Options, diagnostics: Issue[]): void {
  const restore = items.find(restoresUserState);
  if (restore === undefined) return;
  const message = `The replace-capture scenario is for the sequence that captures user state on the old computer (R15), and this one restores it too (${shownValue(restore.path, '"')}): it is a refresh, or the new computer's half of a replace, which gets everything. Under replace-capture its ${setups} Setup Windows and ConfigMgr step(s) ${o.force ? 'get' : 'would get'} no PATCH and no CCMCertFix. Use the refresh or replace-restore scenario`;
  const pos = doc.positionOf(restore.node);
  if (!o.force) throw new TaskSequenceError('INVALID_ARGUMENT', `${message}, or the force option to set only "Run another program first".`, pos ? { linePos: pos } : {});
  diagnostics.push({ code: 'KB977203_CAPTURE_RESTORES', severity: 'warning', path: restore.path, ...placeOf(doc, restore), message: `APPLIED BY FORCE. ${message}.` });
}

/**
 * Warns of Install Software steps that run the CCMCertFix package with another program (`Run CCMCertFix hidden`):
 * they are not taken for CCMCertFix, so the preset wires its own program beside them, and if that program is
 * CCMCertFix too the sequence runs it twice and restarts twice. Only the options can say which program it is.
 */
function otherProgramsOf(doc: TaskSequenceDocument, items: readonly Located[], o: ResolvedKb977203Options, matches: (item: SequenceItem) => boolean, diagnostics: Issue[]): void {
  for (const located of items) {
    const { node, path } = located;
    if (node.kind !== 'step' || node.attributes.type !== STEP_TYPES.installSoftware || matches(node)) continue;
    const view = new InstallSoftwareStep(node);
    const program = view.programName ?? '';
    // The CCMCertFix program of another package (a copy of it, an older package): not taken for the one given, so the
    // preset's steps go in beside it, and CCMCertFix would run twice (as the other program's case warns).
    if (runsProgramOfAnotherPackage(node, o.certfixPackage, o.program)) {
      diagnostics.push({
        code: 'KB977203_CERTFIX_OTHER_PACKAGE',
        severity: 'warning',
        path,
        ...placeOf(doc, located),
        message: `"${path}" runs the program ${shownValue(program, '"')} of the package ${shownValue(view.packageId ?? '', '"')}, not of the CCMCertFix package given, ${o.certfixPackage}, so it is not taken for CCMCertFix. If it is CCMCertFix, give its package as the CCMCertFix package (--certfix-package, option certfixPackage), or remove it: the sequence now runs CCMCertFix twice and restarts twice.`,
      });
      continue;
    }
    if ((view.packageId ?? '').toUpperCase() !== o.certfixPackage.toUpperCase()) continue;
    diagnostics.push({
      code: 'KB977203_CERTFIX_OTHER_PROGRAM',
      severity: 'warning',
      path,
      ...placeOf(doc, located),
      message: `"${path}" runs the CCMCertFix package ${o.certfixPackage} with the program ${shownValue(program, '"')}, not ${shownValue(o.program, '"')}, so it is not taken for CCMCertFix. If ${shownValue(program, '"')} is the CCMCertFix program, give it as the CCMCertFix program (--certfix-program, option certfixProgram), or the sequence runs CCMCertFix twice.`,
    });
  }
}

/** The preset as a transform's plan. */
export function planKb977203(doc: TaskSequenceDocument, options: Kb977203Options): Plan {
  const { edits, report } = plan(doc, options);
  return { edits, already: report.alreadyInPlace, diagnostics: report.diagnostics };
}

/** The preset as a transform entry, run like the registered transforms (`cmts transform kb977203`). */
export const KB977203_TRANSFORM: TransformEntry<Kb977203Options> = {
  create: (o) => fromPlan((doc) => planKb977203(doc, o)),
  plan: planKb977203,
  schema: 'kb977203.options.schema.json',
  description: 'the KB977203 preset, composed of the transforms above (see cmts kb977203)',
  checkOptions: (o) => void resolveKb977203Options(o),
};

/** What {@link applyKb977203} would do, without doing it: the same report, the document untouched. Throws the same refusals. */
export function checkKb977203(doc: TaskSequenceDocument, options: Kb977203Options): Kb977203Report {
  return plan(doc, options).report;
}

/**
 * Applies KB977203 to a task sequence in place and reports what it did. Idempotent: applied to its own output it
 * changes nothing. Throws {@link TaskSequenceError}, before any edit, for refused options, a value a script set that is
 * no string (or a child that is no node), a sequence that is not ConfigMgr 2007, an enabled step that installs the
 * hotfix (R1), a missing Setup Windows and ConfigMgr step, a PATCH entry it cannot reconcile, or a conflicting
 * dependent program (the last three without `force`). Requirement numbers are defined in `docs/kb977203-requirements.md`. For all or nothing also against what no plan can see (an array a
 * script froze), run it in `doc.apply`, which puts the document back if it throws:
 * `doc.apply((d) => void applyKb977203(d, options))`.
 *
 * @example
 * ```ts
 * const doc = readTaskSequence(readFileSync('ts.xml'));
 * const report = applyKb977203(doc, { certfixPackage: 'CM100010', drive: 'D:' });
 * if (report.changed) writeFileSync('ts.xml', doc.toBytes());
 * ```
 */
export function applyKb977203(doc: TaskSequenceDocument, options: Kb977203Options): Kb977203Report {
  const { edits, report } = plan(doc, options);
  applyEdits(doc, edits);
  return report;
}
