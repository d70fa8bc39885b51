// An edit the writer refuses (OUTPUT_MALFORMED) says where it is as data, as a read error does: `path` is the XPath of
// the node at fault in the tree being written, and `range` and `linePos` are where that node was read in the file (for
// a node created since there is no such place). The place was only in the message text, so a script had to parse it.
import { describe, expect, it } from 'vitest';
import { printDocument } from '../lib/xml/print.js';
import { readTaskSequence, writeTaskSequence, writeTaskSequenceText, type Element, type Node } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const xml = [
  '<?xml version="1.0"?>',
  '<sequence version="3.00">',
  '  <group name="g">',
  '    <step type="a" name="s1"><action>x</action></step>',
  '    <!--c-->',
  '    <step type="a" name="s2"><action>x</action></step>',
  '  </group>',
  '</sequence>',
  '',
].join('\r\n');

const group = (doc: ReturnType<typeof readTaskSequence>): Element & { children: Node[] } => doc.sequence.children.find((c) => 'tag' in c && c.tag === 'group') as Element & { children: Node[] };
const steps = (doc: ReturnType<typeof readTaskSequence>) => group(doc).children.filter((c): c is Element & { children: Node[] } => 'tag' in c && c.tag === 'step');

describe('a refused edit carries its place as data', () => {
  it('names the attribute at fault by its path and places its element where it was read', () => {
    const doc = readTaskSequence(xml, { file: 'ts.xml' });
    const step = steps(doc)[1] as Element;
    step.attributes.name = 'a\u0001b';
    const e = thrown(() => writeTaskSequenceText(doc));
    expect(e.code).toBe('OUTPUT_MALFORMED');
    expect(e.path).toBe('/sequence[1]/group[1]/step[2]/@name');
    expect(e.linePos).toEqual({ line: 6, col: 5 });
    expect(e.linePos).toEqual(doc.positionOf(step));
    expect(xml.slice(...(e.range as [number, number]))).toBe('<step type="a" name="s2"><action>x</action></step>');
    // The message is as it was: the place in the output it would have been written at.
    expect(e.message).toBe('The edited document would not be well-formed XML (line 6, column 5 of the output): Character U+0001 is not allowed in XML. Nothing is written.');
    expect(e.toJSON()).toMatchObject({ path: '/sequence[1]/group[1]/step[2]/@name', line: 6, col: 5 });
    expect(thrown(() => writeTaskSequence(doc)).path).toBe('/sequence[1]/group[1]/step[2]/@name');
  });

  it('names an attribute whose name is no XML name by its position', () => {
    const doc = readTaskSequence(xml);
    (steps(doc)[0] as Element).attributes['a b'] = 'x';
    const e = thrown(() => writeTaskSequenceText(doc));
    expect([e.path, e.linePos]).toEqual(['/sequence[1]/group[1]/step[1]/@*[3]', { line: 4, col: 5 }]);
  });

  it('places an edited comment and a value element where they were read', () => {
    const doc = readTaskSequence(xml);
    const comment = group(doc).children.find((c) => c.kind === 'comment') as { value: string };
    comment.value = 'a--b';
    let e = thrown(() => writeTaskSequenceText(doc));
    expect([e.path, e.linePos, xml.slice(...(e.range as [number, number]))]).toEqual(['/sequence[1]/group[1]/comment()[1]', { line: 5, col: 5 }, '<!--c-->']);
    comment.value = 'c';
    const action = (steps(doc)[0] as { children: Node[] }).children[0] as { value: string };
    action.value = '\u0000';
    e = thrown(() => writeTaskSequenceText(doc));
    expect([e.path, e.linePos]).toEqual(['/sequence[1]/group[1]/step[1]/action[1]', { line: 4, col: 30 }]);
  });

  it('gives a node created since its path but no place in the file', () => {
    const doc = readTaskSequence(xml);
    group(doc).children.push({ kind: 'comment', value: '--' });
    let e = thrown(() => writeTaskSequenceText(doc));
    expect([e.path, e.range, e.linePos]).toEqual(['/sequence[1]/group[1]/comment()[2]', undefined, undefined]);
    group(doc).children.pop();
    group(doc).children.splice(1, 0, null as never);
    e = thrown(() => writeTaskSequenceText(doc));
    expect([e.path, e.linePos]).toEqual(['/sequence[1]/group[1]/node()[2]', undefined]);
    group(doc).children.splice(1, 1);
    doc.xml.children.push({ kind: 'element', tag: 'extra', attributes: {}, children: [] } as never);
    e = thrown(() => writeTaskSequenceText(doc));
    expect([e.path, e.message]).toEqual(['/extra[1]', expect.stringMatching(/A second root element/)]);
  });

  it('places a child that is no node where it would have been printed, not at its parent', () => {
    const doc = readTaskSequence(xml);
    group(doc).children.push(null as never);
    const e = thrown(() => writeTaskSequenceText(doc));
    expect([e.path, e.message]).toEqual(['/sequence[1]/group[1]/node()[8]', 'The edited document would not be well-formed XML (line 7, column 3 of the output): A child of <group> is null, not a node, so it cannot be written. Nothing is written.']);
  });

  it('counts text as XPath does: a run of text and CDATA is one text node', () => {
    const doc = readTaskSequence('<sequence version="3.00"><x>a<![CDATA[b]]><!--c-->d</x></sequence>');
    const x = doc.sequence.children[0] as Element & { children: Node[] };
    (x.children[3] as { value: string }).value = '\uFFFF';
    expect(thrown(() => writeTaskSequenceText(doc)).path).toBe('/sequence[1]/x[1]/text()[2]');
  });

  it('gives the path also when the tree is printed unjudged (printDocument) and cannot be', () => {
    const doc = readTaskSequence(xml);
    const step = steps(doc)[0] as Element & { children: Node[] };
    step.children.push({ kind: 'strange', value: 'x' } as never);
    expect(thrown(() => printDocument(doc.xml)).path).toBe('/sequence[1]/group[1]/step[1]/node()[2]');
    step.children.pop();
    step.children.push(step);
    const e = thrown(() => printDocument(doc.xml));
    expect([e.code, e.path]).toEqual(['OUTPUT_MALFORMED', '/sequence[1]/group[1]/step[1]/step[1]']);
  });

  it('places a node of a sequence embedded in CDATA in the outer file', () => {
    const inner = '<sequence version="3.10">\n  <step type="a" name="s"><action>x</action></step>\n</sequence>';
    const outer = `<?xml version="1.0" encoding="utf-8"?>\n<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\n  <PROPERTY NAME="Sequence" TYPE="string">\n    <VALUE><![CDATA[${inner}]]></VALUE>\n  </PROPERTY>\n</INSTANCE>\n`;
    const doc = readTaskSequence(outer);
    expect(doc.embedded).toBeDefined();
    const step = doc.sequence.children.find((c) => 'tag' in c) as Element;
    step.attributes.name = '\u0002';
    const e = thrown(() => writeTaskSequenceText(doc));
    expect(e.path).toBe('/sequence[1]/step[1]/@name');
    expect(e.linePos).toEqual({ line: 5, col: 3 });
    expect(outer.slice(...(e.range as [number, number]))).toBe('<step type="a" name="s"><action>x</action></step>');
  });
});
