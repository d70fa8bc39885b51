/**
 * Typed views of the step classes cmts works with. A view reads and writes the step's variables and keeps the
 * `<action>` command line in step with them, the way the console renders it from the WMI class qualifiers.
 */
import { getAction, getVariableValue, setAction, setVariable } from './variables.js';
import type { Step, SubTaskSequence } from './types.js';

/** WMI class names of the built-in steps cmts has views for. */
export const STEP_TYPES = {
  setupWindowsAndConfigMgr: 'SMS_TaskSequence_SetupWindowsAndSMSAction',
  installSoftware: 'SMS_TaskSequence_InstallSoftwareAction',
  restartComputer: 'SMS_TaskSequence_RebootAction',
  runCommandLine: 'SMS_TaskSequence_RunCommandLineAction',
  setVariable: 'SMS_TaskSequence_SetVariableAction',
} as const;

/** The console's names for step classes (ConfigMgr 2007 wording where it differs from Current Branch). */
export const STEP_TYPE_NAMES: Record<string, string> = {
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
  return STEP_TYPE_NAMES[type] ?? (type.startsWith('BDD_') ? `MDT ${type.slice(4)}` : type);
}

/** Whether a step is of a class. */
export function isStepOfType(step: Step, type: string): boolean {
  return step.attributes.type === type;
}

/** "Setup Windows and ConfigMgr": client installation properties and the client package. */
export class SetupWindowsStep {
  constructor(readonly step: Step | SubTaskSequence) {}
  /** `SMSClientInstallProperties` (console: Installation properties); '' when empty or missing. */
  get clientInstallProperties(): string {
    return getVariableValue(this.step, 'ClientInstallProperties') ?? '';
  }
  set clientInstallProperties(value: string) {
    setVariable(this.step, { name: 'SMSClientInstallProperties', property: 'ClientInstallProperties' }, value);
  }
  /** `_SMSClientPackageID`: the ConfigMgr client installation package. */
  get clientPackageId(): string | undefined {
    return getVariableValue(this.step, 'ClientPackageID');
  }
  set clientPackageId(value: string) {
    setVariable(this.step, { name: '_SMSClientPackageID', property: 'ClientPackageID' }, value);
  }
}

/** "Install Software" (CB: "Install Package"): one package and program, or a base variable name for a list. */
export class InstallSoftwareStep {
  constructor(readonly step: Step | SubTaskSequence) {}
  get packageId(): string | undefined {
    return getVariableValue(this.step, 'PackageID');
  }
  get programName(): string | undefined {
    return getVariableValue(this.step, 'ProgramName');
  }
  /** Set for "install multiple software packages according to a dynamic variable list". */
  get baseVariableName(): string | undefined {
    return getVariableValue(this.step, 'BaseVariableName');
  }
  /** Points the step at one package and program, updating the command line to match. */
  setProgram(packageId: string, programName: string): void {
    setVariable(this.step, { name: 'PackageID', property: 'PackageID', hidden: true }, packageId);
    setVariable(this.step, { name: '_SMSSWDProgramName', property: 'ProgramName' }, programName);
    setAction(this.step, installSoftwareCommandLine(packageId));
  }
}

/** The command line ConfigMgr renders for a single-package Install Software step. */
export function installSoftwareCommandLine(packageId: string): string {
  return `smsswd.exe /pkg:${packageId} /install /basevar: /continueOnError:`;
}

/** "Restart Computer": target, notification message and time-out. */
export class RestartComputerStep {
  constructor(readonly step: Step | SubTaskSequence) {}
  /** `HD` (the currently installed default operating system) or `WinPE` (the boot image). */
  get target(): string | undefined {
    return getVariableValue(this.step, 'Target') ?? /\/target:(\S+)/.exec(getAction(this.step) ?? '')?.[1];
  }
  set target(value: string) {
    setVariable(this.step, { name: 'SMSRebootTarget', property: 'Target', hidden: true }, value);
    setAction(this.step, `smsboot.exe /target:${value}`);
  }
  get message(): string | undefined {
    return getVariableValue(this.step, 'Message');
  }
  set message(value: string) {
    setVariable(this.step, { name: 'SMSRebootMessage', property: 'Message' }, value);
  }
  /** Seconds the message shows; `0` means the user is not notified. */
  get timeout(): string | undefined {
    return getVariableValue(this.step, 'MessageTimeout');
  }
  set timeout(value: string) {
    setVariable(this.step, { name: 'SMSRebootTimeout', property: 'MessageTimeout' }, value);
  }
  /** Whether the user is notified before the restart ("Notify the user before restarting"). */
  get notifiesUser(): boolean {
    const t = this.timeout;
    return t !== undefined && t.trim() !== '' && Number(t) !== 0;
  }
}

/** "Run Command Line". */
export class RunCommandLineStep {
  constructor(readonly step: Step | SubTaskSequence) {}
  get commandLine(): string | undefined {
    return getVariableValue(this.step, 'CommandLine');
  }
  set commandLine(value: string) {
    setVariable(this.step, { name: 'CommandLine', property: 'CommandLine', hidden: true }, value);
    setAction(this.step, `smsswd.exe /run:${this.packageId ?? ''} ${value}`);
  }
  get packageId(): string | undefined {
    return getVariableValue(this.step, 'PackageID');
  }
}

/** "Set Task Sequence Variable". */
export class SetVariableStep {
  constructor(readonly step: Step | SubTaskSequence) {}
  get variableName(): string | undefined {
    return getVariableValue(this.step, 'VariableName');
  }
  get variableValue(): string | undefined {
    return getVariableValue(this.step, 'VariableValue');
  }
}

/** A typed view of `step` if it is of a class cmts has a view for. */
export function viewOf(step: Step): SetupWindowsStep | InstallSoftwareStep | RestartComputerStep | RunCommandLineStep | SetVariableStep | undefined {
  switch (step.attributes.type) {
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
