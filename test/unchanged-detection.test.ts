// The writer copies a node's source text only while the node still says what its source says, and writes the bytes
// read themselves when nothing at all changed. Neither keeps a snapshot per node: both compare with the source text.
// Every kind of mutation of the plain tree is tried here; each would make a test fail if it were missed, because the
// output would then read back as the original instead of the mutated tree.
import { describe, expect, it } from 'vitest';
import { isUnchanged, readTaskSequence, writeTaskSequence, type Element, type Node, type XmlDocument } from './helpers/api.js';

const xml = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<!-- exported -->',
  '<sequence version="3.10">',
  '  <globalVarList>',
  '    <variable name="A" property="B">x &amp; y</variable>',
  '    <variable name="C" property="D"><![CDATA[<raw>]]></variable>',
  '    <variable name="E" property="F"></variable>',
  '  </globalVarList>',
  '  <group name="G &amp; H" description="tab\there" extra="a&#xA;b">',
  '    <step type="T" name="S1" runIn="WinPEandFullOS">',
  '      <action>cmd &gt; out</action>',
  '      <?pi some data?>',
  '      <note>text &lt;1&gt; and <![CDATA[cdata]]> <!-- c --></note>',
  '    </step>',
  '    <step type="T" name="S2"/>',
  '    <empty></empty>',
  '  </group>',
  '</sequence>',
  '',
].join('\r\n');

const bytes = (): Uint8Array => new Uint8Array(Buffer.from(xml, 'utf8'));

/** The tree as plain data, element kinds left out (the reader derives them from tags, so they do not round-trip). */
function plain(doc: XmlDocument): unknown {
  return JSON.parse(JSON.stringify(doc, (key, value: unknown) => (key === 'kind' && typeof value === 'string' && value !== 'text' && value !== 'comment' && value !== 'cdata' && value !== 'instruction' && value !== 'document' ? undefined : value)));
}

function find(doc: XmlDocument, test: (n: Node) => boolean): Node {
  const todo: Node[] = [...doc.children];
  while (todo.length) {
    const n = todo.shift() as Node;
    if (test(n)) return n;
    if ('children' in n) todo.push(...n.children);
  }
  throw new Error('not found');
}
const el = (doc: XmlDocument, tag: string, name?: string): Element => find(doc, (n) => 'tag' in n && n.tag === tag && (name === undefined || n.attributes.name === name)) as Element;
const leaf = (doc: XmlDocument, kind: string, value?: string): Node => find(doc, (n) => n.kind === kind && (value === undefined || (n as { value: string }).value === value));

/** A name, the mutation, and (when the tree cannot be read back as such) what the output must say instead. */
type Mutation = [string, (d: XmlDocument) => void, string?];

