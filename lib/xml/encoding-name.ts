/**
 * The encodings cmts reads and writes, by name: the labels an XML declaration may give them, and how a document's
 * bytes are said to be encoded (what the reader finds, with the text it decodes, and what the writer writes back).
 * Apart from the codec so that the reader, the writer and the declaration's checks share them without importing one
 * another.
 */
import type { SingleByteEncoding } from './single-byte.js';

/** The encodings cmts reads and writes. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

/** The Unicode encodings cmts reads and writes (each decoded by the platform, strictly). */
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
