// What the writer prints afresh looks like its neighbours: the style is what the reader counted of the text the
// document was read from (not a walk over the tree), and shared by every document read from that text.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequenceText, type Element, type Node } from './helpers/api.js';
import { parseXml } from '../lib/xml/parse.js';
import { styleOf } from '../lib/xml/style.js';

/** The style the writer uses for a document read from `text`. */
const styleOfText = (text: string) => styleOf(parseXml(text).document);

describe('the style learnt from a text', () => {
  it('takes the quote of each start tag’s first attribute, not of a quote inside a value', () => {
    expect(styleOfText(`<a x='1' y="2"><b z='"'/><c w='3'/></a>`).quote).toBe("'");
    expect(styleOfText(`<a x="1" y='2'><b z="'"/><c w="3"/></a>`).quote).toBe('"');
  });

  it('does not end a start tag at a > inside a quoted value', () => {
    const style = styleOfText(`<a><b c="x > y" /><d e='>'></d></a>`);
    expect(style.emptyByTag.get('b')).toBe(' />');
    expect(style.emptyByTag.get('d')).toBe('pair');
  });

  it('knows each tag’s empty form, and for the rest the form most tags use', () => {
    const style = styleOfText('<a>\n<b/>\n<c />\n<c />\n<d></d>\n<e>x</e>\n<f><g/></f>\n</a>');
    expect(Object.fromEntries(style.emptyByTag)).toEqual({ b: '/>', c: ' />', d: 'pair', g: '/>' });
    expect(style.emptyDefault).toBe('/>');
    expect(styleOfText('<a><b></b><c></c><d/></a>').emptyDefault).toBe('pair');
    // Tags, not elements, are counted: many empty <v></v> do not outvote two other tags.
    expect(styleOfText('<a><v></v><v></v><v></v><x/><y/></a>').emptyDefault).toBe('/>');
    // A tie goes to the form seen first.
    expect(styleOfText('<a><x /><v></v></a>').emptyDefault).toBe(' />');
  });

  it('counts the newline of white space between markup, never inside comments, CDATA or instructions', () => {
    expect(styleOfText('<a>\r\n<b/>\r\n<c/>\n</a>').newline).toBe('\r\n');
    expect(styleOfText('<a>\n<b/>\n<c/>\r\n</a>').newline).toBe('\n');
    expect(styleOfText('<a><!--\n\n--><?p \n\n?><b><![CDATA[\n\n]]></b></a>').newline).toBe('');
  });

  it('escapes quotes in text only where the text always did', () => {
    expect(styleOfText('<a><b>say &quot;x&quot;</b><c>&quot;</c></a>').textQuot).toBe(true);
    expect(styleOfText('<a><b>say &quot;x&quot;</b><c>"</c></a>').textQuot).toBe(false);
    expect(styleOfText(`<a x="&quot;"><b>&apos;</b><![CDATA[']]></a>`).textApos).toBe(false);
    expect(styleOfText(`<a x="'"><b>&apos;</b></a>`).textApos).toBe(true);
  });

  it('is learnt once per text read (a second read learns its own)', () => {
    const text = "<sequence version='3.10'>\r\n  <step type='T' name='a'/>\r\n</sequence>\r\n";
    const one = readTaskSequence(text);
    const two = readTaskSequence(text);
    expect(styleOf(one.xml)).toBe(styleOf(one.xml));
    expect(styleOf(one.xml)).not.toBe(styleOf(two.xml));
  });
});

describe('the style of a document built in memory', () => {
  it('is that of the text its first node read from a text came from, or the newline of its white space', () => {
    const read = readTaskSequence("<sequence version='3.10'>\r\n  <step type='T' name='a' />\r\n</sequence>\r\n");
    const built = { kind: 'document' as const, children: [{ kind: 'element', tag: 'sequence', attributes: {}, children: [{ kind: 'text', value: '\n  ' }, read.sequence.children[1] as Node] } as Node] };
    expect(styleOf(built)).toBe(styleOf(read.xml));
    expect(styleOf(built)).toMatchObject({ quote: "'", newline: '\r\n' });
    const bare = { kind: 'document' as const, children: [{ kind: 'element', tag: 'a', attributes: {}, children: [{ kind: 'text', value: '\n  ' }, { kind: 'element', tag: 'b', attributes: {}, children: [] }] } as Node] };
    expect(styleOf(bare)).toMatchObject({ quote: '"', newline: '\n', emptyDefault: '/>' });
  });
});

describe('printed nodes follow it', () => {
  it('a new step in a single-quoted, CRLF, " />" document is written the same way', () => {
    const text = "<sequence version='3.10'>\r\n  <group name='g'>\r\n    <step type='T' name='a' />\r\n  </group>\r\n</sequence>\r\n";
    const doc = readTaskSequence(text);
    const group = doc.sequence.children.find((c): c is Element & { children: Node[] } => 'tag' in c && c.tag === 'group') as Element & { children: Node[] };
    group.children.push({ kind: 'text', value: '  ' }, { kind: 'step', tag: 'step', attributes: { type: 'U', name: 'b' }, children: [] } as unknown as Node, { kind: 'text', value: '\r\n  ' });
    const out = writeTaskSequenceText(doc);
    expect(out).toContain("<step type='U' name='b' />");
    expect(out.startsWith(text.slice(0, text.indexOf('  </group>')))).toBe(true);
  });
});
