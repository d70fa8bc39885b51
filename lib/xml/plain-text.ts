/**
 * Whether raw text or an attribute value needs no check or decoding (the reader's fast paths; see `xml/parse.ts`).
 */

/**
 * Whether an attribute value at `[from, to)` means itself and needs no check: no `<`, no reference, no character
 * outside printable ASCII and Latin-1, nothing normalisation changes. Anything else takes the checked path.
 */
export function isPlain(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x26 || c === 0x3c || c > 0xff) return false;
  }
  return true;
}

/** What {@link plainText} finds: the text needs checking or decoding. */
export const NOT_PLAIN = 0;
/** What {@link plainText} finds: the text means itself. */
export const PLAIN = 1;
/** What {@link plainText} finds: the text means itself once its line ends are LFs. */
export const PLAIN_CR = 2;

/**
 * Whether element text at `[from, to)` needs no check or decoding, as {@link isPlain} for an attribute value, but
 * with tabs and line ends plain and no `]` (of a `]]>`): `NOT_PLAIN` if it does; `PLAIN_CR` when it holds a CR, whose
 * line ends are still to be made LFs; else `PLAIN`.
 */
export function plainText(text: string, from: number, to: number): number {
  let found = PLAIN;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x0d) found = PLAIN_CR;
      else if (c !== 0x09 && c !== 0x0a) return NOT_PLAIN;
    } else if (c === 0x26 || c === 0x3c || c > 0xff || c === 0x5d) return NOT_PLAIN;
  }
  return found;
}
