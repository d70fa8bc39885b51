// Two Setup Windows and ConfigMgr steps in branches that exclude each other (groups under opposite conditions on one
// variable the administrator sets), then one CCMCertFix step and restart after both. When the first branch ran, the
// engine skips the second, so that CCMCertFix step runs next after the first Setup step too. The preset stopped
// looking at the next Setup step in the list, took the shared pair for the second Setup step only, and inserted a
// second pair after the first. It now adopts the shared pair for both, unless something between the branches can
// make both run (a built-in variable, or a Set Task Sequence Variable step that sets the variable), which it says.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, listItems, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
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
const SET_LAPTOP = step('SMS_TaskSequence_SetVariableAction', 'Treat as desktop', '<action>tsenv.exe "IsLaptop=False"</action><defaultVarList><variable name="VariableName" property="VariableName">IsLaptop</variable><variable name="VariableValue" property="VariableValue">False</variable></defaultVarList>');

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

describe('CCMCertFix after two Setup branches that exclude each other is adopted for both (R13, R14)', () => {
  it.each([
    ['equals and notEquals', condition(variable('IsLaptop', 'notEquals', 'True'))],
    ['a test and not of it', condition(`<operator type="not">${variable('IsLaptop', 'equals', 'True')}</operator>`)],
    ['notEquals beside another test, ANDed', condition(variable('IsLaptop', 'notEquals', 'True'), variable('OSDDeploy', 'exists', ''))],
  ])('%s: only PATCH changes, for each Setup step; no second pair after the first', (_, desktops) => {
    const input = sequence(LAPTOP, desktops);
    const { report, out } = applied(input);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4']);
    expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13').map((a) => a.where)).toEqual([
      'Install Operating System/Setup for laptops/Setup Windows and ConfigMgr (laptops)',
      'Install Operating System/Setup for desktops/Setup Windows and ConfigMgr (desktops)',
    ]);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_CERTFIX_ELSEWHERE');
    expect(names(out)).toEqual(names(input));
  });
});

describe('a shared CCMCertFix step without a restart after it', () => {
  it('gets one restart, planned once for both Setup steps', () => {
    const input = sequence(LAPTOP, condition(variable('IsLaptop', 'notEquals', 'True'))).replace(RESTART, '');
    const { report, out } = applied(input);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R14']);
    expect(names(out).slice(-3)).toEqual(['Repair client certificate', 'Restart Computer (KB977203)', 'Restore User Files and Settings']);
  });
});

describe('not adopted for the first Setup step when the engine may run both branches', () => {
  it.each([
    ['a Set Task Sequence Variable step in the first branch sets the variable after Setup', sequence(LAPTOP, condition(variable('IsLaptop', 'notEquals', 'True')), SET_LAPTOP), /the Set Task Sequence Variable step "Install Operating System\/Setup for laptops\/Treat as desktop" between them sets "IsLaptop"/],
    ['the variable is one the task sequence sets itself', sequence(condition(variable('_SMSTSInWinPE', 'equals', 'true')), condition(variable('_SMSTSInWinPE', 'notEquals', 'true'))), /"_SMSTSInWinPE", is one the task sequence sets itself/],
  ])('%s: the KB pair goes in after it, and the report says why', (_, input, why) => {
    const { report, out } = applied(input);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R13', 'R14']);
    const note = report.diagnostics.find((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE');
    expect(note?.path).toBe('Install Operating System/Setup for laptops/Setup Windows and ConfigMgr (laptops)');
    expect(note?.message).toMatch(why);
    expect(names(out).filter((n) => n === 'Run CCMCertFix (KB977203)')).toHaveLength(1);
  });

  it('conditions that are not opposite (other values) leave it as before: the pair after the first, no note', () => {
    const { report } = applied(sequence(LAPTOP, condition(variable('IsLaptop', 'equals', 'False'))));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R13', 'R14']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_BRANCHES_NOT_EXCLUSIVE');
  });
});
