// Fuzzing the XML declaration and the encoding paths: declarations built from production [23] are accepted and written
// back byte for byte, every single-byte text reads back as the characters that were encoded (never misread as
// UTF-8), each kind of defect is refused with a code, and no input makes the reader throw anything but its own error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTaskSequence, TaskSequenceError, writeTaskSequence } from './helpers/api.js';

const S = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', ' \r\n\t');
const S0 = fc.constantFrom('', ' ', '\n', '\t ');
const quote = fc.constantFrom('"', "'");
const version = fc.integer({ min: 0, max: 12 }).map((n) => `1.${n}`);
const eq = fc.tuple(S0, S0).map(([a, b]) => `${a}=${b}`);

/** A declaration as the grammar allows it, and the encoding it names (or undefined). */
function declaration(encodings: string[]) {
  return fc
    .record({
      s1: S,
      e1: eq,
      q1: quote,
      v: version,
      enc: fc.option(fc.tuple(S, eq, quote, fc.constantFrom(...encodings)), { nil: undefined }),
      sa: fc.option(fc.tuple(S, eq, quote, fc.constantFrom('yes', 'no')), { nil: undefined }),
      tail: S0,
    })
    .map((d) => ({
      text:
        `<?xml${d.s1}version${d.e1}${d.q1}${d.v}${d.q1}` +
        (d.enc ? `${d.enc[0]}encoding${d.enc[1]}${d.enc[2]}${d.enc[3]}${d.enc[2]}` : '') +
        (d.sa ? `${d.sa[0]}standalone${d.sa[1]}${d.sa[2]}${d.sa[3]}${d.sa[2]}` : '') +
        `${d.tail}?>`,
      encoding: d.enc?.[3],
    }));
}

const body = (name: string): string => `\n<sequence version="3.10"><step type="X" name="${name}"/></sequence>\n`;
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function readOrCode(bytes: Uint8Array): string {
  try {
    readTaskSequence(bytes);
    return 'read';
  } catch (e) {
    if (e instanceof TaskSequenceError) return e.code;
    throw e;
  }
}

