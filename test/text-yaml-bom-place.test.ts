// A text form given as a string that starts with a byte order mark (U+FEFF, as a file saved "UTF-8 with BOM" and read
// without stripping it gives) is placed as the XML reader places a string with one: the mark is not a column, and
// offsets count from the text after it. fromYaml counted the mark as the first column of line 1, so the same error
// was at column 2 with the mark and column 1 without, where readTaskSequence says column 1 either way.
import { describe, expect, it } from 'vitest';
import { fromYaml, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const BOM = '\uFEFF';
const setVariable = 'steps:\n  - step: Set Task Sequence Variable\n    settings:\n      variableName: X\n      variableValue: x\n';

describe('a text form that starts with a byte order mark', () => {
  it('places what is wrong on line 1 at the same column and offset as without the mark', () => {
    for (const text of ['bogus: 1\nsteps: []\n', '%YAML 1.1\n---\nsteps: []\n', 'steps: [] x\n', "'a': 1\n'a': 2\nsteps: []\n"]) {
      const plain = thrown(() => fromYaml(text));
      const marked = thrown(() => fromYaml(BOM + text));
      expect(marked.linePos, text).toEqual(plain.linePos);
      expect(marked.range, text).toEqual(plain.range);
      expect(marked.message, text).toBe(plain.message);
    }
    expect(thrown(() => fromYaml(`${BOM}bogus: 1\nsteps: []\n`)).linePos).toEqual({ line: 1, col: 1 });
  });

  it('as readTaskSequence places an error in a string with the mark', () => {
    const xml = thrown(() => readTaskSequence(`${BOM}<sequence version="3.10"><bogus`));
    expect(xml.linePos).toEqual(thrown(() => readTaskSequence('<sequence version="3.10"><bogus')).linePos);
  });

  it('builds the same sequence as the text without it', () => {
    expect(Buffer.from(writeTaskSequence(fromYaml(BOM + setVariable))).equals(Buffer.from(writeTaskSequence(fromYaml(setVariable))))).toBe(true);
  });
});
