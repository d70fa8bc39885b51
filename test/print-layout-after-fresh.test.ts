// White space after an element printed afresh in the place of one read from the file (revert puts back a fresh
// <DependentProgram />) used to be written in the document's main newline: in a file that mixes line ends, an LF
// after that element came back as CR LF. It is now copied from the text before what follows, as written there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import type { Node } from '../lib/model/types.js';
import { layoutStartBefore } from '../lib/xml/unchanged.js';
import type { Source } from '../lib/xml/origin.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const example = readFileSync('examples/refresh-2007.xml', 'latin1');

/** The example (CR LF line ends) with the line end after `marker` written as `nl`. */
function withLineEnd(marker: string, nl: string): string {
  const at = example.indexOf('\r\n', example.indexOf(marker));
  return example.slice(0, at) + nl + example.slice(at + 2);
}

describe('white space after a fresh element keeps its line end as written', () => {
  for (const nl of ['\n', '\r', '\r\r\n']) {
    it(`revert of apply gives back a file whose line end after <DependentProgram /> is ${JSON.stringify(nl)}`, () => {
      const input = withLineEnd('<DependentProgram />', nl);
      const doc = readTaskSequence(Buffer.from(input, 'latin1'));
      expect(applyKb977203(doc, O).changed).toBe(true);
      const applied = readTaskSequence(writeTaskSequence(doc));
      expect(revertKb977203(applied, O).changed).toBe(true);
      expect(Buffer.from(writeTaskSequence(applied)).toString('latin1')).toBe(input);
    });
  }

  it('a fresh element replacing a read one: the white space after it is copied from before the next element', () => {
    const input = '<sequence version="3.00">\r\n  <a x="1"/>\n  <b/>\r\n</sequence>';
    const doc = readTaskSequence(input);
    const seq = doc.sequence.children;
    const at = seq.findIndex((n: Node) => 'tag' in n && n.tag === 'a');
    seq[at] = { kind: 'element', tag: 'a', attributes: { x: '2' }, children: [] } as unknown as Node;
    expect(Buffer.from(writeTaskSequence(doc)).toString('utf8')).toBe('<sequence version="3.00">\r\n  <a x="2"/>\n  <b/>\r\n</sequence>');
  });

  it('white space that the text before the next element does not say is written afresh', () => {
    const input = '<sequence version="3.00">\r\n  <a/>\r\n  <b/>\r\n</sequence>';
    const doc = readTaskSequence(input);
    const seq = doc.sequence.children;
    const at = seq.findIndex((n: Node) => 'tag' in n && n.tag === 'a');
    seq[at] = { kind: 'element', tag: 'c', attributes: {}, children: [] } as unknown as Node;
    seq[at + 1] = { kind: 'text', value: '\n\n    ' };
    expect(Buffer.from(writeTaskSequence(doc)).toString('utf8')).toBe('<sequence version="3.00">\r\n  <c/>\r\n\r\n    <b/>\r\n</sequence>');
  });
});

describe('layoutStartBefore', () => {
  const src = (text: string): Source => ({ text, cr: text.includes('\r'), tally: undefined as never, home: undefined });
  it('finds the span that says the white space, each LF written as CR LF, LF or CR, and no other', () => {
    expect(layoutStartBefore(src('<a/>\r\n  \r\r\n<b/>'), 11, '\n  \n\n')).toBe(4);
    expect(layoutStartBefore(src('<a/>\n  <b/>'), 7, '\n  ')).toBe(4);
    expect(layoutStartBefore(src('<a/>\r\n  <b/>'), 8, '\n   ')).toBe(-1);
    expect(layoutStartBefore(src('\n<b/>'), 1, '\n\n')).toBe(-1);
  });
  it('walks a long run of blank lines once (trying each length was the square of the run)', () => {
    const n = 200_000;
    const text = `<a/>${'\r\n'.repeat(n)}<b/>`;
    expect(layoutStartBefore(src(text), 4 + 2 * n, '\n'.repeat(n))).toBe(4);
    expect(layoutStartBefore(src(text), 4 + 2 * n, `${'\n'.repeat(n)} `)).toBe(-1);
  });
});
