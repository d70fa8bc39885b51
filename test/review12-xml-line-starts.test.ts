// Line starts are counted into a typed array of exactly their number (pushed onto an array, the 67 million line starts
// of 64 MiB of line ends took 1 GB of heap and 18 s to place one error; measured, not timed here). Lines still end as
// XML 1.0 section 2.11 ends them: at CR LF, at LF, or at a CR alone, also as the very last character.
import { describe, expect, it } from 'vitest';
import { LineCounter } from '../lib/errors.js';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('line and column', () => {
  it.each([
    ['LF', 'a\nbc\n\nd', [[0, 1, 1], [2, 2, 1], [4, 2, 3], [5, 3, 1], [6, 4, 1], [7, 4, 2]]],
    ['CR LF', 'a\r\nb\r\n', [[1, 1, 2], [2, 1, 3], [3, 2, 1], [6, 3, 1]]],
    ['CR alone, last too', 'a\rb\r', [[1, 1, 2], [2, 2, 1], [4, 3, 1]]],
    ['mixed', 'a\r\n\r\rb\nc', [[3, 2, 1], [4, 3, 1], [5, 4, 1], [6, 4, 2], [7, 5, 1]]],
    ['none', 'abc', [[0, 1, 1], [3, 1, 4]]],
  ] as const)('%s', (_what, text, cases) => {
    const lines = new LineCounter(text);
    for (const [offset, line, col] of cases) expect([offset, lines.linePos(offset)]).toEqual([offset, { line, col }]);
  });

  it('places a read error after many line ends of each kind', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const e = thrown(() => readTaskSequence(`<sequence>${nl.repeat(100_000)}  <bad</sequence>`));
      expect(e.linePos).toEqual({ line: 100_001, col: 7 });
    }
  });
});
