/**
 * The writing style's scans made as the text is read (see `style.ts`): the newline of each run of white space and the
 * quotes of plain text, found with searches that each start where the last stopped, so they cost one pass in all.
 */
import type { Tally } from './style.js';

/** Where the next LF, `"` and `'` are at or after the text being read, for a {@link Tally}. */
export class StyleScan {
  private readonly text: string;
  private nextLf = -1;
  private nextDq = -1;
  private nextSq = -1;

  constructor(text: string) {
    this.text = text;
  }

  /**
   * Counts the newline of the white space at `[from, to)` as {@link Tally.whiteSpace} does: CR LF if any, else LF,
   * else CR (`cr`: the run holds one).
   */
  newlines(t: Tally, from: number, to: number, cr: boolean): void {
    let crlf = false;
    let lf = false;
    for (this.nextLf = this.nextOf(this.nextLf, '\n', from); this.nextLf < to; this.nextLf = this.nextOf(this.nextLf, '\n', this.nextLf + 1)) {
      lf = true;
      if (this.nextLf > from && this.text.charCodeAt(this.nextLf - 1) === 0x0d) {
        crlf = true;
        break;
      }
    }
    t.newlines(crlf, lf, cr);
  }

  /** Counts the quotes of text at `[from, to)` that holds no reference, as {@link Tally.text} does. */
  quotes(t: Tally, from: number, to: number): void {
    if ((this.nextDq = this.nextOf(this.nextDq, '"', from)) < to) t.quotLit++;
    if ((this.nextSq = this.nextOf(this.nextSq, "'", from)) < to) t.aposLit++;
  }

  private nextOf(known: number, char: string, from: number): number {
    if (known >= from) return known;
    const i = this.text.indexOf(char, from);
    return i === -1 ? this.text.length : i;
  }
}
