/**
 * Builders for the five step types transforms insert, with option names of their own; each is a thin layer over the
 * catalog's `buildStep`, which writes every type the way the console does, and refuses what it, `StepView.set` and
 * `renameItem` refuse, by the same checks, naming the builder's own option. New nodes have no whitespace: inserting
 * them lays them out like their neighbours.
 */
import type { Release } from '../catalog/versions.js';
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { buildStep, type StepOptions } from '../catalog/build-step.js';
import { catalogEntry } from '../catalog/catalog.js';
import { checkValue } from '../catalog/value-problem.js';
import { variableOfSetting } from '../catalog/variable-match.js';
import { checkOptionFlags, checkString } from './argument-checks.js';
import { checkItemDescription, checkItemName, MAX_ITEM_DESCRIPTION, MAX_ITEM_NAME } from './item-checks.js';
import { STEP_TYPES } from './steps.js';
import type { Reference, Step } from './types.js';

/** The console's limit for step names (the limit of every builder, `buildStep` and `renameItem`). */
export const MAX_STEP_NAME = MAX_ITEM_NAME;
/** The limit for descriptions (the WMI property holds 255 characters). */
export const MAX_DESCRIPTION = MAX_ITEM_DESCRIPTION;

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
  /**
   * The release whose console spelling to write (see `buildStep`); default the latest. A Current Branch release writes
   * the settings every Current Branch export has with their defaults (`_SMSTSRunCommandLineAsUser`, …); transforms
   * pass the sequence's release, so that a step added to an older sequence has none of them.
   */
  release?: Release;
}

/** The flags every builder takes: given, each must be true or false. */
const COMMON_FLAGS = ['disabled', 'continueOnError', 'retryAttributes'] as const;

/**
 * Checks the options that become settings with the catalog's check (`checkValue`, as `buildStep` and `StepView.set`
 * do), each under the option's own name: `timeout` rather than the setting `messageTimeout` it is written to. An
 * option the builder leaves unwritten (a time-out without `notify`) is checked all the same.
 */
function checkOptions(type: string, given: Readonly<Record<string, readonly [option: string, value: unknown]>>): void {
  const entry = catalogEntry(type);
  for (const [setting, [option, value]] of Object.entries(given)) {
    const data = entry && variableOfSetting(entry, setting);
    if (data && value !== undefined) checkValue(data, value, option);
  }
}

function step(type: string, common: StepCommon, settings: Record<string, unknown>, extra: Partial<StepOptions> = {}): Step {
  // The checks buildStep makes too, first: the name and description are what every builder is given.
  checkItemName(common.name);
  checkItemDescription(common.description);
  return buildStep(type, {
    name: common.name,
    ...(common.description !== undefined ? { description: common.description } : {}),
    ...(common.disabled ? { disabled: true } : {}),
    ...(common.continueOnError ? { continueOnError: true } : {}),
    retryAttributes: common.retryAttributes ?? true,
    ...(common.release !== undefined ? { release: common.release } : {}),
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
  checkOptionFlags('createInstallSoftwareStep', o, COMMON_FLAGS);
  checkOptions(STEP_TYPES.installSoftware, { packageId: ['packageId', o.packageId], programName: ['programName', o.programName] });
  return step(STEP_TYPES.installSoftware, o, { packageId: o.packageId, programName: o.programName });
}

/** Options for {@link createRestartComputerStep}. */
export interface RestartComputerOptions extends StepCommon {
  /** `HD`: the currently installed default operating system (default); `WinPE`: the boot image. */
  target?: 'HD' | 'WinPE';
  /**
   * Notify the user before restarting; default true when a `message` or `timeout` is given (which only a notification
   * shows), else false (message empty, time-out 0). `notify: false` with either is refused (`INVALID_ARGUMENT`).
   */
  notify?: boolean;
  /** Default: the console's default notification text, when `notify`; at most 512 characters. */
  message?: string;
  /** Seconds the message shows, 0 or more (`messageTimeout`); default 60 when `notify`, otherwise 0. */
  timeout?: number;
}

/** The console's default "Notification message". */
export const DEFAULT_RESTART_MESSAGE = 'A new Microsoft Windows operating system is being installed. The computer must restart to continue.';

/** A new "Restart Computer" step. */
export function createRestartComputerStep(o: RestartComputerOptions): Step {
  checkOptionFlags('createRestartComputerStep', o, [...COMMON_FLAGS, 'notify']);
  checkOptions(STEP_TYPES.restartComputer, { target: ['target', o.target], message: ['message', o.message], messageTimeout: ['timeout', o.timeout] });
  const target = o.target ?? 'HD';
  const shown = o.message !== undefined || o.timeout !== undefined;
  // A message or a time-out is what a notification shows: given with none, it was dropped without a word.
  if (o.notify === false && shown) throw new TaskSequenceError('INVALID_ARGUMENT', `A Restart Computer step shows its ${o.message !== undefined ? 'message' : 'time-out'} only when it notifies the user: give notify: true, or leave out message and timeout.`);
  const notify = o.notify ?? shown;
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
  checkOptionFlags('createRunCommandLineStep', o, COMMON_FLAGS);
  checkOptions(STEP_TYPES.runCommandLine, { commandLine: ['commandLine', o.commandLine], packageId: ['packageId', o.packageId] });
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
  checkOptionFlags('createSetVariableStep', o, COMMON_FLAGS);
  checkOptions(STEP_TYPES.setVariable, { variableName: ['variableName', o.variableName], variableValue: ['value', o.value] });
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
  checkOptionFlags('createSetupWindowsStep', o, COMMON_FLAGS);
  checkOptions(STEP_TYPES.setupWindowsAndConfigMgr, { clientPackageId: ['clientPackageId', o.clientPackageId], clientInstallProperties: ['clientInstallProperties', o.clientInstallProperties] });
  return step(STEP_TYPES.setupWindowsAndConfigMgr, o, { clientInstallProperties: o.clientInstallProperties ?? '', clientPackageId: o.clientPackageId });
}

/** A new `<reference package="…"/>` (with `program` when given). */
export function createPackageReference(packageId: string, program?: string): Reference {
  checkString('createPackageReference', packageId, 'the package ID');
  if (program !== undefined) checkString('createPackageReference', program, 'the program');
  return { kind: 'reference', tag: 'reference', attributes: program === undefined ? { package: packageId } : { package: packageId, program }, children: [] };
}
