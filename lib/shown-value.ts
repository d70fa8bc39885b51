/**
 * A value from the command line or an options file as a message shows it: a value given in the wrong place can be a
 * whole file or a password, and its start is enough to recognise it.
 */
import { printable } from './errors.js';

/** The most characters of a value a message shows. */
export const SHOWN_VALUE_CHARS = 40;

/** The characters (code points) of a text, counted without an array of them: a text can be as long as its file. */
export function characterCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one character; a lone surrogate is one too, as `for … of` counts it.
    if (c >= 0xd800 && c < 0xdc00) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
  }
  return n;
}

/**
 * `value` as a message shows it: in `quote`s (a double-quoted one as written, or escaped as JSON when it holds a `"` or
 * an unprintable character; `''` for none), its unprintable
 * characters escaped (see `printable`), and, when longer than {@link SHOWN_VALUE_CHARS} characters, cut there with
 * `…` and followed by its length: `'ABC…' (5000 characters)`.
 */
export function shownValue(value: string, quote: "'" | '"' | '' = "'"): string {
  // Counted without an array of every character: the value can be as long as the file it came from.
  let kept = '';
  let count = 0;
  for (const c of value) if (count++ < SHOWN_VALUE_CHARS) kept += c;
  const cut = count > SHOWN_VALUE_CHARS;
  if (cut) kept += '…';
  // In double quotes, a value is shown as written when nothing in it needs an escape, so a Windows path reads as one
  // (`"C:\Windows"`, not `"C:\\Windows"`); one that holds a double quote or a character shown escaped is written as
  // JSON writes it, where every backslash is doubled, so that an escape is never taken for the value's own backslash.
  const plain = quote === '"' && !kept.includes('"') && printable(kept) === kept;
  const quoted = plain ? `"${kept}"` : quote === '"' ? printable(JSON.stringify(kept)) : `${quote}${printable(kept)}${quote}`;
  return cut ? `${quoted} (${count} characters)` : quoted;
}
