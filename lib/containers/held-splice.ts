/**
 * An edited embedded sequence written back into the text that held it, changing only what changed. The held text can
 * be one CDATA section, escaped text, or several of them in a row (a section split where the text holds `]]>`, or text
 * and sections mixed by hand). Written whole, in the first holder's form, every stretch written in another form was
 * rewritten with the edit, and escaped text written otherwise than cmts escapes (a literal `>`, `&#60;`) was written
 * anew: the diff of a one-attribute edit was the whole sequence. Here the held text before the first change and after
 * the last is copied from the file as it is written, and only the text between is written, in the form of the stretch
 * it starts in.
 */
import { checkWellFormed } from '../xml/parse.js';
import { decodeEntities } from '../xml/entities.js';
import { cdataSection, type EscapeStyle, heldText } from '../xml/escape-text.js';
import { fitsSingleByte, type SingleByteEncoding } from '../xml/single-byte.js';
import { heldLineEnds } from './held-line-ends.js';
import { type HeldSegment, readHeldText } from './held-text.js';

/** A CDATA section's start and end. */
const OPEN = '<![CDATA[';
const CLOSE = ']]>';

/** Where a held text's stretch ends in the held text: where the next one starts, or the text's end. */
const heldEnd = (segments: readonly HeldSegment[], k: number, length: number): number => segments[k + 1]?.held ?? length;

/**
 * The file offset at which the held text's offset `at` is written, in the stretch `s` (`at` within it). In a CDATA
 * section one to one; in escaped text, after the references before it (`at` is never inside one: see below).
 */
function inFile(file: string, s: HeldSegment, at: number): number {
  if (s.cdata) return s.start + (at - s.held);
  let held = s.held;
  let i = s.start;
  while (held < at) {
    if (file.charCodeAt(i) === 0x26 /* & */) {
      const semi = file.indexOf(';', i);
      held += decodeEntities(file.slice(i, semi + 1)).length;
      i = semi + 1;
    } else {
      held++;
      i++;
    }
  }
  return i;
}

/**
 * `text` written inside an open CDATA section, leaving it open: as {@link cdataSection} writes a section (`]]>` split
 * across two, and a character the single-byte outer document has no byte for as a reference between two, which the
 * held text read from a reference in an escaped stretch and the inner printer copied as read), with its CRs as they
 * are, and without the section's own start and end, which are the stretch's.
 */
function inSection(text: string, encoding: SingleByteEncoding | undefined): string {
  let s = CLOSE + cdataSection(text, encoding, '\n', true) + OPEN;
  // No empty section where the text starts or ends in one.
  if (s.startsWith(CLOSE + OPEN)) s = s.slice(CLOSE.length + OPEN.length);
  return s.endsWith(CLOSE + OPEN) ? s.slice(0, -(CLOSE.length + OPEN.length)) : s;
}

/**
 * The raw text for the run `file[start, end)` (read as `segments`, holding `before`) that holds `after` instead, with
 * everything outside the changed middle as it is written in the file; undefined when that does not read back as
 * `after` (the middle made `]]>` with the text around it), for the caller to write the text whole. `encoding` is the
 * outer document's, when single-byte: the middle is written in it.
 */
