// Revert takes out only what the preset inserted. An administrator who wired CCMCertFix by hand may well have named
// the steps as the preset does ("Run CCMCertFix (KB977203)", "Restart Computer (KB977203)"); the preset adopts such
// steps, and revert used to delete them by their names, also on a file the preset never touched. Only a step that
// also carries the description the preset gives its own steps is the preset's.
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const CERTFIX = (name: string) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const RESTART = (name: string) =>
  `<step type="SMS_TaskSequence_RebootAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target">HD</variable></defaultVarList></step>`;
const EXPORT = (items: string) =>
  `<?xml version="1.0"?>\n<SmsTaskSequencePackage>\n  <Category />\n  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\n  <SequenceData><sequence version="3.00"><group name="Install" description="">${items}</group></sequence></SequenceData>\n</SmsTaskSequencePackage>\n`;
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const CF = 'Run CCMCertFix (KB977203)';
const RS = 'Restart Computer (KB977203)';

describe('revert and an administrator\'s CCMCertFix steps under the preset\'s names', () => {
  for (const [what, items] of [
    ['both steps named as the preset names its own', SETUP + CERTFIX(CF) + RESTART(RS)],
    ['the CCMCertFix step alone named so', SETUP + CERTFIX(CF) + RESTART('Restart')],
    ['the restart alone named so', SETUP + CERTFIX('Fix the certificate') + RESTART(RS)],
  ] as const) {
    it(`${what}: revert of the untouched file changes nothing, and revert(apply(x)) = x`, () => {
      const input = EXPORT(items);
      const never = readTaskSequence(input);
      const report = revertKb977203(never, O);
      expect(report.changes).toEqual([]);
      expect(text(never)).toBe(input);
      const doc = readTaskSequence(input);
      // The steps are adopted: only PATCH is added.
      expect(applyKb977203(doc, O).changes.map((c) => c.requirement)).toEqual(['R4']);
      const back = readTaskSequence(text(doc));
      expect(revertKb977203(back, O).changes.map((c) => c.requirement)).toEqual(['R4']);
      expect(text(back)).toBe(input);
    });
  }

  it('beside an administrator\'s step of that name that is not adopted, only the preset\'s pair goes', () => {
    // Disabled, the administrator's step is not adopted: the preset inserts its own pair, under the same names.
    const input = EXPORT(SETUP + CERTFIX(CF).replace('description=""', 'description="" disable="true"'));
    const doc = readTaskSequence(input);
    expect(applyKb977203(doc, O).changes.map((c) => c.requirement)).toEqual(['R4', 'R13', 'R14']);
    const back = readTaskSequence(text(doc));
    const reverted = revertKb977203(back, O);
    expect(reverted.changes.map((c) => c.what)).toEqual(['removed the KB977203 entry from PATCH', `removed install-software step "${CF}"`, `removed restart-computer step "${RS}"`]);
    expect(text(back)).toBe(input);
  });
});

describe('revert and a "Run another program first" set by hand', () => {
  it('with no CCMCertFix step at all (the preset never wrote the sequence), DependentProgram stays and nothing changes', () => {
    const input = EXPORT(SETUP);
    const doc = readTaskSequence(input);
    const report = revertKb977203(doc, O);
    expect(report.changes).toEqual([]);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['KB977203_REVERT_DEPENDENT_KEPT']);
    expect(text(doc)).toBe(input);
  });

  it('with replace-capture, which inserts no step, revert still clears the DependentProgram it set', () => {
    const doc = readTaskSequence(EXPORT(SETUP));
    const report = revertKb977203(doc, { ...O, scenario: 'replace-capture' });
    expect(report.changes.map((c) => c.requirement)).toEqual(['R12']);
    expect(doc.getProperty('DependentProgram')).toBe('');
  });
});
