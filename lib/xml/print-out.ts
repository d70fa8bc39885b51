/**
 * The writer's output: what is written afresh, and spans of the source copied as they are, adjacent spans of one
 * source merged into one slice (so an unedited document is its source text, not a copy of it).
 */
import type { Source } from './origin.js';
import { layoutLength } from './unchanged.js';

/** Collects output, merging adjacent copies from the same source into one slice. */
export class Out {
  private readonly parts: string[] = [];
  private src: Source | undefined;
  private from = 0;
  private to = 0;
  /** Characters written so far. */
  length = 0;

  copy(src: Source, start: number, end: number): void {
    this.length += end - start;
    if (src === this.src && start === this.to) {
      this.to = end;
      return;
    }
    this.flush();
    this.src = src;
    this.from = start;
    this.to = end;
  }

  /**
   * Writes white space between elements when the source being copied goes on with white space that says `value`
   * (each of its LFs written there as an LF, a CR LF or a CR): the copy is extended over it, so white space read from
   * a CRLF file is written as it was read. Returns false, having written nothing, when the source does not.
   */
  extendOver(value: string): boolean {
    const src = this.src;
    if (!src) return false;
    // A text with no CR says the value only where it spells it, found without a call (most white space of an LF file).
    const n = !src.cr && src.text.startsWith(value, this.to) ? value.length : layoutLength(src, this.to, value);
    if (n === -1) return false;
    this.length += n;
    this.to += n;
    return true;
  }

  /** Writes `text`; when the source being copied goes on with exactly this text, the copy is extended instead. */
  push(text: string): void {
    // Nothing to write is no part (so looking back over what is written never walks over empty parts).
    if (text === '') return;
    this.length += text.length;
    if (this.src && this.src.text.startsWith(text, this.to)) {
      this.to += text.length;
      return;
    }
    this.flush();
    this.parts.push(text);
  }

  private flush(): void {
    if (this.src) {
      if (this.to > this.from) this.parts.push(this.src.text.slice(this.from, this.to));
      this.src = undefined;
    }
  }

  /** The character `back` places before the end of what is written so far (-1 before the start). */
  charBack(back: number): number {
    if (this.src) {
      if (back <= this.to - this.from) return this.src.text.charCodeAt(this.to - back);
      back -= this.to - this.from;
    }
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i] as string;
      if (back <= part.length) return part.charCodeAt(part.length - back);
      back -= part.length;
    }
    return -1;
  }

  finish(): string {
    this.flush();
    return this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
  }
}

/**
 * After a node read from `src` that ended at `at` there has been printed afresh, the copy of `src` goes on from `at`
 * (nothing is written): white space that followed the node there is then found, and copied as written, by
 * {@link Out.extendOver}, when it still says what the next node says. So a CR LF after an edited element stays a CR
 * LF, also in a file whose newline is LF.
 */
export function anchor(out: Out, src: Source, at: number): void {
  out.copy(src, at, at);
}
