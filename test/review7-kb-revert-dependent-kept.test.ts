// A package wired half-way: "Run another program first" already runs CCMCertFix, but no step does. The preset inserts
// the CCMCertFix step and its restart, and that step's description says the package had DependentProgram before, so
// revert takes the steps out and leaves DependentProgram as it was (it emptied it, as one the preset had set).
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const PACKAGE = (dependent: string) =>
  `<?xml version="1.0"?>\r\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\r\n  <BootImageID>ABC00001</BootImageID>\r\n  <Category />\r\n${dependent}  <Description />\r\n  <Name>Refresh</Name>\r\n  <SequenceData><sequence version="3.00"><group name="Install Operating System">${SETUP}</group></sequence></SequenceData>\r\n</SmsTaskSequencePackage>\r\n`;
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('revert of a package whose DependentProgram already ran CCMCertFix', () => {
  it('gives the input back byte for byte, and says it kept DependentProgram', () => {
    const input = PACKAGE('  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\r\n');
    const doc = readTaskSequence(input);
    const report = applyKb977203(doc, O);
    expect(report.changes.filter((c) => c.requirement === 'R12')).toEqual([]);
    const applied = text(doc);
    const again = readTaskSequence(applied);
    expect(applyKb977203(again, O).changed).toBe(false);
    const back = readTaskSequence(applied);
    const reverted = revertKb977203(back, O);
    expect(text(back)).toBe(input);
    expect(reverted.changes.filter((c) => c.requirement === 'R12')).toEqual([]);
    expect(reverted.alreadyInPlace).toEqual([expect.objectContaining({ what: 'DependentProgram ABC00010;;CCMCertFix, which the package had before the preset', requirement: 'R12' })]);
  });

  it('still empties one the preset set, and takes away one the package did not have', () => {
    for (const dependent of ['  <DependentProgram />\r\n', '']) {
      const input = PACKAGE(dependent);
      const doc = readTaskSequence(input);
      applyKb977203(doc, O);
      const back = readTaskSequence(text(doc));
      const reverted = revertKb977203(back, O);
      expect(text(back)).toBe(input);
      expect(reverted.changes.filter((c) => c.requirement === 'R12')).toHaveLength(1);
    }
  });
});
