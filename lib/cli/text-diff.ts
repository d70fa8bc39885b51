/**
 * A unified diff of two texts for `--dry-run`, computed with Myers' O(ND) algorithm after trimming the common prefix
 * and suffix. A file written on one long line is compared tag by tag instead, so the diff shows what changed rather
 * than one enormous line twice.
 */

type Op = { kind: ' ' | '-' | '+'; text: string };

const LONG_LINE = 400;

/** Splits text into lines (keeping line ends), or into tags when lines are too long to read. */
function tokens(text: string, byTag: boolean): string[] {
  if (!byTag) return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return text.split(/(?<=>)(?=<)/);
}

/** The shortest edit script turning `a` into `b`. */
function myers(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd[offset + k - 1] as number) < (vd[offset + k + 1] as number)) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK] as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', text: A[x] as string });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', text: B[--y] as string });
      else ops.push({ kind: '-', text: A[--x] as string });
    }
  }
  ops.reverse();
  return [...a.slice(0, pre).map((text): Op => ({ kind: ' ', text })), ...ops, ...a.slice(a.length - suf).map((text): Op => ({ kind: ' ', text }))];
}

/** A unified diff (`---`/`+++` headers, `@@` hunks, 3 lines of context); '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const byTag = [before, after].some((t) => t.split('\n').some((l) => l.length > LONG_LINE));
  const ops = myers(tokens(before, byTag), tokens(after, byTag));
  const out: string[] = [`--- ${name}`, `+++ ${name} (changed)${byTag ? '   (one long line: compared element by element)' : ''}`];
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i !== -1);
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, (changed[i] as number) - context);
    let end = Math.min(ops.length, (changed[i] as number) + context + 1);
    while (i + 1 < changed.length && (changed[i + 1] as number) - context <= end) {
      i++;
      end = Math.min(ops.length, (changed[i] as number) + context + 1);
    }
    let aLine = 1;
    let bLine = 1;
    for (let j = 0; j < start; j++) {
      const k = (ops[j] as Op).kind;
      if (k !== '+') aLine++;
      if (k !== '-') bLine++;
    }
    const hunk = ops.slice(start, end);
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLine},${aLen} +${bLine},${bLen} @@`);
    for (const o of hunk) out.push(o.kind + o.text.replace(/\r?\n$/, ''));
    i++;
  }
  return `${out.join('\n')}\n`;
}
