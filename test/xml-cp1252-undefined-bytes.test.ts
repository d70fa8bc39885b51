// windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). cmts reads them as the C1 controls of the
// same number, as Windows and the WHATWG table do, and copies them as read; but it wrote those controls back as the
// same raw bytes, which strict decoders (iconv, Python's cp1252 and so expat through it) refuse. Written afresh they
// are now character references, as any character the encoding has no byte for, and refused where none can be written.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, type Node } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const head = '<?xml version="1.0" encoding="windows-1252"?>\n';
const bytesOf = (text: string) => Buffer.from(head + text, 'latin1');
const rawUndefined = (out: Uint8Array) => [...out].filter((b) => UNDEFINED.includes(b));
type Parent = Extract<Node, { children: unknown }>;
const firstStep = (children: Node[]) => children.find((c) => 'tag' in c && c.tag === 'step') as Parent;

describe('windows-1252: the five undefined bytes', () => {
  it('are read as their C1 controls and, unedited, copied byte for byte', () => {
    const input = bytesOf('<sequence a="\x81\x8f"><step name="\x90">\x8d\x9d</step></sequence>');
    const doc = readTaskSequence(input);
    expect(doc.sequence.attributes.a).toBe('\u0081\u008f');
    const step = firstStep(doc.sequence.children);
    expect(step.attributes.name).toBe('\u0090');
    expect(Buffer.from(writeTaskSequence(doc)).equals(input)).toBe(true);
  });

  it('written afresh, in an attribute or text, are character references that read back as the same characters', () => {
    const doc = readTaskSequence(bytesOf('<sequence>\n  <step name="a"><action>x</action></step>\n</sequence>\n'));
    const step = firstStep(doc.sequence.children);
    step.attributes.name = 'x\u0081y\u0090z \u20ac';
    const action = step.children[0] as { value: string };
    action.value = '\u009d\u008d \u0153';
    const out = writeTaskSequence(doc);
    expect(rawUndefined(out)).toEqual([]);
    const text = Buffer.from(out).toString('latin1');
    expect(text).toContain('name="x&#x81;y&#x90;z \x80"');
    // The characters the code page defines stay bytes: the euro sign is 0x80, the oe ligature 0x9C.
    expect(text).toContain('<action>&#x9D;&#x8D; \x9c</action>');
    const again = readTaskSequence(out);
    const back = firstStep(again.sequence.children);
    expect(back.attributes.name).toBe(step.attributes.name);
    expect((back.children[0] as { value: string }).value).toBe(action.value);
  });

  it('in a CDATA section, read back as the same text with no raw undefined byte', () => {
    const doc = readTaskSequence(bytesOf('<sequence><step name="a"><![CDATA[old]]></step></sequence>'));
    const step = firstStep(doc.sequence.children);
    (step.children[0] as { value: string }).value = 'a\u008fb<c>';
    const out = writeTaskSequence(doc);
    expect(rawUndefined(out)).toEqual([]);
    const back = firstStep(readTaskSequence(out).sequence.children);
    expect(back.children.map((c) => ('value' in c ? c.value : '')).join('')).toBe('a\u008fb<c>');
  });

  it('in a comment, where no reference can be written, refused rather than written as a byte strict readers refuse', () => {
    const doc = readTaskSequence(bytesOf('<sequence><!--old--></sequence>'));
    (doc.sequence.children[0] as { value: string }).value = 'note \u0081';
    expect(thrown(() => writeTaskSequence(doc)).message).toMatch(/U\+0081/);
  });
});

describe('windows-1252 text given as a string', () => {
  it('holding the control of an undefined byte is taken, and written back as the byte it was read from', () => {
    const text = `${head}<sequence a="\u0081"/>`;
    const doc = readTaskSequence(text);
    expect(doc.sequence.attributes.a).toBe('\u0081');
    expect(Buffer.from(writeTaskSequence(doc)).equals(Buffer.from(text, 'latin1'))).toBe(true);
  });
});
