/**
 * The single-byte encodings an export can declare: ISO-8859-1 (every byte is the code point of the same number) and
 * windows-1252 (ISO-8859-1 with printable characters in 0x80–0x9F). Both decode every byte, so decoding never fails;
 * encoding fails on a character the encoding has no byte for (in windows-1252, also the C1 controls of the five bytes
 * it leaves undefined: see CP1252_BYTE).
 */
import { LineCounter, TaskSequenceError } from '../errors.js';

/** windows-1252 bytes 0x80–0x9F; bytes the code page leaves undefined map to the C1 control of the same number. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const CP1252_BYTE = new Map<number, number>(CP1252_HIGH.map((cp, i) => [cp, 0x80 + i]));
/**
 * The C1 controls of the five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). They are read as
 * Windows and the WHATWG table read those bytes, and text read so is written back as read; but written afresh they are
 * character references, as any character the encoding has no byte for (and refused where none can be written, in a
 * comment or a processing instruction): strict decoders (iconv, Python's cp1252, so expat through it) refuse the bytes.
 */
const CP1252_UNDEFINED = new Set(CP1252_HIGH.filter((cp, i) => cp === 0x80 + i));

/** The single-byte encodings cmts reads and writes. */
export type SingleByteEncoding = 'iso-8859-1' | 'windows-1252' | 'us-ascii';

/** The encoding of a text, when it is single-byte (what it cannot hold is written as a reference); else undefined. */
export function singleByteOf(info: { encoding: string } | undefined): SingleByteEncoding | undefined {
  const e = info?.encoding;
  return e === 'iso-8859-1' || e === 'windows-1252' || e === 'us-ascii' ? e : undefined;
}

/** Whether `encoding` has a byte for the UTF-16 code unit `c` (never for half of a surrogate pair). */
function hasByte(c: number, encoding: SingleByteEncoding): boolean {
  const max = encoding === 'us-ascii' ? 0x7f : 0xff;
  return (c <= max && (encoding !== 'windows-1252' || c < 0x80 || c > 0x9f)) || (encoding === 'windows-1252' && CP1252_BYTE.has(c));
}

/**
 * Whether the UTF-16 code unit `c` is written afresh in `encoding` as a byte: it has one, and in windows-1252 it is not
 * the control of an undefined byte (see CP1252_UNDEFINED); else it is written as a character reference.
 */
export function fitsSingleByte(c: number, encoding: SingleByteEncoding): boolean {
  return hasByte(c, encoding) && !(encoding === 'windows-1252' && CP1252_UNDEFINED.has(c));
}

/** Where the first character of `text` that is not written afresh as a byte of `encoding` is; -1 when all are. */
export function firstUnencodableAt(text: string, encoding: SingleByteEncoding): number {
  for (let i = 0; i < text.length; i++) if (!fitsSingleByte(text.charCodeAt(i), encoding)) return i;
  return -1;
}

/**
 * Where the first character of `text` that `encoding` has no byte for at all is; -1 when all have one (the controls
 * of windows-1252's undefined bytes do: text read from such bytes is written back as read).
 */
export function firstWithoutByteAt(text: string, encoding: SingleByteEncoding): number {
  for (let i = 0; i < text.length; i++) if (!hasByte(text.charCodeAt(i), encoding)) return i;
  return -1;
}

/** The first character of `text` that `encoding` has no byte for, as a code point; undefined when all fit. */
export function firstUnencodable(text: string, encoding: SingleByteEncoding): number | undefined {
  const at = firstUnencodableAt(text, encoding);
  return at === -1 ? undefined : text.codePointAt(at);
}

/** Decodes single-byte text; US-ASCII refuses bytes above 0x7F. */
export function decodeSingleByte(bytes: Uint8Array, encoding: SingleByteEncoding): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (encoding === 'us-ascii') {
    const bad = bytes.findIndex((b) => b > 0x7f);
    if (bad !== -1) {
      // The bytes before it are ASCII: one character each, so its place is counted on them.
      const before = buf.toString('latin1', 0, bad);
      throw new TaskSequenceError('ENCODING_INVALID', `The document declares US-ASCII, but byte 0x${(bytes[bad] as number).toString(16)} at offset ${bad} is not ASCII.`, {
        range: [bad, bad],
        linePos: new LineCounter(before).linePos(bad),
      });
    }
    return buf.toString('latin1');
  }
  const text = buf.toString('latin1');
  if (encoding === 'iso-8859-1' || !/[\x80-\x9f]/.test(text)) return text;
  return text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] as number));
}

/** Encodes text in a single-byte encoding; throws `ENCODING_INVALID` naming the first character it cannot hold. */
export function encodeSingleByte(text: string, encoding: SingleByteEncoding): Uint8Array {
  const out = new Uint8Array(text.length);
  const max = encoding === 'us-ascii' ? 0x7f : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const direct = c <= max && (encoding !== 'windows-1252' || c < 0x80 || c > 0x9f);
    const b = direct ? c : encoding === 'windows-1252' ? (CP1252_BYTE.get(c) ?? -1) : -1;
    if (b === -1) {
      const cp = text.codePointAt(i) as number;
      throw new TaskSequenceError(
        'ENCODING_INVALID',
        `Character U+${cp.toString(16).toUpperCase().padStart(4, '0')} cannot be written in ${encoding.toUpperCase()}, the document's encoding; write it as a character reference (&#x${cp.toString(16).toUpperCase()};) or convert the document to UTF-8.`,
      );
    }
    out[i] = b;
  }
  return out;
}

/**
 * `escaped` (text or an attribute value already escaped for XML) with every character `encoding` has no byte for
 * written as a character reference, which reads back as that character: printed afresh in a single-byte document,
 * a value such a document held as `&#x20AC;` (a cloned step, a name given) was refused when encoded. With no
 * encoding (the document is not single-byte), `escaped` as it is.
 */
export function referenceUnencodable(escaped: string, encoding: SingleByteEncoding | undefined): string {
  if (encoding === undefined) return escaped;
  // The text between references is copied a run at a time: one character at a time, a held sequence of megabytes
  // (an edited embedded one, written whole) took seconds.
  let out = '';
  let from = 0;
  for (let i = 0; i < escaped.length; i++) {
    if (fitsSingleByte(escaped.charCodeAt(i), encoding)) continue;
    const cp = escaped.codePointAt(i) as number;
    out += `${escaped.slice(from, i)}&#x${cp.toString(16).toUpperCase()};`;
    if (cp > 0xffff) i++;
    from = i + 1;
  }
  return from === 0 ? escaped : out + escaped.slice(from);
}
