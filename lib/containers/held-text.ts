/**
 * The text an element holds a sequence in, as the file writes it: one CDATA section, escaped text, or several of
 * them in a row. A writer splits a CDATA section where its text holds `]]>` (`]]]]><![CDATA[>`, as .NET's XmlWriter
 * does for an attribute value that holds it), so one sequence can be held by several sections; the text is theirs
 * joined, as XML gives an element's character data.
 */
import type { CData, Element, Text } from '../model/types.js';
import { decodeEntities } from '../xml/entities.js';
import { endOf, type Source, sourceOf, startOf } from '../xml/origin.js';
import { firstAbove } from '../min-search.js';

/** One stretch of the held text: a CDATA section's content, or escaped text. */
export interface HeldSegment {
  cdata: boolean;
  /** Where its first character is in the held text. */
  held: number;
  /** Where it starts in the file (a CDATA section: after `<![CDATA[`) and where it ends. */
  start: number;
  end: number;
}

/** The held text of a run of text and CDATA read from `src` at `[start, end)`, and its segments. */
export interface HeldText {
  text: string;
  segments: HeldSegment[];
}

/**
 * The nodes of `element` that hold text, from the first CDATA section or text that is not white space to the last,
 * or undefined when there is none or something else stands among them (a comment, an element: no one text).
 */
export function heldRun(element: Element): (CData | Text)[] | undefined {
  if (!('children' in element)) return undefined;
  const kids = element.children;
  const holds = (c: (typeof kids)[number]): boolean => c.kind === 'cdata' || (c.kind === 'text' && c.value.trim() !== '');
  const first = kids.findIndex(holds);
  if (first === -1) return undefined;
  let last = kids.length - 1;
  while (!holds(kids[last] as (typeof kids)[number])) last--;
  const run = kids.slice(first, last + 1);
  return run.every((c) => c.kind === 'cdata' || c.kind === 'text') ? run : undefined;
}

/** Where a run read from a file is in it: its source and span, from the first node's start to the last one's end. */
export function runSpan(run: readonly (CData | Text)[]): { src: Source; start: number; end: number } | undefined {
  const first = run[0];
  const last = run[run.length - 1];
  const src = first && sourceOf(first);
  if (!first || !last || !src || sourceOf(last) !== src) return undefined;
  return { src, start: startOf(first), end: endOf(last) };
}

/**
 * The held text of the file's `[start, end)` (a run of text and CDATA, known to be well-formed), with the line ends
 * as written: a section's content as it is, text with its references decoded. The held document is read as one of
 * its own, whose reader makes its line ends LFs, and which, written back after an edit, keeps its own.
 */
export function readHeldText(file: string, start: number, end: number): HeldText {
  const parts: string[] = [];
  const segments: HeldSegment[] = [];
  let held = 0;
  for (let i = start; i < end; ) {
    let part: string;
    if (file.startsWith('<![CDATA[', i)) {
      const close = file.indexOf(']]>', i + 9);
      segments.push({ cdata: true, held, start: i + 9, end: close });
      part = file.slice(i + 9, close);
      i = close + 3;
    } else {
      const next = file.indexOf('<![CDATA[', i);
      const stop = next === -1 || next > end ? end : next;
      const raw = file.slice(i, stop);
      segments.push({ cdata: false, held, start: i, end: stop });
      part = raw.indexOf('&') === -1 ? raw : decodeEntities(raw);
      i = stop;
    }
    parts.push(part);
    held += part.length;
  }
  return { text: parts.join(''), segments };
}

/** The segment the held text's offset `at` falls in (the last one at the very end). */
function segmentAt(segments: readonly HeldSegment[], at: number): HeldSegment {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as HeldSegment).held <= at) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo] as HeldSegment;
}

/** How many references a checkpoint of {@link HeldOffsets} stands for. */
const REFERENCES_PER_CHECKPOINT = 64;

/**
 * Where offsets of a held text are in the file, for every one asked (a linter asks once per finding): one to one in a
 * CDATA section; in escaped text, found by walking the references before the place (`&lt;` is one character,
 * `&#x1F600;` two; a place inside a reference is the reference's). One walk of the escaped segments, made once, notes
 * where every 64th reference starts in both texts, so an offset is found from the checkpoint before it, past at most
 * 64 references: memory is a sixty-fourth of the references (an escaped sequence has a reference for every `<`),
 * and each answer short.
 */
export class HeldOffsets {
  /** Where each checkpoint's reference starts in the held text and in the file. */
  private readonly held: number[] = [];
  private readonly file: number[] = [];

  constructor(
    private readonly text: string,
    private readonly segments: readonly HeldSegment[],
  ) {
    let n = 0;
    for (const s of segments) {
      if (s.cdata) continue;
      let j = s.held;
      let last = s.start;
      for (let i = text.indexOf('&', s.start); i !== -1 && i < s.end; i = text.indexOf('&', i)) {
        j += i - last;
        if (n++ % REFERENCES_PER_CHECKPOINT === 0) {
          this.held.push(j);
          this.file.push(i);
        }
        const semi = text.indexOf(';', i);
        j += decodeEntities(text.slice(i, semi + 1)).length;
        last = i = semi + 1;
      }
    }
  }

  /** Where the held text's offset `at` is in the file; a place inside a reference is the reference's. */
  offsetInFile(at: number): number {
    const s = segmentAt(this.segments, at);
    if (s.cdata) return s.start + (at - s.held);
    // The last checkpoint at or before `at`, if it is in this segment; else the segment's start.
    const k = firstAbove(this.held, at) - 1;
    const inSegment = k >= 0 && (this.file[k] as number) >= s.start;
    let i = inSegment ? (this.file[k] as number) : s.start;
    let j = inSegment ? (this.held[k] as number) : s.held;
    for (;;) {
      const amp = this.text.indexOf('&', i);
      const next = amp === -1 || amp >= s.end ? s.end : amp;
      // A stretch with no reference goes one to one.
      if (at < j + (next - i) || next === s.end) return i + (at - j);
      j += next - i;
      const semi = this.text.indexOf(';', next);
      const units = decodeEntities(this.text.slice(next, semi + 1)).length;
      if (at < j + units) return next;
      j += units;
      i = semi + 1;
    }
  }
}
