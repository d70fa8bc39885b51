// A node that is neither an element (no `tag`) nor one of the four leaf kinds has no XML to print. The writer must
// refuse it with OUTPUT_MALFORMED, as it refuses every other node it cannot write, not fail on printing `undefined`.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, writeTaskSequenceText, type Node } from './helpers/api.js';

const BARE = '<sequence version="3.10"><step type="T" name="A"/><!--c--></sequence>';
const OBJECT_XML = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${BARE}]]></VALUE></PROPERTY></INSTANCE>`;

describe('a node of no kind the writer knows', () => {
  it('is refused with OUTPUT_MALFORMED when added', () => {
    for (const node of [{ kind: 'foo', value: 'x' }, { kind: 'Text', value: 'x' }, { kind: 'step', value: 'x' }]) {
      const doc = readTaskSequence(BARE);
      doc.sequence.children.push(node as unknown as Node);
      expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringContaining(`line 1, column 59 of the output): ${JSON.stringify(node.kind)} is no kind of node`) }));
    }
  });

  it('is refused with OUTPUT_MALFORMED when a node read is given such a kind', () => {
    const doc = readTaskSequence(BARE);
    (doc.sequence.children[1] as { kind: string }).kind = 'remark';
    expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
  });

  it('is refused with OUTPUT_MALFORMED inside a sequence held as text', () => {
    const doc = readTaskSequence(OBJECT_XML);
    doc.sequence.children.push({ kind: 'remark', value: 'x' } as unknown as Node);
    expect(() => writeTaskSequence(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
  });
});

describe('an element whose attributes are not an object', () => {
  it('is refused with OUTPUT_MALFORMED, never written without the attributes it had', () => {
    for (const bad of [null, undefined, 3]) {
      const doc = readTaskSequence(BARE);
      const step = doc.sequence.children[0] as { attributes: unknown };
      step.attributes = bad;
      expect(() => writeTaskSequenceText(doc), String(bad)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringContaining('The attributes of <step> are') }));
    }
    // A new element too, and {} is an element with none.
    const doc = readTaskSequence(BARE);
    doc.sequence.children.push({ kind: 'element', tag: 'x', attributes: null, children: [] } as unknown as Node);
    expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
    (doc.sequence.children[2] as { attributes: unknown }).attributes = {};
    expect(writeTaskSequenceText(doc)).toContain('<x/>');
  });
});
