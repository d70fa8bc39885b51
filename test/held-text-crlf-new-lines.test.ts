// A sequence held on one line (the console's export) inside a CR LF file: what an edit writes afresh in it (a value's
// line end, a new item's layout) ends its lines as the file does. The held text had no line end of its own to follow,
// so a bare LF was written into the CR LF file.
import { describe, expect, it } from 'vitest';
import { addItem, createRestartComputerStep, getAction, insertAfter, readTaskSequence, removeItem, setAction } from './helpers/api.js';

const SEQ = '<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>x</action></step></sequence>';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const objectXml = (value: string): string =>
  `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\r\n  <PROPERTY NAME="Sequence" TYPE="string">\r\n    <VALUE>${value}</VALUE>\r\n  </PROPERTY>\r\n</INSTANCE>\r\n`;
const package2007 = (value: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\r\n<SmsTaskSequencePackage>\r\n  <Name>n</Name>\r\n  <SequenceData>${value}</SequenceData>\r\n</SmsTaskSequencePackage>\r\n`;

const holders: [string, string][] = [
  ['object.xml, escaped', objectXml(esc(SEQ))],
  ['object.xml, CDATA', objectXml(`<![CDATA[${SEQ}]]>`)],
  ['2007 SequenceData, escaped', package2007(esc(SEQ))],
  ['2007 SequenceData, CDATA', package2007(`<![CDATA[${SEQ}]]>`)],
];

const bareLfs = (s: string): number => (s.match(/(?<!\r)\n/g) ?? []).length;

describe('a one-line held sequence in a CR LF file', () => {
  it.each(holders)('%s: a value line end is written as CR LF', (_, input) => {
    const doc = readTaskSequence(Buffer.from(input));
    setAction(doc.steps()[0]!.node, 'p\nq');
    const out = doc.toString();
    expect(bareLfs(out)).toBe(0);
    expect(out).toContain('p\r\nq');
    expect(getAction(readTaskSequence(out).steps()[0]!.node)).toBe('p\nq');
  });

  // A restart message may hold line ends (a command line is one line: the builders refuse one there).
  it.each(holders)('%s: a new step with a multi-line restart message brings no bare LF', (_, input) => {
    const doc = readTaskSequence(Buffer.from(input));
    insertAfter(doc.sequence, doc.steps()[0]!.node, [createRestartComputerStep({ name: 'n', message: 'c\nd' })]);
    const out = doc.toString();
    expect(bareLfs(out)).toBe(0);
    expect(readTaskSequence(out).steps().map((s) => s.node.attributes.name)).toEqual(['a', 'n']);
  });

  it.each(holders)('%s: a step taken from an LF document, its value on two lines, is written with CR LF', (_, input) => {
    const other = readTaskSequence('<sequence version="3.00">\n<step type="SMS_TaskSequence_RunCommandLineAction" name="m"><action>u\nv</action></step>\n</sequence>\n');
    const moved = other.steps()[0]!.node;
    removeItem(other.sequence, moved);
    const doc = readTaskSequence(Buffer.from(input));
    addItem(doc.sequence, moved, { after: doc.steps()[0]!.node });
    const out = doc.toString();
    expect(bareLfs(out)).toBe(0);
    expect(getAction(readTaskSequence(out).steps()[1]!.node)).toBe('u\nv');
  });

  it('a held text with line ends of its own keeps them (LF in a CR LF file stays LF)', () => {
    const input = objectXml(esc(SEQ.replace(/></g, '>\n<')));
    const doc = readTaskSequence(Buffer.from(input));
    setAction(doc.steps()[0]!.node, 'p\nq');
    expect(doc.toString()).toContain('p\nq');
    expect(doc.toString()).not.toContain('p\r\nq');
  });

  it('a one-line held sequence in an LF file still writes LF', () => {
    const input = objectXml(esc(SEQ)).replace(/\r\n/g, '\n');
    const doc = readTaskSequence(Buffer.from(input));
    setAction(doc.steps()[0]!.node, 'p\nq');
    expect(doc.toString()).not.toContain('\r');
  });
});
