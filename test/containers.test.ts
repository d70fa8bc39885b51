import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSteps, findVariable, readTaskSequence, SetupWindowsStep, STEP_TYPES, writeTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, 'roundtrip', name));
const setup = (doc: ReturnType<typeof readTaskSequence>) =>
  new SetupWindowsStep(findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr })[0]!.node);

describe('containers', () => {
  it('2007 export: properties, the sequence inside SequenceData, CRLF kept on edit', () => {
    const bytes = fixture('sms-package-2007-crlf.xml');
    const doc = readTaskSequence(bytes);
    expect(doc.container).toBe('sms-package');
    expect(doc.properties()).toMatchObject({ Name: 'Windows 7 Refresh', DependentProgram: '', ProgramFlags: '152084496', Category: '' });
    expect(setup(doc).clientPackageId).toBe('ABC00002');
    doc.setProperty('DependentProgram', 'ABC00010;;CCMCertFix');
    setup(doc).clientInstallProperties = 'SMSSLP=SLP01';
    const expected = bytes
      .toString('utf8')
      .replace('<DependentProgram />', '<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>')
      .replace('>SMSSLP=SLP01 FSP=FSP01<', '>SMSSLP=SLP01<');
    expect(writeTaskSequenceText(doc)).toBe(expected);
  });

  it('2007 export: a missing property element is added in the export order, laid out like the others', () => {
    const text = fixture('sms-package-2007-crlf.xml').toString('utf8').replace('  <DependentProgram />\r\n', '');
    const doc = readTaskSequence(text);
    doc.setProperty('DependentProgram', 'X;;Y');
    expect(writeTaskSequenceText(doc)).toBe(text.replace('  <Category />\r\n', '  <Category />\r\n  <DependentProgram>X;;Y</DependentProgram>\r\n'));
  });

  it('object.xml with an entity-escaped sequence: edits are escaped back the same way', () => {
    const bytes = fixture('cim-instance-escaped.xml');
    const doc = readTaskSequence(bytes);
    expect(doc.container).toBe('cim-instance');
    expect(doc.getProperty('DependentProgram')).toBe('');
    const view = setup(doc);
    expect(view.clientInstallProperties).toContain('PATCH="C:\\_SMSTaskSequence');
    view.clientPackageId = 'ABC00099';
    const out = writeTaskSequenceText(doc);
    expect(out).toBe(bytes.toString('utf8').replace('&gt;ABC00002&lt;', '&gt;ABC00099&lt;'));
  });

  it('a bare sequence has no properties and says so when asked to set one', () => {
    const doc = readTaskSequence(fixture('bare-one-line-utf16le.xml'));
    expect(doc.container).toBe('sequence');
    expect(doc.properties()).toEqual({});
    expect(() => doc.setProperty('DependentProgram', 'X;;Y')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_CONTAINER' }));
  });

  it('setting the property that holds the sequence is refused, and the sequence stays (it was replaced by the text)', () => {
    for (const [name, property] of [
      ['sms-package-2007-crlf.xml', 'SequenceData'],
      ['cim-instance-escaped.xml', 'Sequence'],
    ] as const) {
      const bytes = fixture(name);
      const doc = readTaskSequence(bytes);
      expect(() => doc.setProperty(property, 'x')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
      expect(Buffer.from(writeTaskSequence(doc)).equals(bytes)).toBe(true);
    }
  });

  it('every XML spelling survives an edit elsewhere; a CDATA value stays CDATA when edited', () => {
    const bytes = fixture('spellings.xml');
    const doc = readTaskSequence(bytes);
    const step = findSteps(doc.sequence, { name: 'Entities' })[0]!.node as Step;
    expect(step.attributes.description).toBe('line1\r\nline2\ttab');
    const cmd = findVariable(step, 'CommandLine')!;
    expect(cmd.value).toBe('cmd.exe /c echo "a" > b && echo <c>');
    cmd.value = 'cmd.exe /c echo ]]> done';
    expect(writeTaskSequenceText(doc)).toBe(
      bytes.toString('utf8').replace('<![CDATA[cmd.exe /c echo "a" > b && echo <c>]]>', '<![CDATA[cmd.exe /c echo ]]]]><![CDATA[> done]]>'),
    );
    const unknown = findSteps(doc.sequence, { type: 'Custom_Vendor_Action' })[0]!.node;
    expect(unknown.children[0]).toMatchObject({ kind: 'element', tag: 'vendorData' });
  });

  it('an edited UTF-16BE file is written back as UTF-16BE with its BOM', () => {
    const bytes = fixture('bare-one-line-utf16be.xml');
    const doc = readTaskSequence(bytes);
    setup(doc).clientPackageId = 'ABC00003';
    const out = Buffer.from(writeTaskSequence(doc));
    expect(out.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect(Buffer.from(out.subarray(2)).swap16().toString('utf16le')).toBe(
      Buffer.from(bytes.subarray(2)).swap16().toString('utf16le').replace('>ABC00002<', '>ABC00003<'),
    );
  });
});
