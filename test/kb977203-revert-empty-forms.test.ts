// Revert after apply on two lived-in shapes it did not give back as they were:
// - a Setup step whose installation properties were an empty self-closing `<variable … />`: the apply gives it PATCH,
//   and revert emptied it as `<variable …></variable>`, the form the element had in the applied file;
// - the capture half of a replace, applied with the replace-capture scenario (DependentProgram only), reverted without
//   it: revert kept DependentProgram and said the preset did not set it, which was false.
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010' };

const setupStep = (properties: string) =>
  `      <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">
        <action>OSDSetupWindows.exe</action>
        <defaultVarList>
          ${properties}
          <variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>
        </defaultVarList>
      </step>
`;
const restartStep = (message: string) =>
  `      <step type="SMS_TaskSequence_RebootAction" name="Restart in Windows PE" description="" runIn="WinPEandFullOS" successCodeList="0">
        <action>smsboot.exe /target:WinPE</action>
        <defaultVarList>
          ${message}
          <variable name="SMSRebootTarget" property="Target">WinPE</variable>
        </defaultVarList>
      </step>
`;
const captureStep = `      <step type="SMS_TaskSequence_CaptureUserStateAction" name="Capture User State" description="" runIn="FullOS" successCodeList="0">
        <action>osdmigrateuserstate.exe /collect</action>
      </step>
`;
const pkg = (steps: string, dependent = '<DependentProgram />') =>
  `<?xml version="1.0"?>\r\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <BootImageID>ABC00001</BootImageID>\n  <Category />\n  ${dependent}\n  <Name>Refresh</Name>\n  <SequenceData>\n    <sequence version="3.00">\n${steps}    </sequence>\n  </SequenceData>\n  <SupportedOperatingSystems />\n</SmsTaskSequencePackage>\n`.replace(/\r?\n/g, '\r\n');

/** Applies (with `apply`), writes, reads the written file again and reverts it (with `revert`), as two runs of the command do. */
function applyThenRevert(input: string, apply: Kb977203Options, revert: Kb977203Options) {
  const doc = readTaskSequence(input);
  const applied = applyKb977203(doc, apply);
  const appliedText = Buffer.from(writeTaskSequence(doc)).toString('utf8');
  const back = readTaskSequence(appliedText);
  const report = revertKb977203(back, revert);
  return { applied, appliedText, report, text: Buffer.from(writeTaskSequence(back)).toString('utf8') };
}

describe('revert of PATCH gives an emptied installation-properties variable the form the file writes empty variables in', () => {
  it('a self-closing <variable … /> comes back self-closing, the file byte for byte', () => {
    const input = pkg(setupStep('<variable name="SMSClientInstallProperties" property="ClientInstallProperties" />') + restartStep('<variable name="SMSRebootMessage" property="Message" />'));
    const { appliedText, report, text } = applyThenRevert(input, O, O);
    expect(appliedText).toContain('property="ClientInstallProperties">PATCH="');
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R13', 'R14', 'R12']);
    expect(text).toBe(input);
  });

  it('the only empty variable of the file being the Setup step\'s, the self-closing form is learned from the restart the apply wrote', () => {
    const input = pkg(setupStep('<variable name="SMSClientInstallProperties" property="ClientInstallProperties"/>'));
    const { text } = applyThenRevert(input, O, O);
    expect(text).toBe(input);
  });

  it('in a file of empty <variable …></variable> pairs the pair stays, and its start tag as written', () => {
    const input = pkg(setupStep("<variable  name='SMSClientInstallProperties' property='ClientInstallProperties'></variable>") + restartStep('<variable name="SMSRebootMessage" property="Message"></variable>'));
    const { text } = applyThenRevert(input, O, O);
    expect(text).toBe(input);
  });

  it('a variable that holds other properties keeps them, its own form and the file otherwise', () => {
    const input = pkg(setupStep('<variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSMP=MP01</variable>') + restartStep('<variable name="SMSRebootMessage" property="Message" />'));
    const { text } = applyThenRevert(input, O, O);
    expect(text).toBe(input);
  });

  it('reverted in the same document, with no write between, the file comes back too', () => {
    const input = pkg(setupStep('<variable name="SMSClientInstallProperties" property="ClientInstallProperties" />') + restartStep('<variable name="SMSRebootMessage" property="Message" />'));
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    // Reverted in the same document, without a write between: the variable the apply edited is the one read.
    revertKb977203(doc, O);
    const text = Buffer.from(writeTaskSequence(doc)).toString('utf8');
    expect(text).toBe(input);
  });
});

