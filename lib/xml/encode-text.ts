/**
 * Text to bytes, the way the bytes were found: the encoding and byte order mark a document was read with (see
 * `codec.ts`), so that an unedited document is written back as the bytes it came from, and the check of whether given
 * bytes are that output without making it.
 */
import type { TextEncodingInfo, UnicodeEncoding } from './encoding-name.js';
import { encodeSingleByte } from './single-byte.js';

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
