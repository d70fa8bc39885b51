/**
 * Text codecs: bytes ⇄ string, remembering the encoding and BOM so a document is written back exactly as it came.
 * Decoding is fatal on invalid sequences, which keeps decode∘encode the identity on everything we accept.
 *
 * The encoding is found as XML 1.0 appendix F says: the byte order mark, else the shape of the first bytes, then the
 * XML declaration's `encoding`, which must agree with them. A declared single-byte encoding is decoded as such (never
 * as UTF-8 that happens to be valid); a declared encoding cmts cannot read is refused by name.
 */
import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { LineCounter, type LinePos, TaskSequenceError } from '../errors.js';
import { DECLARATION_MALFORMED, readDeclaration, startsWithDeclaration } from './declaration.js';
import { decodeSingleByte, encodeSingleByte, firstUnencodableAt, type SingleByteEncoding } from './single-byte.js';

/** The encodings cmts reads and writes. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

export type UnicodeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Encoding labels by what they name (case-insensitive; the IANA names and aliases an export can carry). */
const LABELS: Record<string, EncodingName | 'utf-16'> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16',
  utf16: 'utf-16',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-1': 'iso-8859-1',
  iso_8859_1: 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  l1: 'iso-8859-1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'us-ascii': 'us-ascii',
  ascii: 'us-ascii',
};

/** What a declared encoding label means to cmts, or undefined if cmts cannot read it. */
export function encodingOfLabel(label: string): EncodingName | 'utf-16' | undefined {
  return Object.prototype.hasOwnProperty.call(LABELS, label.toLowerCase()) ? LABELS[label.toLowerCase()] : undefined;
}

/** How a document's bytes were encoded. */
export interface TextEncodingInfo {
  encoding: EncodingName;
  /** Whether the bytes started with a byte order mark. */
  bom: boolean;
}

/** Decoded text plus how it was encoded. */
export interface DecodedText extends TextEncodingInfo {
  text: string;
}

const decoders = new Map<UnicodeEncoding, TextDecoder>();

function decoder(encoding: UnicodeEncoding): TextDecoder {
  let d = decoders.get(encoding);
  if (!d) {
    // ignoreBOM: we strip the BOM ourselves so we know whether it was there.
    d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    decoders.set(encoding, d);
  }
  return d;
}

/**
 * `bytes` decoded strictly in `encoding` (a byte order mark is left to the caller: it is not skipped); throws a
 * `TypeError` for bytes that are not such text, whose place {@link firstBadUtf8} or {@link firstBadUtf16} finds.
 */
export function decodeStrict(bytes: Uint8Array, encoding: UnicodeEncoding): string {
  return decoder(encoding).decode(bytes);
}

/**
 * The UTF-16 byte order that bytes with no byte order mark have by their shape: a `<` and another ASCII character,
 * each with a zero byte (XML 1.0 appendix F). A single zero byte is not enough: UTF-8 with a NUL in it (no XML text
 * may hold one) was taken for UTF-16 and refused for an odd number of bytes, not for the NUL.
 */
function utf16Shape(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x3c && b1 === 0x00 && b2 !== 0x00 && b3 === 0x00) return 'utf-16le';
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 !== 0x00) return 'utf-16be';
  return undefined;
}

