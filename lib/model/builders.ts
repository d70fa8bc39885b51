/**
 * Builders for new steps, in the form ConfigMgr writes them (attribute order `type name description [disable]
 * [continueOnError] runIn successCodeList [retryCount runFromNet]`, variables in the console's order). New nodes
 * have no whitespace: inserting them lays them out like their neighbours.
 */
import { TaskSequenceError } from '../errors.js';
import { installSoftwareCommandLine, STEP_TYPES } from './steps.js';
import type { Attributes, Node, Reference, Step, Variable } from './types.js';

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

function variable(name: string, property: string, value: string, hidden = false): Variable {
  return { kind: 'variable', tag: 'variable', attributes: hidden ? { name, property, hidden: 'true' } : { name, property }, value };
}

function step(type: string, common: StepCommon, runIn: string, successCodeList: string, action: string, vars: Variable[]): Step {
  if (common.name.length === 0 || common.name.length > MAX_STEP_NAME) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `Step name must be 1 to ${MAX_STEP_NAME} characters: ${JSON.stringify(common.name)}.`);
  }
  if ((common.description ?? '').length > MAX_DESCRIPTION) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `Step description must be at most ${MAX_DESCRIPTION} characters.`);
  }
  const attributes: Attributes = { type, name: common.name, description: common.description ?? '' };
  if (common.disabled) attributes.disable = 'true';
  if (common.continueOnError) attributes.continueOnError = 'true';
  attributes.runIn = runIn;
  attributes.successCodeList = successCodeList;
  if (common.retryAttributes ?? true) {
    attributes.retryCount = '0';
    attributes.runFromNet = 'false';
  }
  const children: Node[] = [{ kind: 'action', tag: 'action', attributes: {}, value: action }];
  children.push({ kind: 'variableList', tag: 'defaultVarList', attributes: {}, children: vars });
  return { kind: 'step', tag: 'step', attributes, children };
}

/** Options for {@link createInstallSoftwareStep}. */
export interface InstallSoftwareOptions extends StepCommon {
  packageId: string;
  programName: string;
}

/** A new "Install Software" step running one package's program (full OS, success code 0). */
export function createInstallSoftwareStep(o: InstallSoftwareOptions): Step {
  return step(STEP_TYPES.installSoftware, o, 'FullOS', '0', installSoftwareCommandLine(o.packageId), [
    variable('PackageID', 'PackageID', o.packageId, true),
    variable('_SMSSWDProgramName', 'ProgramName', o.programName),
  ]);
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
  return step(STEP_TYPES.restartComputer, o, 'WinPEandFullOS', '0', `smsboot.exe /target:${target}`, [
    variable('SMSRebootMessage', 'Message', notify ? (o.message ?? DEFAULT_RESTART_MESSAGE) : ''),
    variable('SMSRebootTimeout', 'MessageTimeout', String(notify ? (o.timeout ?? 60) : 0)),
    variable('SMSRebootTarget', 'Target', target, true),
  ]);
}

/** Options for {@link createRunCommandLineStep}. */
export interface RunCommandLineOptions extends StepCommon {
  commandLine: string;
  /** A package whose files the command runs from. */
  packageId?: string;
  /** Default `0 3010`. */
  successCodes?: string;
}

/** A new "Run Command Line" step. */
export function createRunCommandLineStep(o: RunCommandLineOptions): Step {
  const codes = o.successCodes ?? '0 3010';
  const vars = [variable('CommandLine', 'CommandLine', o.commandLine, true)];
  if (o.packageId !== undefined) vars.push(variable('PackageID', 'PackageID', o.packageId, true));
  vars.push(variable('SMSTSDisableWow64Redirection', 'DisableWow64Redirection', 'false'), variable('SuccessCodes', 'SuccessCodes', codes, true));
  return step(STEP_TYPES.runCommandLine, o, 'WinPEandFullOS', codes, `smsswd.exe /run:${o.packageId ?? ''} ${o.commandLine}`, vars);
}

/** Options for {@link createSetVariableStep}. */
export interface SetVariableOptions extends StepCommon {
  variableName: string;
  value: string;
}

/** A new "Set Task Sequence Variable" step. */
export function createSetVariableStep(o: SetVariableOptions): Step {
  return step(STEP_TYPES.setVariable, o, 'WinPEandFullOS', '0', `tsenv.exe "${o.variableName}=${o.value}"`, [
    variable('VariableName', 'VariableName', o.variableName, true),
    variable('VariableValue', 'VariableValue', o.value, true),
  ]);
}

/** Options for {@link createSetupWindowsStep}. */
export interface SetupWindowsOptions extends StepCommon {
  clientPackageId: string;
  /** Default ''. */
  clientInstallProperties?: string;
}

/** A new "Setup Windows and ConfigMgr" step. */
export function createSetupWindowsStep(o: SetupWindowsOptions): Step {
  return step(STEP_TYPES.setupWindowsAndConfigMgr, o, 'WinPEandFullOS', '0', 'OSDSetupWindows.exe', [
    variable('SMSClientInstallProperties', 'ClientInstallProperties', o.clientInstallProperties ?? ''),
    variable('_SMSClientPackageID', 'ClientPackageID', o.clientPackageId),
  ]);
}

/** A new `<reference package="…"/>` (with `program` when given). */
export function createPackageReference(packageId: string, program?: string): Reference {
  return { kind: 'reference', tag: 'reference', attributes: program === undefined ? { package: packageId } : { package: packageId, program }, children: [] };
}
