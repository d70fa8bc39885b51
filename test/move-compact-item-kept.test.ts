// An item written with no white space inside (`<step …><action>x</action></step>`) in an indented file keeps its
// inside as written when it is moved or taken out and put back: only its own line is laid out. Laid out afresh, as a
// new item is, moving it away and back did not give back the file, and the diff of a move showed its whole inside.
// New items (a builder's, a copy) are still laid out in the document's style.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addItem, copyItem, createGroup, createRunCommandLineStep, editBatch, insertAfter, moveItem, readTaskSequence, removeItem } from './helpers/api.js';

const INPUT = '<sequence version="3.10">\n\t<step type="A" name="a"/>\n\t<step type="B" name="b"><action>x</action><vendorData mode="x"><item/>t</vendorData></step>\n</sequence>\n';
const COMPACT_B = '<step type="B" name="b"><action>x</action><vendorData mode="x"><item/>t</vendorData></step>';

const read = (text: string) => {
  const doc = readTaskSequence(text);
  const [a, b] = doc.steps().map((s) => s.node);
  return { doc, a: a!, b: b! };
};

describe('a compact item read from the file', () => {
  it('moved away and back gives back the input bytes', () => {
    const { doc, a, b } = read(INPUT);
    moveItem(doc.sequence, b, { before: a });
    expect(doc.toString()).toBe(`<sequence version="3.10">\n\t${COMPACT_B}\n\t<step type="A" name="a"/>\n</sequence>\n`);
    moveItem(doc.sequence, b, { after: a });
    expect(doc.toString()).toBe(INPUT);
  });

  it('taken out and put back with insertAfter gives back the input bytes', () => {
    const { doc, a, b } = read(INPUT);
    removeItem(doc.sequence, b);
    insertAfter(doc.sequence, a, [b]);
    expect(doc.toString()).toBe(INPUT);
  });

  it('taken out and put back with addItem, and in an edit batch, gives back the input bytes', () => {
    let { doc, a, b } = read(INPUT);
    removeItem(doc.sequence, b);
    addItem(doc.sequence, b, { last: doc.sequence });
    expect(doc.toString()).toBe(INPUT);
    ({ doc, a, b } = read(INPUT));
    const batch = editBatch(doc.sequence);
    batch.remove(b);
    batch.insertAfter(a, [b]);
    batch.apply();
    expect(doc.toString()).toBe(INPUT);
  });

  it('moved into a group (another depth) stays as written, on a line of its own', () => {
    const text = '<sequence version="3.10">\n\t<group name="g">\n\t\t<step type="A" name="a"/>\n\t</group>\n\t' + COMPACT_B + '\n</sequence>\n';
    const doc = readTaskSequence(text);
    const b = doc.steps()[1]!.node;
    moveItem(doc.sequence, b, { last: doc.groups()[0]!.node });
    expect(doc.toString()).toContain(`\n\t\t<step type="A" name="a"/>\n\t\t${COMPACT_B}\n\t</group>`);
    moveItem(doc.sequence, b, { last: doc.sequence });
    expect(doc.toString()).toBe(text);
  });

  it('the spellings fixture: the one-line vendor step moved away and back', () => {
    const text = readFileSync(new URL('./fixtures/roundtrip/spellings.xml', import.meta.url), 'utf8');
    const doc = readTaskSequence(text);
    const step = doc.steps().find((s) => s.node.attributes.name === 'Unknown step type')!.node;
    const group = doc.groups().find((g) => g.node.children.includes(step))!.node;
    const line = '\t\t<step type="Custom_Vendor_Action" name="Unknown step type" description=""><vendorData mode="x"><item a="1"/>text<![CDATA[raw]]></vendorData></step>\n';
    const comment = '\t\t<!-- a comment between steps -->\n';
    expect(text).toContain(comment + line);
    moveItem(doc.sequence, step, { first: doc.sequence });
    expect(doc.toString()).toContain(`>\n${line.slice(1)}\t<group `);
    // Last in its group again, which is before the comment (a position counts items only): otherwise as read.
    moveItem(doc.sequence, step, { last: group });
    expect(doc.toString()).toBe(text.replace(comment + line, line + comment));
  });
});

describe('new items are still laid out in the document style', () => {
  it('a copy of the compact step, a builder step and a new group', () => {
    const { doc, a, b } = read(INPUT);
    addItem(doc.sequence, copyItem(b), { after: b });
    insertAfter(doc.sequence, a, [createRunCommandLineStep({ name: 'n', commandLine: 'c' })]);
    const g = createGroup({ name: 'g' });
    addItem(doc.sequence, g, { last: doc.sequence });
    addItem(doc.sequence, createRunCommandLineStep({ name: 'm', commandLine: 'd' }), { last: g });
    const out = doc.toString();
    expect(out).toContain(`\t${COMPACT_B}\n\t<step type="B" name="b">\n\t\t<action>x</action>\n\t\t<vendorData mode="x"><item/>t</vendorData>\n\t</step>`);
    expect(out).toMatch(/\n\t<step type="SMS_TaskSequence_RunCommandLineAction" name="n"[^>]*>\n\t\t</);
    expect(out).toMatch(/\n\t<group name="g"[^>]*>\n\t\t<step [^>]*name="m"[^>]*>\n\t\t\t</);
  });

  it('a compact step taken from another document is laid out as this one is', () => {
    const other = readTaskSequence('<sequence version="3.10"><step type="B" name="o"><action>y</action></step></sequence>');
    const o = other.steps()[0]!.node;
    removeItem(other.sequence, o);
    const { doc, b } = read(INPUT);
    addItem(doc.sequence, o, { after: b });
    expect(doc.toString()).toContain('\n\t<step type="B" name="o">\n\t\t<action>y</action>\n\t</step>\n</sequence>');
  });
});
