/**
 * A unified diff of two texts for `--dry-run`, in memory and time that grow linearly with the texts.
 *
 * Lines that occur exactly once in each text are matched first (patience diff: the longest run of them in the same
 * order); the short stretches between those anchors are then compared with Myers' O(ND) algorithm, keeping only a
 * window of its state per step, so memory is O(D²) for a stretch with D differences rather than O(D × size). A
 * stretch that still differs in more than {@link MAX_EDITS} places is shown as removed and added whole: correct,
 * just not minimal. (jsdiff was measured first: its O(ND) search over a 5 MB sequence with 200 edited Setup steps
 * did not finish in minutes.) A line over 400 characters (a file written on one line, or a long command line) is
 * compared tag by tag, so the diff shows what changed rather than one enormous line twice.
 */

import { longestIncreasing } from '../diff/longest-increasing.js';
import { appendAll } from '../arrays.js';

type Kind = ' ' | '-' | '+';

const LONG_LINE = 400;
/** Differences per stretch between anchors beyond which it is shown as removed and added whole. */
const MAX_EDITS = 2000;

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

/** An edit script as parallel arrays: the kind of each line and its text (no object per line). */
class Script {
  readonly kinds: Kind[] = [];
  readonly texts: string[] = [];
  add(kind: Kind, text: string): void {
    this.kinds.push(kind);
    this.texts.push(text);
  }
}

/** Appends the edit script turning `a[aLo, aHi)` into `b[bLo, bHi)`. */
function diffRange(a: string[], aLo: number, aHi: number, b: string[], bLo: number, bHi: number, out: Script, anchored: boolean): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.add(' ', a[aLo++] as string), bLo++;
  let sufA = aHi;
  let sufB = bHi;
  while (sufA > aLo && sufB > bLo && a[sufA - 1] === b[sufB - 1]) sufA--, sufB--;
  if (aLo === sufA) for (let j = bLo; j < sufB; j++) out.add('+', b[j] as string);
  else if (bLo === sufB) for (let i = aLo; i < sufA; i++) out.add('-', a[i] as string);
  else if (!anchored || !patience(a, aLo, sufA, b, bLo, sufB, out)) myers(a, aLo, sufA, b, bLo, sufB, out);
  for (let i = sufA; i < aHi; i++) out.add(' ', a[i] as string);
}

/** Matches the lines unique on both sides in order, then diffs between them; false when there are no such lines. */
function patience(a: string[], aLo: number, aHi: number, b: string[], bLo: number, bHi: number, out: Script): boolean {
  const seen = new Map<string, { a: number; b: number; ia: number; ib: number }>();
  for (let i = aLo; i < aHi; i++) {
    const e = seen.get(a[i] as string);
    if (e) e.a++;
    else seen.set(a[i] as string, { a: 1, b: 0, ia: i, ib: -1 });
  }
  for (let j = bLo; j < bHi; j++) {
    const e = seen.get(b[j] as string);
    if (e) {
      e.b++;
      e.ib = j;
    }
  }
  const pairs: [number, number][] = [];
  for (const e of seen.values()) if (e.a === 1 && e.b === 1) pairs.push([e.ia, e.ib]);
  seen.clear();
  if (pairs.length === 0) return false;
  pairs.sort((x, y) => x[0] - y[0]);
  const anchors = longestIncreasing(pairs);
  let i = aLo;
  let j = bLo;
  for (const [ai, bj] of anchors) {
    diffRange(a, i, ai, b, j, bj, out, false);
    out.add(' ', a[ai] as string);
    i = ai + 1;
    j = bj + 1;
  }
  diffRange(a, i, aHi, b, j, bHi, out, false);
  return true;
}

/** Myers' shortest edit script, keeping for step d only the 2d+1 diagonals it can reach. */
function myers(a: string[], aLo: number, aHi: number, b: string[], bLo: number, bHi: number, out: Script): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const max = Math.min(n + m, MAX_EDITS);
  // trace[d][k + d] is the furthest x on diagonal k after d differences (k from -d to d).
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found === -1; d++) {
    const prev = trace[d - 1];
    const cur = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x = 0;
      if (prev) {
        const down = k === -d || (k !== d && (prev[k - 1 + d - 1] as number) < (prev[k + 1 + d - 1] as number));
        x = down ? (prev[k + 1 + d - 1] as number) : (prev[k - 1 + d - 1] as number) + 1;
      }
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) x++, y++;
      cur[k + d] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(cur);
  }
  if (found === -1) {
    // Too many differences to search: removed and added whole.
    for (let i = aLo; i < aHi; i++) out.add('-', a[i] as string);
    for (let j = bLo; j < bHi; j++) out.add('+', b[j] as string);
    return;
  }
  const kinds: Kind[] = [];
  const texts: string[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const k = x - y;
    let prevX = 0;
    let prevY = 0;
    let down = false;
    if (d > 0) {
      const prev = trace[d - 1] as Int32Array;
      down = k === -d || (k !== d && (prev[k - 1 + d - 1] as number) < (prev[k + 1 + d - 1] as number));
      const prevK = down ? k + 1 : k - 1;
      prevX = prev[prevK + d - 1] as number;
      prevY = prevX - prevK;
    }
    while (x > prevX && y > prevY) {
      x--;
      y--;
      kinds.push(' ');
      texts.push(a[aLo + x] as string);
    }
    if (d > 0) {
      if (down) kinds.push('+'), texts.push(b[bLo + --y] as string);
      else kinds.push('-'), texts.push(a[aLo + --x] as string);
    }
  }
  for (let i = kinds.length - 1; i >= 0; i--) out.add(kinds[i] as Kind, texts[i] as string);
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
  const out: string[] = [`--- ${name}`, `+++ ${name} (changed)${byTag ? '   (lines over 400 characters compared element by element: hunk lines count elements there)' : ''}`];
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
