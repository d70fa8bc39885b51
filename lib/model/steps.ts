/**
 * Named views of the five step classes transforms work with, over the catalog's generated view (`catalog/step-view`):
 * each reads and writes the step's variables and keeps the `<action>` command line in step with them.
 */
import { renderAction } from '../catalog/action-line.js';
import { catalogEntry, stepCatalog } from '../catalog/catalog.js';
import type { StepSettings } from '../catalog/settings-types.js';
import { entryOfStep, type StepView, stepView } from '../catalog/step-view.js';
import type { StepTypeData, VariableData } from '../catalog/types.js';
import { checkValue } from '../catalog/value-problem.js';
import { variableOfSetting } from '../catalog/variable-match.js';
import { TaskSequenceError } from '../errors.js';
import { describeGiven } from './child-nodes.js';
import { checkStepLike } from './argument-checks.js';
import { getAction, getVariableValue, setAction } from './variables.js';
import type { Step, SubTaskSequence } from './types.js';

/** WMI class names of the built-in steps cmts has views for. */
export const STEP_TYPES = {
  setupWindowsAndConfigMgr: 'SMS_TaskSequence_SetupWindowsAndSMSAction',
  installSoftware: 'SMS_TaskSequence_InstallSoftwareAction',
  restartComputer: 'SMS_TaskSequence_RebootAction',
  runCommandLine: 'SMS_TaskSequence_RunCommandLineAction',
  setVariable: 'SMS_TaskSequence_SetVariableAction',
} as const;

/** The console's names for step classes (ConfigMgr 2007 wording where it differs from Current Branch), from the catalog. */
export const STEP_TYPE_NAMES: Record<string, string> = {
  ...Object.fromEntries(stepCatalog.map((e) => [e.type, e.consoleName])),
  SMS_TaskSequence_SetupWindowsAndSMSAction: 'Setup Windows and ConfigMgr',
  SMS_TaskSequence_InstallSoftwareAction: 'Install Software',
  SMS_TaskSequence_RebootAction: 'Restart Computer',
  SMS_TaskSequence_RunCommandLineAction: 'Run Command Line',
  SMS_TaskSequence_SetVariableAction: 'Set Task Sequence Variable',
  SMS_TaskSequence_ApplyOperatingSystemAction: 'Apply Operating System Image',
  SMS_TaskSequence_ApplyWindowsSettingsAction: 'Apply Windows Settings',
  SMS_TaskSequence_ApplyNetworkSettingsAction: 'Apply Network Settings',
  SMS_TaskSequence_ApplyDriverPackageAction: 'Apply Driver Package',
  SMS_TaskSequence_AutoApplyAction: 'Auto Apply Drivers',
  SMS_TaskSequence_CaptureUserStateAction: 'Capture User State',
  SMS_TaskSequence_RestoreUserStateAction: 'Restore User State',
  SMS_TaskSequence_RequestStateStoreAction: 'Request State Store',
  SMS_TaskSequence_ReleaseStateStoreAction: 'Release State Store',
  SMS_TaskSequence_PartitionDiskAction: 'Format and Partition Disk',
  SMS_TaskSequence_InstallUpdateAction: 'Install Software Updates',
  SMS_TaskSequence_InstallApplicationAction: 'Install Application',
  SMS_TaskSequence_PrepareOSAction: 'Prepare Windows for Capture',
  SMS_TaskSequence_PrepareSMSClientAction: 'Prepare ConfigMgr Client for Capture',
  SMS_TaskSequence_CaptureSystemImageAction: 'Capture Operating System Image',
  SMS_TaskSequence_CaptureNetworkSettingsAction: 'Capture Network Settings',
  SMS_TaskSequence_CaptureWindowsSettingsAction: 'Capture Windows Settings',
  SMS_TaskSequence_ConnectNetworkFolderAction: 'Connect to Network Folder',
  SMS_TaskSequence_EnableBitLockerAction: 'Enable BitLocker',
  SMS_TaskSequence_DisableBitLockerAction: 'Disable BitLocker',
  SMS_TaskSequence_OfflineEnableBitLockerAction: 'Pre-provision BitLocker',
  SMS_TaskSequence_ConvertDiskAction: 'Convert Disk to Dynamic',
  SMS_TaskSequence_UpgradeOperatingSystemAction: 'Upgrade Operating System',
  SMS_TaskSequence_SetDynamicVariablesAction: 'Set Dynamic Variables',
  SMS_TaskSequence_RunPowerShellScriptAction: 'Run PowerShell Script',
  SMS_TaskSequence_DownloadPackageContentAction: 'Download Package Content',
  SMS_TaskSequence_PrestartCheckAction: 'Check Readiness',
  SMS_TaskSequence_JoinDomainWorkgroupAction: 'Join Domain or Workgroup',
  SMS_TaskSequence_InstallDeployToolsAction: 'Install Deployment Tools',
  SMS_TaskSequence_ApplyDataImageAction: 'Apply Data Image',
  SMS_TaskSequence_SubTasksequence: 'Run Task Sequence',
};

