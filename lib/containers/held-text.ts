/**
 * The text an element holds a sequence in, as the file writes it: one CDATA section, escaped text, or several of
 * them in a row. A writer splits a CDATA section where its text holds `]]>` (`]]]]><![CDATA[>`, as .NET's XmlWriter
 * does for an attribute value that holds it), so one sequence can be held by several sections; the text is theirs
 * joined, as XML gives an element's character data.
 */
import type { CData, Element, Text } from '../model/types.js';
import { decodeEntities } from '../xml/entities.js';
import { endOf, type Source, sourceOf, startOf } from '../xml/origin.js';

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

/**
 * Where offsets of a held text are in the file, for every one asked (a linter asks once per finding): made once, by
 * one walk of the escaped segments that notes each reference (where it starts in both texts, and how long it is in
 * each); between references the two texts go one to one, as in a CDATA section. Memory grows with the references,
 * not the text.
 */
export class HeldOffsets {
  /** For each reference, in order: where it starts in the held text and in the file, and its length in each. */
  private readonly held: number[] = [];
  private readonly file: number[] = [];
  private readonly heldLength: number[] = [];
  private readonly fileLength: number[] = [];

  constructor(
    text: string,
    private readonly segments: readonly HeldSegment[],
  ) {
    for (const s of segments) {
      if (s.cdata) continue;
      let j = s.held;
      let last = s.start;
      for (let i = text.indexOf('&', s.start); i !== -1 && i < s.end; i = text.indexOf('&', i)) {
        j += i - last;
        const semi = text.indexOf(';', i);
        const units = decodeEntities(text.slice(i, semi + 1)).length;
        this.held.push(j);
        this.file.push(i);
        this.heldLength.push(units);
        this.fileLength.push(semi + 1 - i);
        j += units;
        last = i = semi + 1;
      }
    }
  }

  /** Where the held text's offset `at` is in the file; a place inside a reference is the reference's. */
  offsetInFile(at: number): number {
    const s = segmentAt(this.segments, at);
    if (s.cdata) return s.start + (at - s.held);
    // The last reference that starts at or before `at`, if it is in this segment.
    let lo = 0;
    let hi = this.held.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.held[mid] as number) <= at) lo = mid + 1;
      else hi = mid - 1;
    }
    const k = lo - 1;
    const refHeld = this.held[k];
    const refFile = this.file[k] as number;
    if (refHeld === undefined || refHeld < s.held || refFile < s.start) return s.start + (at - s.held);
    const units = this.heldLength[k] as number;
    if (at < refHeld + units) return refFile;
    return refFile + (this.fileLength[k] as number) + (at - refHeld - units);
  }
}
