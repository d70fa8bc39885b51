// A CR in text printed afresh is written `&#xD;`: a conforming reader (MSXML in ConfigMgr among them) makes every
// literal CR an LF (XML 1.0 section 2.11), so a raw CR written for the value 'a\r\nb' said 'a\nb'. Attribute values
// were already written so; text and CDATA were written raw.
import { describe, expect, it } from 'vitest';
import { cdataSection, heldText } from '../lib/xml/entities.js';
import { parseXml } from '../lib/xml/parse.js';
import { readTaskSequence, writeTaskSequenceText, type Element, type Node } from './helpers/api.js';

const xml = '<sequence version="3.00">\n  <step type="a" name="s"><action>cmd</action></step>\n  <step type="b" name="t"><action><![CDATA[x]]></action></step>\n</sequence>\n';

/** Every step of a sequence read from `text`. */
const stepsOf = (text: string) => readTaskSequence(text).sequence.children.filter((c): c is Element & { children: Node[] } => 'tag' in c && c.tag === 'step');
const actionOf = (step: Element & { children: Node[] }) => step.children[0] as { value: string };

/**
 * What a reader that normalises line ends as XML 1.0 requires reads as the value of element content: its literal line
 * ends as LF, then its CDATA sections and references as what they say.
 */
function conformingValue(text: string): string {
  const lf = text.replace(/\r\n?/g, '\n');
  return lf.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').replace(/&#xD;/g, '\r').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

describe('a CR in text printed afresh', () => {
  it.each(['a\r\nb', 'a\rb', '\r', 'a\r', '\r\n\r\n', 'a\nb'])('is written so that the value %j reads back, by cmts and by a conforming reader', (value) => {
    const doc = readTaskSequence(xml);
    const [plain, cdata] = doc.sequence.children.filter((c) => 'tag' in c) as (Element & { children: Node[] })[];
    actionOf(plain as Element & { children: Node[] }).value = value;
    actionOf(cdata as Element & { children: Node[] }).value = value;
    const out = writeTaskSequenceText(doc);
    // The document is written with LF line ends: any CR in it would be one printed for a value.
    expect(out).not.toContain('\r');
    const [a, b] = stepsOf(out);
    expect(actionOf(a as Element & { children: Node[] }).value).toBe(value);
    expect(actionOf(b as Element & { children: Node[] }).value).toBe(value);
    const contents = [...out.matchAll(/<action>([\s\S]*?)<\/action>/g)].map((m) => conformingValue(m[1] as string));
    expect(contents).toEqual([value, value]);
  });

  it('in a new text node reads back as given', () => {
    const doc = readTaskSequence(xml);
    const step = doc.sequence.children.find((c) => 'tag' in c) as Element & { children: Node[] };
    step.children.push({ kind: 'element', tag: 'note', attributes: {}, children: [{ kind: 'text', value: 'one\r\ntwo' }] } as never);
    const out = writeTaskSequenceText(doc);
    expect(out).toContain('<note>one&#xD;\ntwo</note>');
    const note = (stepsOf(out)[0] as { children: Node[] }).children[1] as Element & { children: { value: string }[] };
    expect(note.children[0]?.value).toBe('one\r\ntwo');
  });

  it('in a CDATA section is written between sections, and a section is never empty', () => {
    expect(cdataSection('a\r\nb')).toBe('<![CDATA[a]]>&#xD;<![CDATA[\nb]]>');
    expect(cdataSection('\r')).toBe('&#xD;');
    expect(cdataSection('x]]>\ry')).toBe('<![CDATA[x]]]]><![CDATA[>]]>&#xD;<![CDATA[y]]>');
    expect(cdataSection('a]]\r>b')).toBe('<![CDATA[a]]]]>&#xD;<![CDATA[>b]]>');
    for (const value of ['a\r\nb', '\r', 'x]]>\ry', 'a]]\r>b', '<![CDATA[\r']) {
      const { root } = parseXml(`<a>${cdataSection(value)}</a>`);
      expect((root as Element & { children: { value: string }[] }).children.map((c) => c.value).join('')).toBe(value);
    }
  });
});

describe('line ends the writer keeps raw', () => {
  it('keeps the CR LF of white space between elements, and of text copied unedited', () => {
    const crlf = '<sequence version="3.00">\r\n  <step type="a" name="s"><action>a\r\nb</action></step>\r\n</sequence>\r\n';
    const doc = readTaskSequence(crlf);
    expect(writeTaskSequenceText(doc)).toBe(crlf);
    const step = doc.sequence.children.find((c) => 'tag' in c) as Element;
    step.attributes.name = 'edited';
    expect(writeTaskSequenceText(doc)).toBe(crlf.replace('name="s"', 'name="edited"'));
  });

  it('keeps the line ends of a sequence held as escaped text, which are line ends of that document however read', () => {
    expect(heldText('<sequence>\r\n</sequence>', false, { textQuot: false, textApos: false })).toBe('&lt;sequence&gt;\r\n&lt;/sequence&gt;');
  });
});
