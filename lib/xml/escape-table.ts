/**
 * Escaping of a long value in one pass: its length once escaped is counted, then its code units are written once into
 * one array of exactly that length and made one string. The chain of regular-expression replaces a short value takes
 * (see `escape-text.ts`) made each long value's text up to seven times over, and a value of 30 million line ends edited
 * into a CRLF document took 14 s and 1.2 GB to write (an attribute of 6 million `a\tb\r\n`, 35 s and 1.9 GB).
 */

/** What each code unit below the table's length is written as; undefined where it stands for itself. */
export type EscapeTable = readonly (string | undefined)[];

/** A table that writes each of `replacements`' keys (one character each) as its value. */
export function escapeTable(replacements: Readonly<Record<string, string>>): EscapeTable {
  const table: (string | undefined)[] = new Array<string | undefined>(0x40).fill(undefined);
  for (const [ch, by] of Object.entries(replacements)) table[ch.charCodeAt(0)] = by;
  return table;
}

/** `value` with each code unit the table names written as the table says. */
export function escapeWith(value: string, table: EscapeTable): string {
  const size = table.length;
  let length = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < size) {
      const by = table[c];
      if (by !== undefined) length += by.length - 1;
    }
  }
  const units = new Uint16Array(length);
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const by = c < size ? table[c] : undefined;
    if (by === undefined) units[n++] = c;
    else for (let k = 0; k < by.length; k++) units[n++] = by.charCodeAt(k);
  }
  return Buffer.from(units.buffer, units.byteOffset, 2 * n).toString('utf16le');
}
