/**
 * The character classes of XML 1.0 (fifth edition), exactly: names (productions [4], [4a], [5]), the characters a
 * document may contain ([2]) and white space ([3]).
 */

const START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const REST = `${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;

/** A whole Name ([5]), sticky: set `lastIndex` and `exec` to read the name at an offset. */
export const NAME_AT = new RegExp(`[${START}][${REST}]*`, 'uy');

/** Whether `s` is exactly one XML Name. */
export function isXmlName(s: string): boolean {
  NAME_AT.lastIndex = 0;
  const m = NAME_AT.exec(s);
  return m !== null && m[0].length === s.length;
}

/**
 * Characters XML 1.0 does not allow anywhere ([2]): C0 controls other than tab, LF and CR, U+FFFE and U+FFFF, and
 * surrogates not in a pair (a decoded string can hold them).
 */
export const INVALID_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a code point is a Char ([2]). */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Whether a UTF-16 code unit is white space ([3]). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** How many `<` a text holds: the markup items a tree will be built for (bytes: UTF-8 or single-byte only). */
export function countMarkup(input: Uint8Array | string): number {
  return countOf(input, 0x3c);
}

/** How many times the ASCII character `code` is in `input` (bytes: UTF-8 or single-byte only). */
export function countOf(input: Uint8Array | string, code: number): number {
  let n = 0;
  if (typeof input === 'string') {
    const c = String.fromCharCode(code);
    for (let i = input.indexOf(c); i !== -1; i = input.indexOf(c, i + 1)) n++;
  } else {
    const buf = Buffer.from(input.buffer, input.byteOffset, input.length);
    for (let i = buf.indexOf(code); i !== -1; i = buf.indexOf(code, i + 1)) n++;
  }
  return n;
}

/** Whether a text value is XML white space only (the layout between elements). */
export function isBlank(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) if (!isSpace(value.charCodeAt(i))) return false;
  return true;
}
