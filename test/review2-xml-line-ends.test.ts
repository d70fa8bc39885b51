// Error positions count lines as XML 1.0 (section 2.11) ends them: CR LF, LF, and a CR alone. A file saved with
// classic Mac line ends (CR only) was reported as one long line, with the column counted from the start of the file.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, type ReadOptions } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const failure = (input: string | Uint8Array, options: ReadOptions = {}) => thrown(() => readTaskSequence(input, options));

/** The line and column of `offset` in `text`, counted by hand over the line ends of `eol`. */
function placeOf(text: string, offset: number, eol: string): { line: number; col: number } {
  const before = text.slice(0, offset).split(eol);
  return { line: before.length, col: (before[before.length - 1] as string).length + 1 };
}

describe('error positions after each kind of line end', () => {
  // A bare '&' on the third line: the fault is where that '&' stands.
  const lines = ['<sequence version="3.10">', '  <group name="g">', '    <step type="X" name="a & b"/>', '  </group>', '</sequence>'];
  for (const [what, eol] of [
    ['LF', '\n'],
    ['CR LF', '\r\n'],
    ['CR alone', '\r'],
  ] as const) {
    it(`places a fault after ${what} line ends on its own line`, () => {
      const text = lines.join(eol);
      const e = failure(text);
      expect(e.code).toBe('XML_MALFORMED');
      expect(e.linePos).toEqual(placeOf(text, text.indexOf('&'), eol));
      expect(e.linePos).toEqual({ line: 3, col: 28 });
    });
  }

  it('counts a CR alone as a line end in UTF-16 input with a byte order mark too', () => {
    const text = lines.join('\r');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(failure(bytes).linePos).toEqual({ line: 3, col: 28 });
  });

  it('places an invalid UTF-8 byte after CR line ends on its line', () => {
    const bytes = Buffer.concat([Buffer.from('<sequence version="3.10">\r<step name="'), Buffer.from([0xff]), Buffer.from('"/>\r</sequence>')]);
    const e = failure(bytes);
    expect(e.code).toBe('ENCODING_INVALID');
    expect(e.linePos).toEqual({ line: 2, col: 13 });
  });

  it('places an unclosed element and a bad comment after CR line ends', () => {
    expect(failure('<sequence version="3.10">\r\r<step>').linePos).toEqual({ line: 3, col: 1 });
    expect(failure('<sequence version="3.10">\r<!-- a -- b --></sequence>').linePos).toEqual({ line: 2, col: 8 });
  });

  it('counts a CR inside an attribute value as a line end (as the value normalisation reads it)', () => {
    const e = failure('<sequence version="3.10" a="x\ry&z;"/>');
    expect(e.code).toBe('XML_UNDEFINED_ENTITY');
    expect(e.linePos).toEqual({ line: 2, col: 2 });
  });
});
