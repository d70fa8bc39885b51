// An error in a sequence held as entity-escaped text (`&lt;sequence&gt;…`) is placed where it is written in the file:
// each reference before it is one character of the text read, several of the file (found by a differential fuzz).
import { describe, expect, it } from 'vitest';
import { TaskSequenceError } from '../lib/errors.js';
import { readTaskSequence } from './helpers/api.js';

const held = (inner: string) => `<SmsTaskSequencePackage><SequenceData>${inner}</SequenceData></SmsTaskSequencePackage>`;

function refusal(text: string): TaskSequenceError {
  try {
    readTaskSequence(text);
  } catch (e) {
    if (e instanceof TaskSequenceError) return e;
    throw e;
  }
  throw new Error('read');
}

describe('an error in an entity-escaped embedded sequence', () => {
  it('names the line and column, and the range, of the file where the fault is written', () => {
    const cases: [string, string, { line: number; col: number }][] = [
      [held('&lt;sequence&gt;\n&lt;/x&gt;'), '&lt;/x&gt;', { line: 2, col: 1 }],
      // A reference to a character past U+FFFF is two code units of the text read.
      [held('&lt;sequence a=&quot;&#x1F600;&quot;&gt;\n  &lt;step&gt;&lt;/stepp&gt;&lt;/sequence&gt;'), '&lt;/stepp&gt;', { line: 2, col: 15 }],
      // One line: the column is the offset in the file, plus one.
      [held('&lt;sequence&gt;&lt;step a=&quot;1&quot; a=&quot;2&quot;/&gt;&lt;/sequence&gt;'), 'a=&quot;2', { line: 1, col: 80 }],
    ];
    for (const [text, fault, place] of cases) {
      const e = refusal(text);
      expect(e.code, text).toBe('XML_MALFORMED');
      expect(e.range?.[0], text).toBe(text.indexOf(fault));
      expect(e.linePos, text).toEqual(place);
    }
  });

  it('still places a fault in a CDATA section and in text with no reference exactly', () => {
    const cdata = held('<![CDATA[<sequence>\n</x>]]>');
    expect(refusal(cdata).range?.[0]).toBe(cdata.indexOf('</x>'));
    expect(refusal(cdata).linePos).toEqual({ line: 2, col: 1 });
  });
});
