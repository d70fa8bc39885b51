// Field cases of the KB977203 preset: the x86/x64 layout (two branches testing one variable for two values, one
// CCMCertFix step and restart after both), and a step that reinstalls the client with the hotfix in PATCH (R1).
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';

const O = { certfixPackage: 'CM100010', clientVersion: 'sp2', drive: 'C:' } as const;
const expression = (variable: string, operator: string, value: string) =>
  `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${operator}</variable><variable name="Value">${value}</variable><variable name="Variable">${variable}</variable></expression></condition>`;
const setup = (name: string, client: string) =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSMP=mp01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">${client}</variable></defaultVarList></step>`;
const CERTFIX = `<step type="SMS_TaskSequence_InstallSoftwareAction" name="CCMCertFix" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:CM100010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">CM100010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const RESTART = `<step type="SMS_TaskSequence_RebootAction" name="Restart" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const branches = (a: string, b: string, between = '') =>
  `<sequence version="3.00">\n<group name="x86" description="">${expression('Architecture', 'equals', a)}${setup('Setup x86', 'CM100002')}</group>\n${between}<group name="x64" description="">${expression('Architecture', 'equals', b)}${setup('Setup x64', 'CM100003')}</group>\n${CERTFIX}\n${RESTART}\n</sequence>\n`;
const count = (xml: string, re: RegExp) => xml.match(re)?.length ?? 0;
const written = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('KB977203: branches testing one variable for two values exclude each other', () => {
  it('X equals X86 and X equals X64: the CCMCertFix step and restart after both count for both Setup steps', () => {
    const text = branches('X86', 'X64');
    const doc = readTaskSequence(text);
    const report = applyKb977203(doc, O);
    const out = written(doc);
    expect(count(out, /SMS_TaskSequence_RebootAction/g)).toBe(1);
    expect(count(out, /SMS_TaskSequence_InstallSoftwareAction/g)).toBe(1);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4']);
    expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13').map((a) => a.where)).toEqual(['x86/Setup x86', 'x64/Setup x64']);
    expect(checkKb977203(readTaskSequence(out), O).changed).toBe(false);
    expect(lint(readTaskSequence(out)).map((f) => f.code)).not.toContain('kb977203/certfix-without-restart');
    const back = readTaskSequence(out);
    revertKb977203(back, O);
    expect(written(back)).toBe(text);
  });

  it.each([
    ['values that differ only in letter case', 'X86', 'x86'],
    ['values that differ only by white space', 'X86', 'X86 '],
    ['one integer written two ways', '1', '01'],
    ['an octal reading of one and the other', '010', '8'],
    ['a value that names another variable', 'X86', '%OtherArchitecture%'],
  ])('%s may both hold: the first Setup step gets a pair of its own', (_, a, b) => {
    const doc = readTaskSequence(branches(a, b));
    applyKb977203(doc, O);
    expect(count(written(doc), /SMS_TaskSequence_RebootAction/g)).toBe(2);
  });

  it('a step between them that sets the variable: the branches may both run', () => {
    const setter = `<step type="SMS_TaskSequence_SetVariableAction" name="Set Architecture" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe "Architecture=X64"</action><defaultVarList><variable name="VariableName" property="VariableName">Architecture</variable><variable name="VariableValue" property="VariableValue">X64</variable></defaultVarList></step>\n`;
    const doc = readTaskSequence(branches('X86', 'X64', setter));
    applyKb977203(doc, O);
    expect(count(written(doc), /SMS_TaskSequence_RebootAction/g)).toBe(2);
  });
});

describe('KB977203 R1: a step that installs the client with the hotfix in PATCH', () => {
  const sequence = (command: string) =>
    `<sequence version="3.00">${setup('Setup Windows and ConfigMgr', 'CM100002')}<step type="SMS_TaskSequence_RunCommandLineAction" name="Update client" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /run: ${command}</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">${command}</variable></defaultVarList></step></sequence>`;
  const MSP = '\\\\cm01\\SMS_CM1\\Client\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
  it.each([
    ['ccmsetup', `\\\\cm01\\SMS_CM1\\Client\\ccmsetup.exe PATCH=&quot;${MSP}&quot;`],
    ['msiexec /i', `msiexec.exe /i \\\\cm01\\SMS_CM1\\Client\\i386\\client.msi REINSTALL=ALL PATCH=${MSP}`],
  ])('%s: refused as HOTFIX_INSTALL_STEP, and an error to lint', (_, command) => {
    const xml = sequence(command);
    expect(() => checkKb977203(readTaskSequence(xml), O)).toThrow(expect.objectContaining({ code: 'HOTFIX_INSTALL_STEP' }));
    expect(lint(readTaskSequence(xml)).filter((f) => f.code === 'kb977203/hotfix-install-step').map((f) => f.severity)).toEqual(['error']);
  });

  it('ccmsetup with another patch in PATCH is no hotfix install', () => {
    const xml = sequence('ccmsetup.exe PATCH=&quot;C:\\fixes\\other.msp&quot;');
    expect(lint(readTaskSequence(xml)).map((f) => f.code)).not.toContain('kb977203/hotfix-install-step');
  });
});

