/**
 * add-client-patch: adds an .msp to the PATCH property of Setup Windows and ConfigMgr steps' installation properties.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { patchListProblem } from '../model/install-properties.js';
import { addPatch } from '../model/add-patch.js';
import { findItems, findSteps } from '../model/find-items.js';
import { SetupWindowsStep, STEP_TYPES } from '../model/steps.js';
import type { Step, SubTaskSequence } from '../model/types.js';
import { findVariable, variables } from '../model/variables.js';
import { emptyPlan, fromPlan, type Plan, type Transform } from './context.js';
import { ASCII_ADVICE, checkedAt, checkText, pathTooLong, quotedForMessage, validOptions } from './values.js';
import { shownValue } from '../shown-value.js';
import { refusalPlace } from '../issue-place.js';

/** Options of {@link addClientPatch}. */
export interface AddClientPatchOptions {
  /** Full path of the .msp, as the client will see it (no `"` or `;`: it goes into a quoted, `;`-separated list). */
  msp: string;
  /**
   * Only the Setup Windows and ConfigMgr step at this path (see `Located.path`); default: every one. A path with no
   * such step is refused (`STEP_NOT_FOUND`), and one that two such steps share (one name in one group) too
   * (`INVALID_ARGUMENT`).
   */
  stepPath?: string;
  /** Substrings of .msp paths that already cover this patch (e.g. a superseding hotfix); default none. */
  coveredBy?: string[];
  /** Label recorded on each change (a requirement id, say); default none. */
  requirement?: string;
}

/**
 * Refuses a Setup step that holds its installation properties or client package variable twice (a hand edit, a
 * paste): which one ConfigMgr takes is not documented, and editing the first while the second says otherwise could
 * leave the client installed without the patch, reported as in place. Shared with the KB977203 preset.
 */
export function refuseSetupVariableTwice(doc: TaskSequenceDocument, step: Step | SubTaskSequence, path: string): void {
  for (const [property, name] of [
    ['ClientInstallProperties', 'SMSClientInstallProperties'],
    ['ClientPackageID', '_SMSClientPackageID'],
  ] as const) {
    const found = variables(step).filter((v) => v.attributes.property === property || (v.attributes.name ?? '').toLowerCase() === name.toLowerCase());
    if (found.length < 2) continue;
    throw new TaskSequenceError(
      'INSTALL_PROPERTIES_INVALID',
      `The Setup Windows and ConfigMgr step "${path}" has the ${name} variable (${property}) ${found.length} times (${found.map((v) => JSON.stringify(v.value)).join(', ')}); ConfigMgr keeps one of them, and which is not documented. Keep one, with the value the step should have, first.`,
      refusalPlace(doc, found[1], path),
    );
  }
}

/** Plans the patch for one step: refuses properties with an unclosed quote. */
function planStep(doc: TaskSequenceDocument, plan: Plan, step: Step, path: string, options: AddClientPatchOptions): void {
  refuseSetupVariableTwice(doc, step, path);
  const view = new SetupWindowsStep(step);
  const before = view.clientInstallProperties;
  // PATCH = "…" or PATCH='…' is no PATCH property to Windows Installer: adding one would make two, or a broken path.
  const problem = patchListProblem(before);
  if (problem !== undefined) {
    const have =
      problem.kind === 'quote'
        ? `a double quote that is never closed (${JSON.stringify(before)}).`
        : problem.kind === 'twice'
          ? `PATCH twice (${JSON.stringify(before)}); merge them into one list first.`
          : `${problem.written} at character ${problem.at + 1}: ${problem.why}`;
    throw new TaskSequenceError('INSTALL_PROPERTIES_INVALID', `The installation properties of "${path}" have ${have}`, refusalPlace(doc, findVariable(step, 'ClientInstallProperties') ?? step, path));
  }
  const result = addPatch(before, options.msp, options.coveredBy ?? []);
  const req = options.requirement === undefined ? {} : { requirement: options.requirement };
  if (result.status === 'added') {
    plan.edits.push({ change: { what: 'PATCH in installation properties', where: path, before, after: result.value, ...req }, apply: () => void (view.clientInstallProperties = result.value) });
  } else if (result.status === 'present') {
    plan.already.push({ what: `PATCH lists ${options.msp}`, where: path, ...req });
  } else {
    plan.already.push({ what: `PATCH lists ${result.by}, which covers ${options.msp}`, where: path, ...req });
  }
}

