// A CCMCertFix step under Setup's own condition was adopted as the one that runs after Setup, but that condition is
// evaluated again once Setup ran: on `_SMSTSInWinPE` (true for Setup, false after it), WMI or files it can come out
// otherwise, and on a variable an enabled step between them sets, too. The preset said "already in place", --check
// passed, and neither CCMCertFix nor the restart inserted after it ran. Such a step no longer counts: the KB's pair
// goes in right after Setup, and the report says why the step was not taken.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, listItems, readTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', drive: 'C:', clientVersion: 'sp2' };

const variableTest = (variable: string, value: string) =>
  `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${value}</variable><variable name="Variable">${variable}</variable></expression></condition>`;
const wmiTest = '<condition><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_Battery</variable></expression></condition>';

const setup = (condition: string) =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">${condition}<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const certfix = (condition: string) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix certificate" description="" runIn="FullOS" successCodeList="0">${condition}<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const commandLine = (condition: string) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="Fix certificate" description="" runIn="FullOS" successCodeList="0">${condition}<action>smsswd.exe /run: CCMCertFix.exe</action><defaultVarList><variable name="CommandLine" property="CommandLine">CCMCertFix.exe</variable></defaultVarList></step>`;
const setVariable = (name: string, value: string) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set ${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe "${name}=${value}"</action><defaultVarList><variable name="VariableName" property="VariableName">${name}</variable><variable name="VariableValue" property="VariableValue">${value}</variable></defaultVarList></step>`;
const restart = '<step type="SMS_TaskSequence_RebootAction" name="Restart" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target">HD</variable></defaultVarList></step>';
const sequence = (...items: string[]) => `<sequence version="3.00">${items.join('')}</sequence>`;

function applied(input: string, more: Partial<Kb977203Options> = {}, options: Kb977203Options = O) {
  const doc = readTaskSequence(input);
  const report = applyKb977203(doc, { ...options, ...more });
  return { report, paths: listItems(doc.sequence).map((l) => l.path), doc };
}

