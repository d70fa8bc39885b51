// The preset gives a replace-scenario capture sequence only "Run another program first" (R15): revert with that
// scenario must take back only that, not the PATCH entries and CCMCertFix steps the capture sequence already had.
import { describe, expect, it } from 'vitest';
import { applyKb977203, listItems, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', scenario: 'replace-capture' };
const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const CERTFIX = (name: string) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const INPUT =
  '<?xml version="1.0"?>\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <BootImageID>ABC00001</BootImageID>\n  <Category />\n  <DependentProgram />\n  <Name>Capture</Name>\n  <SequenceData><sequence version="3.00">' +
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01 PATCH="${ENTRY}"</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>` +
  CERTFIX('Run CCMCertFix (KB977203)') +
  '<step type="SMS_TaskSequence_CaptureUserStateAction" name="Capture User State" description="" runIn="FullOS" successCodeList="0"><action>osdmigrateuserstate.exe /collect</action></step>' +
  '</sequence></SequenceData>\n  <SupportedOperatingSystems />\n</SmsTaskSequencePackage>\n';

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('revert with the replace-capture scenario', () => {
  it('takes back DependentProgram only: the file is the input again, its PATCH entry and CCMCertFix step kept', () => {
    const doc = readTaskSequence(INPUT);
    const applied = applyKb977203(doc, O);
    expect(applied.changes.map((c) => c.requirement)).toEqual(['R12']);
    const back = readTaskSequence(text(doc));
    const report = revertKb977203(back, O);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R12']);
    expect(text(back)).toBe(INPUT);
    expect(listItems(back.sequence).map((l) => l.path)).toEqual(['Setup Windows and ConfigMgr', 'Run CCMCertFix (KB977203)', 'Capture User State']);
  });

  it('the refresh scenario still takes the PATCH entry, and the step only when it has the preset\'s name and description', () => {
    const doc = readTaskSequence(INPUT);
    revertKb977203(doc, { ...O, scenario: 'refresh' });
    expect(text(doc)).not.toContain(ENTRY);
    // Named as the preset names its step, but without its description: the administrator's, and it stays.
    expect(listItems(doc.sequence).map((l) => l.path)).toEqual(['Setup Windows and ConfigMgr', 'Run CCMCertFix (KB977203)', 'Capture User State']);
    const ours = readTaskSequence(INPUT.replace('name="Run CCMCertFix (KB977203)" description=""', 'name="Run CCMCertFix (KB977203)" description="KB977203: repair the client certificate with CCMCertFix.exe"'));
    revertKb977203(ours, { ...O, scenario: 'refresh' });
    expect(listItems(ours.sequence).map((l) => l.path)).toEqual(['Setup Windows and ConfigMgr', 'Capture User State']);
  });
});