export function splicedHeldText(file: string, start: number, end: number, segments: readonly HeldSegment[], before: string, after: string, style: EscapeStyle, encoding?: SingleByteEncoding): string | undefined {
  if (segments.length === 0) return undefined;
  const most = Math.min(before.length, after.length);
  let p = samePrefix(before, after, most);
  const s = sameSuffix(before, after, most - p);
  // Never between the two halves of a surrogate pair: one reference (`&#x1F600;`) writes both.
  if (p > 0 && isHigh(before.charCodeAt(p - 1))) p--;
  let q = before.length - s;
  if (q < before.length && isLow(before.charCodeAt(q))) q++;
  // The stretch the middle starts in (at a boundary, the one that ends there) and the one the rest resumes in (at a
  // boundary, the one that starts there).
  let a = 0;
  while (a < segments.length - 1 && p > heldEnd(segments, a, before.length)) a++;
  let b = segments.length - 1;
  while (b > 0 && (segments[b] as HeldSegment).held > q) b--;
  const from = segments[a] as HeldSegment;
  const to = segments[b] as HeldSegment;
  const middle = after.slice(p, after.length - (before.length - q));
  let cut = inFile(file, from, p);
  let restAt = inFile(file, to, q);
  // An empty `<![CDATA[]]>` reads as nothing, but it would be a change of its own: no section is opened where the rest
  // closes it at once, nor closed where the kept text has just opened it. Only a stretch's own start and end are taken
  // for the section's (a section's content may hold `<![CDATA[` as text), and not where the run meets white space
  // outside it, which a text there would join: the held text is from the first section or text that is not white space
  // to the last, and an empty section keeps that white space out of it.
  const opensAtCut = from.cdata && cut === from.start && (start === 0 || file.charCodeAt(start - 1) === 0x3e); /* > */
  const closesAtRest = to.cdata && restAt === to.end && (end === file.length || file.charCodeAt(end) === 0x3c); /* < */
  let written: string;
  if (from.cdata) {
    // Written in the section, which it leaves open, and which is then closed before escaped text. Where the middle ends
    // in a reference (a character the single-byte document has no byte for) the section opened after it is not
    // wanted before escaped text, nor where the rest resumes at its section's end.
    written = inSection(middle, encoding);
    const lastIsReference = encoding !== undefined && middle !== '' && !fitsSingleByte(middle.charCodeAt(middle.length - 1), encoding);
    if (lastIsReference && (!to.cdata || closesAtRest)) {
      written = written.slice(0, -OPEN.length);
      if (to.cdata) restAt += CLOSE.length;
    } else if (!to.cdata) written += CLOSE;
  } else {
    // Escaped as a whole text is (heldText, not a CDATA section), then into a section if the rest is one. Where the
    // stretch writes `>` as it is (only `<` and `&` escaped, as many writers do), so is the middle, but after `]]`: with
    // every `>` as `&gt;`, the KB977203 preset's revert of its apply did not give back the file it was given.
    // Its line ends too are written as the file writes them (`&#xD;&#xA;` or as they are).
    written = heldText(middle, false, style, encoding, heldLineEnds(file, segments, from));
    if (writesGtAsIs(file, from)) {
      // Judged with the two characters before it, which may be the `]]` a first `>` follows.
      const lead = file.slice(Math.max(from.start, cut - 2), cut);
      written = (lead + written).replace(/(?<!]])&gt;/g, '>').slice(lead.length);
    }
    if (to.cdata && closesAtRest) restAt += CLOSE.length;
    else if (to.cdata) written += OPEN;
  }
  if (opensAtCut && written.startsWith(CLOSE)) {
    // The middle starts with a reference: the section the kept text opened is not.
    written = written.slice(CLOSE.length);
    cut -= OPEN.length;
  } else if (opensAtCut && closesAtRest && written === '') {
    // Nothing written in a section that was all changed: the section goes with it.
    cut -= OPEN.length;
    restAt += CLOSE.length;
  }
  const raw = file.slice(start, cut) + written + file.slice(restAt, end);
  // The text kept is as it was read and the written text is made for the stretch it stands in, so it all reads as
  // before but where the two meet: there the only token that can be made across them is `]]>` (a CDATA section's end,
  // and no text may hold one). With none there, it reads back as `after`, and the held text (megabytes, in an export)
  // is not read a second time on every write.
  // (Looked at in the pieces: a look into `raw`, a chain of them, would copy the whole of it into one string first.)
  const before2 = file.slice(Math.max(start, cut - 2), cut);
  const after2 = file.slice(restAt, Math.min(end, restAt + 2));
  if (!`${before2}${(written + after2).slice(0, 2)}`.includes(']]>') && !`${(before2 + written).slice(-2)}${after2}`.includes(']]>')) return raw;
  // Judged whole, as the next read will read it: well-formed as an element's content, and holding `after`.
  try {
    checkWellFormed(`<x>${raw}</x>`);
  } catch {
    return undefined;
  }
  return readHeldText(raw, 0, raw.length).text === after ? raw : undefined;
}

/** Whether escaped text `s` writes `>` as it is: one does, and none is `&gt;` but after `]]` (where it must be). */
function writesGtAsIs(file: string, s: HeldSegment): boolean {
  const raw = file.slice(s.start, s.end);
  return raw.includes('>') && !/(?<!]])&gt;/.test(raw);
}

/**
 * How many characters `a` and `b` (megabytes, in an export) start with alike, at most `most`: compared a block at a time
 * by the engine's own string comparison, then character by character in the first block that differs.
 */
function samePrefix(a: string, b: string, most: number): number {
  let i = 0;
  while (i + BLOCK <= most && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
  while (i < most && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` end with alike, at most `most` (as {@link samePrefix}). */
function sameSuffix(a: string, b: string, most: number): number {
  let i = 0;
  while (i + BLOCK <= most && a.substring(a.length - i - BLOCK, a.length - i) === b.substring(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < most && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

const BLOCK = 4096;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
