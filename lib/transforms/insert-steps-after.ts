/**
 * insert-steps-after: puts new steps right after a step (same parent), in the form ConfigMgr writes them, unless
 * the same steps already follow it.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { createInstallSoftwareStep, createRestartComputerStep, createRunCommandLineStep, createSetVariableStep } from '../model/builders.js';
import { insertAfter } from '../model/mutate.js';
import { findSteps, nextItem, type StepQuery } from '../model/query.js';
import { InstallSoftwareStep, RestartComputerStep, RunCommandLineStep, SetVariableStep, STEP_TYPES } from '../model/steps.js';
import type { SequenceItem, Step } from '../model/types.js';
import type { Transform, TransformContext } from './context.js';

/** A step to insert, by class. */
export type NewStep =
  | { type: 'install-software'; name: string; description?: string; packageId: string; programName: string; continueOnError?: boolean }
  | { type: 'restart-computer'; name: string; description?: string; target?: 'HD' | 'WinPE'; notify?: boolean; message?: string; timeout?: number }
  | { type: 'run-command-line'; name: string; description?: string; commandLine: string; packageId?: string }
  | { type: 'set-variable'; name: string; description?: string; variableName: string; value: string };

/** Options of {@link insertStepsAfter}. */
export interface InsertStepsAfterOptions {
  /** Which steps to insert after (every match). */
  after: StepQuery;
  steps: NewStep[];
  /** Requirement ids recorded on each inserted step, by position in `steps`; default none. */
  requirements?: string[];
}

function build(spec: NewStep, retryAttributes: boolean): Step {
  const common = { name: spec.name, retryAttributes, ...(spec.description === undefined ? {} : { description: spec.description }) };
  switch (spec.type) {
    case 'install-software':
      return createInstallSoftwareStep({ ...common, packageId: spec.packageId, programName: spec.programName, ...(spec.continueOnError ? { continueOnError: true } : {}) });
    case 'restart-computer':
      return createRestartComputerStep({
        ...common,
        ...(spec.target === undefined ? {} : { target: spec.target }),
        ...(spec.notify === undefined ? {} : { notify: spec.notify }),
        ...(spec.message === undefined ? {} : { message: spec.message }),
        ...(spec.timeout === undefined ? {} : { timeout: spec.timeout }),
      });
    case 'run-command-line':
      return createRunCommandLineStep({ ...common, commandLine: spec.commandLine, ...(spec.packageId === undefined ? {} : { packageId: spec.packageId }) });
    case 'set-variable':
      return createSetVariableStep({ ...common, variableName: spec.variableName, value: spec.value });
  }
}

/** Whether an existing step already does what `spec` asks for. */
export function stepMatches(item: SequenceItem | undefined, spec: NewStep): boolean {
  if (!item || item.kind !== 'step') return false;
  const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  switch (spec.type) {
    case 'install-software': {
      if (item.attributes.type !== STEP_TYPES.installSoftware) return false;
      const v = new InstallSoftwareStep(item);
      return same(v.packageId, spec.packageId) && same(v.programName, spec.programName);
    }
    case 'restart-computer':
      return item.attributes.type === STEP_TYPES.restartComputer && same(new RestartComputerStep(item).target, spec.target ?? 'HD');
    case 'run-command-line':
      return item.attributes.type === STEP_TYPES.runCommandLine && new RunCommandLineStep(item).commandLine === spec.commandLine;
    case 'set-variable': {
      if (item.attributes.type !== STEP_TYPES.setVariable) return false;
      const v = new SetVariableStep(item);
      return same(v.variableName, spec.variableName) && v.variableValue === spec.value;
    }
  }
}

/** Inserts `steps` after every step matching `after`; steps that already follow in that order are kept, not added. */
export function insertStepsAfter(options: InsertStepsAfterOptions): Transform {
  return (doc: TaskSequenceDocument, ctx: TransformContext) => {
    const targets = findSteps(doc.sequence, options.after);
    if (targets.length === 0) throw new TaskSequenceError('STEP_NOT_FOUND', `No step matches ${JSON.stringify(options.after)}.`);
    for (const target of targets) {
      let anchor: SequenceItem = target.node;
      const retry = 'retryCount' in target.node.attributes;
      options.steps.forEach((spec, i) => {
        const req = options.requirements?.[i] === undefined ? {} : { requirement: options.requirements[i] };
        const next = nextItem(target.parent, anchor);
        if (next && stepMatches(next, spec)) {
          ctx.already({ what: `${spec.type} step "${next.attributes.name ?? ''}"`, where: target.path, ...req });
          anchor = next;
          return;
        }
        const step = build(spec, retry);
        insertAfter(doc.sequence, anchor, [step]);
        ctx.change({ what: `inserted ${spec.type} step "${spec.name}"`, where: `${target.path} (after "${anchor.attributes.name ?? ''}")`, ...req });
        anchor = step;
      });
    }
  };
}
