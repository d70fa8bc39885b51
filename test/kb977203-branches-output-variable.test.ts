// Two Setup branches under opposite conditions on one variable share the CCMCertFix step after both only while nothing
// between the branches can change that variable. The preset looked only for Set Task Sequence Variable steps; a Run
// Command Line or Run PowerShell Script step whose output goes to the variable ("Output to task sequence variable",
// OutputVariableName), or a Set Dynamic Variables step with a rule that sets it, changes it just as visibly, and the
// engine may then run both branches. The preset adopted the shared pair for the first Setup step anyway; it now
// says why not and puts the KB pair in after it, as for a Set Task Sequence Variable step.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, listItems, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

// Run PowerShell Script and Set Dynamic Variables came after ConfigMgr 2007: the preset applies to such a sequence only when forced.
const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:', force: true };
const variable = (name: string, operator: string, value: string) =>
  `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${operator}</variable><variable name="Value">${value}</variable><variable name="Variable">${name}</variable></expression>`;
const condition = (...operands: string[]) => `<condition>${operands.join('')}</condition>`;
const step = (type: string, name: string, body: string) => `\n      <step type="${type}" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0 3010">${body}</step>`;
const group = (name: string, body: string, cond = '') => `\n    <group name="${name}" description="">${cond}${body}\n    </group>`;
const APPLY_OS = step('SMS_TaskSequence_ApplyOperatingSystemAction', 'Apply Operating System', '<action>OSDApplyOS.exe</action><defaultVarList><variable name="OSDImageIndex" property="ImageIndex">1</variable><variable name="OSDImagePackageId" property="ImagePackageID">ABC00005</variable></defaultVarList>');
const SETTINGS = step('SMS_TaskSequence_ApplyWindowsSettingsAction', 'Apply Windows Settings', '<action>OSDWinSettings.exe</action>');
const SETUP = (name: string, props: string) =>
  step('SMS_TaskSequence_SetupWindowsAndSMSAction', name, `<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList>`);
const CERTFIX = step('SMS_TaskSequence_InstallSoftwareAction', 'Repair client certificate', '<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList>');
const RESTART = step('SMS_TaskSequence_RebootAction', 'Restart into Windows', '<action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList>');
const RESTORE = step('SMS_TaskSequence_RestoreUserStateAction', 'Restore User Files and Settings', '<action>OSDUSMTRestore.exe</action>');

/** A refresh sequence: one Setup step per branch, then the administrator's CCMCertFix and restart after both. */
const sequence = (laptops: string, desktops: string, laptopExtra = '') =>
  `<sequence version="3.00">${group(
    'Install Operating System',
    APPLY_OS + SETTINGS + group('Setup for laptops', SETUP('Setup Windows and ConfigMgr (laptops)', 'SMSSLP=SLP01 SMSCACHESIZE=10240') + laptopExtra, laptops) + group('Setup for desktops', SETUP('Setup Windows and ConfigMgr (desktops)', 'SMSSLP=SLP01 FSP=FSP01'), desktops) + CERTFIX + RESTART,
  )}${group('State Restore', RESTORE)}\n</sequence>\n`;
const LAPTOP = condition(variable('IsLaptop', 'equals', 'True'));
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const names = (xml: string) => listItems(readTaskSequence(xml).sequence).filter((l) => l.node.kind === 'step').map((l) => l.node.attributes.name);
const r14 = (xml: string) => lint(readTaskSequence(xml)).filter((f) => f.code === 'kb977203/certfix-without-restart');

/** Apply, with check agreeing, a second apply changing nothing, lint quiet on R14, and revert giving the bytes back. */
function applied(input: string) {
  const checked = checkKb977203(readTaskSequence(input), O);
  const doc = readTaskSequence(input);
  const report = applyKb977203(doc, O);
  expect(checked).toEqual(report);
  const out = text(doc);
  const again = readTaskSequence(out);
  expect(applyKb977203(again, O).changes).toEqual([]);
  expect(text(again)).toBe(out);
  expect(r14(out)).toEqual([]);
  const back = readTaskSequence(out);
  revertKb977203(back, O);
  expect(text(back)).toBe(input);
  return { report, out };
}

const output = (type: string, name: string, action: string, property: string) =>
  step(type, name, `<action>${action}</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">cmd /c echo False</variable><variable name="${property}" property="OutputVariableName">IsLaptop</variable></defaultVarList>`);
const RULES = '&lt;?xml version="1.0" encoding="utf-16"?&gt;&lt;SMS_TaskSequence_Rules&gt;&lt;Rule&gt;&lt;Condition /&gt;&lt;Variables&gt;&lt;Variable Name="IsLaptop" IsSecret="false"&gt;False&lt;/Variable&gt;&lt;/Variables&gt;&lt;/Rule&gt;&lt;/SMS_TaskSequence_Rules&gt;\n';
const DESKTOP = condition(variable('IsLaptop', 'notEquals', 'True'));

describe('a step that sets the tested variable other than Set Task Sequence Variable keeps the branches from excluding each other', () => {
  it.each([
    ['Run Command Line with its output to the variable', output('SMS_TaskSequence_RunCommandLineAction', 'Detect chassis', 'smsswd.exe /run: cmd /c echo False', 'SMSTSRunCommandLineOutputVariableName'), 'Detect chassis'],
    ['Run PowerShell Script with its output to the variable', output('SMS_TaskSequence_RunPowerShellScriptAction', 'Detect chassis (PowerShell)', 'smsswd.exe /run: ', 'OSDRunPowerShellScriptOutputVariableName'), 'Detect chassis \\(PowerShell\\)'],
    ['Set Dynamic Variables with a rule that sets it', step('SMS_TaskSequence_SetDynamicVariablesAction', 'Set chassis variables', `<action>OSDSetDynamicVariables.exe</action><defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules">${RULES}</variable></defaultVarList>`), 'Set chassis variables'],
  ])('%s: the KB pair goes in after the first Setup step, and the report says why', (_, setter, name) => {
    const { report, out } = applied(sequence(LAPTOP, DESKTOP, setter));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R13', 'R14']);
    const note = report.diagnostics.find((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE');
    expect(note?.path).toBe('Install Operating System/Setup for laptops/Setup Windows and ConfigMgr (laptops)');
    expect(note?.message).toMatch(new RegExp(`"Install Operating System/Setup for laptops/${name}" between them sets "IsLaptop"`));
    expect(names(out).filter((n) => n === 'Run CCMCertFix (KB977203)')).toHaveLength(1);
  });

  it('a step whose output goes to another variable leaves the shared pair adopted for both', () => {
    const setter = output('SMS_TaskSequence_RunCommandLineAction', 'Detect chassis', 'smsswd.exe /run: cmd /c echo False', 'SMSTSRunCommandLineOutputVariableName').replace('>IsLaptop<', '>Chassis<');
    const { report } = applied(sequence(LAPTOP, DESKTOP, setter));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_BRANCHES_NOT_EXCLUSIVE');
  });
});
