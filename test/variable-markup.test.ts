// A step variable that holds a comment or a processing instruction besides its text is kept as the reader found it
// (an element with children, so its bytes survive). Reading it gives its text; rewriting it is refused with a typed
// error, because a writer that took it for missing added a second variable of the same name (the KB977203 preset
// appended a second SMSClientInstallProperties holding only PATCH), and one that replaced it lost the comment.
import { describe, expect, it } from 'vitest';
import { applyKb977203, getVariableValue, lint, readTaskSequence, setVariable, type Step } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const setup = (properties: string) => `<?xml version="1.0" encoding="utf-8"?>
<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <BootImageID>CM100004</BootImageID>
  <Category />
  <DependentProgram />
  <Description />
  <Duration>360</Duration>
  <Name>Refresh</Name>
  <ProgramFlags>152084496</ProgramFlags>
  <SequenceData>
    <sequence version="3.00">
      <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0 3010">
        <action>OSDSetupWindows.exe</action>
        <defaultVarList>
          <variable name="SMSClientInstallProperties" property="ClientInstallProperties">${properties}</variable>
          <variable name="_SMSClientPackageID" property="ClientPackageID">CM100002</variable>
        </defaultVarList>
      </step>
    </sequence>
  </SequenceData>
  <SourceDate>2010-01-19T17:05:27</SourceDate>
</SmsTaskSequencePackage>
`;
const OPTIONS = { certfixPackage: 'ABC00010', clientVersion: 'sp2' as const, drive: 'C:' };

describe('a step variable with markup besides its text', () => {
  for (const markup of ['<!-- site 1 -->', '<?note site 1?>']) {
    it(`${markup}: read as its text, never rewritten or doubled`, () => {
      const text = setup(`SMSSLP=SLP01 ${markup}FSP=FSP01`);
      const doc = readTaskSequence(text);
      const step = (doc.steps()[0] as { node: Step }).node;
      expect(getVariableValue(step, 'ClientInstallProperties')).toBe('SMSSLP=SLP01 FSP=FSP01');
      // The preset refuses before any edit: before, it appended a second variable holding only PATCH.
      const e = thrown(() => applyKb977203(doc, OPTIONS));
      expect(e.code).toBe('VARIABLE_HAS_MARKUP');
      expect(e.message).toContain('"SMSClientInstallProperties" of step "Setup Windows and ConfigMgr"');
      expect(Buffer.from(doc.toBytes()).toString('utf8')).toBe(text);
      expect(() => setVariable(step, 'ClientInstallProperties', 'x')).toThrow(/holds a comment or processing instruction/);
      expect(Buffer.from(doc.toBytes()).toString('utf8')).toBe(text);
      // Reading commands still read it.
      expect(() => lint(doc)).not.toThrow();
    });
  }

  it('a variable of text and CDATA only is a value as before, and the preset edits it', () => {
    const doc = readTaskSequence(setup('SMSSLP=SLP01 FSP=FSP01'));
    const report = applyKb977203(doc, OPTIONS);
    expect(report.changed).toBe(true);
    const step = (doc.steps()[0] as { node: Step }).node;
    expect(getVariableValue(step, 'ClientInstallProperties')).toMatch(/^SMSSLP=SLP01 FSP=FSP01 PATCH="C:\\_SMSTaskSequence\\OSD\\CM100002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86\.msp"$/);
    expect(Buffer.from(doc.toBytes()).toString('utf8').match(/SMSClientInstallProperties/g)).toHaveLength(1);
  });
});