const mutations: Mutation[] = [
  ['an attribute value, in place', (d) => void (el(d, 'step', 'S1').attributes.name = 'S1b')],
  ['an attribute value to its raw spelling with a reference', (d) => void (el(d, 'group').attributes.name = 'G &amp; H')],
  ['an attribute value to its raw spelling with a tab (read as a space)', (d) => void (el(d, 'group').attributes.description = 'tab\there')],
  ['an attribute value read from a reference to a literal space', (d) => void (el(d, 'group').attributes.extra = 'a b')],
  ['an attribute value to a longer one', (d) => void (el(d, 'variable', 'A').attributes.property = 'BBBB')],
  ['an attribute removed', (d) => {
    delete el(d, 'step', 'S1').attributes.runIn;
  }],
  ['the last attribute removed', (d) => {
    delete el(d, 'sequence').attributes.version;
  }],
  ['an attribute added', (d) => void (el(d, 'step', 'S2').attributes.extra = 'z')],
  ['an attribute added to an element without any', (d) => void (el(d, 'globalVarList').attributes.a = 'b')],
  ['attributes reordered', (d) => {
    const a = el(d, 'step', 'S1').attributes;
    const type = a.type as string;
    delete a.type;
    a.type = type;
  }],
  ['an attribute renamed to a prefix of its name', (d) => {
    const a = el(d, 'variable', 'A').attributes;
    delete a.property;
    a.prop = 'B';
  }],
  ['the attributes object replaced by another content', (d) => void (el(d, 'variable', 'A').attributes = { name: 'A' })],
  ['a tag, in place', (d) => void (el(d, 'step', 'S2').tag = 'stop')],
  ['a tag to a prefix', (d) => void (el(d, 'globalVarList').tag = 'globalVar'), '<globalVar>\r\n    <variable name="A"'],
  ['a tag of an element with content', (d) => void (el(d, 'note').tag = 'notes')],
  ['a text value', (d) => void ((leaf(d, 'text', '\n  ') as { value: string }).value = '\n    ')],
  // White space read from this CRLF file says LF; given the CR LF it is written with, it says a CR more.
  ['a text value to its raw spelling with a CR', (d) => void ((leaf(d, 'text', '\n  ') as { value: string }).value = '\r\n  ')],
  ['a text value to its raw spelling', (d) => {
    const note = el(d, 'note') as Element & { children: Node[] };
    (note.children[0] as { value: string }).value = 'text &lt;1&gt; and ';
  }],
  ['a text node turned into a comment', (d) => void ((leaf(d, 'text', '\n  ') as { kind: string }).kind = 'comment')],
  ['a comment value', (d) => void ((leaf(d, 'comment', ' exported ') as { value: string }).value = ' changed ')],
  ['a comment turned into text', (d) => void ((leaf(d, 'comment', ' c ') as { kind: string }).kind = 'text'), ']]>  c </note>'],
  ['a CDATA value', (d) => void ((leaf(d, 'cdata', 'cdata') as { value: string }).value = 'other')],
  ['a CDATA section turned into text', (d) => void ((leaf(d, 'cdata', 'cdata') as { kind: string }).kind = 'text'), 'text &lt;1&gt; and cdata <!-- c -->'],
  ['an instruction value', (d) => void ((leaf(d, 'instruction', 'some data') as { value: string }).value = 'other')],
  ['an instruction target', (d) => void ((leaf(d, 'instruction', 'some data') as { target: string }).target = 'p')],
  ['the XML declaration', (d) => void ((leaf(d, 'instruction', 'version="1.0" encoding="utf-8"') as { value: string }).value = 'version="1.0"')],
  ['a value element value', (d) => void ((el(d, 'action') as { value: string }).value = 'cmd')],
  ['a value element value to its raw spelling', (d) => void ((el(d, 'action') as { value: string }).value = 'cmd &gt; out')],
  ['a value element value read from CDATA', (d) => void ((el(d, 'variable', 'C') as { value: string }).value = '<other>')],
  ['an empty value element given a value', (d) => void ((el(d, 'variable', 'E') as { value: string }).value = 'v')],
  ['a value element turned into a parent', (d) => {
    const v = el(d, 'action') as unknown as { value?: string; children?: Node[] };
    delete v.value;
    v.children = [{ kind: 'comment', value: 'x' }];
  }],
  ['a parent turned into a value element', (d) => {
    const n = el(d, 'note') as unknown as { value?: string; children?: Node[] };
    delete n.children;
    n.value = 'plain';
  }, '<note>plain</note>'],
  ['a child removed', (d) => void (el(d, 'globalVarList') as Element & { children: Node[] }).children.splice(1, 2)],
  ['a whitespace child removed', (d) => void (el(d, 'group') as Element & { children: Node[] }).children.splice(0, 1)],
  ['a child added', (d) => void (el(d, 'empty') as Element & { children: Node[] }).children.push({ kind: 'text', value: 'new' })],
  ['a child added to a self-closing element', (d) => void (el(d, 'step', 'S2') as Element & { children: Node[] }).children.push({ kind: 'text', value: 'new' })],
  ['children reordered', (d) => void (el(d, 'step', 'S1') as Element & { children: Node[] }).children.reverse()],
  ['a child moved to another parent', (d) => {
    const from = el(d, 'globalVarList') as Element & { children: Node[] };
    (el(d, 'empty') as Element & { children: Node[] }).children.push(...from.children.splice(1, 2));
  }, '<empty><variable name="A" property="B">x &amp; y</variable>\r\n    </empty>'],
  ['a node replaced by a copy that differs', (d) => {
    const g = el(d, 'globalVarList') as Element & { children: Node[] };
    g.children[1] = { ...(g.children[1] as Element), attributes: { name: 'A', property: 'Z' } };
  }],
  ['the root children replaced', (d) => void d.children.splice(0, 2)],
];

describe('the writer detects every kind of mutation of the plain tree', () => {
  it('writes the bytes read themselves, not a copy, when nothing changed', () => {
    const input = bytes();
    const doc = readTaskSequence(input);
    expect(isUnchanged(doc.sequence)).toBe(true);
    const out = writeTaskSequence(doc);
    expect(Buffer.from(out).equals(Buffer.from(input))).toBe(true);
    expect(out.buffer).toBe(input.buffer);
  });

  it('encodes afresh when the bytes read were changed by their owner after reading', () => {
    const input = bytes();
    const original = Buffer.from(input);
    const doc = readTaskSequence(input);
    input[input.indexOf(0x53 /* S */)] = 0x58;
    const out = writeTaskSequence(doc);
    expect(out.buffer).not.toBe(input.buffer);
    expect(Buffer.from(out).equals(original)).toBe(true);
  });

  it('keeps the bytes exact for UTF-16 with a BOM and for a document read from a string', () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('utf-8', 'utf-16'), 'utf16le')]));
    const doc16 = readTaskSequence(utf16);
    expect(writeTaskSequence(doc16).buffer).toBe(utf16.buffer);
    const fromString = readTaskSequence(xml);
    expect(Buffer.from(writeTaskSequence(fromString)).toString('utf8')).toBe(xml);
  });

  it.each(mutations)('%s', (_, mutate, says) => {
    const input = bytes();
    const doc = readTaskSequence(input);
    const count = doc.xml.children.length;
    mutate(doc.xml);
    const out = Buffer.from(writeTaskSequence(doc));
    expect(out.equals(Buffer.from(input))).toBe(false);
    expect(doc.xml.children.length === count && doc.xml.children.every((c) => isUnchanged(c))).toBe(false);
    // The output says what the mutated tree says.
    if (says) expect(out.toString('utf8')).toContain(says);
    else expect(plain(readTaskSequence(out).xml)).toEqual(plain(doc.xml));
  });

  it('an edit undone, an equal object put in place and an element kind changed write the input bytes', () => {
    const input = bytes();
    const doc = readTaskSequence(input);
    const step = el(doc.xml, 'step', 'S1');
    step.attributes.name = 'other';
    step.attributes.name = 'S1';
    step.attributes = { ...step.attributes };
    (step as { kind: string }).kind = 'group';
    const list = el(doc.xml, 'globalVarList') as Element & { children: Node[] };
    list.children = [...list.children];
    const out = writeTaskSequence(doc);
    expect(out.buffer).toBe(input.buffer);
  });
});