/** The console's name for a step class, or the class name itself when cmts does not know it. */
export function stepTypeName(type: string | undefined): string {
  if (type === undefined) return 'Run Command Line (MDT, no type)';
  // Own names only: a type read from a file may be `constructor`, which Object.prototype would answer.
  return (Object.hasOwn(STEP_TYPE_NAMES, type) ? STEP_TYPE_NAMES[type] : undefined) ?? (type.startsWith('BDD_') ? `MDT ${type.slice(4)}` : type);
}

/** Whether a step is of a class. */
export function isStepOfType(step: Step, type: string): boolean {
  return step.attributes.type === type;
}

/** "Setup Windows and ConfigMgr": client installation properties and the client package. */
export class SetupWindowsStep {
  private readonly view: StepView<typeof STEP_TYPES.setupWindowsAndConfigMgr>;
  constructor(readonly step: Step | SubTaskSequence) {
    this.view = stepView(step);
  }
  /** `SMSClientInstallProperties` (console: Installation properties); '' when empty or missing. */
  get clientInstallProperties(): string {
    return this.view.get('clientInstallProperties') ?? '';
  }
  set clientInstallProperties(value: string) {
    this.view.set('clientInstallProperties', value);
  }
  /** `_SMSClientPackageID`: the ConfigMgr client installation package. */
  get clientPackageId(): string | undefined {
    return this.view.get('clientPackageId');
  }
  set clientPackageId(value: string) {
    this.view.set('clientPackageId', value);
  }
}

/** "Install Software" (CB: "Install Package"): one package and program, or a base variable name for a list. */
export class InstallSoftwareStep {
  private readonly view: StepView<typeof STEP_TYPES.installSoftware>;
  constructor(readonly step: Step | SubTaskSequence) {
    this.view = stepView(step);
  }
  get packageId(): string | undefined {
    return this.view.get('packageId');
  }
  get programName(): string | undefined {
    return this.view.get('programName');
  }
  /** Set for "install multiple software packages according to a dynamic variable list". */
  get baseVariableName(): string | undefined {
    return this.view.get('baseVariableName');
  }
  /** Points the step at one package and program, updating the command line to match. */
  setProgram(packageId: string, programName: string): void {
    // Both checked before either is written: a refused program name left the new package ID and its line behind.
    const entry = catalogEntry(STEP_TYPES.installSoftware) as StepTypeData;
    checkValue(variableOfSetting(entry, 'packageId') as VariableData, packageId, 'packageId');
    checkValue(variableOfSetting(entry, 'programName') as VariableData, programName, 'programName');
    this.view.set('packageId', packageId);
    this.view.set('programName', programName);
    // set has rendered the line from every variable: rendered again from the package ID alone, it lost the base
    // variable and continue-on-error the variables keep. Only a step with no line gets one here.
    if (getAction(this.step) === undefined) setAction(this.step, renderAction((catalogEntry(STEP_TYPES.installSoftware) as StepTypeData).action, this.view.propertyTexts()));
  }
}

/** The command line ConfigMgr renders for a single-package Install Software step. */
export function installSoftwareCommandLine(packageId: string): string {
  return renderAction((catalogEntry(STEP_TYPES.installSoftware) as StepTypeData).action, { PackageID: packageId });
}

