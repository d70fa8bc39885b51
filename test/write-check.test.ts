// Every written document is judged well-formed before it is returned: an edit that would make XML a reader refuses
// fails with OUTPUT_MALFORMED and its place, and nothing is produced.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, writeTaskSequenceText, type Element, type Node, type Step } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';
import { printDocument } from '../lib/xml/print.js';
import { checkWellFormed } from '../lib/xml/parse.js';
import { embeddedOverride } from '../lib/containers/embedded.js';
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
    // Values that are no string: printed, they would read back as the text "undefined" (or, after an instruction's
    // target, as part of the target: <?pundefined?>), or fail with no typed error.
    ['a comment with no value', (s: Step) => void s.children.push({ kind: 'comment' } as never)],
    ['an instruction with no value', (s: Step) => void s.children.push({ kind: 'instruction', target: 'p' } as never)],
    ['an instruction whose value is null', (s: Step) => void s.children.push({ kind: 'instruction', target: 'p', value: null } as never)],
    ['a text whose value is a number', (s: Step) => void s.children.push({ kind: 'text', value: 5 } as never)],
    ['a number as an attribute value', (s: Step) => void (s.attributes.timeout = 30 as never)],
    ["a number as an action's value", (s: Step) => void ((s.children[0] as { value: unknown }).value = 7)],
    ['an element with neither children nor a value', (s: Step) => void s.children.push({ kind: 'element', tag: 'e', attributes: {} } as never)],
    // A child that is no node: a string would have been written as raw, unjudged markup.
    ['a string as a child', (s: Step) => void s.children.push('<evil x="' as never)],
    ['a number as a child', (s: Step) => void s.children.push(5 as never)],
    ['null as a child', (s: Step) => void s.children.push(null as never)],
  ])('refuses %s with OUTPUT_MALFORMED and where it is', (_what, edit) => {
    const doc = readTaskSequence(xml);
    edit(firstStep(doc));
    expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringMatching(/line 2, column \d+ of the output/) }));
    expect(() => writeTaskSequence(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
  });

  it.each([
    ['a string', '<?evil?><x/>'],
    ['a number', 5],
    ['null', null],
  ])('refuses %s as a child of the document, checked or not, with OUTPUT_MALFORMED', (_what, child) => {
    const doc = readTaskSequence(xml);
    doc.xml.children.push(child as never);
    expect(verdict(() => writeTaskSequence(doc))).toBe('OUTPUT_MALFORMED');
    expect(verdict(() => printDocument(doc.xml))).toBe('OUTPUT_MALFORMED');
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

// Edits found by trying to make the writer accept a text the parser refuses (or read back as another tree). Each case
// holds the writer's verdict to the parser's on the text an unchecked print gives.
describe('adversarial edits: the writer agrees with the parser', () => {
  const src = '<sequence version="3.10"><step type="X" name="a"><action>cmd</action></step><n>&#32;</n><m>&#x9;&#10;</m><o>a]]</o><p>]></p><q>]&gt;</q></sequence>';
  const child = (doc: ReturnType<typeof readTaskSequence>, tag: string): Element => doc.sequence.children.find((c) => 'tag' in c && c.tag === tag) as Element;
  const kids = (e: Element): Node[] => (e as { children: Node[] }).children;
  const verdicts = (doc: ReturnType<typeof readTaskSequence>): [string, string] => {
    const printed = printDocument(doc.xml);
    return [verdict(() => checkWellFormed(printed, { maxDepth: 1000, maxNodes: 100000 })), verdict(() => writeTaskSequenceText(doc))];
  };

  it.each([
    ['a blank text written as a character reference, moved after the root', (d: Doc) => void d.xml.children.push(kids(child(d, 'n')).pop() as Node), 'XML_MALFORMED'],
    ['a blank text written as references, copied before the root', (d: Doc) => void d.xml.children.unshift(kids(child(d, 'm'))[0] as Node), 'XML_MALFORMED'],
    ['the same text copied and edited to literal white space', (d: Doc) => void d.xml.children.unshift({ ...(kids(child(d, 'm'))[0] as Node), value: '\t\n' } as Node), 'ok'],
    ['a blank text read literally, moved before the root', (d: Doc) => void d.xml.children.unshift({ kind: 'text', value: ' ' }), 'ok'],
    ['an instruction whose value starts with a no-break space', (d: Doc) => void kids(child(d, 'step')).push({ kind: 'instruction', target: 'p', value: '\u00a0x' }), 'ok'],
    ['an instruction whose value starts with an ideographic space', (d: Doc) => void kids(child(d, 'step')).push({ kind: 'instruction', target: 'p', value: '\u3000x' }), 'ok'],
    ['text ending "]]" moved before a copied text starting "]>"', (d: Doc) => void kids(child(d, 'p')).unshift(kids(child(d, 'o'))[0] as Node), 'XML_MALFORMED'],
    ['a fresh "]" before a copied text "]&gt;" (the reference is no ">")', (d: Doc) => void kids(child(d, 'q')).unshift({ kind: 'text', value: ']' }), 'ok'],
    ['a value element moved to the top level as a second root', (d: Doc) => void d.xml.children.push(kids(child(d, 'step'))[0] as Node), 'XML_MALFORMED'],
    ['the root replaced by a text node', (d: Doc) => void (d.xml.children[0] = { kind: 'text', value: 'x' }), 'XML_MALFORMED'],
    ['the root replaced by a blank text node', (d: Doc) => void (d.xml.children[0] = { kind: 'text', value: ' ' }), 'XML_MALFORMED'],
  ])('%s', (_what, edit, parser) => {
    const doc = readTaskSequence(src);
    edit(doc);
    const [p, w] = verdicts(doc);
    expect(p).toBe(parser);
    expect(w).toBe(p === 'ok' ? 'ok' : 'OUTPUT_MALFORMED');
    if (w === 'ok') expect(readTaskSequence(writeTaskSequenceText(doc)).xml.children.length).toBe(doc.xml.children.filter((c) => c.kind !== 'text' || c.value !== '').length);
  });
});

type Doc = ReturnType<typeof readTaskSequence>;

// The edited embedded sequence is written as raw text in place of the node that held it (CDATA or escaped text),
// whatever that node now says and wherever it now stands: the judge must weigh the raw text, not the node.
describe('adversarial edits of the node holding an embedded sequence', () => {
  const cdata = '<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[<sequence version="3.00"><step type="T" name="a"/></sequence>]]></VALUE></PROPERTY></INSTANCE>';
  const escaped = '<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE>&lt;sequence version="3.00"&gt;&lt;step type="T" name="a"/&gt;&lt;/sequence&gt;</VALUE></PROPERTY></INSTANCE>';
  /** What the writer prints with no judge: the holder replaced by the edited sequence's raw text. */
  const unchecked = (doc: Doc): string => {
    const embedded = doc.embedded as NonNullable<Doc['embedded']>;
    return printDocument(doc.xml, { overrides: new Map([[embedded.holder, embeddedOverride(embedded) as string]]) });
  };
  const holder = (doc: Doc): Node & { kind: string; value: string } => (doc.embedded as NonNullable<Doc['embedded']>).holder;

  it.each([
    ['a CDATA holder turned into a comment and moved after the root', cdata, (d: Doc) => void ((holder(d).kind = 'comment'), d.xml.children.push(holder(d)))],
    ['an escaped holder blanked and moved after the root', escaped, (d: Doc) => void ((holder(d).value = ' '), d.xml.children.push(holder(d)))],
    ['a holder turned into an instruction named xml and moved to the start', cdata, (d: Doc) => void (Object.assign(holder(d), { kind: 'instruction', target: 'xml' }), d.xml.children.unshift(holder(d)))],
  ])('refuses %s, as the parser refuses the raw text there', (_what, src, edit) => {
    const doc = readTaskSequence(src);
    doc.sequence.attributes.name = 'edited';
    edit(doc);
    expect(verdict(() => checkWellFormed(unchecked(doc), { maxDepth: 100, maxNodes: 1000 }))).toBe('XML_MALFORMED');
    expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
  });

  it('refuses a holder turned into a comment in place: the raw text would read back as text, not the comment written', () => {
    const doc = readTaskSequence(cdata);
    doc.sequence.attributes.name = 'edited';
    holder(doc).kind = 'comment';
    const again = readTaskSequence(unchecked(doc));
    expect(holder(again).kind).not.toBe('comment');
    expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringMatching(/now a comment/) }));
  });

  it('still writes an edited sequence whose holder stayed where it was, or became text', () => {
    for (const src of [cdata, escaped]) {
      const doc = readTaskSequence(src);
      doc.sequence.attributes.name = 'edited';
      expect(readTaskSequence(writeTaskSequenceText(doc)).sequence.attributes.name).toBe('edited');
      holder(doc).kind = 'text';
      expect(readTaskSequence(writeTaskSequenceText(doc)).sequence.attributes.name).toBe('edited');
    }
  });
});

describe('a tree that holds itself', () => {
  it('is refused with OUTPUT_MALFORMED, not printed without end, while a node in two places is printed twice', () => {
    const doc = readTaskSequence(xml);
    const step = firstStep(doc);
    step.children.push(step);
    expect(() => writeTaskSequenceText(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringMatching(/<step> contains itself/) }));
    step.children.pop();
    const group = { kind: 'group', tag: 'group', attributes: { name: 'g' }, children: [] as unknown[] };
    group.children.push(group);
    doc.sequence.children.push(group as never);
    expect(() => writeTaskSequence(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
    group.children.pop();
    // The same step in two places is no cycle.
    doc.sequence.children.push(step);
    const out = writeTaskSequenceText(doc);
    expect(out.split('<step type="X" name="a">').length - 1).toBe(2);
  });
});
