// A single-byte document (ISO-8859-1, windows-1252, US-ASCII) holds characters it has no byte for as character
// references. Printed afresh — a cloned step, a name given — such a value was written raw and the write refused
// (ENCODING_INVALID), though the document itself held it; its advice to write a reference could not be followed
// either, since the writer escapes '&'. Text and attribute values printed afresh now carry references for those
// characters, which read back as the same values.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, type Node, type TaskSequenceDocument } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const source = (label: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="${label}"?>\n<sequence version="3.10">\n<step type="X" name="&#x20AC; caf&#xE9; &#x1F600;"><action>&#x20AC; x</action></step>\n</sequence>`,
    'latin1',
  );
const steps = (doc: TaskSequenceDocument) => doc.sequence.children.filter((c) => 'tag' in c && c.tag === 'step') as Extract<Node, { tag: string; children: unknown }>[];

describe('values printed afresh in a single-byte document', () => {
  for (const label of ['ISO-8859-1', 'windows-1252', 'us-ascii']) {
    it(`${label}: a cloned step and a new name read back as the same values, the rest byte for byte`, () => {
      const bytes = source(label);
      const doc = readTaskSequence(bytes);
      const [step] = steps(doc);
      if (!step) throw new Error('no step');
      const clone = structuredClone(step);
      clone.attributes.name = `${clone.attributes.name} \u00e9\u20ac\u0153 \u{1F600}`;
      doc.sequence.children.push(clone);
      const out = Buffer.from(writeTaskSequence(doc));
      const again = readTaskSequence(out);
      expect(again.encoding.encoding).toBe(doc.encoding.encoding);
      expect(steps(again).map((s) => s.attributes.name)).toEqual([step.attributes.name, clone.attributes.name]);
      expect(steps(again).map((s) => (s.children[0] as { value: string }).value)).toEqual(['\u20ac x', '\u20ac x']);
      // What was not edited is copied: the output starts with the input up to its last end tag.
      const head = bytes.subarray(0, bytes.lastIndexOf('\n</sequence>'));
      expect(out.subarray(0, head.length).equals(head)).toBe(true);
    });
  }

  it('an edited attribute of a read element gets the references too', () => {
    const doc = readTaskSequence(source('us-ascii'));
    const [step] = steps(doc);
    if (!step) throw new Error('no step');
    step.attributes.type = 'na\u00efve \u20ac';
    expect(steps(readTaskSequence(writeTaskSequence(doc)))[0]?.attributes.type).toBe('na\u00efve \u20ac');
  });

  it('still refuses such a character in a comment, which cannot hold a reference', () => {
    const doc = readTaskSequence(source('ISO-8859-1'));
    doc.sequence.children.push({ kind: 'comment', value: ' \u20ac ' });
    expect(thrown(() => writeTaskSequence(doc)).code).toBe('ENCODING_INVALID');
  });
});