describe("a CCMCertFix step under Setup's condition, evaluated again after Setup", () => {
  it('on _SMSTSInWinPE, in a group of its own: not adopted, the pair inserted after Setup, and why said', () => {
    const input = sequence(setup(variableTest('_SMSTSInWinPE', 'true')), `<group name="Fix" description="">${variableTest('_SMSTSInWinPE', 'true')}${certfix('')}</group>`);
    expect(checkKb977203(readTaskSequence(input), O).changes.some((c) => c.requirement === 'R13')).toBe(true);
    const { report, paths } = applied(input);
    expect(report.changes.map((c) => c.what)).toContain('inserted install-software step "Run CCMCertFix (KB977203)"');
    expect(report.alreadyInPlace.some((a) => a.requirement === 'R13')).toBe(false);
    const why = report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE');
    expect(why?.message).toContain("has Setup's condition");
    expect(why?.message).toContain('evaluated again after Setup ran');
    // The administrator's step stays where it is.
    expect(paths).toContain('Fix/Fix certificate');
  });

  it('on WMI, on the step itself: not adopted', () => {
    const { report } = applied(sequence(setup(wmiTest), certfix(wmiTest)));
    expect(report.changes.map((c) => c.what)).toContain('inserted install-software step "Run CCMCertFix (KB977203)"');
    expect(report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE')?.message).toContain('evaluated again after Setup ran');
  });

  it('a Run Command Line CCMCertFix step under it: not adopted either (its condition was moved to a group still evaluated after Setup)', () => {
    const { report } = applied(sequence(setup(variableTest('_SMSTSInWinPE', 'true')), commandLine(variableTest('_SMSTSInWinPE', 'true'))));
    expect(report.changes.map((c) => c.what)).toContain('inserted install-software step "Run CCMCertFix (KB977203)"');
    expect(report.changes.some((c) => c.what.startsWith('moved the condition of "Fix certificate"'))).toBe(false);
  });

  it('on a variable an enabled step between them sets: not adopted, and the step named', () => {
    const { report } = applied(sequence(setup(variableTest('DoIt', 'true')), setVariable('DoIt', 'false'), certfix(variableTest('DoIt', 'true'))));
    expect(report.changes.map((c) => c.what)).toContain('inserted install-software step "Run CCMCertFix (KB977203)"');
    const why = report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE')?.message;
    expect(why).toContain('"Set DoIt" between them sets DoIt');
  });

  it('on a variable only a disabled step between them sets, or one set elsewhere: still adopted, nothing inserted', () => {
    const disabledSetter = setVariable('DoIt', 'false').replace('successCodeList="0"', 'successCodeList="0" disable="true"');
    for (const input of [
      sequence(setup(variableTest('DoIt', 'true')), disabledSetter, certfix(variableTest('DoIt', 'true')), restart),
      sequence(setVariable('DoIt', 'true'), setup(variableTest('DoIt', 'true')), certfix(variableTest('DoIt', 'true')), restart),
    ]) {
      const { report } = applied(input);
      expect(report.changes.filter((c) => c.what.startsWith('inserted'))).toEqual([]);
      expect(report.alreadyInPlace.some((a) => a.requirement === 'R13')).toBe(true);
    }
  });

  it('a step under a condition of a group around both Setup and it, evaluated once: still adopted', () => {
    const { report } = applied(sequence(`<group name="In PE" description="">${variableTest('_SMSTSInWinPE', 'true')}${setup('')}${certfix('')}${restart}</group>`));
    expect(report.changes.filter((c) => c.what.startsWith('inserted'))).toEqual([]);
  });
});

// `--client-package` wrote PATCH into another package's folder than the one Setup downloads (the step's own
// `_SMSClientPackageID`): the .msp is not there, the client installation fails, and lint called the preset's own output
// an R5 error. The option is for steps that name no client package (or name it through a variable).
describe('the client package option beside a Setup step that names its own', () => {
  const named = sequence(setup(''));
  const unnamed = named.replace('<variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>', '<variable name="_SMSClientPackageID" property="ClientPackageID">%ClientPackage%</variable>');

  it("keeps the step's own package in the path, and warns with the variable's line and column", () => {
    const { report } = applied(named, { clientPackage: 'ABC00003' });
    expect(report.setupSteps.map((s) => s.patch)).toEqual(['C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp']);
    const warning = report.diagnostics.find((d) => d.code === 'KB977203_CLIENT_PACKAGE_OPTION_UNUSED');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('ABC00002');
    expect(warning?.message).toContain('ABC00003');
    expect(warning?.line).toBe(1);
    expect(warning?.col).toBeGreaterThan(1);
  });

  it('is used for a step that names it through a variable, and said nothing of when it is the same package', () => {
    expect(applied(unnamed, { clientPackage: 'ABC00003' }).report.setupSteps.map((s) => s.clientPackage)).toEqual(['ABC00003']);
    const same = applied(named, { clientPackage: 'ABC00002' }).report;
    expect(same.diagnostics.some((d) => d.code === 'KB977203_CLIENT_PACKAGE_OPTION_UNUSED')).toBe(false);
  });

  it('with a UNC source, where no package is in the path, warns of nothing', () => {
    const { report } = applied(named, { clientPackage: 'ABC00003', source: '\\\\server\\client' }, { certfixPackage: 'ABC00010', clientVersion: 'sp2' });
    expect(report.diagnostics.some((d) => d.code === 'KB977203_CLIENT_PACKAGE_OPTION_UNUSED')).toBe(false);
  });
});

// After a disabled Setup step, an enabled CCMCertFix step was adopted, and the restart inserted after it was enabled:
// the sequence as it runs today (Setup off) gained a live restart, while the report said the steps that go with a
// disabled Setup are disabled too.
describe('a disabled Setup step and an enabled CCMCertFix step after it', () => {
  const disabledSetup = setup('').replace('successCodeList="0">', 'successCodeList="0" disable="true">');

  it('is not adopted: the disabled pair goes in with Setup, and nothing that runs today changes', () => {
    const { report, doc } = applied(sequence(disabledSetup, certfix('')));
    const steps = listItems(doc.sequence).map((l) => `${l.node.attributes.name}:${l.node.attributes.disable ?? ''}`);
    expect(steps).toEqual(['Setup Windows and ConfigMgr:true', 'Run CCMCertFix (KB977203):true', 'Restart Computer (KB977203):true', 'Fix certificate:']);
    expect(report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE')?.message).toContain('is enabled while Setup is disabled');
  });

  it('a disabled CCMCertFix step after it is still adopted, with a disabled restart', () => {
    const { report, doc } = applied(sequence(disabledSetup, certfix('').replace('successCodeList="0">', 'successCodeList="0" disable="true">')));
    expect(report.alreadyInPlace.map((a) => a.requirement)).toContain('R13');
    expect(listItems(doc.sequence).map((l) => `${l.node.attributes.name}:${l.node.attributes.disable ?? ''}`)).toEqual(['Setup Windows and ConfigMgr:true', 'Fix certificate:true', 'Restart Computer (KB977203):true']);
  });

  it('both in one disabled group: adopted, as both are off alike', () => {
    const { report } = applied(sequence(`<group name="Off" description="" disable="true">${setup('')}${certfix('')}</group>`));
    expect(report.alreadyInPlace.map((a) => a.requirement)).toContain('R13');
  });
});
