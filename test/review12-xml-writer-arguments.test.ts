// What plain JavaScript can hand the writers: no document, no sequence, a layout that is none. They failed with a
// TypeError (`doc.depthLimit is not a function`, `Cannot use 'in' operator`), or wrote an indent that is not white
// space into the sequence as text it did not have; each is now INVALID_ARGUMENT, and nothing is written.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, sequenceToXml, writeTaskSequence, writeTaskSequenceText } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const xml = '<sequence version="3.10">\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>x</action></step>\n</sequence>\n';
const misuse = (f: (x: never) => unknown) => (x: unknown) => () => f(x as never);

describe('the writers refuse arguments that are none of theirs', () => {
  it.each([null, undefined, xml, {}, { xml: {} }, 5])('writeTaskSequence(%j)', (value) => {
    expect(thrown(misuse(writeTaskSequence)(value)).code).toBe('INVALID_ARGUMENT');
    expect(thrown(misuse(writeTaskSequenceText)(value)).code).toBe('INVALID_ARGUMENT');
  });

  it.each([null, xml, [], { kind: 'step', tag: 'step', attributes: {}, children: [] }])('sequenceToXml(%j)', (value) => {
    expect(thrown(misuse(sequenceToXml)(value)).code).toBe('INVALID_ARGUMENT');
  });

  it.each([null, 5, { newline: 5 }, { newline: '\t' }, { indent: '<x>' }, { indent: 3 }, { indent: ' \n ' }])('sequenceToXml(sequence, %j)', (options) => {
    const doc = readTaskSequence(xml);
    expect(thrown(() => sequenceToXml(doc.sequence, options as never)).code).toBe('INVALID_ARGUMENT');
  });

  it('a document and a layout as the types say are still written', () => {
    const doc = readTaskSequence(xml);
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(xml);
    expect(sequenceToXml(doc.sequence, { newline: '\n', indent: '\t' })).toBe(xml.trimEnd());
  });
});

describe('readTaskSequence names the file with a string', () => {
  it.each([5, {}, null])('file: %j is INVALID_ARGUMENT', (file) => {
    expect(thrown(() => readTaskSequence('<bad', { file: file as never })).code).toBe('INVALID_ARGUMENT');
  });

  it('a string names the file of an error', () => {
    expect(thrown(() => readTaskSequence('<bad', { file: 'ts.xml' })).file).toBe('ts.xml');
  });
});
