// Under force, "Run another program first" that runs a program other than CCMCertFix is replaced: that program stops
// running first, and nothing in the file lets revert bring it back. --force promises that the report warns.
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const EXPORT = (dependent: string) =>
  `<?xml version="1.0"?>\n<SmsTaskSequencePackage>\n  <Category />\n  <DependentProgram>${dependent}</DependentProgram>\n  <SequenceData><sequence version="3.00"><group name="Install" description="">${SETUP}</group></sequence></SequenceData>\n</SmsTaskSequencePackage>\n`;
const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:', force: true };
const CODE = 'KB977203_FORCED_DEPENDENT_REPLACED';
const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe('force over another program in "Run another program first"', () => {
  it('warns, naming the program that no longer runs first; a second apply does not warn again', () => {
    const doc = readTaskSequence(EXPORT('ABC00020;;Prepare'));
    const report = applyKb977203(doc, O);
    const warning = report.diagnostics.find((d) => d.code === CODE);
    expect(warning).toMatchObject({ severity: 'warning' });
    expect(warning?.message).toContain('ABC00020;;Prepare');
    expect(doc.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
    const again = readTaskSequence(writeTaskSequence(doc));
    const second = applyKb977203(again, O);
    expect(second.changed).toBe(false);
    expect(codes(second)).not.toContain(CODE);
    // What the warning says of revert: the other program does not come back.
    revertKb977203(again, O);
    expect(again.getProperty('DependentProgram')).not.toContain('ABC00020');
  });

  it('does not warn where there was no program, or one that already runs CCMCertFix', () => {
    for (const dependent of ['', 'ABC00010;;CCMCertFix', 'XYZ00001;;CCMCertFix']) {
      const report = applyKb977203(readTaskSequence(EXPORT(dependent)), O);
      expect(codes(report), dependent).not.toContain(CODE);
    }
  });
});
