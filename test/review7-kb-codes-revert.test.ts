// Codes of their own for what the KB977203 preset refuses or keeps, and what revert cannot give back: a PATCH path
// over MAX_PATH is PATCH_PATH_TOO_LONG (preset and add-client-patch); an administrator's notifying restart kept after
// CCMCertFix is KB977203_RESTART_NOTIFIES; a DependentProgram added where no inserted step records that the package
// had none is KB977203_DEPENDENT_NOT_REVERSIBLE; and a restart whose notice an earlier cmts cleared is
// KB977203_REVERT_RESTART_TIMEOUT_LOST on revert.
import { describe, expect, it } from 'vitest';
import { applyKb977203, applyTransform, checkKb977203, ERROR_CODES, NOTICE_CODES, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const CERTFIX =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" runIn="FullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const RESTART = (timeout: string) =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart after the fix" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message">Restarting to finish setup</variable><variable name="SMSRebootTimeout" property="MessageTimeout">${timeout}</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const REFERENCES = '<referenceList><reference package="ABC00010" /></referenceList>';
const SEQUENCE = (items: string) => `<sequence version="3.00">${items}</sequence>`;
const PACKAGE = (dependent: string, sequence: string) =>
  `<?xml version="1.0"?>\r\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\r\n  <BootImageID>ABC00001</BootImageID>\r\n  <Category />\r\n${dependent}  <Description />\r\n  <Name>Refresh</Name>\r\n  <SequenceData>${sequence}</SequenceData>\r\n</SmsTaskSequencePackage>\r\n`;

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('PATCH_PATH_TOO_LONG', () => {
  it('is an error code of its own, in the list the README documents', () => {
    expect(Object.keys(ERROR_CODES)).toContain('PATCH_PATH_TOO_LONG');
  });
});

describe('KB977203_RESTART_NOTIFIES', () => {
  it("says by code that an administrator's notifying restart after CCMCertFix stays, with the KB's restart before it", () => {
    const doc = readTaskSequence(SEQUENCE(SETUP + CERTFIX + RESTART('60')));
    const report = applyKb977203(doc, O);
    const issue = report.diagnostics.find((d) => d.code === 'KB977203_RESTART_NOTIFIES');
    expect(issue).toMatchObject({ severity: 'warning', path: 'Fix the client certificate', message: expect.stringContaining('"Restart after the fix"') });
    expect(issue?.message).toMatch(/time-out 60 s/);
    // Applied again, the KB's restart is in place: nothing to say.
    expect(codes(applyKb977203(readTaskSequence(text(doc)), O).diagnostics)).not.toContain('KB977203_RESTART_NOTIFIES');
  });

  it('is not said of a restart that does not notify', () => {
    expect(codes(checkKb977203(readTaskSequence(SEQUENCE(SETUP + CERTFIX + RESTART('0'))), O).diagnostics)).not.toContain('KB977203_RESTART_NOTIFIES');
  });
});

describe('KB977203_DEPENDENT_NOT_REVERSIBLE: DependentProgram added where no inserted step can record it', () => {
  const roundTrip = (input: string, options: Kb977203Options) => {
    const doc = readTaskSequence(input);
    const report = applyKb977203(doc, options);
    const applied = text(doc);
    const again = applyKb977203(readTaskSequence(applied), options);
    const back = readTaskSequence(applied);
    revertKb977203(back, options);
    return { report, again, applied, reverted: text(back) };
  };

  it("an adopted CCMCertFix step: the apply's report says revert will leave it, and revert does", () => {
    const input = PACKAGE('', SEQUENCE(SETUP + CERTFIX + REFERENCES));
    const { report, again, applied, reverted } = roundTrip(input, O);
    expect(applied).toContain('<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    expect(report.diagnostics.find((d) => d.code === 'KB977203_DEPENDENT_NOT_REVERSIBLE')).toMatchObject({ severity: 'info', message: expect.stringMatching(/revert leaves it, as it leaves one set by hand/) });
    expect(codes(again.diagnostics)).not.toContain('KB977203_DEPENDENT_NOT_REVERSIBLE');
    // What the report warned of: every CCMCertFix step is the administrator's, so DependentProgram is taken for theirs.
    expect(reverted).toBe(PACKAGE('  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\r\n', SEQUENCE(SETUP + CERTFIX + REFERENCES)));
  });

  it('the replace-capture scenario says so too', () => {
    // A capture sequence captures user state (a sequence that captures nothing is refused: MISSING_CAPTURE_STEP).
    const input = PACKAGE('', SEQUENCE('<group name="Capture"><step type="SMS_TaskSequence_CaptureUserStateAction" name="Capture User State" description="" runIn="FullOS" successCodeList="0"><action>osdmigrateuserstate.exe /collect</action></step></group>'));
    const { report } = roundTrip(input, { ...O, scenario: 'replace-capture' });
    expect(report.diagnostics.find((d) => d.code === 'KB977203_DEPENDENT_NOT_REVERSIBLE')?.message).toMatch(/replace-capture scenario inserts no step/);
  });

  it('is not said where an inserted CCMCertFix step records it (revert gives the input back), nor for an empty element', () => {
    const absent = PACKAGE('', SEQUENCE(SETUP));
    const first = roundTrip(absent, O);
    expect(codes(first.report.diagnostics)).not.toContain('KB977203_DEPENDENT_NOT_REVERSIBLE');
    expect(first.reverted).toBe(absent);
    const empty = PACKAGE('  <DependentProgram />\r\n', SEQUENCE(SETUP));
    const second = roundTrip(empty, O);
    expect(codes(second.report.diagnostics)).not.toContain('KB977203_DEPENDENT_NOT_REVERSIBLE');
    expect(second.reverted).toBe(empty);
  });
});

describe('KB977203_REVERT_RESTART_TIMEOUT_LOST', () => {
  // What an earlier cmts wrote from SEQUENCE(SETUP + CERTFIX + RESTART('60')): the notice cleared, the message kept.
  const EARLIER = SEQUENCE(SETUP.replace('SMSSLP=SLP01', 'SMSSLP=SLP01 PATCH="C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"') + CERTFIX + RESTART('0'));

  it('revert of an earlier version\'s output warns that the restart\'s time-out cannot be given back', () => {
    const doc = readTaskSequence(EARLIER);
    const report = revertKb977203(doc, O);
    expect(text(doc)).toBe(SEQUENCE(SETUP + CERTFIX + RESTART('0')));
    expect(report.diagnostics.find((d) => d.code === 'KB977203_REVERT_RESTART_TIMEOUT_LOST')).toMatchObject({ severity: 'warning', path: 'Fix the client certificate', message: expect.stringContaining('"Restart after the fix"') });
  });

  it("is not said of this version's output, where the administrator's restart kept its time-out", () => {
    const doc = readTaskSequence(SEQUENCE(SETUP + CERTFIX + RESTART('60')));
    applyKb977203(doc, O);
    const back = readTaskSequence(text(doc));
    expect(codes(revertKb977203(back, O).diagnostics)).not.toContain('KB977203_REVERT_RESTART_TIMEOUT_LOST');
    expect(text(back)).toBe(SEQUENCE(SETUP + CERTFIX + RESTART('60')));
  });

  it('nor on a file the preset was never applied to', () => {
    expect(codes(revertKb977203(readTaskSequence(SEQUENCE(SETUP + CERTFIX + RESTART('0'))), O).diagnostics)).toEqual([]);
  });
});

describe('notice codes', () => {
  it('the new ones are listed with their meaning', () => {
    for (const code of ['KB977203_RESTART_NOTIFIES', 'KB977203_DEPENDENT_NOT_REVERSIBLE', 'KB977203_REVERT_RESTART_TIMEOUT_LOST']) expect(Object.keys(NOTICE_CODES)).toContain(code);
  });
});

describe('add-client-patch on a Setup step inside groups', () => {
  const NESTED = SEQUENCE(`<group name="Install Operating System"><group name="Setup OS">${SETUP}</group></group>`);

  it('targets and reports it by its full path, as the preset reports it', () => {
    const doc = readTaskSequence(NESTED);
    const report = applyTransform('add-client-patch', doc, { msp: 'C:\\a.msp', stepPath: 'Install Operating System/Setup OS/Setup Windows and ConfigMgr' });
    expect(report.changes.map((c) => c.where)).toEqual(['Install Operating System/Setup OS/Setup Windows and ConfigMgr']);
    expect(checkKb977203(readTaskSequence(NESTED), O).setupSteps.map((s) => s.path)).toEqual(['Install Operating System/Setup OS/Setup Windows and ConfigMgr']);
    const e = thrown(() => applyTransform('add-client-patch', readTaskSequence(NESTED), { msp: 'C:\\a.msp', stepPath: 'Setup Windows and ConfigMgr' }));
    expect(e.code).toBe('STEP_NOT_FOUND');
    expect(e.message).toContain('"Install Operating System/Setup OS/Setup Windows and ConfigMgr"');
  });
});
