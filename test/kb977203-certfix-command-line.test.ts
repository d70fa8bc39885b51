// Administrators often ran CCMCertFix.exe from a Run Command Line step long before the preset. Where such a step stands
// where the preset would adopt an Install Software CCMCertFix step (after Setup, before the next Setup or, restoring
// in a replace, the Request State Store step; enabled where Setup is), it does R13's work: the preset inserts no
// second CCMCertFix step, leaves the step byte for byte as it is, sees to R14 after it, and says so
// (KB977203_CERTFIX_COMMAND_LINE). Anywhere else it is reported and not used, and the preset inserts its own pair as
// before. check() agrees with apply(), apply twice = once, and revert never touches the administrator's step.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence, revertKb977203, type Kb977203Options, type Kb977203Report } from './helpers/api.js';
import { NOTICE_CODES } from '../lib/api/errors.js';
import { appliedTwice, text } from './helpers/kb-apply.js';
import { commandRunsCertfix } from '../lib/presets/kb977203-command-line.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const CODE = 'KB977203_CERTFIX_COMMAND_LINE';

const SETUP = (condition = '', attributes = '') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description=""${attributes} runIn="WinPEandFullOS" successCodeList="0">${condition}<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
/** A Run Command Line step as the 2007 console writes it: the command in CommandLine and in the action line. */
const COMMAND = (name: string, command: string, { packageId = '', attributes = '', condition = '' } = {}) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""${attributes} runIn="FullOS" successCodeList="0 3010">${condition}<action>smsswd.exe /run:${packageId} ${command}</action><defaultVarList><variable name="CommandLine" property="CommandLine">${command}</variable><variable name="PackageID" property="PackageID">${packageId}</variable></defaultVarList></step>`;
const CERTFIX = `<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const RESTART = `<step type="SMS_TaskSequence_RebootAction" name="Restart after the fix" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const OTHER = (name: string) => `<step type="SMS_TaskSequence_ApplyNetworkSettingsAction" name="${name}" description="" runIn="FullOS" successCodeList="0"><action>x.exe</action></step>`;

/** A 2007 export with the given DependentProgram and sequence items. */
const EXPORT = (items: string, dependent = '<DependentProgram />') =>
  `<?xml version="1.0"?>\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <BootImageID>ABC00001</BootImageID>\n  <Category />\n  ${dependent}\n  <Name>Refresh</Name>\n  <SequenceData><sequence version="3.00">${items}</sequence></SequenceData>\n  <SupportedOperatingSystems />\n</SmsTaskSequencePackage>\n`;

/** {@link appliedTwice} with the options of these tests by default. */
const applied = (input: string, options: Kb977203Options = O) => appliedTwice(input, options);

/** The restart the preset inserts after CCMCertFix, as it writes it into these one-line sequences. */
const KB_RESTART = (attributes = '') =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart Computer (KB977203)" description="KB977203: restart to the installed operating system after CCMCertFix"${attributes} runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const PATCHED = 'SMSSLP=SLP01 PATCH="C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"';
/** What the preset does to a one-line export besides the CCMCertFix wiring: PATCH (R4) and DependentProgram (R12). */
const patched = (input: string) => input.replace('>SMSSLP=SLP01<', `>${PATCHED}<`).replace('<DependentProgram />', '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
const installSteps = (out: string) => out.split('type="SMS_TaskSequence_InstallSoftwareAction"').length - 1;
const ours = (report: Kb977203Report) => report.diagnostics.filter((d) => d.code === CODE);
/** Where `step` starts in `input`, counted here: the place the diagnostic about it has in the file. */
const placeIn = (input: string, step: string) => {
  const before = input.slice(0, input.indexOf(step)).split('\n');
  return { line: before.length, col: (before.at(-1) as string).length + 1 };
};

describe('which command lines run CCMCertFix.exe', () => {
  it.each([
    'CCMCertFix.exe',
    'ccmcertfix.EXE',
    'CCMCertFix',
    '"CCMCertFix.exe"',
    '.\\CCMCertFix.exe',
    'CCMCertFix.exe CCMCertFix.log',
    '"CCMCertFix.exe" C:\\Windows\\Temp\\CCMCertFix.log',
    'cmd /c CCMCertFix.exe',
    'cmd.exe /C .\\KB977203\\CCMCertFix.exe',
    'C:\\Windows\\System32\\cmd.exe /q /c CCMCertFix.exe',
    '%ComSpec% /c "CCMCertFix.exe"',
    'cmd /c "CCMCertFix.exe CCMCertFix.log"',
    'cmd /c ""\\\\cm01\\Hotfix\\KB977203\\CCMCertFix.exe" x.log"',
    'C:\\Tools\\KB977203\\CCMCertFix.exe',
    '"C:\\Program Files\\KB977203\\CCMCertFix.exe" /log',
    '\\\\cm01\\SMS_ABC\\Logs\\KB977203\\CCMCertFix.exe',
    '  CCMCertFix.exe  ',
    // Unquoted with spaces, as CreateProcess reads it: C:\Program, then on to the first stretch naming CCMCertFix.exe.
    'C:\\Program Files\\KB977203\\CCMCertFix.exe',
    'C:\\Program Files\\KB977203\\CCMCertFix.exe /log C:\\Windows\\Temp\\x.log',
    '\\\\cm01\\Hot fixes\\KB 977203\\CCMCertFix',
    '.\\Cert Fix\\CCMCertFix.exe',
    'C:\\Program Files\\Cert.Fix\\x y\\CCMCertFix.exe',
  ])('%s runs it', (line) => expect(commandRunsCertfix(line)).toBe(true));

  it.each([
    '',
    'cmd /c',
    'xcopy CCMCertFix.exe C:\\Temp',
    'cmd /c copy .\\CCMCertFix.exe C:\\Temp',
    'NotCCMCertFix.exe',
    'CCMCertFix.exe.bak',
    'C:\\Tools\\CCMCertFix.exe.old\\run.exe',
    'cscript.exe CCMCertFix.vbs',
    'cmd /c echo CCMCertFix.exe',
    'powershell.exe -File .\\Run-CCMCertFix.ps1',
    // A program named first (on the search path, or a program file) runs, whatever follows it.
    'xcopy Tools\\CCMCertFix.exe',
    'C:\\Tools\\copy.exe Files\\CCMCertFix.exe',
    'C:\\Tools\\copy-it C:\\Temp\\CCMCertFix.exe',
    'C:\\Tools\\copy-it \\\\cm01\\share\\CCMCertFix.exe',
    'C:\\Tools\\run /x Files\\CCMCertFix.exe',
    // A variable (it stands for a whole path: %_SMSTSMDataPath%, %TEMP%) or a relative path from the current folder
    // starts an argument, not the rest of a folder name: CreateProcess finds C:\Windows\System32\xcopy(.exe) and runs it.
    '%SystemRoot%\\System32\\xcopy .\\CCMCertFix.exe C:\\Temp',
    'C:\\Windows\\System32\\xcopy ..\\KB977203\\CCMCertFix.exe C:\\Temp',
    'C:\\Windows\\System32\\xcopy %_SMSTSMDataPath%\\Packages\\CCMCertFix.exe C:\\Temp',
    // A first word with an extension is that file (a script fails there); one of Windows' own programs is found as .exe.
    'C:\\Scripts\\run.vbs Bin\\CCMCertFix.exe',
    'C:\\Tools\\copy-it Files\\setup.log Bin\\CCMCertFix.exe',
    'C:\\Windows\\System32\\robocopy Sources\\CCMCertFix.exe',
    '%SystemRoot%\\System32\\xcopy Bin\\CCMCertFix.exe',
    'C:\\WINDOWS\\SysWOW64\\cmd Bin\\CCMCertFix.exe',
    // cmd splits an unquoted path at the space: C:\Program is not found.
    'cmd /c C:\\Program Files\\KB977203\\CCMCertFix.exe',
  ])('%j does not', (line) => expect(commandRunsCertfix(line)).toBe(false));
  it('a long unquoted line is read in one pass: 200,000 words before the file name (a stretch each, once quadratic)', () => {
    const words = ' a'.repeat(200_000);
    expect(commandRunsCertfix(`C:\\x${words} b\\CCMCertFix.exe`)).toBe(true);
    expect(commandRunsCertfix(`C:\\x${words} CCMCertFix.exe`)).toBe(false);
    expect(commandRunsCertfix(`C:\\x${words}`)).toBe(false);
  });
});

describe('a Run Command Line CCMCertFix step where the preset would adopt an Install Software one', () => {
  it('is taken for R13: no second CCMCertFix step, the step byte for byte as it was, the KB restart right after it', () => {
    const command = COMMAND('Fix cert', 'CCMCertFix.exe');
    const input = EXPORT(SETUP() + OTHER('Network') + command);
    const { report, out } = applied(input);
    expect(out).toBe(patched(input).replace(command, command + KB_RESTART()));
    expect(installSteps(out)).toBe(0);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R14', 'R12']);
    expect(report.alreadyInPlace).toEqual([{ what: expect.stringMatching(/^run-command-line step "Fix cert" runs CCMCertFix\.exe after Setup/), where: 'Setup Windows and ConfigMgr', requirement: 'R13' }]);
    const [issue, ...more] = ours(report);
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ code: CODE, severity: 'warning', path: 'Fix cert' });
    expect(issue?.message).toContain('"Fix cert"');
    expect(issue?.message).toContain('asks for an Install Software step of the CCMCertFix package and program (ABC00010, program "CCMCertFix")');
    expect(issue?.message).toContain('left as it is');
  });

  it('a restart to the installed OS already after it is R14 in place: only PATCH and DependentProgram change', () => {
    const input = EXPORT(SETUP() + COMMAND('Fix cert', 'cmd /c CCMCertFix.exe') + RESTART);
    const { report, out } = applied(input);
    expect(out).toBe(patched(input));
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13', 'R14']);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R12']);
  });

  for (const line of ['"CCMCertFix.exe"', '.\\CCMCertFix.exe', 'cmd /c CCMCertFix.exe CCMCertFix.log', '\\\\cm01\\Hotfix\\KB977203\\ccmcertfix.exe', '"C:\\Program Files\\KB977203\\CCMCERTFIX.EXE" x.log', 'C:\\Program Files\\KB977203\\CCMCertFix.exe x.log']) {
    it(`${line}: adopted, as CCMCertFix.exe is`, () => {
      const command = COMMAND('Fix cert', line, { packageId: 'ABC00011' });
      const input = EXPORT(SETUP() + command);
      const { report, out } = applied(input);
      expect(out).toBe(patched(input).replace(command, command + KB_RESTART()));
      expect(ours(report).map((d) => d.path)).toEqual(['Fix cert']);
      expect(ours(report)[0]?.message).toContain('from package ABC00011');
    });
  }

  it("with Setup's condition on WMI, evaluated again after Setup ran, it is not adopted, as an Install Software step is not; revert gives the bytes back", () => {
    const wmi = '<condition><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_Battery</variable></expression></condition>';
    const command = COMMAND('Fix cert', 'CCMCertFix.exe', { condition: wmi });
    const input = EXPORT(SETUP(wmi) + command, '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    const { report, out } = applied(input);
    expect(installSteps(out)).toBe(1);
    expect(report.alreadyInPlace.map((a) => a.requirement)).not.toContain('R13');
    // The administrator's step stays as it was, condition and all.
    expect(out).toContain(command);
    const doc = readTaskSequence(out);
    revertKb977203(doc, O);
    expect(text(doc)).toBe(input);
  });

  it('Setup disabled: a disabled command line after it is adopted, as a disabled Install Software step is, and its restart is disabled too', () => {
    const command = COMMAND('Fix cert', 'CCMCertFix.exe', { attributes: ' disable="true"' });
    const input = EXPORT(SETUP('', ' disable="true"') + command);
    const { report, out } = applied(input);
    expect(out).toBe(patched(input).replace(command, command + KB_RESTART(' disable="true"')));
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13']);
  });
  // The preset rules steps out by looking for "certfix" in their values before reading a command line; it looks at the
  // decoded values, so a name written with a character reference or in CDATA, or kept only in the action line (MDT),
  // is still found.
  it.each([
    ['a character reference', 'CCM&#x43;ert&#70;ix.exe', 'CCM&#x43;ert&#70;ix.exe'],
    ['CDATA', '<![CDATA[CCMCertFix.exe]]>', 'CCMCertFix.exe'],
  ])('written with %s, it is still adopted', (_, written, action) => {
    const command = `<step type="SMS_TaskSequence_RunCommandLineAction" name="Fix cert" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /run: ${action}</action><defaultVarList><variable name="CommandLine" property="CommandLine">${written}</variable></defaultVarList></step>`;
    const { report, out } = applied(EXPORT(SETUP() + command));
    expect(installSteps(out)).toBe(0);
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13']);
  });
  it('kept only in the action line (as MDT writes it), it is still adopted', () => {
    const command = '<step type="SMS_TaskSequence_RunCommandLineAction" name="Fix cert" description="" runIn="FullOS" successCodeList="0"><action>cmd.exe /c CCMCertFix.exe</action></step>';
    const { report, out } = applied(EXPORT(SETUP() + command));
    expect(installSteps(out)).toBe(0);
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13']);
  });
});

describe('a Run Command Line CCMCertFix step anywhere else is reported and not used', () => {
  /** The Install Software CCMCertFix step the preset inserts, found in its output. */
  const insertsPair = (out: string) => expect(out).toMatch(/name="Setup Windows and ConfigMgr"[^]*?<\/step><step type="SMS_TaskSequence_InstallSoftwareAction" name="Run CCMCertFix \(KB977203\)"[^]*?<\/step><step type="SMS_TaskSequence_RebootAction" name="Restart Computer \(KB977203\)"/);

  it('before Setup, in Windows PE: the pair goes in after Setup, the step stays, and the report says why', () => {
    const command = COMMAND('Early fix', 'CCMCertFix.exe');
    const input = EXPORT(`<group name="Windows PE" description="">${command}</group>${SETUP()}`);
    const { report, out } = applied(input);
    insertsPair(out);
    expect(out).toContain(`<group name="Windows PE" description="">${command}</group>`);
    expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13')).toEqual([]);
    expect(ours(report)).toEqual([{ code: CODE, severity: 'warning', path: 'Windows PE/Early fix', ...placeIn(input, command), message: expect.stringMatching(/runs before Setup[^]*not used for "Setup Windows and ConfigMgr"[^]*Install Software step of the CCMCertFix package and program[^]*left as it is[^]*CCMCertFix runs there as well/) }]);
  });

  for (const [what, items, path] of [
    ['disabled', SETUP() + COMMAND('Fix cert', 'CCMCertFix.exe', { attributes: ' disable="true"' }), 'Fix cert'],
    ['in a disabled group', `${SETUP()}<group name="Old" description="" disable="true">${COMMAND('Fix cert', 'CCMCertFix.exe')}</group>`, 'Old/Fix cert'],
  ] as const) {
    it(`${what} after Setup: it does not run, so it is not wiring; the pair goes in`, () => {
      const { report, out } = applied(EXPORT(items));
      insertsPair(out);
      expect(installSteps(out)).toBe(1);
      const [issue, ...more] = ours(report);
      expect(more).toEqual([]);
      expect(issue).toMatchObject({ code: CODE, severity: 'warning', path });
      expect(issue?.message).toMatch(/is disabled/);
      expect(issue?.message).not.toMatch(/runs there as well/);
    });
  }

  it('beside an Install Software CCMCertFix step after Setup: that one is adopted, and the command line is said to run CCMCertFix again', () => {
    const command = COMMAND('Fix cert', 'CCMCertFix.exe');
    const input = EXPORT(SETUP() + command + CERTFIX + RESTART);
    const { report, out } = applied(input);
    expect(out).toBe(patched(input));
    expect(report.alreadyInPlace.map((a) => a.what)).toContain('install-software step "Fix the client certificate" runs CCMCertFix after Setup');
    expect(ours(report)).toEqual([{ code: CODE, severity: 'warning', path: 'Fix cert', ...placeIn(input, command), message: expect.stringMatching(/not the step taken for CCMCertFix after Setup: "Fix the client certificate" is[^]*runs there as well/) }]);
  });

  it('restoring in a replace, after the Request State Store step: not adopted, the pair goes in after Setup', () => {
    const request = '<step type="SMS_TaskSequence_RequestStateStoreAction" name="Request State Store" description="" runIn="FullOS" successCodeList="0"><action>osdsmpclient.exe /restore</action></step>';
    const input = EXPORT(SETUP() + request + COMMAND('Fix cert', 'CCMCertFix.exe'));
    const { report, out } = applied(input, { ...O, scenario: 'replace-restore' });
    insertsPair(out);
    expect(ours(report)).toEqual([{ code: CODE, severity: 'warning', path: 'Fix cert', ...placeIn(input, COMMAND('Fix cert', 'CCMCertFix.exe')), message: expect.stringMatching(/comes after "Request State Store" \(Request State Store\), and CCMCertFix must run before the user state is restored/) }]);
  });

  it('in any scenario, after a step that restores user state: not adopted, the pair goes in after Setup', () => {
    const restore = '<step type="SMS_TaskSequence_RestoreUserStateAction" name="Restore User State" description="" runIn="FullOS" successCodeList="0"><action>osdrestorestate.exe</action></step>';
    const input = EXPORT(SETUP() + restore + COMMAND('Fix cert', 'CCMCertFix.exe'));
    const { report, out } = applied(input);
    insertsPair(out);
    expect(ours(report)).toEqual([{ code: CODE, severity: 'warning', path: 'Fix cert', ...placeIn(input, COMMAND('Fix cert', 'CCMCertFix.exe')), message: expect.stringMatching(/comes after "Restore User State" \(Restore User State\), and CCMCertFix must run/) }]);
  });

  it('with a condition Setup does not run under: not adopted, the pair goes in after Setup, and the report says why', () => {
    const own = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">X</variable><variable name="Variable">Role</variable></expression></condition>';
    const input = EXPORT(SETUP() + COMMAND('Fix cert', 'CCMCertFix.exe', { condition: own }));
    const { report, out } = applied(input);
    insertsPair(out);
    expect(ours(report)).toEqual([{ code: CODE, severity: 'warning', path: 'Fix cert', ...placeIn(input, COMMAND('Fix cert', 'CCMCertFix.exe', { condition: own })), message: expect.stringMatching(/has a condition Setup does not have \(Role = "X"\), so it does not run whenever Setup does/) }]);
  });

  it('each step is named once over many Setup steps: for the Setup step before it, or the first one', () => {
    const input = EXPORT(COMMAND('A', 'CCMCertFix.exe') + SETUP() + COMMAND('B', 'CCMCertFix.exe') + SETUP() + COMMAND('C', 'CCMCertFix.exe', { attributes: ' disable="true"' }) + SETUP());
    const { report } = applied(input);
    expect(ours(report).map((d) => d.path)).toEqual(['A', 'B', 'C']);
  });
});

describe('a messy sequence: CRLF, a conditional Setup step, a command line with a package and a quoted path, disabled ones', () => {
  const condition = '<condition>\r\n            <expression type="SMS_TaskSequence_VariableConditionExpression">\r\n              <variable name="Operator">equals</variable>\r\n              <variable name="Value">TRUE</variable>\r\n              <variable name="Variable">DeployClient</variable>\r\n            </expression>\r\n          </condition>';
  const step = (head: string, body: string) => `        <step ${head}>\r\n          ${body}\r\n        </step>\r\n`;
  const early = step('type="SMS_TaskSequence_RunCommandLineAction" name="Fix the certificate early" description="" disable="true" continueOnError="true" runIn="WinPEandFullOS" successCodeList="0 3010"', '<action>smsswd.exe /run: CCMCertFix.exe</action>\r\n          <defaultVarList>\r\n            <variable name="CommandLine" property="CommandLine">CCMCertFix.exe</variable>\r\n            <variable name="PackageID" property="PackageID"></variable>\r\n          </defaultVarList>');
  const setup = step('type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"', `${condition}\r\n          <action>OSDSetupWindows.exe</action>\r\n          <defaultVarList>\r\n            <variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable>\r\n            <variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>\r\n          </defaultVarList>`);
  const old = step('type="SMS_TaskSequence_RunCommandLineAction" name="Old certificate fix" description="" disable="true" runIn="FullOS" successCodeList="0"', '<action>smsswd.exe /run: cmd /c CCMCertFix.exe</action>\r\n          <defaultVarList>\r\n            <variable name="CommandLine" property="CommandLine">cmd /c CCMCertFix.exe</variable>\r\n          </defaultVarList>');
  const repair = step('type="SMS_TaskSequence_RunCommandLineAction" name="Repair the client certificate" description="Runs the KB977203 tool" runIn="FullOS" successCodeList="0 3010"', '<action>smsswd.exe /run:ABC00011 "KB977203\\CCMCertFix.exe" CCMCertFix.log</action>\r\n          <defaultVarList>\r\n            <variable name="CommandLine" property="CommandLine">"KB977203\\CCMCertFix.exe" CCMCertFix.log</variable>\r\n            <variable name="PackageID" property="PackageID">ABC00011</variable>\r\n          </defaultVarList>');
  const network = step('type="SMS_TaskSequence_ApplyNetworkSettingsAction" name="Network" description="" runIn="FullOS" successCodeList="0"', '<action>x.exe</action>');
  const input = `<?xml version="1.0"?>\r\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\r\n  <BootImageID>ABC00001</BootImageID>\r\n  <DependentProgram />\r\n  <Name>Refresh</Name>\r\n  <SequenceData>\r\n    <sequence version="3.00">\r\n      <group name="Windows PE" description="">\r\n${early}      </group>\r\n      <group name="Install" description="">\r\n${setup}${old}${repair}${network}      </group>\r\n    </sequence>\r\n  </SequenceData>\r\n</SmsTaskSequencePackage>\r\n`;

  it('apply: PATCH, a restart after the enabled command line, DependentProgram; every other byte as it was', () => {
    const { report, out } = applied(input);
    const restart = '        <step type="SMS_TaskSequence_RebootAction" name="Restart Computer (KB977203)" description="KB977203: restart to the installed operating system after CCMCertFix" runIn="WinPEandFullOS" successCodeList="0">\r\n          <action>smsboot.exe /target:HD</action>\r\n          <defaultVarList>\r\n            <variable name="SMSRebootMessage" property="Message"></variable>\r\n            <variable name="SMSRebootTimeout" property="MessageTimeout">0</variable>\r\n            <variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable>\r\n          </defaultVarList>\r\n        </step>\r\n';
    expect(out).toBe(patched(input).replace(repair, repair + restart));
    expect(installSteps(out)).toBe(0);
    expect(report.alreadyInPlace.map((a) => [a.requirement, a.what.slice(0, 55)])).toEqual([
      ['R13', 'run-command-line step "Repair the client certificate" r'],
    ]);
    expect(ours(report).map((d) => [d.path, d.severity])).toEqual([
      ['Windows PE/Fix the certificate early', 'warning'],
      ['Install/Old certificate fix', 'warning'],
      ['Install/Repair the client certificate', 'warning'],
    ]);
    expect(ours(report)[2]?.message).toContain('(command line "KB977203\\CCMCertFix.exe" CCMCertFix.log, from package ABC00011)');
  });

  it('revert: the restart and PATCH go, the administrator\'s steps stay byte for byte, DependentProgram is left as theirs', () => {
    const { out } = applied(input);
    const doc = readTaskSequence(out);
    const report = revertKb977203(doc, O);
    const reverted = text(doc);
    expect(reverted).toBe(input.replace('<DependentProgram />', '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>'));
    for (const s of [early, old, repair]) expect(reverted).toContain(s);
    expect(report.changes.map((c) => c.what)).toEqual(['removed the KB977203 entry from PATCH', 'removed restart-computer step "Restart Computer (KB977203)"']);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['KB977203_REVERT_PATCH_REMOVED', 'KB977203_REVERT_DEPENDENT_KEPT']);
  });

  it("revert never takes out a command line, even one named as the preset names its CCMCertFix step", () => {
    const command = COMMAND('Run CCMCertFix (KB977203)', 'CCMCertFix.exe');
    const before = EXPORT(SETUP() + command, '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    const doc = readTaskSequence(applied(before).out);
    revertKb977203(doc, O);
    expect(text(doc)).toBe(before);
  });

  it('revert of a sequence that already ran the program first gives back the original bytes', () => {
    const before = input.replace('<DependentProgram />', '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    const doc = readTaskSequence(applied(before).out);
    revertKb977203(doc, O);
    expect(text(doc)).toBe(before);
  });
});

describe(`${CODE} is a listed code`, () => {
  it('in NOTICE_CODES, the README and the requirements page', async () => {
    const { readFileSync } = await import('node:fs');
    expect(NOTICE_CODES[CODE]).toMatch(/Run Command Line/);
    expect(readFileSync('README.md', 'utf8')).toContain(`\`${CODE}\``);
    expect(readFileSync('docs/kb977203-requirements.md', 'utf8')).toContain(`\`${CODE}\``);
  });
});

