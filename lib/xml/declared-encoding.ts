/**
 * The encoding an XML declaration names, and the checks that hold a document to it: a label cmts cannot read is
 * refused at its place, a text given already decoded is written in the encoding it declares, and the writer asks
 * whether a declaration an edit touched still agrees with the bytes it will write.
 */
import { LineCounter, type LinePos, TaskSequenceError } from '../errors.js';
import { readDeclaration } from './declaration.js';
import { type EncodingName, encodingOfLabel, type TextEncodingInfo } from './encoding-name.js';
import { firstWithoutByteAt } from './single-byte.js';

/** The encoding an XML declaration at the start of `head` names; undefined when it names none. */
export function declaredEncoding(head: string): EncodingName | 'utf-16' | undefined {
  const { label, known } = declaredLabel(head);
  if (label !== undefined && known === undefined) {
    throw new TaskSequenceError('ENCODING_INVALID', `The document declares encoding ${JSON.stringify(label)}, which cmts cannot read; save it as UTF-8 (or UTF-16, ISO-8859-1, windows-1252).`, labelPlace(head));
  }
  return known;
}

/** The place of `offset` in `text` (the text up to a fault, or all of it), for an error. */
export function place(text: string, offset: number): { range: [number, number]; linePos: LinePos } {
  return { range: [offset, offset], linePos: new LineCounter(text).linePos(offset) };
}

/** The place of the encoding label in the XML declaration at the start of `head` (known to name one). */
export function labelPlace(head: string): { range: [number, number]; linePos: LinePos } {
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
    const at = firstWithoutByteAt(text, known);
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
