/**
 * add-client-patch: adds an .msp to the PATCH property of Setup Windows and ConfigMgr steps' installation properties.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { addPatch, parseInstallProperties, unbalancedQuote } from '../model/install-properties.js';
import { findSteps } from '../model/query.js';
import { SetupWindowsStep, STEP_TYPES } from '../model/steps.js';
import type { Step } from '../model/types.js';
import { emptyPlan, fromPlan, type Plan, type Transform } from './context.js';
import { checkText } from './values.js';

/** Options of {@link addClientPatch}. */
export interface AddClientPatchOptions {
  /** Full path of the .msp, as the client will see it (no `"` or `;`: it goes into a quoted, `;`-separated list). */
  msp: string;
  /** Only the Setup Windows and ConfigMgr step at this path (see `Located.path`); default: every one. */
  stepPath?: string;
  /** Substrings of .msp paths that already cover this patch (e.g. a superseding hotfix); default none. */
  coveredBy?: string[];
  /** Label recorded on each change (a requirement id, say); default none. */
  requirement?: string;
}

/** Plans the patch for one step: refuses properties with an unclosed quote. */
function planStep(plan: Plan, step: Step, path: string, options: AddClientPatchOptions): void {
  const view = new SetupWindowsStep(step);
  const before = view.clientInstallProperties;
  if (unbalancedQuote(before) !== undefined) {
    throw new TaskSequenceError('INSTALL_PROPERTIES_INVALID', `The installation properties of "${path}" have a double quote that is never closed (${JSON.stringify(before)}).`);
  }
  if (parseInstallProperties(before).filter((t) => t.name?.toUpperCase() === 'PATCH').length > 1) {
    throw new TaskSequenceError('INSTALL_PROPERTIES_INVALID', `The installation properties of "${path}" have PATCH twice (${JSON.stringify(before)}); merge them into one list first.`);
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

/** What {@link addClientPatch} would do; refuses (throws) before any edit. */
export function planAddClientPatch(doc: TaskSequenceDocument, options: AddClientPatchOptions): Plan {
  checkText('msp option', options.msp, { noQuote: true, noSemicolon: true });
  const plan = emptyPlan();
  for (const { node, path } of findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr })) {
    if (options.stepPath !== undefined && path !== options.stepPath) continue;
    planStep(plan, node as Step, path, options);
  }
  return plan;
}

/** Adds `options.msp` to PATCH in every (or one) Setup Windows and ConfigMgr step. */
export function addClientPatch(options: AddClientPatchOptions): Transform {
  return fromPlan((doc) => planAddClientPatch(doc, options));
}
