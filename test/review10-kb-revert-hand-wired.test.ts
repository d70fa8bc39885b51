// A sequence wired for KB977203 by hand, not by cmts: the administrator's CCMCertFix step and restart after Setup,
// and "Run another program first" set to CCMCertFix. The preset adopts the steps and leaves DependentProgram, so
// revert has nothing of its own there to take back: it must leave DependentProgram (and the steps) as they were.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP = (props: string) =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const CERTFIX =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const RESTART =
  '<step type="SMS_TaskSequence_RebootAction" name="Restart" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>';
const EXPORT = (items: string, dependent: string) =>
  `<?xml version="1.0"?>\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <BootImageID>ABC00001</BootImageID>\n  <Category />\n  ${dependent}\n  <Name>Refresh</Name>\n  <SequenceData><sequence version="3.00">${items}</sequence></SequenceData>\n  <SupportedOperatingSystems />\n</SmsTaskSequencePackage>\n`;
const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('revert of a sequence wired by hand', () => {
  it('apply adds only PATCH; revert takes only PATCH back and leaves the hand-set DependentProgram', () => {
    const input = EXPORT(SETUP('SMSSLP=SLP01') + CERTFIX + RESTART, '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    const doc = readTaskSequence(input);
    const applied = applyKb977203(doc, O);
    expect(applied.changes.map((c) => c.requirement)).toEqual(['R4']);
    const back = readTaskSequence(text(doc));
    const reverted = revertKb977203(back, O);
    expect(reverted.changes.map((c) => c.requirement)).toEqual(['R4']);
    expect(text(back)).toBe(input);
    // Applied again to what revert gave back: the same result as the first time.
    const again = readTaskSequence(text(back));
    applyKb977203(again, O);
    expect(text(again)).toBe(text(doc));
  });

  it('revert of a sequence the preset never touched (PATCH wired by hand too) leaves DependentProgram', () => {
    const input = EXPORT(SETUP(`SMSSLP=SLP01 PATCH="${ENTRY}"`) + CERTFIX + RESTART, '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    expect(checkKb977203(readTaskSequence(input), O).changed).toBe(false);
    const doc = readTaskSequence(input);
    const reverted = revertKb977203(doc, O);
    expect(reverted.changes.filter((c) => c.requirement === 'R12')).toEqual([]);
    expect(doc.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
    expect(reverted.diagnostics.map((d) => d.code)).toContain('KB977203_REVERT_DEPENDENT_KEPT');
  });

  it('a DependentProgram the preset set beside an adopted step is left too, and apply says revert will leave it', () => {
    const input = EXPORT(SETUP('SMSSLP=SLP01') + CERTFIX + RESTART, '<DependentProgram />');
    const doc = readTaskSequence(input);
    const applied = applyKb977203(doc, O);
    expect(applied.changes.map((c) => c.requirement)).toContain('R12');
    expect(applied.diagnostics.map((d) => d.code)).toContain('KB977203_DEPENDENT_NOT_REVERSIBLE');
    const back = readTaskSequence(text(doc));
    revertKb977203(back, O);
    expect(back.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
  });
});
