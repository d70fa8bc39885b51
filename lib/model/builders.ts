/**
 * Builders for the five step types transforms insert, with option names of their own; each is a thin layer over the
 * catalog's `buildStep`, which writes every type the way the console does. New nodes have no whitespace: inserting
 * them lays them out like their neighbours.
 */
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { buildStep, type StepOptions } from '../catalog/build-step.js';
import { STEP_TYPES } from './steps.js';
import type { Reference, Step } from './types.js';

/** The console's limit for step names. */
export const MAX_STEP_NAME = 50;
/** The limit for descriptions (the WMI property holds 255 characters). */
export const MAX_DESCRIPTION = 255;

/** Attributes every builder takes. */
export interface StepCommon {
  name: string;
  /** Default ''. */
  description?: string;
  /** Default false (the attribute is then left out, as ConfigMgr does). */
  disabled?: boolean;
  /** Default false (left out). */
  continueOnError?: boolean;
  /**
   * Write `retryCount="0" runFromNet="false"` as Current Branch does on every step; default true. Transforms pass
   * what the neighbouring steps do.
   */
  retryAttributes?: boolean;
}

function step(type: string, common: StepCommon, settings: Record<string, unknown>, extra: Partial<StepOptions> = {}): Step {
  if (typeof common.name !== 'string' || common.name.length === 0 || common.name.length > MAX_STEP_NAME) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `Step name must be 1 to ${MAX_STEP_NAME} characters: ${JSON.stringify(common.name)}.`);
  }
  if (common.description !== undefined && typeof common.description !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', 'Step description must be text.');
  if ((common.description ?? '').length > MAX_DESCRIPTION) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `Step description must be at most ${MAX_DESCRIPTION} characters.`);
  }
  return buildStep(type, {
    name: common.name,
    ...(common.description !== undefined ? { description: common.description } : {}),
    ...(common.disabled ? { disabled: true } : {}),
    ...(common.continueOnError ? { continueOnError: true } : {}),
    retryAttributes: common.retryAttributes ?? true,
    ...extra,
    settings: settings as never,
  }) as Step;
}

/** Options for {@link createInstallSoftwareStep}. */
export interface InstallSoftwareOptions extends StepCommon {
  packageId: string;
  programName: string;
}

/** A new "Install Software" step running one package's program (full OS, success code 0). */
export function createInstallSoftwareStep(o: InstallSoftwareOptions): Step {
  return step(STEP_TYPES.installSoftware, o, { packageId: o.packageId, programName: o.programName });
}

/** Options for {@link createRestartComputerStep}. */
export interface RestartComputerOptions extends StepCommon {
  /** `HD`: the currently installed default operating system (default); `WinPE`: the boot image. */
  target?: 'HD' | 'WinPE';
  /** Notify the user before restarting; default false (message empty, time-out 0). */
  notify?: boolean;
  /** Default: the console's default notification text, when `notify`. */
  message?: string;
  /** Seconds; default 60 when `notify`, otherwise 0. */
  timeout?: number;
}

/** The console's default "Notification message". */
export const DEFAULT_RESTART_MESSAGE = 'A new Microsoft Windows operating system is being installed. The computer must restart to continue.';

/** A new "Restart Computer" step. */
export function createRestartComputerStep(o: RestartComputerOptions): Step {
  const target = o.target ?? 'HD';
  const notify = o.notify ?? false;
  return step(STEP_TYPES.restartComputer, o, { message: notify ? (o.message ?? DEFAULT_RESTART_MESSAGE) : '', messageTimeout: notify ? (o.timeout ?? 60) : 0, target });
}

/** Options for {@link createRunCommandLineStep}. */
export interface RunCommandLineOptions extends StepCommon {
  commandLine: string;
  /** A package whose files the command runs from. */
  packageId?: string;
  /** Default `0 3010`. */
  successCodes?: string;
}

/**
 * The success codes of a space-separated list, as written: whole numbers in decimal. Read with `Number`, an empty or
 * blank list became `0` and `0x10 1e3` became `16 1000`.
 */
function successCodes(text: string): number[] {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!/^-?\d+(\s+-?\d+)*$/.test(trimmed)) throw new TaskSequenceError('INVALID_ARGUMENT', `successCodes must be whole numbers separated by spaces ("0 3010"), not ${typeof text === 'string' ? shownValue(text, '"') : typeof text}.`);
  return trimmed.split(/\s+/).map(Number);
}

/** A new "Run Command Line" step. */
export function createRunCommandLineStep(o: RunCommandLineOptions): Step {
  const codes = successCodes(o.successCodes ?? '0 3010');
  return step(STEP_TYPES.runCommandLine, o, { commandLine: o.commandLine, ...(o.packageId !== undefined ? { packageId: o.packageId } : {}), disableWow64Redirection: false, successCodes: codes });
}

/** Options for {@link createSetVariableStep}. */
export interface SetVariableOptions extends StepCommon {
  variableName: string;
  value: string;
}

/** A new "Set Task Sequence Variable" step. */
export function createSetVariableStep(o: SetVariableOptions): Step {
  return step(STEP_TYPES.setVariable, o, { variableName: o.variableName, variableValue: o.value });
}

/** Options for {@link createSetupWindowsStep}. */
export interface SetupWindowsOptions extends StepCommon {
  clientPackageId: string;
  /** Default ''. */
  clientInstallProperties?: string;
}

/** A new "Setup Windows and ConfigMgr" step. */
export function createSetupWindowsStep(o: SetupWindowsOptions): Step {
  return step(STEP_TYPES.setupWindowsAndConfigMgr, o, { clientInstallProperties: o.clientInstallProperties ?? '', clientPackageId: o.clientPackageId });
}

/** A new `<reference package="…"/>` (with `program` when given). */
export function createPackageReference(packageId: string, program?: string): Reference {
  return { kind: 'reference', tag: 'reference', attributes: program === undefined ? { package: packageId } : { package: packageId, program }, children: [] };
}
