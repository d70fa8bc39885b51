// The --dry-run diff: whatever the texts, applying its hunks to the first gives the second, and it stays within 3 lines
// of context; large and repetitive texts (no line unique, more differences than the search keeps) included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../lib/cli/text-diff.js';

/**
 * Applies a unified diff the way `patch` reads it: lines end at LF only (a CR is part of the line), `\ No newline at end
 * of file` takes the line end off the line before it, an empty range is numbered by the line before it, and every
 * context and removed line must be the text's line exactly, line end included.
 */
function applyDiff(before: string, diff: string): string {
  if (diff === '') return before;
  const a = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let at = 0;
  const lines = diff.match(/[^\n]*\n/g) ?? [];
  expect(lines.join('')).toBe(diff);
  expect(lines[0]).toBe('--- a/f\n');
  expect(lines[1]).toBe('+++ b/f\n');
  for (let i = 2; i < lines.length; ) {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@\n$/.exec(lines[i] as string);
    if (!m) throw new Error(`not a hunk header: ${lines[i]}`);
    const start = Number(m[2]) === 0 ? Number(m[1]) : Number(m[1]) - 1;
    expect(start).toBeGreaterThanOrEqual(at);
    while (at < start) out.push(a[at++] as string);
    let removed = 0;
    let added = 0;
    for (i++; i < lines.length && !(lines[i] as string).startsWith('@@'); i++) {
      const l = lines[i] as string;
      // The marker belongs to the line before it: that line has no line end (it is the last of its text).
      const line = lines[i + 1] === '\\ No newline at end of file\n' ? l.slice(1, -1) : l.slice(1);
      if (l[0] === '+') out.push(line), added++;
      else if (l[0] === '-' || l[0] === ' ') {
        expect(a[at]).toBe(line);
        if (l[0] === ' ') out.push(line), added++;
        removed++;
        at++;
      } else expect(l).toBe('\\ No newline at end of file\n');
    }
    expect([removed, added]).toEqual([Number(m[2]), Number(m[4])]);
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

  it('applied to the first text gives the second exactly: CRLF, lone CR and LF line ends, and no final line end', () => {
    const text = fc.array(fc.constantFrom('x\n', 'y\r\n', 'x\r\n', '\n', '\r\n', 'a\rb\n', 'z', 'x', '\r'), { maxLength: 14 }).map((l) => l.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(applyDiff(a, unifiedDiff(a, b, 'f'))).toBe(b);
      }),
      { numRuns: 3000 },
    );
  });

  it('marks a last line without a line end, on either side', () => {
    expect(unifiedDiff('a\nb', 'a\nc\n', 'f')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n');
    expect(unifiedDiff('a\r\n', 'a\r\nb', 'f')).toBe('--- a/f\n+++ b/f\n@@ -1,1 +1,2 @@\n a\r\n+b\n\\ No newline at end of file\n');
  });

  it('numbers an empty range by the line before it', () => {
    expect(unifiedDiff('', 'a\n', 'f')).toBe('--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n');
    expect(unifiedDiff('a\nb\n', 'a\n', 'f', 0)).toBe('--- a/f\n+++ b/f\n@@ -2,1 +1,0 @@\n-b\n');
  });

  it('names the file as git does: quoted with C escapes past printable ASCII, a tab after a name with a space', () => {
    const header = (name: string) => unifiedDiff('a\n', 'b\n', name).split('@@')[0];
    expect(header('dir/ts.xml')).toBe('--- a/dir/ts.xml\n+++ b/dir/ts.xml\n');
    expect(header('/abs/ts.xml')).toBe('--- a/abs/ts.xml\n+++ b/abs/ts.xml\n');
    expect(header('my ts.xml')).toBe('--- a/my ts.xml\t\n+++ b/my ts.xml\t\n');
    expect(header('caf\u00e9 "1"\\2.xml')).toBe('--- "a/caf\\303\\251 \\"1\\"\\\\2.xml"\t\n+++ "b/caf\\303\\251 \\"1\\"\\\\2.xml"\t\n');
    expect(header('two\nlines\u001b[31m.xml')).toBe('--- "a/two\\nlines\\033[31m.xml"\n+++ "b/two\\nlines\\033[31m.xml"\n');
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

  it('removes and adds the long line whole, so that the diff stays a patch', () => {
    const edited = before.replace('<variable name="A">1</variable>', '<variable name="A">2</variable>');
    const diff = unifiedDiff(before, edited, 'f');
    const body = diff.split('\n').slice(2, -1);
    expect(body.filter((l) => l.startsWith('-'))).toEqual([`-${long.slice(0, -1)}`]);
    expect(body.filter((l) => l.startsWith('+'))).toEqual([`+${long.slice(0, -1).replace('>1<', '>2<')}`]);
    expect(applyDiff(before, diff)).toBe(edited);
  });
});
