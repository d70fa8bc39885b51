// A 2007 export that lacks a property and every property before it in the export order: the new element goes
// before the first property that comes after it, not after <SequenceData> at the end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTransform, readTaskSequence, writeTaskSequenceText } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const original = readFileSync(join(FIXTURES_DIR, 'roundtrip', 'sms-package-2007-crlf.xml'), 'utf8');
const OPTIONS = { packageId: 'ABC00010', programName: 'CCMCertFix' };

describe('a property added to a 2007 export with none before it', () => {
  it('DependentProgram goes before Description, laid out like it (CRLF, indent)', () => {
    const text = original.replace('  <BootImageID>ABC00001</BootImageID>\r\n  <Category />\r\n  <DependentProgram />\r\n', '');
    const doc = readTaskSequence(text);
    applyTransform('set-dependent-program', doc, OPTIONS);
    expect(writeTaskSequenceText(doc)).toBe(text.replace('  <Description>', '  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\r\n  <Description>'));
    expect(applyTransform('set-dependent-program', readTaskSequence(writeTaskSequenceText(doc)), OPTIONS).changed).toBe(false);
  });

  it('on one line too', () => {
    const text = '<SmsTaskSequencePackage><Name>x</Name><SequenceData><sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence></SequenceData></SmsTaskSequencePackage>';
    const doc = readTaskSequence(text);
    doc.setProperty('BootImageID', 'ABC00001');
    expect(writeTaskSequenceText(doc)).toBe(text.replace('<Name>', '<BootImageID>ABC00001</BootImageID><Name>'));
  });

  it('a property that comes after every one present still goes last', () => {
    const text = '<SmsTaskSequencePackage><Name>x</Name><SequenceData><sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence></SequenceData></SmsTaskSequencePackage>';
    const doc = readTaskSequence(text);
    doc.setProperty('IconSize', '0');
    expect(writeTaskSequenceText(doc)).toBe(text.replace('</SmsTaskSequencePackage>', '<IconSize>0</IconSize></SmsTaskSequencePackage>'));
  });
});
