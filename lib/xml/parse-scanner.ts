/**
 * What the reader's parts share of the text being read (see `xml/parse.ts`): the text, the strings it repeats (names,
 * short values, indentation) as one string each, and the error the reader throws.
 */
import { isSpace, NAME_AT as NAME } from './chars.js';
import { describeAt, type Fail } from './parse-faults.js';
import { RecentStrings } from './recent-strings.js';

/** The text being read, with the scans every part of the reader makes over it. */
export class Scanner {
  readonly text: string;
  readonly len: number;
  readonly fail: Fail;
  readonly recent = new RecentStrings();

  constructor(text: string, fail: Fail) {
    this.text = text;
    this.len = text.length;
    this.fail = fail;
  }

  /** The name at `at` (refused as `what`'s if there is none), one string for each repeat. */
  name(at: number, what: string): string {
    // ASCII names (nearly all of a task sequence) are scanned by hand and, when seen before, returned without a new
    // string; anything else goes through the exact fifth-edition classes.
    const text = this.text;
    let i = at;
    let c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a) {
      do c = text.charCodeAt(++i);
      while ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e);
      if (!(c >= 0x80) || i >= this.len) return this.recent.peek(text, at, i) ?? this.recent.get(text.slice(at, i));
    }
    NAME.lastIndex = at;
    const m = NAME.exec(text);
    if (!m) this.fail('XML_MALFORMED', `Expected ${what} name ${describeAt(text, at)}.`, at);
    return this.recent.get(m[0]);
  }

  /** Where the white space at `at` ends. */
  skipSpace(at: number): number {
    const text = this.text;
    const len = this.len;
    while (at < len && isSpace(text.charCodeAt(at))) at++;
    return at;
  }

  /** `text[from, to)`, as the one string of its repeats when it is short enough to have any (64 characters). */
  slice(from: number, to: number): string {
    return to - from <= 64 ? (this.recent.peek(this.text, from, to) ?? this.recent.get(this.text.slice(from, to))) : this.text.slice(from, to);
  }
}
