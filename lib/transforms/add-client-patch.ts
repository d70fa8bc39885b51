/**
 * add-client-patch: adds an .msp to the PATCH property of Setup Windows and ConfigMgr steps' installation properties.
 */
import type { TaskSequenceDocument } from '../document.js';
import { addPatch } from '../model/install-properties.js';
import { findSteps } from '../model/query.js';
import { SetupWindowsStep, STEP_TYPES } from '../model/steps.js';
import type { Step } from '../model/types.js';
import type { Transform, TransformContext } from './context.js';

/** Options of {@link addClientPatch}. */
export interface AddClientPatchOptions {
  /** Full path of the .msp, as the client will see it. */
  msp: string;
  /** Only the Setup Windows and ConfigMgr step at this path (see `Located.path`); default: every one. */
  stepPath?: string;
  /** Substrings of .msp paths that already cover this patch (e.g. a superseding hotfix); default none. */
  coveredBy?: string[];
  /** Requirement id recorded on the change; default none. */
  requirement?: string;
}

/** Applies the patch to one step's properties and records what happened. */
export function addClientPatchToStep(step: Step, path: string, options: AddClientPatchOptions, ctx: TransformContext): void {
  const view = new SetupWindowsStep(step);
  const before = view.clientInstallProperties;
  const result = addPatch(before, options.msp, options.coveredBy ?? []);
  const req = options.requirement === undefined ? {} : { requirement: options.requirement };
  if (result.status === 'added') {
    view.clientInstallProperties = result.value;
    ctx.change({ what: 'PATCH in installation properties', where: path, before, after: result.value, ...req });
  } else if (result.status === 'present') {
    ctx.already({ what: `PATCH lists ${options.msp}`, where: path, ...req });
  } else {
    ctx.already({ what: `PATCH lists ${result.by}, which covers ${options.msp}`, where: path, ...req });
  }
}

/** Adds `options.msp` to PATCH in every (or one) Setup Windows and ConfigMgr step. */
export function addClientPatch(options: AddClientPatchOptions): Transform {
  return (doc: TaskSequenceDocument, ctx: TransformContext) => {
    for (const { node, path } of findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr })) {
      if (options.stepPath !== undefined && path !== options.stepPath) continue;
      addClientPatchToStep(node as Step, path, options, ctx);
    }
  };
}
