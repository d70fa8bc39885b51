// Markup printed afresh in a single-byte document (ISO-8859-1, windows-1252, US-ASCII) with a character the encoding
// has no byte for. A CDATA section, which cannot hold a reference, was written raw and the encoder refused it with no
// place; it is now split around a reference, which reads back as the same value. A comment, an instruction or a name,
// which cannot hold one either and cannot be split, is still refused (ENCODING_INVALID), now with the node's path and
// place found as it is printed.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, writeTaskSequenceText, type Element, type Node, type TaskSequenceDocument } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const source = (label: string) =>
  Buffer.from(`<?xml version="1.0" encoding="${label}"?>\n<sequence version="3.10">\n<step type="X" name="s"><action><![CDATA[cafe]]></action></step>\n</sequence>`, 'latin1');
const step = (doc: TaskSequenceDocument) => doc.sequence.children.find((c) => 'tag' in c && c.tag === 'step') as Element & { children: Node[] };

describe('CDATA printed afresh in a single-byte document', () => {
  for (const label of ['ISO-8859-1', 'windows-1252', 'us-ascii']) {
    it(`${label}: holds a character the encoding has no byte for as a reference between sections, and reads back`, () => {
      const doc = readTaskSequence(source(label));
      const value = 'a \u20ac\u0153 \u{1F600} ]]> caf\u00e9';
      (step(doc).children[0] as { value: string }).value = value;
      step(doc).children.push({ kind: 'element', tag: 'note', attributes: {}, children: [{ kind: 'cdata', value }] } as never);
      const out = writeTaskSequence(doc);
      const again = step(readTaskSequence(out));
      expect((again.children[0] as { value: string }).value).toBe(value);
      const note = again.children[1] as Element & { children: { value: string }[] };
      expect(note.children.map((c) => c.value).join('')).toBe(value);
    });
  }

  it('keeps a character the encoding has inside the section', () => {
    const doc = readTaskSequence(source('windows-1252'));
    (step(doc).children[0] as { value: string }).value = '\u20ac\u{1F600}';
    expect(writeTaskSequenceText(doc)).toContain('<action><![CDATA[\u20ac]]>&#x1F600;</action>');
  });
});

describe('markup that cannot hold a reference, printed afresh in a single-byte document', () => {
  it.each([
    ['a comment', (s: Element & { children: Node[] }) => void s.children.push({ kind: 'comment', value: ' \u20ac ' }), '/sequence[1]/step[1]/comment()[1]'],
    ['an instruction', (s: Element & { children: Node[] }) => void s.children.push({ kind: 'instruction', target: 'p', value: '\u20ac' }), "/sequence[1]/step[1]/processing-instruction('p')[1]"],
    ['a tag', (s: Element & { children: Node[] }) => void s.children.push({ kind: 'element', tag: 'n\u0151', attributes: {}, children: [] } as never), '/sequence[1]/step[1]/n\u0151[1]'],
    ['an attribute name', (s: Element & { children: Node[] }) => void (s.attributes['n\u0151'] = 'x'), '/sequence[1]/step[1]/@n\u0151'],
  ])('refuses %s with ENCODING_INVALID, its path and, for a node read, its place', (_what, edit, path) => {
    const doc = readTaskSequence(source('ISO-8859-1'));
    edit(step(doc));
    const e = thrown(() => writeTaskSequence(doc));
    expect([e.code, e.path]).toEqual(['ENCODING_INVALID', path]);
    expect(e.message).toMatch(/cannot be written in ISO-8859-1, the document's encoding, and (a comment|a processing instruction|a name) cannot hold a character reference/);
    // An attribute name added to the step read places the error at that step.
    if (path.includes('@')) expect(e.linePos).toEqual({ line: 3, col: 1 });
  });

  it('writes the same markup in UTF-8', () => {
    const doc = readTaskSequence(source('ISO-8859-1').toString('latin1').replace('ISO-8859-1', 'utf-8'));
    step(doc).children.push({ kind: 'comment', value: ' \u20ac ' });
    step(doc).attributes['n\u0151'] = 'x';
    const again = step(readTaskSequence(writeTaskSequence(doc)));
    expect(again.attributes['n\u0151']).toBe('x');
    expect(again.children.some((c) => c.kind === 'comment' && c.value === ' \u20ac ')).toBe(true);
  });
});

describe('a node copied from another document into a single-byte one', () => {
  it('is printed afresh, with references, when its text holds a character this document has no byte for', () => {
    const doc = readTaskSequence(source('ISO-8859-1'));
    const other = readTaskSequence('<sequence version="3.10">\n<group name="\u20ac g"><!-- c --><step type="Y" name="\u20ac s"><action><![CDATA[\u20ac]]></action></step></group>\n</sequence>');
    const group = other.sequence.children.find((c) => 'tag' in c) as Element;
    doc.sequence.children.push(group);
    const out = writeTaskSequence(doc);
    expect(Buffer.from(out).toString('latin1')).toContain('<group name="&#x20AC; g"><!-- c --><step type="Y" name="&#x20AC; s"><action>&#x20AC;</action></step></group>');
    const again = readTaskSequence(out).sequence.children.filter((c) => 'tag' in c);
    expect(again[1]).toEqual(JSON.parse(JSON.stringify(group)));
  });

  it('is copied as it is when its text fits, and one this document cannot hold is refused with its path', () => {
    const doc = readTaskSequence(source('ISO-8859-1'));
    const other = readTaskSequence("<sequence version='3.10'><group name='caf\u00e9'/></sequence>");
    doc.sequence.children.push(other.sequence.children[0] as Node);
    expect(writeTaskSequenceText(doc)).toContain("<group name='caf\u00e9'/>");
    const third = readTaskSequence('<sequence version="3.10"><g\u0151/></sequence>');
    doc.sequence.children.push(third.sequence.children[0] as Node);
    const e = thrown(() => writeTaskSequence(doc));
    expect([e.code, e.path]).toEqual(['ENCODING_INVALID', '/sequence[1]/g\u0151[1]']);
  });
});