/** "Restart Computer": target, notification message and time-out. */
export class RestartComputerStep {
  private readonly view: StepView<typeof STEP_TYPES.restartComputer>;
  constructor(readonly step: Step | SubTaskSequence) {
    this.view = stepView(step);
  }
  /**
   * `HD` (the currently installed default operating system) or `WinPE` (the boot image), in any case, or empty; MDT
   * keeps it in the action line.
   */
  get target(): StepSettings<typeof STEP_TYPES.restartComputer>['target'] {
    return this.view.get('target');
  }
  set target(value: NonNullable<StepSettings<typeof STEP_TYPES.restartComputer>['target']>) {
    this.view.set('target', value);
  }
  get message(): string | undefined {
    return getVariableValue(this.step, 'Message');
  }
  set message(value: string) {
    this.view.set('message', value);
  }
  /** Seconds the message shows, as written; `0` means the user is not notified. */
  get timeout(): string | undefined {
    return getVariableValue(this.step, 'MessageTimeout');
  }
  /**
   * Sets the seconds the message shows (`0`: the user is not notified), checked as `set('messageTimeout', …)` and
   * the builders check it: a whole number from 0 to 4294967295, or its decimal digits. It wrote any text it was
   * given (`-5`, `abc`), which the engine reads as no time-out.
   */
  set timeout(value: string | number) {
    const seconds = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
    if (typeof seconds !== 'number') throw new TaskSequenceError('INVALID_ARGUMENT', `A restart's message time-out is a whole number of seconds (0: no notice), not ${describeGiven(value)}.`);
    this.view.set('messageTimeout', seconds);
  }
  /**
   * Whether the user is notified before the restart ("Notify the user before restarting"): a time-out that is a
   * number other than 0. One that is no number (a hand edit) is not taken for a notice.
   */
  get notifiesUser(): boolean {
    const t = this.timeout?.trim();
    return t !== undefined && t !== '' && Number.isFinite(Number(t)) && Number(t) !== 0;
  }
}

/** "Run Command Line". */
export class RunCommandLineStep {
  private readonly view: StepView<typeof STEP_TYPES.runCommandLine>;
  constructor(readonly step: Step | SubTaskSequence) {
    this.view = stepView(step);
  }
  /** The command; MDT files keep it only in the `<action>` line. */
  get commandLine(): string | undefined {
    return this.view.get('commandLine');
  }
  /** Sets the command and the `<action>` line with it (in the form the step has: ConfigMgr's or MDT's). */
  set commandLine(value: string) {
    this.view.set('commandLine', value);
  }
  get packageId(): string | undefined {
    return this.view.get('packageId');
  }
}

/** "Set Task Sequence Variable". */
export class SetVariableStep {
  private readonly view: StepView<typeof STEP_TYPES.setVariable>;
  constructor(readonly step: Step | SubTaskSequence) {
    this.view = stepView(step);
  }
  get variableName(): string | undefined {
    return this.view.get('variableName');
  }
  /** Sets the variable's name and the `tsenv.exe` action line with it. */
  set variableName(value: string) {
    this.view.set('variableName', value);
  }
  get variableValue(): string | undefined {
    return this.view.get('variableValue');
  }
  /** Sets the value and the `tsenv.exe` action line with it. */
  set variableValue(value: string) {
    this.view.set('variableValue', value);
  }
}

/** A typed view of `step` if it is of a class cmts has a view for. */
export function viewOf(step: Step): SetupWindowsStep | InstallSoftwareStep | RestartComputerStep | RunCommandLineStep | SetVariableStep | undefined {
  checkStepLike('viewOf', step);
  // By the catalog's entry, as `stepView` reads it: a <step> with no type is MDT's Run Command Line.
  switch (entryOfStep(step)?.type) {
    case STEP_TYPES.setupWindowsAndConfigMgr:
      return new SetupWindowsStep(step);
    case STEP_TYPES.installSoftware:
      return new InstallSoftwareStep(step);
    case STEP_TYPES.restartComputer:
      return new RestartComputerStep(step);
    case STEP_TYPES.runCommandLine:
      return new RunCommandLineStep(step);
    case STEP_TYPES.setVariable:
      return new SetVariableStep(step);
    default:
      return undefined;
  }
}
