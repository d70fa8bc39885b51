/**
 * An edit script turning one list of lines (or keys) into another, in time and memory that grow linearly with the
 * lists when they differ in few places: used by the text diff of `--dry-run` and by the semantic diff to align the
 * items of two sequences.
 *
 * Lines that occur exactly once in each list are matched first (patience diff: the longest run of them in the same
 * order); the short stretches between those anchors are then compared with Myers' O(ND) algorithm, keeping only a
 * window of its state per step, so memory is O(D²) for a stretch with D differences rather than O(D × size). A
 * stretch that still differs in more than {@link MAX_EDITS} places is given as removed and added whole: correct,
 * just not minimal.
 */
import { longestIncreasing } from './longest-increasing.js';

/** What an edit script does with a line: keeps it, removes it, or adds it. */
export type Kind = ' ' | '-' | '+';

/** Differences per stretch between anchors beyond which it is shown as removed and added whole. */
const MAX_EDITS = 2000;

/** An edit script as parallel arrays: the kind of each line and its text (no object per line). */
export class Script {
  readonly kinds: Kind[] = [];
  readonly texts: string[] = [];
  add(kind: Kind, text: string): void {
    this.kinds.push(kind);
    this.texts.push(text);
  }
}

/**
 * Appends the edit script turning `a[aLo, aHi)` into `b[bLo, bHi)`; `anchored` first matches the lines unique on both
 * sides (see the module's comment).
 */
export function diffRange(a: string[], aLo: number, aHi: number, b: string[], bLo: number, bHi: number, out: Script, anchored: boolean): void {
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