/** Whether bytes are UTF-16 by their BOM or their shape (the test {@link decodeBytes} makes). */
export function isUtf16(bytes: Uint8Array): boolean {
  const [b0, b1] = bytes;
  return (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || utf16Shape(bytes) !== undefined;
}

/** Sniffs the BOM (or, without one, UTF-16 by the shape of `<`), checks the declared encoding, then decodes strictly. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2, b3] = bytes;
  let encoding: UnicodeEncoding = 'utf-8';
  let bom = false;
  let skip = 0;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) || (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff)) {
    // Read as UTF-16 (FF FE) or as UTF-8, it was refused for what followed, not for what it is.
    throw new TaskSequenceError('ENCODING_INVALID', 'The bytes start with a UTF-32 byte order mark; cmts reads UTF-8, UTF-16, ISO-8859-1 and windows-1252. Save the file as UTF-8.', place('', 0));
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    bom = true;
    skip = 3;
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    bom = true;
    skip = 2;
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    bom = true;
    skip = 2;
  } else {
    encoding = utf16Shape(bytes) ?? 'utf-8';
  }
  const body = bytes.subarray(skip);
  if (encoding === 'utf-8') {
    // An ASCII-compatible document: its declaration (ASCII by its grammar, so one byte is one character) can be read
    // before knowing the rest of the encoding. It ends at the first `?>`, however much white space it holds: a head of
    // a fixed size missed the encoding of a long declaration, and its single-byte text was then read as UTF-8.
    const buf = Buffer.from(body.buffer, body.byteOffset, body.length);
    const close = buf.indexOf('<?xml') === 0 ? buf.indexOf('?>') : -1;
    const head = buf.toString('latin1', 0, close === -1 ? Math.min(body.length, 4096) : close + 2);
    // A declaration that does not parse names no encoding that can be trusted: it is the fault, not the bytes after it
    // (read as UTF-8 they were refused as such, far from the declaration).
    if (close !== -1 && startsWithDeclaration(head) && readDeclaration(head) === undefined) throw new TaskSequenceError('XML_MALFORMED', DECLARATION_MALFORMED, place('', 0));
    const declared = declaredEncoding(head);
    if (declared !== undefined && declared !== 'utf-8') {
      if (declared === 'utf-16' || declared === 'utf-16le' || declared === 'utf-16be') {
        throw new TaskSequenceError('ENCODING_INVALID', `The document declares encoding ${declared.toUpperCase()}, but its bytes are ASCII-compatible (${bom ? 'a UTF-8 byte order mark' : 'no UTF-16 byte order mark'}).`, labelPlace(head));
      }
      if (bom) throw new TaskSequenceError('ENCODING_INVALID', `The document declares encoding ${declared.toUpperCase()}, but starts with a UTF-8 byte order mark.`, labelPlace(head));
      return { text: decodeSingleByte(body, declared), encoding: declared, bom: false };
    }
  }
  if (encoding !== 'utf-8' && body.length % 2 !== 0) {
    // Placed at the lone last byte, after the text that comes before it.
    const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(body.subarray(0, body.length - 1));
    throw new TaskSequenceError('ENCODING_INVALID', `${encoding.toUpperCase()} input has an odd number of bytes (${bytes.length}).`, place(before, before.length));
  }
  let text: string;
  try {
    // ASCII is the same text in UTF-8, Latin-1 and ASCII, so it needs no validation pass; Node's ASCII decoding of a
    // large buffer is several times faster than its Latin-1 decoding (measured: 3 ms against 24 ms for 7 MB).
    text = encoding === 'utf-8' && isAscii(body) ? Buffer.from(body.buffer, body.byteOffset, body.length).toString('ascii') : decoder(encoding).decode(body);
  } catch {
    const bad = encoding === 'utf-8' ? firstBadUtf8(body) : firstBadUtf16(body, encoding === 'utf-16be');
    // Where that is as a reader counts it: the text before it is valid, so it is decoded to count its lines.
    const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(body.subarray(0, bad));
    throw new TaskSequenceError(
      'ENCODING_INVALID',
      `The bytes are not valid ${encoding.toUpperCase()}${bom ? ' (as its byte order mark says)' : ''}; first bad byte near offset ${bad + skip}.`,
      place(before, before.length),
    );
  }
  if (encoding !== 'utf-8') {
    const declared = declaredEncoding(text);
    if (declared !== undefined && declared !== 'utf-16' && declared !== encoding) {
      throw new TaskSequenceError('ENCODING_INVALID', `The document declares encoding ${declared.toUpperCase()}, but its bytes are ${encoding.toUpperCase()}.`, labelPlace(text));
    }
    // XML 1.0 §4.3.3: text that begins with neither a byte order mark nor an encoding declaration is UTF-8.
    if (!bom && declared === undefined) {
      throw new TaskSequenceError(
        'ENCODING_INVALID',
        `The bytes are ${encoding.toUpperCase()} with no byte order mark, and no XML declaration names their encoding, so XML 1.0 (§4.3.3) reads them as UTF-8, which they are not. Save the file with a byte order mark (PowerShell's Out-File -Encoding Unicode writes one), or begin it with <?xml version="1.0" encoding="UTF-16"?>.`,
        place('', 0),
      );
    }
  }
  return { text, encoding, bom };
}

/** The encoding an XML declaration at the start of `head` names; undefined when it names none. */
function declaredEncoding(head: string): EncodingName | 'utf-16' | undefined {
  const { label, known } = declaredLabel(head);
  if (label !== undefined && known === undefined) {
    throw new TaskSequenceError('ENCODING_INVALID', `The document declares encoding ${JSON.stringify(label)}, which cmts cannot read; save it as UTF-8 (or UTF-16, ISO-8859-1, windows-1252).`, labelPlace(head));
  }
  return known;
}

/** The place of `offset` in `text` (the text up to a fault, or all of it), for an error. */
function place(text: string, offset: number): { range: [number, number]; linePos: LinePos } {
  return { range: [offset, offset], linePos: new LineCounter(text).linePos(offset) };
}

/** The place of the encoding label in the XML declaration at the start of `head` (known to name one). */
function labelPlace(head: string): { range: [number, number]; linePos: LinePos } {
  // `encoding` is the declaration's second pseudo-attribute; the first, `version`, has a value of digits and a dot.
  const keyword = head.indexOf('encoding');
  const quote = Math.min(...['"', "'"].map((q) => head.indexOf(q, keyword)).filter((i) => i !== -1));
  return place(head, quote + 1);
}

/** The encoding label of an XML declaration at the start of `head`, and what it means to cmts (undefined: unknown). */
function declaredLabel(head: string): { label: string | undefined; known: EncodingName | 'utf-16' | undefined } {
  const label = readDeclaration(head)?.encoding;
  return { label, known: label === undefined ? undefined : encodingOfLabel(label) };
}

/**
 * The encoding a text given already decoded (a string) is written in: the one its XML declaration names, so that the
 * bytes written read back as the same text; UTF-8 when it names none. UTF-16 is written with a byte order mark, which
 * is what lets a reader find it; a BOM is kept for UTF-8 only when the string had one, and a single-byte encoding has
 * none. A text that could not be written so is refused as bytes would be (`ENCODING_INVALID`, with the place): one
 * whose declaration names an encoding cmts cannot write, or a single-byte one that cannot hold all its characters.
 * Taken in, it could not be written back even unedited.
 */
export function encodingOfText(text: string, bom: boolean): TextEncodingInfo {
  const known = declaredEncoding(text);
  if (known === 'iso-8859-1' || known === 'windows-1252' || known === 'us-ascii') {
    const at = firstUnencodableAt(text, known);
    if (at !== -1) {
      const cp = text.codePointAt(at) as number;
      const hex = cp.toString(16).toUpperCase();
      throw new TaskSequenceError('ENCODING_INVALID', `The text declares encoding ${known.toUpperCase()}, which cannot hold U+${hex.padStart(4, '0')}: write it as a character reference (&#x${hex};), or declare UTF-8.`, place(text, at));
    }
  }
  if (known === undefined || known === 'utf-8') return { encoding: 'utf-8', bom };
  if (known === 'utf-16') return { encoding: 'utf-16le', bom: true };
  if (known === 'utf-16le' || known === 'utf-16be') return { encoding: known, bom: true };
  return { encoding: known, bom: false };
}

/**
 * Why {@link decodeBytes} would not find `text`, written as `info` says, in that encoding again (or would refuse it),
 * or undefined when it would. The same rules as it reads by: the byte order mark, else UTF-16 by a leading `<`, else
 * the declaration (a single-byte encoding only by its declaration), else UTF-8. The writer asks this of a document
 * whose declaration an edit may have added, moved in, changed or removed.
 */
export function declarationDisagreement(text: string, { encoding, bom }: TextEncodingInfo): string | undefined {
  const declaration = readDeclaration(text);
  const { label, known } = declaredLabel(text);
  if (label !== undefined && known === undefined) return `The XML declaration names encoding ${JSON.stringify(label)}, which no reader of cmts knows.`;
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const agrees = encoding === 'utf-8' ? known === undefined || known === 'utf-8' : utf16 ? known === undefined || known === 'utf-16' || known === encoding : known === encoding;
  if (!agrees) {
    const says = !declaration ? 'There is no XML declaration' : label === undefined ? 'The XML declaration names no encoding' : `The XML declaration names encoding ${label}`;
    return `${says}, but the document is written in ${encoding.toUpperCase()}${bom ? ' with a byte order mark' : ''}.`;
  }
  return utf16 && !bom && known === undefined ? 'A UTF-16 document with no byte order mark must begin with an XML declaration that names its encoding (XML 1.0 §4.3.3), which is how a reader tells it.' : undefined;
}

/**
 * Where the first ill-formed UTF-8 sequence starts (Unicode's table 3-7: no overlong form, no surrogate, nothing above
 * U+10FFFF, nothing cut short), or the length when there is none. One pass: the failure path of a large file found it
 * by bisecting with streaming decodes, tens of seconds for a bad byte at the end of 30 MB.
 */
export function firstBadUtf8(body: Uint8Array): number {
  const n = body.length;
  for (let i = 0; i < n; ) {
    const b = body[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = body[i + k];
      if (c === undefined || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return n;
}

/** Where the first unpaired surrogate of UTF-16 bytes (an even number of them) starts, or the length when none is. */
export function firstBadUtf16(body: Uint8Array, bigEndian: boolean): number {
  const unit = (i: number): number => (bigEndian ? ((body[i] as number) << 8) | (body[i + 1] as number) : (body[i] as number) | ((body[i + 1] as number) << 8));
  for (let i = 0; i + 1 < body.length; i += 2) {
    const u = unit(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u > 0xdbff || i + 3 >= body.length) return i;
    const next = unit(i + 2);
    if (next < 0xdc00 || next > 0xdfff) return i;
    i += 2;
  }
  return body.length;
}

const BOMS: Record<UnicodeEncoding, readonly number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

/** Encodes `text` the way {@link decodeBytes} found it, into one buffer (BOM included) allocated once. */
export function encodeText(text: string, info: TextEncodingInfo): Uint8Array {
  if (info.encoding === 'iso-8859-1' || info.encoding === 'windows-1252' || info.encoding === 'us-ascii') return encodeSingleByte(text, info.encoding);
  const bom = info.bom ? BOMS[info.encoding] : [];
  const nodeEncoding = info.encoding === 'utf-8' ? 'utf8' : 'utf16le';
  const out = Buffer.allocUnsafeSlow(bom.length + Buffer.byteLength(text, nodeEncoding));
  out.set(bom, 0);
  out.write(text, bom.length, nodeEncoding);
  if (info.encoding === 'utf-16be') out.subarray(bom.length).swap16();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Characters compared per step by {@link encodesTo}: its only allocation is a scratch buffer of three times this. */
const CHUNK = 1 << 15;

/**
 * Whether `bytes` are exactly what {@link encodeText} would make of `text`, found without making them: the text is
 * encoded a slice at a time into one small scratch buffer and compared.
 */
export function encodesTo(bytes: Uint8Array, text: string, info: TextEncodingInfo): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let at = 0;
  if (info.encoding === 'iso-8859-1' || info.encoding === 'windows-1252' || info.encoding === 'us-ascii') {
    // Single-byte: one byte per character, so the slices line up with the bytes.
    if (buf.length !== text.length) return false;
    for (let i = 0; i < text.length; i += CHUNK) {
      const part = encodeSingleByte(text.slice(i, i + CHUNK), info.encoding);
      if (buf.compare(part, 0, part.length, i, i + part.length) !== 0) return false;
    }
    return true;
  }
  if (info.bom) {
    for (const b of BOMS[info.encoding]) if (buf[at++] !== b) return false;
  }
  const nodeEncoding = info.encoding === 'utf-8' ? 'utf8' : 'utf16le';
  const scratch = Buffer.allocUnsafe(3 * CHUNK);
  for (let i = 0; i < text.length; ) {
    let j = Math.min(text.length, i + CHUNK);
    // Never split a surrogate pair between two slices: each half alone would encode as U+FFFD.
    const last = text.charCodeAt(j - 1);
    if (j < text.length && last >= 0xd800 && last <= 0xdbff) j--;
    const n = scratch.write(text.slice(i, j), 0, nodeEncoding);
    if (info.encoding === 'utf-16be') scratch.subarray(0, n).swap16();
    if (at + n > buf.length || buf.compare(scratch, 0, n, at, at + n) !== 0) return false;
    at += n;
    i = j;
  }
  return at === buf.length;
}
