/**
 * The reader's tables of strings seen recently: repeats of names, values and indentation, which fill a task sequence,
 * share one string each, found without a new string being made (see `xml/parse.ts`).
 */
import { lf } from './entities.js';

/**
 * One string for each short string seen recently: a small table indexed by length and end characters, compared by
 * content (no hashing, unlike a Map), so repeats of names, values and indentation share one copy.
 */
export class RecentStrings {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);
  /** The string seen before equal to `text[from, to)`, without making a new one; undefined if none. */
  peek(text: string, from: number, to: number): string | undefined {
    const known = this.slots[slot(to - from, text.charCodeAt(from), text.charCodeAt(to - 1))];
    return known !== undefined && known.length === to - from && text.startsWith(known, from) ? known : undefined;
  }
  /** `s`, or the equal string seen before it. */
  get(s: string): string {
    if (s.length > 64 || s.length === 0) return s;
    const k = slot(s.length, s.charCodeAt(0), s.charCodeAt(s.length - 1));
    const known = this.slots[k];
    if (known === s) return known;
    this.slots[k] = s;
    return s;
  }
}

function slot(length: number, first: number, last: number): number {
  return (length * 131 + first * 31 + last) & 4095;
}

/**
 * Text with literal line ends (XML 1.0 §2.11: a CR LF, or a CR alone, is one LF) for each short raw text seen recently:
 * in a CRLF file every run of indentation has one, and repeats of a run give the one normalised string, found
 * without slicing the raw text again.
 */
export class RecentLineEnds {
  // A file has few distinct runs of indentation: 256 slots hold them, and cost a parse of a small file 4 KB, where
  // two tables of 4,096 cost it 64 KB, more than its tree (a batch of small files then collected its young generation
  // twice as often, and trees still in use were promoted; see test/read-memory.test.ts).
  private readonly raws: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
  private readonly values: string[] = new Array<string>(256).fill('');
  constructor(private readonly recent: RecentStrings) {}
  /** `text[from, to)` with its line ends one LF each. */
  get(text: string, from: number, to: number): string {
    if (to - from > 64) return lf(text.slice(from, to));
    const k = slot(to - from, text.charCodeAt(from), text.charCodeAt(to - 1)) & 255;
    const raw = this.raws[k];
    if (raw !== undefined && raw.length === to - from && text.startsWith(raw, from)) return this.values[k] as string;
    const fresh = text.slice(from, to);
    const value = this.recent.get(lf(fresh));
    this.raws[k] = fresh;
    this.values[k] = value;
    return value;
  }
}
