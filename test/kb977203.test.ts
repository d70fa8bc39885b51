// One test (or more) per requirement of reference/kb977203.md, named after it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addPatch,
  applyKb977203,
  findSteps,
  getVariableValue,
  KB977203_MSP,
  patchList,
  readTaskSequence,
  RestartComputerStep,
  revertKb977203,
  SetupWindowsStep,
  STEP_TYPES,
  writeTaskSequenceText,
  type Kb977203Options,
  type Step,
} from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const ONE =
  '<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01 FSP=FSP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>';
const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, 'kb977203', name, 'input.xml'));

function patched(input: string | Uint8Array = ONE, options: Partial<Kb977203Options> = {}) {
  const doc = readTaskSequence(input);
  const report = applyKb977203(doc, { certfixPackage: 'ABC00010', ...options });
  const items = findSteps(doc.sequence);
  const found = items.find((s) => s.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr);
  return {
    doc,
    report,
    items,
    get setup() {
      return new SetupWindowsStep(found!.node);
    },
    text: writeTaskSequenceText(doc),
  };
}

const refusal = (input: string | Uint8Array, options: Partial<Kb977203Options>) => thrown(() => patched(input, options));

describe('KB977203 requirements', () => {
  it('R1: an Install Software step merely named after KB977203 is a warning, and nothing else flags CCMCertFix', () => {
    const { report } = patched(fixture('r1-step-named-after-kb-warns'));
    const r1 = report.diagnostics.filter((d) => d.code === 'KB977203_R1');
    expect(r1).toHaveLength(1);
    expect(r1[0]).toMatchObject({ severity: 'warning', path: 'Install KB977203 hotfix' });
    expect(r1[0]!.message).toMatch(/stops the ConfigMgr client service/);
    expect(patched().report.diagnostics.some((d) => d.code === 'KB977203_R1')).toBe(false);
  });

  it('R1: a Run Command Line step running the hotfix .msp refuses the file; with force it is applied and reported as an error', () => {
    const input = ONE.replace(
      '</step></sequence>',
      '</step><step type="SMS_TaskSequence_RunCommandLineAction" name="Patch client" description=""><action>smsswd.exe /run: msiexec /p SCCM2007AC-SP2-KB977203-x86.msp /q</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">msiexec /p SCCM2007AC-SP2-KB977203-x86.msp /q</variable></defaultVarList></step></sequence>',
    );
    const error = refusal(input, {});
    expect([error.code, error.message]).toEqual(['HOTFIX_INSTALL_STEP', expect.stringMatching(/Patch client.*force option/)]);
    expect(patched(input, { force: true }).report.diagnostics.find((d) => d.code === 'KB977203_R1')?.severity).toBe('error');
  });

  it('R1: the hotfix named only in a step\'s ProgramName or CommandLine variable, plain or with markup, is found', () => {
    const step = (name: string, variable: string) =>
      `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description=""><action>smsswd.exe /pkg:ABC00077 /install /labeled</action><defaultVarList>${variable}</defaultVarList></step>`;
    const input = ONE.replace(
      '</step></sequence>',
      `</step>${step('Client patch', '<variable name="ProgramName" property="ProgramName">SCCM2007AC-SP2-KB977203-x86.msp</variable>')}${step('Client update', '<variable name="CommandLine" property="CommandLine"><!-- kept -->msiexec /update SCCM2007AC-SP1-KB977384-x86.msp</variable>')}${step('Unrelated', '<variable name="ProgramName" property="ProgramName">Setup 9770</variable>')}</sequence>`,
    );
    const r1 = patched(input, { force: true }).report.diagnostics.filter((d) => d.code === 'KB977203_R1');
    expect(r1.map((d) => [d.path, d.severity])).toEqual([
      ['Client patch', 'error'],
      ['Client update', 'error'],
    ]);
  });

  it('R2: PATCH with a KB977384 .msp is left as is and reported as covered; CCMCertFix is still added', () => {
    const input = ONE.replace('FSP=FSP01', 'PATCH="C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977384\\SCCM2007AC-SP2-KB977384-x86.msp"');
    const { report, setup, items } = patched(input);
    expect(setup.clientInstallProperties).toBe('SMSSLP=SLP01 PATCH="C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977384\\SCCM2007AC-SP2-KB977384-x86.msp"');
    expect(report.alreadyInPlace).toContainEqual(expect.objectContaining({ requirement: 'R2' }));
    expect(items.map((i) => i.node.attributes.type)).toContain(STEP_TYPES.installSoftware);
  });

  it('R2: revert leaves a KB977203 entry listed beside KB977384, which the preset never adds there, and gives the input back', () => {
    const props = 'PATCH="C:\\hotfix\\KB977384\\SCCM2007AC-SP2-KB977384-x86.msp;C:\\x\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"';
    const input = ONE.replace('FSP=FSP01', props);
    const { text } = patched(input);
    const doc = readTaskSequence(text);
    const report = revertKb977203(doc, { certfixPackage: 'ABC00010' });
    expect(report.changes.map((c) => c.requirement)).not.toContain('R4');
    expect(report.alreadyInPlace).toContainEqual(expect.objectContaining({ requirement: 'R2' }));
    expect(writeTaskSequenceText(doc)).toBe(input);
  });

  it('R3/R4: SP2 path into \\i386\\hotfix\\KB977203\\ of the client package in the task sequence cache', () => {
    expect(patched().setup.clientInstallProperties).toBe(
      'SMSSLP=SLP01 FSP=FSP01 PATCH="C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"',
    );
  });

  it('R4: SP1 clients get the SP1 .msp', () => {
    expect(patchList(patched(ONE, { clientVersion: 'sp1' }).setup.clientInstallProperties)).toEqual([
      `C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\${KB977203_MSP.sp1}`,
    ]);
  });

  it("R5: the package in the path is each step's own client package, never the hotfix or CCMCertFix package", () => {
    const { report } = patched(fixture('new-computer-bare-utf16le-two-setup-steps'));
    expect(report.setupSteps.map((s) => s.clientPackage)).toEqual(['ABC00002', 'ABC00003']);
    expect(refusal(ONE, { clientPackage: 'ABC00010' }).code).toBe('INVALID_ARGUMENT');
    expect(refusal(ONE.replace('>ABC00002<', '>ABC00010<'), {}).message).toMatch(/R5/);
    // The option is for a step that names no client package: beside one that names its own, that one is used, said.
    const own = patched(ONE, { clientPackage: 'ABC0000F' });
    expect(patchList(own.setup.clientInstallProperties)?.[0]).toContain('\\OSD\\ABC00002\\');
    expect(own.report.diagnostics.map((d) => d.code)).toContain('KB977203_CLIENT_PACKAGE_OPTION_UNUSED');
    expect(patchList(patched(ONE.replace('>ABC00002<', '><'), { clientPackage: 'ABC0000F' }).setup.clientInstallProperties)?.[0]).toContain('\\OSD\\ABC0000F\\');
  });

  it('R6: the value is written quoted, also when an existing unquoted list is extended', () => {
    expect(addPatch('PATCH=C:\\a.msp FSP=F', 'C:\\b.msp')).toEqual({ status: 'added', value: 'PATCH="C:\\a.msp;C:\\b.msp" FSP=F' });
    expect(addPatch('', 'C:\\b.msp')).toEqual({ status: 'added', value: 'PATCH="C:\\b.msp"' });
    expect(addPatch('"PATCH=C:\\a.msp"', 'C:\\b.msp').value).toBe('PATCH="C:\\a.msp;C:\\b.msp"');
  });

  it('R6: quotes stay entity-encoded where the file writes them so (&quot;)', () => {
    const input = ONE.replace('FSP=FSP01', 'PATCH=&quot;C:\\x\\a.msp&quot;');
    const { text } = patched(input);
    expect(text).toContain('PATCH=&quot;C:\\x\\a.msp;C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp&quot;</variable>');
  });

  it('R7: another drive for the cache', () => {
    expect(patchList(patched(ONE, { drive: 'd:' }).setup.clientInstallProperties)?.[0]).toMatch(/^D:\\_SMSTaskSequence\\/);
    expect(refusal(ONE, { drive: 'D' }).code).toBe('INVALID_ARGUMENT');
  });

  it('R8: _SMSTSMDataPath or any %variable% in the drive or source is refused, saying why', () => {
    const e = refusal(ONE, { drive: '%_SMSTSMDataPath%' });
    expect(e.code).toBe('VARIABLE_IN_PATH');
    expect(e.message).toMatch(/Windows PE/);
    expect(refusal(ONE, { source: '\\\\%DP%\\SMS_ABC\\Client' }).code).toBe('VARIABLE_IN_PATH');
  });

  it('R9: a UNC path to the client installation files instead of the cache', () => {
    expect(patchList(patched(ONE, { source: '\\\\cm01\\SMS_ABC\\Client' }).setup.clientInstallProperties)).toEqual([
      '\\\\cm01\\SMS_ABC\\Client\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp',
    ]);
    expect(refusal(ONE, { source: 'C:\\Client' }).code).toBe('INVALID_ARGUMENT');
    expect(refusal(ONE, { source: '\\\\a\\b', drive: 'D:' }).code).toBe('INVALID_ARGUMENT');
  });

  it('R10: a locale-specific .msp name; one that names the other service pack is warned about', () => {
    const { setup, report } = patched(ONE, { msp: 'SCCM2007AC-SP1-KB977203-x86-JPN.msp' });
    expect(setup.clientInstallProperties).toMatch(/KB977203\\SCCM2007AC-SP1-KB977203-x86-JPN\.msp"$/);
    expect(report.diagnostics.map((d) => d.code)).toContain('KB977203_MSP_VERSION');
    expect(refusal(ONE, { msp: '..\\x.msp' }).code).toBe('OPTIONS_INVALID');
  });

  it('other installation properties keep their text, order and quoting; no second PATCH', () => {
    const input = ONE.replace('SMSSLP=SLP01 FSP=FSP01', 'SMSSLP=SLP01  PATCH="C:\\a b\\x.msp" SMSCACHEDIR="C:\\Cache Dir" FSP=FSP01');
    expect(patched(input).setup.clientInstallProperties).toBe(
      'SMSSLP=SLP01  PATCH="C:\\a b\\x.msp;C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp" SMSCACHEDIR="C:\\Cache Dir" FSP=FSP01',
    );
  });

  it('R11/R12: "Run another program first" is <PackageID>;;<ProgramName> in a 2007 export and in object.xml', () => {
    expect(patched(fixture('refresh-2007-crlf')).doc.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
    expect(patched(fixture('replace-restore-object-xml'), { certfixProgram: 'Fix', force: true }).doc.getProperty('DependentProgram')).toBe('ABC00010;;Fix');
  });

  it('R12: a bare sequence gets a warning saying how to set it (console and PowerShell), not a failure', () => {
    const d = patched().report.diagnostics.find((x) => x.code === 'DEPENDENT_PROGRAM_NOT_IN_FILE');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toMatch(/Run another program first/);
    expect(d?.message).toMatch(/Set-CMTaskSequence/);
    expect(d?.message).toMatch(/DependentProgram = 'ABC00010;;CCMCertFix'/);
  });

  it('R12: a different dependent program is refused unless forced', () => {
    const input = fixture('refresh-2007-crlf').toString('utf8').replace('<DependentProgram />', '<DependentProgram>XYZ00001;;Other</DependentProgram>');
    expect(refusal(input, {}).code).toBe('DEPENDENT_PROGRAM_CONFLICT');
    expect(patched(input, { force: true }).doc.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
  });

  it('R13: Install Software running the CCMCertFix package/program right after every Setup Windows and ConfigMgr step', () => {
    const { items } = patched(fixture('new-computer-bare-utf16le-two-setup-steps'));
    const types = items.map((i) => i.node.attributes.type);
    const setups = types.flatMap((t, i) => (t === STEP_TYPES.setupWindowsAndConfigMgr ? [i] : []));
    expect(setups).toHaveLength(2);
    for (const i of setups) {
      const next = items[i + 1]!.node as Step;
      expect(next.attributes.type).toBe(STEP_TYPES.installSoftware);
      expect([getVariableValue(next, 'PackageID'), getVariableValue(next, 'ProgramName')]).toEqual(['ABC00010', 'CCMCertFix']);
      expect(next.attributes.name!.length).toBeLessThanOrEqual(50);
    }
  });

  it('R13: the CCMCertFix package is added to an existing referenceList only', () => {
    expect(patched(fixture('replace-restore-object-xml'), { force: true }).text).toContain('<reference package="ABC00005"/><reference package="ABC00010"/></referenceList>');
    expect(patched().text).not.toContain('referenceList');
  });

  it('R14: then Restart Computer to the installed default OS (smsboot.exe /target:HD) with the notification cleared', () => {
    const { items } = patched();
    const restart = items[2]!.node as Step;
    const view = new RestartComputerStep(restart);
    expect([restart.attributes.type, view.target, view.notifiesUser, view.timeout]).toEqual([STEP_TYPES.restartComputer, 'HD', false, '0']);
    expect(restart.children[0]).toMatchObject({ kind: 'action', value: 'smsboot.exe /target:HD' });
  });

  it("R14: an administrator's restart after CCMCertFix that notifies the user is left as it is, and the KB's restart goes before it", () => {
    const { report, items } = patched(fixture('existing-certfix-restart-notifies'));
    expect(items).toHaveLength(4);
    expect(new RestartComputerStep(items[2]!.node as Step).notifiesUser).toBe(false);
    expect(new RestartComputerStep(items[3]!.node as Step).timeout).toBe('60');
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R14']);
  });

  it('R15: refresh, new computer and replace-restore get everything; replace-capture only the dependent program', () => {
    for (const scenario of ['refresh', 'new-computer', 'replace-restore'] as const) {
      expect(patched(fixture('refresh-2007-crlf'), { scenario }).report.changes.map((c) => c.requirement)).toEqual(['R4', 'R13', 'R14', 'R12']);
    }
    const capture = fixture('replace-capture-2007');
    const { report, text } = patched(capture, { scenario: 'replace-capture' });
    expect(report.changes.map((c) => c.requirement)).toEqual(['R12']);
    expect(text).toBe(capture.toString('utf8').replace('<DependentProgram />', '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>'));
  });

  it('R15: any other scenario without a Setup Windows and ConfigMgr step is refused, naming the step', () => {
    const e = refusal(fixture('replace-capture-2007'), { scenario: 'replace-restore' });
    expect(e.code).toBe('MISSING_SETUP_WINDOWS_STEP');
    expect(e.message).toMatch(/Setup Windows and ConfigMgr/);
  });

  it('a refusal leaves the document as it was: nothing is half-applied', () => {
    const second = ONE.replace('<sequence version="3.00">', '<sequence version="3.00"><group name="g">').replace('</sequence>', `${ONE.slice(ONE.indexOf('<step'), ONE.indexOf('</sequence>')).replace('>ABC00002<', '><')}</group></sequence>`);
    const doc = readTaskSequence(second);
    expect(thrown(() => applyKb977203(doc, { certfixPackage: 'ABC00010' })).message).toMatch(/names no client package/);
    expect(writeTaskSequenceText(doc)).toBe(second);
  });

  it('idempotent: applying to its own output changes nothing, byte for byte', () => {
    const first = patched(fixture('refresh-2007-crlf')).text;
    const second = patched(first);
    expect(second.report.changed).toBe(false);
    expect(second.text).toBe(first);
  });
});
