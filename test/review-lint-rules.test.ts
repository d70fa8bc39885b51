// Lint on lived-in sequences: PATCH text the preset refuses, a command line that only names the hotfix .msp, disabled
// steps judged as they stand, and secrets the step catalog types (a BitLocker PIN) or a step marks hidden.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';
import { stepCatalog } from '../lib/catalog/index.js';
import { catalogSettings } from '../lib/catalog/key-settings.js';
import { isSecretName } from '../lib/model/secret-name.js';

const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\sccm2007ac-sp2-kb977203-x86.msp';
const setup = (props: string, flag = '') =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup"${flag}><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props.replace(/"/g, '&quot;')}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>`;
const run = (command: string, flag = '') =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="Stage hotfix"${flag}><action>smsswd.exe /run: ${command.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</action><defaultVarList><variable name="CommandLine" property="CommandLine">${command.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</variable></defaultVarList></step></sequence>`;
const found = (xml: string, ids?: string[]) => lint(readTaskSequence(xml), ids as never).map((f) => ({ code: f.code, severity: f.severity, message: f.message }));
const codes = (xml: string) => found(xml).map((f) => f.code);

describe('kb977203/patch-quoted: every PATCH the preset refuses', () => {
  it('a double quote never closed is an error, and fix-absent says nothing there', () => {
    const f = found(setup(`SMSSLP=x PATCH="${ENTRY}`));
    expect(f.map((x) => x.code)).toEqual(['kb977203/patch-quoted']);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.message).toContain('never closed');
  });

  it('PATCH twice is an error, and fix-absent does not promise the preset wires the fix in', () => {
    expect(codes(setup(`PATCH="${ENTRY}" PATCH="C:\\other\\fix.msp"`))).toEqual(['kb977203/patch-quoted']);
    expect(codes(setup(`PATCH="C:\\other\\fix.msp" PATCH="${ENTRY}"`))).toEqual(['kb977203/patch-quoted']);
  });

  it('one well-written PATCH is no finding of the PATCH rules (only R13 asks for the CCMCertFix step it lacks)', () => {
    expect(codes(setup(`SMSSLP=x PATCH="${ENTRY}"`))).toEqual(['kb977203/certfix-after-setup']);
  });
});

describe('kb977203/hotfix-install-step: a step that runs the .msp, not one that names it', () => {
  const r1 = (command: string) => found(run(command), ['kb977203/hotfix-install-step', 'kb977203/hotfix-named-step']).map((f) => `${f.code} ${f.severity}`);
  it('copying, deleting or testing for the .msp is at most a warning', () => {
    expect(r1('xcopy \\\\srv\\share\\KB977203\\sccm2007ac-sp2-kb977203-x86.msp C:\\Staging\\ /y')).toEqual(['kb977203/hotfix-named-step warning']);
    expect(r1('cmd /c if exist C:\\x\\sccm2007ac-sp2-kb977203-x86.msp del C:\\x\\sccm2007ac-sp2-kb977203-x86.msp')).toEqual(['kb977203/hotfix-named-step warning']);
    expect(found(run('xcopy \\\\srv\\share\\sccm2007ac-sp2-kb977203-x86.msp C:\\Staging\\'))[0]?.message).toContain('without running it');
  });

  it('running it, straight, through cmd /c, start or msiexec /p, is an error', () => {
    expect(r1('\\\\srv\\share\\sccm2007ac-sp2-kb977203-x86.msp /qn')).toEqual(['kb977203/hotfix-install-step error']);
    expect(r1('cmd /c "C:\\My Files\\SCCM2007AC-SP2-KB977203-x86.msp" /qn')).toEqual(['kb977203/hotfix-install-step error']);
    expect(r1('start "" /wait C:\\x\\sccm2007ac-sp1-kb977203-x86.msp')).toEqual(['kb977203/hotfix-install-step error']);
    expect(r1('msiexec /p C:\\x\\sccm2007ac-sp2-kb977203-x86.msp /qn')).toEqual(['kb977203/hotfix-install-step error']);
  });
});

