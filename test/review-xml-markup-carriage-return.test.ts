// A comment or processing instruction cannot hold a character reference, so a CR in a new one's value is written as
// it is: a line end, as a CR in text is (README, "Values as XML defines them"). It reads back as given, and what a
// conforming reader sees is that value with its line ends as LF, the same as for a comment read from a CRLF file.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequenceText, type Node } from './helpers/api.js';
import { checkWellFormed } from '../lib/xml/parse.js';
import { lf } from '../lib/xml/origin.js';

const base = '<sequence version="3.10">\r\n<!-- one\r\ntwo -->\r\n<step type="X" name="a"><action>c</action></step>\r\n</sequence>';

describe('a CR in a new comment or instruction', () => {
  for (const node of [
    { kind: 'comment', value: ' a\rb\r\nc ' },
    { kind: 'instruction', target: 'pi', value: 'a\rb\r\nc' },
  ] as Node[]) {
    it(`${node.kind}: written as a line end, read back as given, and a line end to a conforming reader`, () => {
      const doc = readTaskSequence(base);
      doc.sequence.children.push(node);
      const text = writeTaskSequenceText(doc);
      checkWellFormed(text);
      const back = readTaskSequence(text).sequence.children.at(-1) as Node & { value: string };
      expect(back).toEqual(node);
      // A conforming reader normalises every line end first (XML 1.0 section 2.11): the value it sees.
      expect(lf(back.value)).toBe((node as { value: string }).value.replace(/\r\n?/g, '\n'));
    });
  }

  it('a comment read from a CRLF file and cloned is written with its line ends as read', () => {
    const doc = readTaskSequence(base);
    const comment = doc.sequence.children.find((c) => c.kind === 'comment') as Node;
    doc.sequence.children.push(structuredClone(comment));
    expect(writeTaskSequenceText(doc).endsWith('</step>\r\n<!-- one\r\ntwo --></sequence>')).toBe(true);
  });
});