describe('lint agrees with the preset on a Run Command Line CCMCertFix step', () => {
  const restartFindings = (input: string) =>
    lint(readTaskSequence(input))
      .filter((f) => f.code === 'kb977203/certfix-without-restart')
      .map((f) => f.message);

  it('with no restart after it, kb977203/certfix-without-restart names it; after the preset, nothing', () => {
    const input = EXPORT(SETUP() + COMMAND('Fix cert', 'C:\\Program Files\\KB977203\\CCMCertFix.exe') + OTHER('Network'));
    expect(restartFindings(input)).toEqual(['"Fix cert" runs CCMCertFix and is not followed by a Restart Computer to the installed operating system (R14).']);
    expect(restartFindings(applied(input).out)).toEqual([]);
  });

  it('with a restart of its own condition after it, the finding says why the restart is not the one R14 asks for', () => {
    const condition = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">true</variable><variable name="Variable">DeployLaptops</variable></expression></condition>';
    const command = COMMAND('Fix cert', 'cmd /c CCMCertFix.exe');
    const [finding, ...more] = restartFindings(EXPORT(SETUP() + command + RESTART.replace('<action>', `${condition}<action>`)));
    expect(more).toEqual([]);
    expect(finding).toMatch(/^"Fix cert" runs CCMCertFix, and the Restart Computer after it, "Restart after the fix", has a condition of its own \(.*DeployLaptops.*\), so it does not run exactly when CCMCertFix runs \(R14\)\.$/);
    // The condition on CCMCertFix instead, the restart with none: the restart runs whenever CCMCertFix ran, and is R14's.
    expect(restartFindings(EXPORT(SETUP() + COMMAND('Fix cert', 'cmd /c CCMCertFix.exe', { condition }) + RESTART))).toEqual([]);
  });

  it('a restart after it that notifies the user is kb977203/restart-notifies, as after an Install Software CCMCertFix step', () => {
    const notifying = RESTART.replace('<variable name="SMSRebootMessage" property="Message"></variable>', '<variable name="SMSRebootMessage" property="Message">Restarting</variable>').replace('property="MessageTimeout">0<', 'property="MessageTimeout">60<');
    const findings = (input: string) => lint(readTaskSequence(input)).filter((f) => f.code === 'kb977203/restart-notifies').map((f) => f.message);
    expect(findings(EXPORT(SETUP() + COMMAND('Fix cert', 'C:\\Program Files\\KB977203\\CCMCertFix.exe') + notifying))).toEqual(['"Restart after the fix" after CCMCertFix notifies the user (time-out 60 s); clear "Notify the user before restarting" (R14).']);
    expect(findings(EXPORT(SETUP() + COMMAND('Copy', 'xcopy CCMCertFix.exe C:\\Temp') + notifying))).toEqual([]);
  });

  it('a restart after it is enough, and a command that only names the file is not CCMCertFix', () => {
    expect(restartFindings(EXPORT(SETUP() + COMMAND('Fix cert', 'CCMCertFix.exe') + RESTART))).toEqual([]);
    expect(restartFindings(EXPORT(SETUP() + COMMAND('Copy', 'xcopy CCMCertFix.exe C:\\Temp')))).toEqual([]);
  });
});
