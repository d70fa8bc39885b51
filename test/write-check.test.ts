// Every written document is judged well-formed before it is returned: an edit that would make XML a reader refuses
// fails with OUTPUT_MALFORMED and its place, and nothing is produced.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';
import { checkWrittenBytes } from '../lib/write.js';

const xml = '<sequence version="3.10">\n  <step type="X" name="a"><action>cmd</action></step>\n</sequence>\n';
const firstStep = (doc: ReturnType<typeof readTaskSequence>): Step => doc.sequence.children.find((c) => c.kind === 'step') as Step;

describe('written output is well-formed or refused', () => {
  it.each([
    ['an attribute name with a space', (s: Step) => void (s.attributes['bad name'] = '1')],
    ['a tag that is not a name', (s: Step) => void (s.tag = '1step')],
    ['a control character in an attribute', (s: Step) => void (s.attributes.name = 'a\u0001b')],
    ['a lone surrogate in text', (s: Step) => void s.children.push({ kind: 'text', value: '\ud800' })],
    ['a comment holding --', (s: Step) => void s.children.push({ kind: 'comment', value: 'a -- b' })],
    ['a processing instruction named xml', (s: Step) => void s.children.push({ kind: 'instruction', target: 'xml', value: 'version="1.0"' })],
  ])('refuses %s with OUTPUT_MALFORMED and where it is', (_what, edit) => {
    const doc = readTaskSequence(xml);
    edit(firstStep(doc));
    expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringMatching(/line 2, column \d+ of the output/) }));
    expect(() => writeTaskSequence(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
  });

  it('writes CR and LF in attributes as character references, so they read back as written', () => {
    const doc = readTaskSequence(xml);
    firstStep(doc).attributes.description = 'line 1\r\nline 2';
    const out = writeTaskSequenceText(doc);
    expect(out).toContain('description="line 1&#xD;&#xA;line 2"');
    expect(firstStep(readTaskSequence(out)).attributes.description).toBe('line 1\r\nline 2');
  });

  it('checks bytes in their own encoding without building a tree', () => {
    expect(() => checkWrittenBytes(Buffer.from('<a><b></a>'))).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
    expect(() => checkWrittenBytes(Buffer.from([0x3c, 0x61, 0xff, 0x2f, 0x3e]))).toThrow(expect.objectContaining({ code: 'ENCODING_INVALID' }));
    expect(() => checkWrittenBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')]))).not.toThrow();
  });
});
