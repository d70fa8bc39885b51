/**
 * Escaping for print: text, attribute values, CDATA sections and a document held as an element's content, written so
 * that a reader gives back exactly the value printed (the reverse of the decoding in `entities.ts`). Short values go
 * through a few replaces; a long one through one pass over a table (see `escape-table.ts`).
 */
import { LONG_TEXT } from './entities.js';
import { type EscapeTable, escapeTable, escapeWith } from './escape-table.js';
import { firstUnencodable, firstUnencodableAt, fitsSingleByte, referenceUnencodable, type SingleByteEncoding } from './single-byte.js';

/** How text and attribute values are escaped when cmts prints them; learnt from the document (see `xml/style.ts`). */
export interface EscapeStyle {
  /** Write `"` in text as `&quot;`. */
  textQuot: boolean;
  /** Write `'` in text as `&apos;`. */
  textApos: boolean;
}

/** What a CR and an LF in held text are written as in escaped text: as they are (`\r`, `\n`) or as references. */
export interface HeldLineEnds {
  cr: string;
  lf: string;
}

/** The newline an LF printed afresh is written as: the document's (`\r\n` in a CRLF file, `\r` in a CR file), else an LF. */
export type Newline = '\r\n' | '\n' | '\r';

/** `&`, `<` and `>` escaped, and quotes as the style says; line ends untouched. */
function escapeMarkup(value: string, style: EscapeStyle): string {
  let s = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (style.textQuot) s = s.replace(/"/g, '&quot;');
  if (style.textApos) s = s.replace(/'/g, '&apos;');
  return s;
}

/** Each LF of `s` written as `newline`. */
export function withNewline(s: string, newline: Newline = '\n'): string {
  return newline === '\n' || s.indexOf('\n') === -1 ? s : s.replace(/\n/g, newline);
}

/**
 * Escapes element text: `&`, `<` and `>` always; quotes as the style says; a CR as `&#xD;`, and each LF as the
 * document's `newline`. A reader makes every literal line end an LF (XML 1.0 §2.11), so a CR in a value (one read
 * from a reference, or given) reads back as a CR only when it is written as one; an LF reads back as an LF however the
 * line end is written, so it is written as the document writes its lines.
 */
export function escapeText(value: string, style: EscapeStyle, newline: Newline = '\n'): string {
  if (value.length > LONG_TEXT) return escapeWith(value, textTable(style, newline));
  const s = escapeMarkup(value, style);
  return withNewline(s.indexOf('\r') === -1 ? s : s.replace(/\r/g, '&#xD;'), newline);
}

/** Escapes an attribute value for the given quote character; tab, LF and CR as character references. */
export function escapeAttribute(value: string, quote: '"' | "'"): string {
  if (value.length > LONG_TEXT) return escapeWith(value, quote === '"' ? ATTRIBUTE_DQ : ATTRIBUTE_SQ);
  let s = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  s = quote === '"' ? s.replace(/"/g, '&quot;') : s.replace(/'/g, '&apos;');
  return s.replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}

const MARKUP = { '&': '&amp;', '<': '&lt;', '>': '&gt;' } as const;
const ATTRIBUTE_LINES = { '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' } as const;
const ATTRIBUTE_DQ = escapeTable({ ...MARKUP, '"': '&quot;', ...ATTRIBUTE_LINES });
const ATTRIBUTE_SQ = escapeTable({ ...MARKUP, "'": '&apos;', ...ATTRIBUTE_LINES });
const textTables = new Map<string, EscapeTable>();

/** The table {@link escapeText} escapes a long value by: the same as its replaces, in one pass. */
function textTable(style: EscapeStyle, newline: Newline): EscapeTable {
  const key = `${String(style.textQuot)}${String(style.textApos)}${newline}`;
  let table = textTables.get(key);
  if (!table) {
    const quotes = { ...(style.textQuot ? { '"': '&quot;' } : {}), ...(style.textApos ? { "'": '&apos;' } : {}) };
    textTables.set(key, (table = escapeTable({ ...MARKUP, ...quotes, '\r': '&#xD;', '\n': newline })));
  }
  return table;
}

/**
 * Text for a CDATA section; `]]>` is split across two sections, the only way CDATA can hold it. A CR, which a section
 * cannot hold (read there, it is a line end, an LF), is written between two sections as `&#xD;`, and so is a
 * character the document's single-byte `encoding` has no byte for; each LF is written as the document's `newline`,
 * as in text (see {@link escapeText}). With `rawCr`, a CR is written as it is: a held document's text (an embedded
 * sequence) is read from the file's characters as written, line ends and all, not as an outer reader gives them.
 */
export function cdataSection(value: string, encoding?: SingleByteEncoding, newline: Newline = '\n', rawCr = false): string {
  const section = (part: string): string => `<![CDATA[${withNewline(part, newline).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
  const crs = !rawCr && value.indexOf('\r') !== -1;
  if (!crs && (encoding === undefined || firstUnencodable(value, encoding) === undefined)) return section(value);
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c !== 0x0d || rawCr) && (encoding === undefined || fitsSingleByte(c, encoding))) continue;
    const cp = value.codePointAt(i) as number;
    // No empty section around a reference: it would be a node of nothing.
    if (i > from) out += section(value.slice(from, i));
    out += `&#x${cp.toString(16).toUpperCase()};`;
    if (cp > 0xffff) i++;
    from = i + 1;
  }
  return from < value.length ? out + section(value.slice(from)) : out;
}

/**
 * A document's text held as an element's content (an embedded sequence): one CDATA section when `cdata` asks for it
 * and the text can be one; escaped text when it holds `]]>`, which split across two sections would be two nodes, and
 * a reader looks for the sequence in one. Its line ends are written as they are: they are the held document's own,
 * and mean line ends to its reader however the outer reader gives them. In a single-byte outer document (`encoding`),
 * a character it has no byte for (one the held text read from a reference, and the inner printer copied as read) is
 * written as a reference, so in escaped text, which can hold one. Escaped, a CR and an LF are written as `lineEnds`
 * says (default: as they are), so that text written into a file that writes them as references does so too.
 */
export function heldText(text: string, cdata: boolean, style: EscapeStyle, encoding?: SingleByteEncoding, lineEnds?: HeldLineEnds): string {
  if (cdata && !text.includes(']]>') && (encoding === undefined || firstUnencodableAt(text, encoding) === -1)) return `<![CDATA[${text}]]>`;
  let s = escapeMarkup(text, style);
  if (lineEnds && (lineEnds.cr !== '\r' || lineEnds.lf !== '\n')) s = s.replace(/[\r\n]/g, (c) => (c === '\r' ? lineEnds.cr : lineEnds.lf));
  return referenceUnencodable(s, encoding);
}
