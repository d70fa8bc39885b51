// A Current Branch object.xml writes a property whose value is null as <PROPERTY> with no <VALUE> (the real export
// has several). set-dependent-program on such a DependentProgram sets it, rather than saying the property is missing.
import { describe, expect, it } from 'vitest';
import { applyTransform, checkTransform, readTaskSequence, writeTaskSequence } from './helpers/api.js';

const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';
const object = (dependent: string) =>
  Buffer.from(
    `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\r\n  <PROPERTY NAME="DependentProgram" CLASSORIGIN="SMS_TaskSequencePackage" TYPE="string">\r\n    <QUALIFIER NAME="CIMTYPE" PROPAGATED="true" TYPE="string" TOINSTANCE="true">\r\n      <VALUE>string</VALUE>\r\n    </QUALIFIER>${dependent}\r\n  </PROPERTY>\r\n  <PROPERTY NAME="Sequence" TYPE="string">\r\n    <VALUE><![CDATA[${SEQ}]]></VALUE>\r\n  </PROPERTY>\r\n</INSTANCE>\r\n`,
  );
const OPTIONS = { packageId: 'ABC00010', programName: 'CCMCertFix' };

describe('set-dependent-program on a null DependentProgram', () => {
  it('gets a <VALUE> laid out like the qualifier, and no warning that the property is missing', () => {
    const doc = readTaskSequence(object(''));
    const check = checkTransform('set-dependent-program', doc, OPTIONS);
    expect(check.diagnostics).toEqual([]);
    expect(check.changed).toBe(true);
    applyTransform('set-dependent-program', doc, OPTIONS);
    expect(doc.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(object('\r\n    <VALUE>ABC00010;;CCMCertFix</VALUE>').toString());
    // A second run finds it in place.
    const again = readTaskSequence(writeTaskSequence(doc));
    expect(applyTransform('set-dependent-program', again, OPTIONS).changed).toBe(false);
  });

  it('an object.xml with no DependentProgram property at all still only warns', () => {
    const doc = readTaskSequence(Buffer.from(`<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`));
    const report = applyTransform('set-dependent-program', doc, OPTIONS);
    expect(report.changed).toBe(false);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['DEPENDENT_PROGRAM_NOT_IN_FILE']);
  });
});