describe('a Setup step that never runs: its PATCH findings are warnings that say so', () => {
  const disabled = ' disable="true"';
  it.each([
    ['patch-variable', 'PATCH="%_SMSTSMDataPath%\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\sccm2007ac-sp2-kb977203-x86.msp"'],
    ['patch-quoted', `PATCH=${ENTRY}`],
    ['patch-package', `PATCH="${ENTRY.replace('ABC00002', 'ABC00099')}"`],
    ['patch-contradictory', `PATCH="${ENTRY};${ENTRY.replace('-sp2-', '-sp1-')}"`],
  ])('kb977203/%s', (rule, props) => {
    const on = found(setup(props)).filter((f) => f.code === `kb977203/${rule}`);
    const off = found(setup(props, disabled)).filter((f) => f.code === `kb977203/${rule}`);
    expect(on.map((f) => f.severity)).toEqual(['error']);
    expect(off.map((f) => f.severity)).toEqual(['warning']);
    expect(off[0]?.message).toContain('It is disabled, so it does not run now; enabled, it would.');
  });

  it('kb977203/fix-absent on a disabled Setup step says it is disabled', () => {
    expect(found(setup('SMSSLP=x', disabled)).find((f) => f.code === 'kb977203/fix-absent')?.message).toContain('It is disabled');
    expect(found(setup('SMSSLP=x')).find((f) => f.code === 'kb977203/fix-absent')?.message).not.toContain('It is disabled');
  });

  it('catalog/action-line on a disabled step is a warning', () => {
    const step = (flag: string) =>
      `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run"${flag}><action>smsswd.exe /run: cmd /c echo C:\\x</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">cmd /c echo C:\\y</variable></defaultVarList></step></sequence>`;
    expect(found(step('')).filter((f) => f.code === 'catalog/action-line').map((f) => f.severity)).toEqual(['error']);
    expect(found(step(' disable="true"')).filter((f) => f.code === 'catalog/action-line').map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('clear-text-secret', () => {
  it('a BitLocker PIN in clear text is a secret', () => {
    const xml = `<sequence version="3.10"><step type="SMS_TaskSequence_EnableBitLockerAction" name="Enable BitLocker"><action>OSDBitLocker.exe /enable /wait:False /mode:TPMAndPIN /pwd:AD /full:False</action><defaultVarList><variable name="OSDBitLockerMode" property="Mode">TPMAndPIN</variable><variable name="OSDBitLockerPIN" property="PIN">482913</variable></defaultVarList></step></sequence>`;
    expect(codes(xml)).toContain('clear-text-secret');
  });

  it('"Do not display this value" with the value in the step is a secret in clear text; with none it is not', () => {
    const set = (value: string) =>
      `<sequence version="3.10"><step type="SMS_TaskSequence_SetVariableAction" name="Set"><action>tsenv.exe "MyVar=${value}" /hiddenflag:True</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue">true</variable><variable name="VariableName" property="VariableName">MyVar</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step></sequence>`;
    const f = found(set('P@ssw0rd!')).filter((x) => x.code === 'clear-text-secret');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('Do not display this value');
    expect(found(set('')).filter((x) => x.code === 'clear-text-secret')).toEqual([]);
  });

  it('every name and property the step catalog types as secret is a secret name (kept in step with the catalog)', () => {
    const secret = stepCatalog.flatMap((e) => e.variables.filter((v) => v.valueType === 'secret').flatMap((v) => [v.name, v.property]));
    expect(secret.length).toBeGreaterThan(0);
    expect(secret.filter((n) => !isSecretName(n))).toEqual([]);
  });

  it("a product key is not among a step's settings in words (lint calls it a clear-text secret)", () => {
    const doc = readTaskSequence(`<sequence version="3.10"><step type="SMS_TaskSequence_ApplyWindowsSettingsAction" name="Apply Windows Settings"><action>osdwinsettings.exe /config</action><defaultVarList><variable name="OSDProductKey" property="ProductKey">ABCDE-FGHIJ-KLMNO-PQRST-UVWXY</variable><variable name="OSDRegisteredOrgName" property="RegisteredOrganization">Contoso</variable></defaultVarList></step></sequence>`);
    const settings = catalogSettings(doc.sequence.children.find((c) => c.kind === 'step') as never);
    expect(JSON.stringify(settings)).not.toContain('ABCDE');
    expect(JSON.stringify(settings)).toContain('Contoso');
  });
});

describe('catalog/action-line shows where two long lines part', () => {
  it('from a little before the difference, when it is past what a cut value shows', () => {
    const dir = 'C:\\Program Files\\Contoso\\Deployment\\Tools';
    const step = `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run"><action>smsswd.exe /run: cmd /c ${dir}\\old.cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">cmd /c ${dir}\\new.cmd</variable></defaultVarList></step></sequence>`;
    const m = found(step).find((f) => f.code === 'catalog/action-line')?.message ?? '';
    expect(m).toContain('old.cmd');
    expect(m).toContain('new.cmd');
    expect(m).toMatch(/is "…|is …"/);
  });
});
