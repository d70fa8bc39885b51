// The encoding of every input is found or refused with a place: a long XML declaration still names the encoding
// (its single-byte text was read as UTF-8 when the label came after the first 4 KiB); a refused declaration, a
// non-ASCII byte in declared US-ASCII and an odd UTF-16 length say where; a string is written back in the encoding its
// declaration names, so its bytes read back as the same text.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, type TaskSequenceDocument } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const body = (name: string): string => `<sequence version="3.10">\n<step type="X" name="${name}"/>\n</sequence>`;
const stepName = (doc: TaskSequenceDocument): string | undefined => {
  const step = doc.sequence.children.find((c) => 'tag' in c && c.tag === 'step');
  return step && 'tag' in step ? step.attributes.name : undefined;
};
/** Line and column of `offset` in `text` (LF line ends only here). */
const placeOf = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before[before.length - 1] as string).length + 1 };
};

describe('a declaration of any length names the encoding', () => {
  it('reads a declared ISO-8859-1 text as ISO-8859-1 when the declaration is longer than 4 KiB', () => {
    // C3 A9 is "é" in UTF-8, and "Ã©" (two characters) in ISO-8859-1, which the document declares.
    const declaration = `<?xml version="1.0"${' '.repeat(5000)}encoding="ISO-8859-1"?>\n`;
    const bytes = Buffer.from(declaration + body('\u00c3\u00a9'), 'latin1');
    const doc = readTaskSequence(bytes);
    expect(doc.encoding).toEqual({ encoding: 'iso-8859-1', bom: false });
    expect(stepName(doc)).toBe('\u00c3\u00a9');
    expect(Buffer.from(writeTaskSequence(doc)).equals(bytes)).toBe(true);
  });

  it('refuses a long declaration naming UTF-16 in ASCII-compatible bytes', () => {
    const text = `<?xml version="1.0"${' '.repeat(5000)}encoding="UTF-16"?>\n${body('a')}`;
    expect(thrown(() => readTaskSequence(Buffer.from(text))).code).toBe('ENCODING_INVALID');
  });
});

describe('a refused encoding says where', () => {
  const cases: [string, Uint8Array, string, number][] = [];
  const unknown = `<?xml version="1.0"\n  encoding="shift_jis"?>\n${body('a')}`;
  cases.push(['an encoding cmts cannot read', Buffer.from(unknown), unknown, unknown.indexOf('shift_jis')]);
  const utf16 = `<?xml version='1.0' encoding='UTF-16'?>\n${body('a')}`;
  cases.push(['UTF-16 declared in ASCII-compatible bytes', Buffer.from(utf16), utf16, utf16.indexOf('UTF-16')]);
  const bomLatin = `<?xml version="1.0" encoding="ISO-8859-1"?>\n${body('a')}`;
  cases.push(['a single-byte encoding after a UTF-8 byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bomLatin)]), bomLatin, bomLatin.indexOf('ISO')]);
  const utf8In16 = `<?xml version="1.0" encoding="UTF-8"?>\n${body('a')}`;
  cases.push(['UTF-8 declared in UTF-16 bytes', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8In16, 'utf16le')]), utf8In16, utf8In16.indexOf('UTF-8')]);
  const ascii = `<?xml version="1.0" encoding="us-ascii"?>\n${body('caf\u00e9')}`;
  cases.push(['a byte above 0x7F in declared US-ASCII', Buffer.from(ascii, 'latin1'), ascii, ascii.indexOf('\u00e9')]);
  const odd = `<a>\n<b/>\n</a>`;
  cases.push(['UTF-16 with an odd number of bytes', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(odd, 'utf16le'), Buffer.from([0x0a])]), odd, odd.length]);
  for (const [what, bytes, text, offset] of cases) {
    it(what, () => {
      const e = thrown(() => readTaskSequence(bytes, { file: 'x.xml' }));
      expect(e.code).toBe('ENCODING_INVALID');
      expect(e.linePos).toEqual(placeOf(text, offset));
      expect(e.range).toEqual([offset, offset]);
      expect(e.format()).toMatch(/^x\.xml:\d+:\d+: ENCODING_INVALID /);
    });
  }

  it('names the byte where a UTF-8 sequence cut short starts', () => {
    const head = Buffer.from(`${body('a')}\n<!-- `);
    // E2 82 is the start of a three-byte sequence (E2 82 AC is the euro sign) that the file ends before completing.
    const e = thrown(() => readTaskSequence(Buffer.concat([head, Buffer.from([0xe2, 0x82])])));
    expect(e.code).toBe('ENCODING_INVALID');
    expect(e.message).toContain(`offset ${head.length}.`);
    const surrogate = Buffer.concat([head, Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' --></sequence>')]);
    expect(thrown(() => readTaskSequence(surrogate)).message).toContain(`offset ${head.length}.`);
  });

  it('places an unpaired surrogate in a string', () => {
    const text = body('a\ud800b');
    const e = thrown(() => readTaskSequence(`\ufeff${text}`));
    expect(e.code).toBe('ENCODING_INVALID');
    expect(e.linePos).toEqual(placeOf(text, text.indexOf('\ud800')));
  });
});

describe('a string is written in the encoding its declaration names', () => {
  for (const [label, encoding] of [
    ['ISO-8859-1', 'iso-8859-1'],
    ['windows-1252', 'windows-1252'],
    ['UTF-16', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
  ] as const) {
    it(`${label}: the bytes written read back as the same text`, () => {
      const doc = readTaskSequence(`<?xml version="1.0" encoding="${label}"?>\n${body('caf\u00e9')}`);
      expect(doc.encoding.encoding).toBe(encoding);
      const again = readTaskSequence(writeTaskSequence(doc));
      expect(stepName(again)).toBe('caf\u00e9');
      expect(again.encoding.encoding).toBe(encoding);
    });
  }

  it('writes a string with no declaration, or one naming UTF-8, as UTF-8 (with its BOM, if it had one)', () => {
    expect(readTaskSequence(body('a')).encoding).toEqual({ encoding: 'utf-8', bom: false });
    expect(readTaskSequence(`\ufeff<?xml version="1.0" encoding="utf-8"?>${body('a')}`).encoding).toEqual({ encoding: 'utf-8', bom: true });
  });

  // Refused when read, as the same text given as bytes is, with the place: taken in, it could not be written back even
  // unedited (the write failed, blaming an edit that was never made).
  it('refuses a string whose declaration names an encoding cmts cannot write, at its label', () => {
    const e = thrown(() => readTaskSequence(`<?xml version="1.0" encoding="shift_jis"?>\n${body('a')}`));
    expect([e.code, e.linePos]).toEqual(['ENCODING_INVALID', { line: 1, col: 31 }]);
    expect(e.message).toMatch(/"shift_jis", which cmts cannot read/);
  });

  it('refuses a character the declared single-byte encoding cannot hold, where it is', () => {
    const text = `<?xml version="1.0" encoding="ISO-8859-1"?>\n${body('ab\u20ac')}`;
    const e = thrown(() => readTaskSequence(text));
    expect([e.code, e.range?.[0]]).toEqual(['ENCODING_INVALID', text.indexOf('\u20ac')]);
    expect(e.message).toMatch(/ISO-8859-1, which cannot hold U\+20AC: write it as a character reference \(&#x20AC;\)/);
    // The reference itself is taken, and written as it is.
    const doc = readTaskSequence(text.replace('\u20ac', '&#x20AC;'));
    expect(Buffer.from(writeTaskSequence(doc)).toString('latin1')).toBe(text.replace('\u20ac', '&#x20AC;'));
  });
});
