// Where invalid bytes are, found in one pass. The place of the first bad sequence was found by bisecting with
// streaming decodes of ever longer prefixes: a bad byte at the end of a large file cost tens of decodes of the whole
// file (about 30 s for 30 MB, four times the cost of reading a valid file of that size). It is now one scan, which
// must agree with the platform's decoder on where the first bad sequence starts.
import fc from 'fast-check';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const head = '<sequence version="3.10">\n<step type="X" name="';
const tail = '"/>\n</sequence>\n';

/** Where the platform's decoder puts its first replacement character: the bad sequence's byte, line and column. */
function reference(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', skip: number) {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(skip));
  const k = text.indexOf('\ufffd');
  if (k === -1) return undefined;
  const before = text.slice(0, k);
  const lines = before.split(/\r\n|\r|\n/);
  const byte = encoding === 'utf-8' ? Buffer.byteLength(before, 'utf8') : 2 * before.length;
  return { byte: byte + skip, linePos: { line: lines.length, col: (lines[lines.length - 1] as string).length + 1 } };
}

/** The bytes are read, or refused where the reference found the first bad sequence (and for nothing else if none). */
function refusedAsTheDecoderSays(bytes: Buffer, expected: ReturnType<typeof reference>): void {
  let e;
  try {
    readTaskSequence(bytes);
    return;
  } catch (error) {
    e = error as { code: string; message: string; linePos: unknown };
  }
  if (!expected) {
    expect(e.code).not.toBe('ENCODING_INVALID');
    return;
  }
  expect(e.code).toBe('ENCODING_INVALID');
  expect(e.message).toContain(`near offset ${expected.byte}.`);
  expect(e.linePos).toEqual(expected.linePos);
}

describe('the first bad sequence, as the platform decoder finds it', () => {
  it('UTF-8: any bytes in a value are read, or refused at the start of the first bad sequence', () => {
    // 0xBD never occurs, so no U+FFFD is written in the bytes themselves (EF BF BD) to be taken for a replacement.
    const noBd = fc.uint8Array({ minLength: 1, maxLength: 12 }).map((a) => a.map((b) => (b === 0xbd ? 0xbe : b)));
    fc.assert(
      fc.property(noBd, fc.boolean(), (middle, atEnd) => {
        const bytes = Buffer.concat([Buffer.from(head), Buffer.from(middle), atEnd ? Buffer.alloc(0) : Buffer.from(tail)]);
        const expected = reference(bytes, 'utf-8', 0);
        refusedAsTheDecoderSays(bytes, expected);
      }),
      { numRuns: 800 },
    );
  });

  it('UTF-16: a lone surrogate anywhere is refused where it stands, in either byte order', () => {
    // U+FFFD is left out: the reference takes the first one it finds for the decoder's replacement.
    const unit = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.constant(0x0a), fc.integer({ min: 0xe000, max: 0xfffc }));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean(), (units, bigEndian, atEnd) => {
        const encoding = bigEndian ? 'utf-16be' : 'utf-16le';
        const encode = (s: string) => (bigEndian ? Buffer.from(s, 'utf16le').swap16() : Buffer.from(s, 'utf16le'));
        const middle = Buffer.alloc(2 * units.length);
        units.forEach((u, i) => (bigEndian ? middle.writeUInt16BE(u, 2 * i) : middle.writeUInt16LE(u, 2 * i)));
        const bom = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
        const bytes = Buffer.concat([Buffer.from(bom), encode(head), middle, atEnd ? Buffer.alloc(0) : encode(tail)]);
        const expected = reference(bytes, encoding, 2);
        refusedAsTheDecoderSays(bytes, expected);
      }),
      { numRuns: 600 },
    );
  });
});

// What it costs is the bench's (`refusing 30 MB for one bad UTF-8 byte …`), not a timed test's: here, where it is found.
describe('a bad sequence at the end of a large file', { timeout: 120_000 }, () => {
  it('is refused at its offset', () => {
    const unit = '  <step type="SMS_TaskSequence_RunCommandLineAction" name="Caf\u00e9 \u20ac \u00fc"/>\n';
    const body = `<sequence version="3.10">\n${unit.repeat(Math.floor((8 << 20) / Buffer.byteLength(unit)))}`;
    const e = thrown(() => readTaskSequence(Buffer.concat([Buffer.from(body), Buffer.from([0xe2, 0x82])])));
    expect(e.code).toBe('ENCODING_INVALID');
    expect(e.message).toContain(`near offset ${Buffer.byteLength(body)}.`);
  });
});
