/**
 * A unified diff of two texts for `--dry-run`, in memory and time that grow linearly with the texts.
 *
 * Lines that occur exactly once in each text are matched first (patience diff: the longest run of them in the same
 * order); the short stretches between those anchors are then compared with Myers' O(ND) algorithm, keeping only a
 * window of its state per step, so memory is O(D²) for a stretch with D differences rather than O(D × size) (see
 * lib/diff/edit-script.ts). A stretch that still differs in more than 2,000 places is shown as removed and added
 * whole: correct, just not minimal. (jsdiff was measured first: its O(ND) search over a 5 MB sequence with 200
 * edited Setup steps did not finish in minutes.) A line over 400 characters (a file written on one line, or a long
 * command line) is compared tag by tag, so the diff shows what changed rather than one enormous line twice.
 */

import { diffRange, type Kind, Script } from '../diff/edit-script.js';
import { appendAll } from '../arrays.js';
import { printable } from '../errors.js';

const LONG_LINE = 400;

/**
 * Splits text into lines (keeping line ends); with `byTag`, a line too long to read is split further into its tags,
 * and every other line stays whole (an indented export with one long command line was one removed and one added
 * "line" of the whole file: it split only where one tag follows another with nothing between).
 */
function tokens(text: string, byTag: boolean): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  if (!byTag) return lines;
  const out: string[] = [];
  for (const line of lines) {
    if (line.length > LONG_LINE) appendAll(out, line.split(/(?<=>)(?=<)/));
    else out.push(line);
  }
  return out;
}

/**
 * How much of two different texts is the same at both ends, in whole lines, less `context` lines each side: the
 * diff then splits and compares only the middle. The line-by-line search would strip those lines as its first step
 * anyway (see {@link diffRange}), so the script is the same; this only spares splitting the whole texts into lines,
 * which for a sequence with one edit is nearly all of the work.
 */
function sameEnds(a: string, b: string, context: number): { head: number; headLines: number; tail: number } {
  const min = Math.min(a.length, b.length);
  const p = commonStart(a, b, min);
  // Back to the start of the line the first difference is on, then `context` lines further.
  let head = p === 0 ? 0 : a.lastIndexOf('\n', p - 1) + 1;
  for (let k = 0; k < context && head > 0; k++) head = head === 1 ? 0 : a.lastIndexOf('\n', head - 2) + 1;
  let headLines = 0;
  for (let i = a.indexOf('\n'); i !== -1 && i < head; i = a.indexOf('\n', i + 1)) headLines++;
  // The common end never reaches into the common start, so no line is counted on both sides.
  const s = commonEnd(a, b, min - p);
  // Forward to the first line start inside the common end (a line start in both texts), then `context` lines on.
  let tailStart = s === 0 ? a.length : a.indexOf('\n', a.length - s) + 1;
  if (tailStart === 0) tailStart = a.length;
  for (let k = 0; k < context && tailStart < a.length; k++) {
    const nl = a.indexOf('\n', tailStart);
    tailStart = nl === -1 ? a.length : nl + 1;
  }
  return { head, headLines, tail: a.length - tailStart };
}

/**
 * The length of the common start of `a` and `b`, at most `limit`. Compared in blocks that halve after a mismatch
 * (a string comparison runs natively; a loop over characters does not), then character by character.
 */
function commonStart(a: string, b: string, limit: number): number {
  let p = 0;
  for (let block = 16384; block >= 32; block >>= 1) while (p + block <= limit && a.slice(p, p + block) === b.slice(p, p + block)) p += block;
  while (p < limit && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** The length of the common end of `a` and `b`, at most `limit`, compared as {@link commonStart} does. */
function commonEnd(a: string, b: string, limit: number): number {
  let s = 0;
  for (let block = 16384; block >= 32; block >>= 1) while (s + block <= limit && a.slice(a.length - s - block, a.length - s) === b.slice(b.length - s - block, b.length - s)) s += block;
  while (s < limit && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/** A unified diff (`---`/`+++` headers, `@@` hunks, 3 lines of context); '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3, options: { trim?: boolean } = {}): string {
  if (before === after) return '';
  const byTag = hasLongLine(before) || hasLongLine(after);
  // Compared tag by tag, a text has no lines to trim at; otherwise only the middle that differs is split.
  const ends = byTag || options.trim === false ? { head: 0, headLines: 0, tail: 0 } : sameEnds(before, after, context);
  const a = tokens(before.slice(ends.head, before.length - ends.tail), byTag);
  const b = tokens(after.slice(ends.head, after.length - ends.tail), byTag);
  const script = new Script();
  diffRange(a, 0, a.length, b, 0, b.length, script, true);
  const { kinds, texts } = script;
  // A file's name can hold a control character: escaped, each header stays one line, as a patch reader takes it.
  const label = printable(name);
  const out: string[] = [`--- ${label}`, `+++ ${label} (changed)${byTag ? '   (lines over 400 characters compared element by element: hunk lines count elements there)' : ''}`];
  // One pass: line numbers advance with the script; a hunk closes when the next change is beyond its context.
  let aLine = 1 + ends.headLines;
  let bLine = 1 + ends.headLines;
  let i = 0;
  const total = kinds.length;
  while (i < total) {
    while (i < total && kinds[i] === ' ') i++, aLine++, bLine++;
    if (i === total) break;
    const start = Math.max(0, i - context);
    let end = Math.min(total, i + context + 1);
    // A change within twice the context of the last one joins this hunk (as the hunks of `diff -u` do).
    for (let j = i + 1; j < total && j <= end + context; j++) if (kinds[j] !== ' ') end = Math.min(total, j + context + 1);
    const back = i - start;
    const hunkA = aLine - back;
    const hunkB = bLine - back;
    let aLen = 0;
    let bLen = 0;
    const lines: string[] = [];
    for (let j = start; j < end; j++) {
      const k = kinds[j] as Kind;
      if (k !== '+') aLen++;
      if (k !== '-') bLen++;
      lines.push(k + (texts[j] as string).replace(/\r?\n$/, ''));
    }
    out.push(`@@ -${hunkA},${aLen} +${hunkB},${bLen} @@`);
    appendAll(out, lines);
    for (let j = i; j < end; j++) {
      const k = kinds[j] as Kind;
      if (k !== '+') aLine++;
      if (k !== '-') bLine++;
    }
    i = end;
  }
  return `${out.join('\n')}\n`;
}

function hasLongLine(text: string): boolean {
  let from = 0;
  for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', from)) {
    const end = nl === -1 ? text.length : nl;
    if (end - from > LONG_LINE) return true;
    if (nl === -1) return false;
    from = nl + 1;
  }
}
