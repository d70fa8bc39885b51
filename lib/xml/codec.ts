/**
 * Text codecs: bytes ⇄ string, remembering the encoding and BOM so a document is written back exactly as it came.
 * Decoding is fatal on invalid sequences, which keeps decode∘encode the identity on everything we accept.
 */
import { TextDecoder } from 'node:util';
import { TaskSequenceError } from '../errors.js';

/** The encodings cmts reads and writes. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

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

const decoders = new Map<EncodingName, TextDecoder>();

function decoder(encoding: EncodingName): TextDecoder {
  let d = decoders.get(encoding);
  if (!d) {
    // ignoreBOM: we strip the BOM ourselves so we know whether it was there.
    d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    decoders.set(encoding, d);
  }
  return d;
}

/** Sniffs the BOM (or, without one, UTF-16 by the shape of `<`), then decodes strictly. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  let encoding: EncodingName = 'utf-8';
  let bom = false;
  let skip = 0;
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
  } else if (b0 === 0x3c && b1 === 0x00) {
    encoding = 'utf-16le';
  } else if (b0 === 0x00 && b1 === 0x3c) {
    encoding = 'utf-16be';
  }
  const body = bytes.subarray(skip);
  if (encoding !== 'utf-8' && body.length % 2 !== 0) {
    throw new TaskSequenceError('ENCODING_INVALID', `${encoding.toUpperCase()} input has an odd number of bytes (${bytes.length}).`);
  }
  let text: string;
  try {
    text = decoder(encoding).decode(body);
  } catch {
    throw new TaskSequenceError(
      'ENCODING_INVALID',
      `The bytes are not valid ${encoding.toUpperCase()}${bom ? ' (as its byte order mark says)' : ''}; first bad byte near offset ${firstBadOffset(body, encoding) + skip}.`,
    );
  }
  return { text, encoding, bom };
}

/** Finds roughly where strict decoding fails, for the error message (failure path only). */
function firstBadOffset(body: Uint8Array, encoding: EncodingName): number {
  const step = encoding === 'utf-8' ? 1 : 2;
  let lo = 0;
  let hi = body.length;
  // Streaming decode of a prefix fails only on a complete bad sequence, so "prefix decodes" is monotonic: bisect it.
  while (hi - lo > step) {
    const mid = lo + Math.max(step, Math.floor((hi - lo) / 2 / step) * step);
    if (decodes(body.subarray(0, mid), encoding)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function decodes(bytes: Uint8Array, encoding: EncodingName): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Encodes `text` the way {@link decodeBytes} found it. */
export function encodeText(text: string, info: TextEncodingInfo): Uint8Array {
  let body: Buffer;
  if (info.encoding === 'utf-8') body = Buffer.from(text, 'utf8');
  else {
    body = Buffer.from(text, 'utf16le');
    if (info.encoding === 'utf-16be') body.swap16();
  }
  if (!info.bom) return new Uint8Array(body.buffer, body.byteOffset, body.length);
  const bomBytes = info.encoding === 'utf-8' ? [0xef, 0xbb, 0xbf] : info.encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  const out = new Uint8Array(bomBytes.length + body.length);
  out.set(bomBytes, 0);
  out.set(body, bomBytes.length);
  return out;
}