describe('fuzz: the XML declaration and the declared encoding', { timeout: 60_000 }, () => {
  it('accepts every declaration the grammar allows and writes it back byte for byte', () => {
    fc.assert(
      fc.property(declaration(['utf-8', 'UTF-8', 'Utf8']), fc.string(), (decl, name) => {
        const bytes = Buffer.from(decl.text + body(escapeAttr(name)), 'utf8');
        fc.pre(!/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(name) && name.isWellFormed());
        const doc = readTaskSequence(bytes);
        expect(Buffer.from(writeTaskSequence(doc)).equals(bytes)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('reads single-byte text as the characters that were encoded, whatever UTF-8 the bytes also spell', () => {
    const latin = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)) }).filter((s) => !/[\x7f-\x9f]/.test(s));
    const cp1252Extra = fc.constantFrom('€', '‚', 'ƒ', '„', '…', '‘', '’', '“', '”', '•', '–', '—', '™', 'Ÿ', 'Š', 'ž');
    const text1252 = fc.array(fc.oneof(latin, cp1252Extra)).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom('ISO-8859-1', 'latin1', 'windows-1252', 'cp1252'), declaration(['X']), latin, text1252, (label, decl, l1, w1252) => {
        const is1252 = /1252/.test(label);
        const name = is1252 ? w1252 : l1;
        const xml = decl.text.replace(/(["'])X\1/, `$1${label}$1`);
        const full = (decl.encoding ? xml : `<?xml version="1.0" encoding="${label}"?>`) + body(escapeAttr(name));
        const bytes = Buffer.from(is1252 ? Array.from(full, (c) => win1252Byte(c)) : Buffer.from(full, 'latin1'));
        const doc = readTaskSequence(bytes);
        expect(doc.sequence.children[0]).toMatchObject({ attributes: { name } });
        expect(doc.encoding.encoding).toBe(is1252 ? 'windows-1252' : 'iso-8859-1');
        expect(Buffer.from(writeTaskSequence(doc)).equals(bytes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses each kind of defect in a declaration with a code', () => {
    const defects: ((d: string) => string)[] = [
      (d) => d.replace('version', 'Version'),
      (d) => d.replace(/version(\s*=\s*)(["'])1\.\d+\2/, 'version$1$2 1.0$2'),
      (d) => d.replace(/(["'])1\.(\d+)\1/, '$11.$2$1$1'),
      (d) => d.replace(/(["'])1\.(\d+)\1/, (_m, q: string, n: string) => `${q}1.${n}${q === '"' ? "'" : '"'}`),
      (d) => d.replace(/(["'])1\.\d+\1/, '$12.0$1'),
      (d) => d.replace('<?xml', '<?xml  foo="bar"'),
      (d) => d.replace(/\?>$/, ' standalone="maybe"?>'),
      (d) => d.replace(/^<\?xml\s+version\s*=\s*(["'])1\.\d+\1/, '<?xml'),
      (d) => ` ${d}`,
      (d) => `<!-- c -->${d}`,
      (d) => d.replace('<?xml', '<?XML'),
      (d) => d.replace(/\?>$/, ' standalone="no" encoding="utf-8"?>'),
      (d) => d.replace(/\?>$/, ' encoding="utf 8"?>'),
      (d) => d.replace(/\?>$/, '>'),
    ];
    fc.assert(
      fc.property(declaration(['utf-8']), fc.integer({ min: 0, max: defects.length - 1 }), (decl, k) => {
        const broken = (defects[k] as (d: string) => string)(decl.text);
        fc.pre(broken !== decl.text);
        expect(readOrCode(Buffer.from(broken + body('a'), 'utf8'))).toMatch(/^(XML_MALFORMED|ENCODING_INVALID)$/);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a declared encoding the bytes contradict', () => {
    const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(readOrCode(Buffer.concat([utf8Bom, Buffer.from(`<?xml version="1.0" encoding="iso-8859-1"?>${body('a')}`)]))).toBe('ENCODING_INVALID');
    expect(readOrCode(Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${body('a')}`))).toBe('ENCODING_INVALID');
    expect(readOrCode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="utf-8"?>${body('a')}`, 'utf16le')]))).toBe('ENCODING_INVALID');
    expect(readOrCode(Buffer.from(`<?xml version="1.0" encoding="Shift_JIS"?>${body('a')}`))).toBe('ENCODING_INVALID');
    expect(readOrCode(Buffer.from(`<?xml version="1.0" encoding="us-ascii"?>${body('é')}`))).toBe('ENCODING_INVALID');
  });

  it('meets random bytes after any declaration with a read or a TaskSequenceError, nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom('utf-8', 'utf-16', 'iso-8859-1', 'windows-1252', 'us-ascii', 'ebcdic', ''), fc.uint8Array({ maxLength: 64 }), fc.boolean(), (label, tail, bom) => {
        const decl = label ? `<?xml version="1.0" encoding="${label}"?>` : '<?xml version="1.0"?>';
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(`${decl}<sequence a="`), tail, Buffer.from('"/>')]);
        const r = readOrCode(bytes);
        if (r === 'read') expect(Buffer.from(writeTaskSequence(readTaskSequence(bytes))).equals(bytes)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a value with a character the document\'s single-byte encoding cannot hold as a reference to it', () => {
    const doc = readTaskSequence(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${body('a')}`, 'latin1'));
    (doc.sequence.children[0] as { attributes: Record<string, string> }).attributes.name = 'snow ☃';
    const out = writeTaskSequence(doc);
    expect(Buffer.from(out).toString('latin1')).toContain('name="snow &#x2603;"');
    expect((readTaskSequence(out).sequence.children[0] as { attributes: Record<string, string> }).attributes.name).toBe('snow ☃');
  });

  it('refuses to write such a character where no reference can stand (a comment), naming it', () => {
    const doc = readTaskSequence(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${body('a')}`, 'latin1'));
    doc.sequence.children.push({ kind: 'comment', value: ' snow ☃ ' });
    expect(() => writeTaskSequence(doc)).toThrow(expect.objectContaining({ code: 'ENCODING_INVALID', message: expect.stringContaining('U+2603') }));
  });
});

const CP1252: Record<string, number> = { '€': 0x80, '‚': 0x82, ƒ: 0x83, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99, Ÿ: 0x9f, Š: 0x8a, ž: 0x9e };
function win1252Byte(c: string): number {
  return CP1252[c] ?? c.charCodeAt(0);
}
