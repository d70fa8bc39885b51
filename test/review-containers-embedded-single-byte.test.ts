// A sequence embedded in an object.xml whose own encoding is single-byte (ISO-8859-1, windows-1252, US-ASCII) is
// printed afresh when edited: a character the outer encoding has no byte for must become a character reference in the
// embedded text (which reads back as the character), as the writer does for the outer document's own values, or be
// refused with its place where no reference can stand.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, type Node } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const STEP = '<step type="SMS_TaskSequence_RunCommandLineAction" name="caf&#xE9;"><action>cmd</action></step>';
const objectXml = (label: string, held: (sequence: string) => string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="${label}"?>\r\n<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\r\n  <PROPERTY NAME="Name" TYPE="string">\r\n    <VALUE>caf&#xE9;</VALUE>\r\n  </PROPERTY>\r\n  <PROPERTY NAME="Sequence" TYPE="string">\r\n    <VALUE>${held(`<sequence version="3.10">${STEP}</sequence>`)}</VALUE>\r\n  </PROPERTY>\r\n</INSTANCE>\r\n`,
    'latin1',
  );
const cdata = (s: string) => `<![CDATA[${s}]]>`;
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const step = (doc: ReturnType<typeof readTaskSequence>) => doc.sequence.children.find((c) => 'tag' in c && c.tag === 'step') as Node & { attributes: Record<string, string> };

describe('an edited sequence embedded in a single-byte object.xml', () => {
  for (const label of ['ISO-8859-1', 'windows-1252', 'us-ascii']) {
    for (const [how, hold] of [
      ['in CDATA', cdata],
      ['entity-escaped', escaped],
    ] as const) {
      it(`${label}, ${how}: a name the encoding has no byte for reads back the same`, () => {
        const doc = readTaskSequence(objectXml(label, hold));
        expect(doc.container).toBe('cim-instance');
        const name = 'na\u00efve \u20ac \u0153 \u4e2d \u{1F600}';
        step(doc).attributes.name = name;
        const out = Buffer.from(writeTaskSequence(doc));
        const again = readTaskSequence(out);
        expect(again.encoding).toEqual(doc.encoding);
        expect(step(again).attributes.name).toBe(name);
        // The outer document's text outside the edited value is copied as it was.
        const head = objectXml(label, hold).subarray(0, objectXml(label, hold).indexOf('NAME="Sequence"'));
        expect(out.subarray(0, head.length).equals(head)).toBe(true);
      });
    }
  }

  it('a comment in the embedded sequence with such a character is refused with its place in the tree', () => {
    const doc = readTaskSequence(objectXml('ISO-8859-1', cdata));
    doc.sequence.children.push({ kind: 'comment', value: ' \u4e2d ' });
    const e = thrown(() => writeTaskSequence(doc));
    expect(e.code).toBe('ENCODING_INVALID');
    expect(e.path).toBe('/sequence[1]/comment()[1]');
  });
});
