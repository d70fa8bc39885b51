// The --dry-run diff: whatever the texts, applying its hunks to the first gives the second, and it stays within 3 lines
// of context; large and repetitive texts (no line unique, more differences than the search keeps) included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../lib/cli/text-diff.js';

/** Applies a unified diff produced for a text split into lines (the way `patch` would), checking each context line. */
function applyDiff(before: string, diff: string): string {
  if (diff === '') return before;
  const a = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let at = 0;
  const lines = diff.split('\n').slice(2, -1);
  for (let i = 0; i < lines.length; ) {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i] as string);
    if (!m) throw new Error(`not a hunk header: ${lines[i]}`);
    const start = Number(m[1]) - 1 - (Number(m[2]) === 0 ? -1 : 0);
    while (at < start) out.push(a[at++] as string);
    for (i++; i < lines.length && !(lines[i] as string).startsWith('@@'); i++) {
      const l = lines[i] as string;
      const line = l.slice(1);
      if (l[0] === '+') out.push(`${line}\n`);
      else {
        expect((a[at] as string).replace(/\n$/, '')).toBe(line);
        if (l[0] === ' ') out.push(a[at] as string);
        at++;
      }
    }
  }
  while (at < a.length) out.push(a[at++] as string);
  return out.join('');
}

const lines = (alphabet: number) => fc.array(fc.integer({ min: 0, max: alphabet }).map((n) => `line ${n}\n`), { maxLength: 60 }).map((l) => l.join(''));

describe('unifiedDiff', () => {
  it('applied to the first text gives the second, for any two texts of lines', () => {
    fc.assert(
      fc.property(lines(8), lines(8), (a, b) => {
        expect(applyDiff(a, unifiedDiff(a, b, 'f'))).toBe(b);
      }),
      { numRuns: 800 },
    );
  });

  it('applied to a text gives it back after scattered insertions and removals (the shape of a preset run)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 400 }), fc.array(fc.nat(), { maxLength: 30 }), (n, edits) => {
        const a = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? `  <step name="s${i}">\n` : `    <variable>${i % 7}</variable>\n`));
        const b = [...a];
        for (const e of edits) {
          if (e % 3 === 0 && b.length > 1) b.splice(e % b.length, 1);
          else b.splice(e % (b.length + 1), 0, '    <inserted/>\n');
        }
        const diff = unifiedDiff(a.join(''), b.join(''), 'f');
        expect(applyDiff(a.join(''), diff)).toBe(b.join(''));
      }),
      { numRuns: 200 },
    );
  });

  it('stays correct past the search limit: 6,000 differing lines with none unique', () => {
    const a = Array.from({ length: 6000 }, (_, i) => `a${i % 3}\n`).join('');
    const b = Array.from({ length: 6000 }, (_, i) => `b${i % 3}\n`).join('');
    expect(applyDiff(a, unifiedDiff(a, b, 'f'))).toBe(b);
  });

  it('keeps three lines of context and joins changes closer than that into one hunk', () => {
    const a = Array.from({ length: 30 }, (_, i) => `${i}\n`).join('');
    const b = a.replace('5\n', 'five\n').replace('9\n', 'nine\n').replace('25\n', 'x\n');
    const d = unifiedDiff(a, b, 'f');
    expect(d.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -3,11 +3,11 @@', '@@ -23,7 +23,7 @@']);
  });

  it('gives the same diff when it skips the common start and end as when it splits the whole texts', () => {
    // Shared surroundings of any length, line ends with and without CR, texts with and without a final newline.
    const piece = fc.array(fc.constantFrom('x\n', 'y\n', 'x\r\n', '\n', 'z', 'x'), { maxLength: 12 }).map((l) => l.join(''));
    fc.assert(
      fc.property(piece, piece, piece, piece, fc.integer({ min: 0, max: 4 }), (head, a, b, tail, context) => {
        const before = head + a + tail;
        const after = head + b + tail;
        expect(unifiedDiff(before, after, 'f', context)).toBe(unifiedDiff(before, after, 'f', context, { trim: false }));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a text with one long line among ordinary ones', () => {
  const long = `    <action>${'x'.repeat(420)}</action><defaultVarList><variable name="A">1</variable></defaultVarList>\n`;
  const lines = (from: number, n: number) => Array.from({ length: n }, (_, i) => `  <step name="s${from + i}" />\n`).join('');
  const before = `<sequence>\n${lines(0, 40)}${long}${lines(40, 40)}</sequence>\n`;
  const after = before.replace('<step name="s70" />', '<step name="s70 renamed" />');

  it('keeps its ordinary lines as lines: only the edited line is removed and added, with its context', () => {
    const diff = unifiedDiff(before, after, 'ts.xml');
    const body = diff.split('\n').slice(2, -1);
    expect(body.filter((l) => l.startsWith('-'))).toEqual(['-  <step name="s70" />']);
    expect(body.filter((l) => l.startsWith('+'))).toEqual(['+  <step name="s70 renamed" />']);
    expect(body.filter((l) => l.startsWith('@@'))).toHaveLength(1);
    expect(body.length).toBeLessThan(10);
  });

  it('compares the long line itself element by element', () => {
    const diff = unifiedDiff(before, before.replace('<variable name="A">1</variable>', '<variable name="A">2</variable>'), 'ts.xml');
    const body = diff.split('\n').slice(2, -1);
    expect(body.filter((l) => l.startsWith('-'))).toEqual(['-<variable name="A">1</variable>']);
    expect(body.filter((l) => l.startsWith('+'))).toEqual(['+<variable name="A">2</variable>']);
  });
});