/**
 * The checks of add-client-patch's options that need no document (those of its schema aside): throws
 * `INVALID_ARGUMENT` or `PATCH_PATH_TOO_LONG`, marked with the option's place. Its factory makes them, and so does
 * `cmts transform` once for its options file, before any input.
 */
export function checkAddClientPatchOptions(options: AddClientPatchOptions): void {
  checkedAt('/msp', () => {
    // Spliced into the quoted PATCH property that ccmsetup hands to msiexec: printable ASCII only (see TextRules.ascii).
    checkText('msp option', options.msp, { noQuote: true, noSemicolon: true, ascii: ASCII_ADVICE.path });
    const tooLong = pathTooLong(options.msp);
    if (tooLong !== undefined) throw new TaskSequenceError('PATCH_PATH_TOO_LONG', `The msp option ${shownValue(options.msp, '"')} is ${tooLong}.`);
  });
}

/** What {@link addClientPatch} would do; refuses (throws) before any edit, also a stepPath that names no Setup step, or two. */
export function planAddClientPatch(doc: TaskSequenceDocument, options: AddClientPatchOptions): Plan {
  checkAddClientPatchOptions(options);
  const plan = emptyPlan();
  const steps = findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr, ...(options.stepPath !== undefined && { path: options.stepPath }) });
  // A stepPath that names no Setup step is a mistake (a typo, a renamed step), not "nothing to change": a check run
  // nightly would pass while the step it is about never gets the patch.
  if (options.stepPath !== undefined && steps.length === 0) throw stepPathNotFound(doc, options.stepPath);
  // Two Setup steps of one name in one group share a path: the option names one step, and which is not said (the
  // other may install another client build, under another condition). Patching both edited one it did not mean.
  if (options.stepPath !== undefined && steps.length > 1) {
    throw new TaskSequenceError(
      'INVALID_ARGUMENT',
      `The stepPath option ${shownValue(options.stepPath, '"')} names ${steps.length} Setup Windows and ConfigMgr steps (one name in one group), and which one is meant is not said. Give the step meant a name of its own, or leave stepPath out to patch every Setup Windows and ConfigMgr step.`,
    );
  }
  for (const { node, path } of steps) planStep(doc, plan, node as Step, path, options);
  return plan;
}

/** `STEP_NOT_FOUND` for a stepPath with no Setup Windows and ConfigMgr step at it, saying what is there instead. */
function stepPathNotFound(doc: TaskSequenceDocument, stepPath: string): TaskSequenceError {
  const there = findItems(doc.sequence, { path: stepPath })[0]?.node;
  const what = there === undefined ? 'nothing has that path' : there.kind === 'group' ? 'a group has that path' : `the step at that path is ${there.attributes.type ?? 'of no type'}`;
  const setup = findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr }).map((l) => quotedForMessage(l.path));
  const known = setup.length === 0 ? 'The sequence has no Setup Windows and ConfigMgr step.' : `Its Setup Windows and ConfigMgr steps: ${setup.slice(0, 10).join(', ')}${setup.length > 10 ? ', …' : ''}.`;
  return new TaskSequenceError('STEP_NOT_FOUND', `The stepPath option ${shownValue(stepPath, '"')} names no Setup Windows and ConfigMgr step (${what}). ${known}`);
}

/** Adds `options.msp` to PATCH in every (or one) Setup Windows and ConfigMgr step. */
export function addClientPatch(options: AddClientPatchOptions): Transform {
  // Checked here too: a script that calls the factory gets the refusals createTransform gives, before any edit.
  const checked = validOptions<AddClientPatchOptions>('add-client-patch', 'add-client-patch.options.schema.json', options);
  checkAddClientPatchOptions(checked);
  return fromPlan((doc) => planAddClientPatch(doc, checked));
}
