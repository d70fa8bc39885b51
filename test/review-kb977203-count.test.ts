// Review of b671d2a: the preset's count of what it adds against doc.nodeLimit().
import { describe, expect, it } from 'vitest';
import { applyKb977203, type Kb977203Options, readTaskSequence, writeTaskSequence } from './helpers/api.js';

const OPTIONS: Kb977203Options = { certfixPackage: 'ABC00010', clientPackage: 'CM100002' };
const markupIn = (text: string) => text.split('<').length - 1;
const textOf = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString();
function result(text: string): string {
  const doc = readTaskSequence(text);
  applyKb977203(doc, OPTIONS);
  return textOf(doc);
}

describe('review: the KB977203 count lets no result past the limit a read would refuse', () => {
  it('a Setup step whose install-properties variable is empty and self-closing: setting PATCH adds its end tag', () => {
    const step = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties"/></defaultVarList></step>';
    const text = `<sequence version="3.00">${step.repeat(5)}</sequence>`;
    const out = result(text);
    const n = markupIn(out);
    // The result holds n items: read with n - 1 it is refused, so the apply must be too.
    expect(() => readTaskSequence(out, { maxNodes: n - 1 })).toThrow(/markup items/);
    const doc = readTaskSequence(text, { maxNodes: n - 1 });
    let code: string | undefined;
    try {
      applyKb977203(doc, OPTIONS);
    } catch (e) {
      code = (e as { code?: string }).code;
    }
    expect(code).toBe('INPUT_TOO_LARGE');
  });

  it('a 2007 package export (<SmsTaskSequencePackage>): the wrapper is markup the reader counts too', () => {
    const setup = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"/>';
    const text = `<?xml version="1.0"?><SmsTaskSequencePackage><BootImageID>CM100001</BootImageID><Category/><DependentProgram/><Description/><Duration>360</Duration><Name>T</Name><ProgramFlags>152084496</ProgramFlags><SequenceData><sequence version="3.00">${setup.repeat(5)}</sequence></SequenceData><SourceDate>2010-01-01T00:00:00</SourceDate><SupportedOperatingSystems/><IconSize>0</IconSize></SmsTaskSequencePackage>`;
    const out = result(text);
    const n = markupIn(out);
    expect(() => readTaskSequence(out, { maxNodes: n - 1 })).toThrow(/markup items/);
    const doc = readTaskSequence(text, { maxNodes: n - 1 });
    let code: string | undefined;
    try {
      applyKb977203(doc, OPTIONS);
    } catch (e) {
      code = (e as { code?: string }).code;
    }
    expect(code).toBe('INPUT_TOO_LARGE');
  });
});
