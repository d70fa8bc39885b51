// Fixtures for the KB977203 tests of Setup steps in branches under opposite conditions: a refresh sequence with one
// Setup step per branch and the administrator's CCMCertFix step and restart after both, and an apply that checks
// what every apply must hold.
import { expect } from 'vitest';
import { lint, listItems, readTaskSequence, revertKb977203, type Kb977203Options } from './api.js';
import { appliedTwice, text } from './kb-apply.js';

export { text };

export const variable = (name: string, operator: string, value: string) =>
  `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${operator}</variable><variable name="Value">${value}</variable><variable name="Variable">${name}</variable></expression>`;
export const condition = (...operands: string[]) => `<condition>${operands.join('')}</condition>`;
export const step = (type: string, name: string, body: string) => `\n      <step type="${type}" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0 3010">${body}</step>`;
export const group = (name: string, body: string, cond = '') => `\n    <group name="${name}" description="">${cond}${body}\n    </group>`;
export const APPLY_OS = step('SMS_TaskSequence_ApplyOperatingSystemAction', 'Apply Operating System', '<action>OSDApplyOS.exe</action><defaultVarList><variable name="OSDImageIndex" property="ImageIndex">1</variable><variable name="OSDImagePackageId" property="ImagePackageID">ABC00005</variable></defaultVarList>');
export const SETTINGS = step('SMS_TaskSequence_ApplyWindowsSettingsAction', 'Apply Windows Settings', '<action>OSDWinSettings.exe</action>');
export const SETUP = (name: string, props: string) =>
  step('SMS_TaskSequence_SetupWindowsAndSMSAction', name, `<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList>`);
export const CERTFIX = step('SMS_TaskSequence_InstallSoftwareAction', 'Repair client certificate', '<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList>');
export const RESTART = step('SMS_TaskSequence_RebootAction', 'Restart into Windows', '<action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList>');
export const RESTORE = step('SMS_TaskSequence_RestoreUserStateAction', 'Restore User Files and Settings', '<action>OSDUSMTRestore.exe</action>');

/** A refresh sequence: one Setup step per branch, then the administrator's CCMCertFix and restart after both. */
export const sequence = (laptops: string, desktops: string, laptopExtra = '') =>
  `<sequence version="3.00">${group(
    'Install Operating System',
    APPLY_OS + SETTINGS + group('Setup for laptops', SETUP('Setup Windows and ConfigMgr (laptops)', 'SMSSLP=SLP01 SMSCACHESIZE=10240') + laptopExtra, laptops) + group('Setup for desktops', SETUP('Setup Windows and ConfigMgr (desktops)', 'SMSSLP=SLP01 FSP=FSP01'), desktops) + CERTFIX + RESTART,
  )}${group('State Restore', RESTORE)}\n</sequence>\n`;

export const LAPTOP = condition(variable('IsLaptop', 'equals', 'True'));
export const names = (xml: string) => listItems(readTaskSequence(xml).sequence).filter((l) => l.node.kind === 'step').map((l) => l.node.attributes.name);
export const r14 = (xml: string) => lint(readTaskSequence(xml)).filter((f) => f.code === 'kb977203/certfix-without-restart');

/** Apply with `O` as every apply must hold ({@link appliedTwice}), with lint quiet on R14 and revert giving the bytes back. */
export function appliedWith(O: Kb977203Options, input: string) {
  const { report, out } = appliedTwice(input, O);
  expect(r14(out)).toEqual([]);
  const back = readTaskSequence(out);
  revertKb977203(back, O);
  expect(text(back)).toBe(input);
  return { report, out };
}
