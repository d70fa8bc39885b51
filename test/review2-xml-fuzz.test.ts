// Fuzzing the reader where the corpus mutations of property.test.ts do not reach: UTF-16 inputs in both byte orders,
// the examples, declarations naming other encodings, truncation, byte order marks and long repetitions. Every input
// must either read and write back byte for byte, or be refused with a TaskSequenceError that has a code and a place
// (line and column) — never another error, and never a refusal that cannot say where.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaskSequence, TaskSequenceError, writeTaskSequence } from './helpers/api.js';
import { CORPUS_SKIPPED, corpusFiles } from './helpers/corpus.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
/** Errors about the input as a whole, which have no place in it. */
const WHOLE_INPUT = new Set(['INPUT_TOO_LARGE', 'INVALID_ARGUMENT']);

type Encoding = 'utf8' | 'utf16le' | 'utf16be';
interface Input {
  bytes: Buffer;
  encoding: Encoding;
}

/** Each input as it is, and (its text) as UTF-16 with a byte order mark in each byte order. */
function inputs(): Input[] {
  const files = [...corpusFiles().map((f) => f.bytes), ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.xml')).map((f) => readFileSync(join(EXAMPLES, f)))];
  const out: Input[] = [];
  for (const bytes of files) {
    const utf16 = bytes[0] === 0xff || bytes[0] === 0xfe || bytes[1] === 0;
    out.push({ bytes, encoding: utf16 ? (bytes[0] === 0xfe ? 'utf16be' : 'utf16le') : 'utf8' });
    if (utf16 || bytes.length > 40_000) continue;
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="utf-16"?>');
    out.push({ bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), encoding: 'utf16le' });
    out.push({ bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), encoding: 'utf16be' });
  }
  return out;
}

const encode = (s: string, encoding: Encoding): Buffer => (encoding === 'utf8' ? Buffer.from(s) : encoding === 'utf16le' ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'utf16le').swap16());

const token = fc.constantFrom('<', '&', ']]>', '"', "'", '\uFEFF', '<![CDATA[', '-->', '<!--', '?>', '<?pi ', '&#0;', '&#x10FFFF;', '&#xD800;', '&amp', '\r', '\r\n', '\t', '\u0000', '</', '/>', '\u1680', '\u{1F600}');
const declaration = fc
  .constantFrom('utf-8', 'UTF-16', 'utf-16be', 'ISO-8859-1', 'windows-1252', 'us-ascii', 'shift_jis', 'ebcdic-cp-us')
  .map((label) => `<?xml version="1.0" encoding="${label}"?>`);
const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: token }),
  fc.record({ op: fc.constant('declare' as const), text: declaration }),
  fc.record({ op: fc.constant('bom' as const), value: fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00]) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), times: fc.integer({ min: 100, max: 3000 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate({ bytes, encoding }: Input, edits: Mutation[]): Buffer {
  let b = bytes;
  // Offsets land on a code unit in UTF-16, where a byte-wise edit would only make odd lengths.
  const unit = encoding === 'utf8' ? 1 : 2;
  const place = (at: number) => Math.min(b.length, (at % (b.length + 1)) - ((at % (b.length + 1)) % unit));
  for (const m of edits) {
    if (m.op === 'flip') {
      if (b.length) {
        b = Buffer.from(b);
        b[m.at % b.length] = m.value;
      }
    } else if (m.op === 'truncate') b = b.subarray(0, place(m.at));
    else if (m.op === 'insert') b = Buffer.concat([b.subarray(0, place(m.at)), encode(m.text, encoding), b.subarray(place(m.at))]);
    else if (m.op === 'declare') {
      const skip = encoding === 'utf8' ? (b[0] === 0xef ? 3 : 0) : 2;
      b = Buffer.concat([b.subarray(0, skip), encode(m.text, encoding), b.subarray(skip)]);
    } else if (m.op === 'bom') b = Buffer.concat([Buffer.from(m.value), b]);
    else {
      const from = place(m.at);
      const piece = b.subarray(from, Math.min(b.length, from + m.length * unit));
      b = Buffer.concat([b.subarray(0, from), ...Array<Buffer>(m.times).fill(piece), b.subarray(from)]);
    }
  }
  return b;
}

/** The outcome of reading `bytes`: the same bytes written back, or a refusal with a code and a place. */
function outcome(bytes: Buffer): string {
  let doc;
  try {
    doc = readTaskSequence(bytes, { maxDepth: 64 });
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    expect(e.code).toMatch(/^[A-Z_]+$/);
    if (!WHOLE_INPUT.has(e.code)) {
      expect(e.linePos, `${e.code} ${e.message}`).toBeDefined();
      expect(e.linePos?.line).toBeGreaterThanOrEqual(1);
      expect(e.linePos?.col).toBeGreaterThanOrEqual(1);
    }
    return e.code;
  }
  expect(Buffer.from(writeTaskSequence(doc)).equals(bytes)).toBe(true);
  return 'same';
}

describe('fuzz: encodings, truncation, byte order marks and repetitions', { timeout: 180_000 }, () => {
  const all = inputs();
  it('every mutated input reads back byte for byte or is refused with a code and a place', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.array(mutation, { minLength: 1, maxLength: 3 }), (input, edits) => {
        const code = outcome(mutate(input, edits));
        seen.set(code, (seen.get(code) ?? 0) + 1);
      }),
      { numRuns: 1500 },
    );
    // Each kind of outcome must occur, or the property says nothing about it.
    for (const code of ['same', 'XML_MALFORMED', 'ENCODING_INVALID']) expect(seen.get(code) ?? 0, code).toBeGreaterThan(20);
  });
});
