// The R1 findings (lint `kb977203/hotfix-install-step` and `hotfix-named-step`, the preset's KB977203_R1 diagnostics
// and its HOTFIX_INSTALL_STEP refusal) and the restart mismatch of `certfix-without-restart` and of the preset's report
// show the step name, the program or command line and the restart's condition as other messages show values read as
// data (shownValue: cut after 40 characters, with the length): a 100,000-character one made a 100 KB message.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, readTaskSequence, type Kb977203Options } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const LONG = 100_000;
const long = (c: string) => c.repeat(LONG);
const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };

const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const install = (name: string, program: string) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00020 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00020</variable><variable name="_SMSSWDProgramName" property="ProgramName">${program}</variable></defaultVarList></step>`;
const command = (name: string, line: string) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" runIn="WinPEandFullOS" successCodeList="0"><action>smsswd.exe /run: ${line}</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">${line}</variable></defaultVarList></step>`;
const certfix = (condition = '') =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="CertFix" runIn="FullOS" successCodeList="0">${condition}<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const restart = (condition: string) =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart" runIn="WinPEandFullOS" successCodeList="0">${condition}<action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const condition = (value: string) =>
  `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${value}</variable><variable name="Variable">Phase</variable></expression></condition>`;
const SEQUENCE = (items: string) => `<sequence version="3.00">${items}</sequence>`;

const MSP = 'msiexec /p SCCM2007AC-SP2-KB977203-x86.msp /qn';
/** A message is short, and says a value was cut, with its length. */
const cut = (m: string) => {
  expect(m.length).toBeLessThan(1000);
  expect(m).toMatch(/…["']?\)? ?\(\d{6} characters\)/);
};

describe('R1 findings cut long step names and programs', () => {
  it.each([
    ['kb977203/hotfix-install-step', install('Patch', `${MSP} ${long('a')}`)],
    ['kb977203/hotfix-install-step', command('Patch', `${MSP} ${long('a')}`)],
    ['kb977203/hotfix-install-step', install(long('n'), MSP)],
    ['kb977203/hotfix-named-step', install('KB977203', long('p'))],
    ['kb977203/hotfix-named-step', install(`KB977203 ${long('n')}`, 'Install')],
  ])('%s', (rule, step) => {
    const found = lint(readTaskSequence(SEQUENCE(SETUP + step)), [rule]).map((d) => d.message);
    expect(found.length).toBe(1);
    for (const m of found) cut(m);
  });

  it('the preset refuses with a short message, and warns with one under force', () => {
    const xml = SEQUENCE(SETUP + install('Patch', `${MSP} ${long('a')}`));
    const e = thrown(() => applyKb977203(readTaskSequence(xml), O));
    expect(e.code).toBe('HOTFIX_INSTALL_STEP');
    cut(e.message);
    const r1 = checkKb977203(readTaskSequence(xml), { ...O, force: true }).diagnostics.filter((d) => d.code === 'KB977203_R1');
    expect(r1.length).toBe(1);
    for (const d of r1) cut(d.message);
  });
});

describe('a restart whose condition is its own: its long condition is cut', () => {
  const xml = SEQUENCE(SETUP + certfix() + restart(condition(long('v'))));

  it('in certfix-without-restart', () => {
    const found = lint(readTaskSequence(xml), ['kb977203/certfix-without-restart']).map((d) => d.message);
    expect(found.length).toBe(1);
    for (const m of found) cut(m);
  });

  it("in the preset's report of the restart it inserts", () => {
    const changes = checkKb977203(readTaskSequence(xml), O).changes.filter((c) => /inserted restart/.test(c.what));
    expect(changes.length).toBe(1);
    for (const c of changes) cut(c.what);
  });
});