describe('revert without the replace-capture scenario of a sequence applied with it', () => {
  const capture = pkg(captureStep);
  const CAPTURE: Kb977203Options = { ...O, scenario: 'replace-capture' };

  it('reverted with no scenario, is taken for replace-capture as the apply takes it, and gives the file back', () => {
    const { applied, report, text } = applyThenRevert(capture, CAPTURE, O);
    expect(applied.changes.map((c) => c.requirement)).toEqual(['R12']);
    expect(report.scenario).toBe('replace-capture');
    expect(text).toBe(capture);
  });

  it('reverted with another scenario given, keeps DependentProgram with a warning that says how to clear it, not that the preset did not set it', () => {
    const { applied, report, text } = applyThenRevert(capture, CAPTURE, { ...O, scenario: 'refresh' });
    expect(applied.changes.map((c) => c.requirement)).toEqual(['R12']);
    expect(report.changed).toBe(false);
    expect(text).toContain('<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    const said = report.diagnostics.find((d) => d.code === 'KB977203_REVERT_DEPENDENT_KEPT');
    expect(said?.severity).toBe('warning');
    expect(said?.message).toContain('--scenario replace-capture');
    expect(said?.message).toContain('has no Setup Windows and ConfigMgr step');
    expect(said?.message).not.toContain('did not set it');
  });

  it('reverted with it, gives the file back', () => {
    expect(applyThenRevert(capture, CAPTURE, CAPTURE).text).toBe(capture);
  });

  it('a sequence with neither a Setup step nor a capture is not sent to the replace-capture scenario, which refuses it', () => {
    const input = pkg(restartStep(''), '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    for (const options of [O, { ...O, scenario: 'refresh' as const }]) {
      const report = revertKb977203(readTaskSequence(input), options);
      const said = report.diagnostics.find((d) => d.code === 'KB977203_REVERT_DEPENDENT_KEPT');
      expect(said?.severity).toBe('info');
      expect(said?.message).not.toContain('replace-capture');
      expect(said?.message).toContain('the preset did not set it');
    }
  });

  it('a sequence with a Setup step and no CCMCertFix step is still said to be one the preset never wrote', () => {
    const input = pkg(setupStep('<variable name="SMSClientInstallProperties" property="ClientInstallProperties" />'), '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    const report = revertKb977203(readTaskSequence(input), O);
    const said = report.diagnostics.find((d) => d.code === 'KB977203_REVERT_DEPENDENT_KEPT');
    expect(said?.severity).toBe('info');
    expect(said?.message).toContain('the preset did not set it');
  });
});

// A revert with the replace-capture scenario clears DependentProgram whoever set it: nothing in a capture sequence
// records it. The apply (and check) now say so where they find it already set, so the administrator can note it.
describe('the replace-capture scenario on a DependentProgram already set', () => {
  it('the apply keeps it and says that a revert will clear it', () => {
    const input = pkg(captureStep, '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    const report = applyKb977203(readTaskSequence(input), { ...O, scenario: 'replace-capture' });
    expect(report.changed).toBe(false);
    const note = report.diagnostics.find((d) => d.code === 'KB977203_DEPENDENT_NOT_REVERSIBLE');
    expect(note?.message).toContain('a revert with the replace-capture scenario clears it');
  });

  it('set by the apply itself (it was empty), it is not said', () => {
    const report = applyKb977203(readTaskSequence(pkg(captureStep)), { ...O, scenario: 'replace-capture' });
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_DEPENDENT_NOT_REVERSIBLE');
  });
});
