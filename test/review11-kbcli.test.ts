// cmts kb977203 as an administrator and a script run it: a folder that cannot be listed, file names with control
// characters in a batch's table and progress line and a dry run's diff, the table of a --revert batch, and --html with
// standard input, one file's report when its --report cannot be written, and -o - cut short.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { TaskSequenceError } from '../lib/errors.js';
import { cmts } from './helpers/cli-process.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const fixture = (file: string) => readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', file));
const REFRESH = fixture('input.xml');
const PATCHED = fixture('output.xml');
const ARGS = ['--certfix-package', 'ABC00010'];

describe('cmts kb977203 with a folder that cannot be listed', () => {
  it('is trouble with the command line (exit 2, as every command says it), in the --json envelope too', async () => {
    for (const json of [false, true]) {
      const m = memoryIo({ 'locked/a.xml': REFRESH });
      const list = m.io.listDir.bind(m.io);
      m.io.listDir = (path) => {
        if (path.startsWith('locked')) throw new TaskSequenceError('IO_ERROR', `Cannot list ${path}: permission denied.`, { file: path });
        return list(path);
      };
      expect(await main(['kb977203', 'locked', '--check', ...ARGS, ...(json ? ['--json'] : [])], m.io)).toBe(2);
      expect(m.stderr).toMatch(/IO_ERROR Cannot list locked: permission denied\./);
      if (json) {
        const env = JSON.parse(m.stdout) as { results: { input: string; error: { code: string; file: string } }[]; summary: Record<string, number> };
        expect(env.results).toEqual([{ input: 'locked', error: expect.objectContaining({ code: 'IO_ERROR', file: 'locked' }) as unknown }]);
        expect(env.summary).toEqual({ files: 0, changed: 0, notApplicable: 0, failed: 1 });
      } else expect(m.stdout).toBe('');
    }
  });
});

describe('cmts kb977203 over files whose names hold control characters', () => {
  const names = ['in/a.xml', 'in/b.xml', 'in/c.xml', 'in/ev\u001b[31mil.xml', 'in/two\nlines.xml'];
  const files = () => Object.fromEntries(names.map((n) => [n, REFRESH]));

  it('prints the summary table and the progress line with them escaped, one row a line, columns aligned', async () => {
    const m = memoryIo(files(), true);
    expect(await main(['kb977203', 'in', '--dry-run', ...ARGS], m.io)).toBe(0);
    // The progress line's own clearing is the only escape sequence written.
    const err = m.stderr.replaceAll('\r\u001b[K', '');
    expect(err).not.toMatch(/\u001b/);
    expect(err).toMatch(/\[5\/5\] in\/two\\nlines\.xml/);
    const table = err.slice(err.lastIndexOf('\nfile ') + 1).split('\n');
    const rows = table.filter((l) => l.startsWith('in/'));
    expect(rows).toHaveLength(5);
    expect(rows).toContain(rows.find((r) => r.startsWith('in/two\\nlines.xml ')));
    expect(rows).toContain(rows.find((r) => r.startsWith('in/ev\\u001b[31mil.xml ')));
    // Each row's result column starts where the heading's does.
    const at = (table[0] as string).indexOf('result');
    for (const r of rows) expect(r.slice(at, at + 'would change'.length)).toBe('would change');
  });

  it("writes the dry run's diff headers on one line each, the name quoted as git quotes it", async () => {
    const m = memoryIo(files());
    expect(await main(['kb977203', 'in', '--dry-run', ...ARGS], m.io)).toBe(0);
    expect(m.stdout).toContain('--- "a/in/two\\nlines.xml"\n+++ "b/in/two\\nlines.xml"\n@@');
    expect(m.stdout).toContain('--- "a/in/ev\\033[31mil.xml"\n');
    expect(m.stdout).not.toMatch(/\u001b/);
  });
});

describe('cmts kb977203 --revert over a folder', () => {
  it('says "nothing to revert" in the summary table of a sequence with nothing of KB977203, as its report does', async () => {
    const m = memoryIo({ 'in/a.xml': REFRESH, 'in/b.xml': PATCHED });
    expect(await main(['kb977203', 'in', '--revert', '--dry-run', ...ARGS], m.io)).toBe(0);
    const rows = m.stderr.split('\n').filter((l) => l.startsWith('in/'));
    expect(rows.map((r) => r.split(/ {2,}/).slice(0, 2))).toEqual([
      ['in/a.xml', 'nothing to revert'],
      ['in/b.xml', 'would change'],
    ]);
  });
});

describe('cmts kb977203 - --html', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmts-kbcli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads standard input once, for the review page and the result alike', () => {
    const out = join(dir, 'out.xml');
    const page = join(dir, 'page.html');
    const r = cmts(['kb977203', '-', '-o', out, '--html', page, ...ARGS], { input: REFRESH });
    expect(r.stderr).not.toMatch(/read only once/);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(PATCHED)).toBe(true);
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toMatch(/Run CCMCertFix \(KB977203\)/);
  });
});

describe('cmts kb977203 <one file> --report <a file that cannot be written>', () => {
  it("still says what became of the input (its result was written) before the report's error, as a batch does", async () => {
    for (const json of [false, true]) {
      const m = memoryIo({ 'ts.xml': REFRESH });
      const write = m.io.writeFileAtomic.bind(m.io);
      m.io.writeFileAtomic = (path, bytes) => {
        if (path === 'fleet.csv') throw new TaskSequenceError('IO_ERROR', 'Cannot write fleet.csv: it is read-only; it is left as it was.', { file: path });
        write(path, bytes);
      };
      expect(await main(['kb977203', 'ts.xml', '-o', 'out.xml', '--report', 'fleet.csv', ...ARGS, ...(json ? ['--json'] : [])], m.io)).toBe(1);
      expect(Buffer.from(m.fs.get('out.xml')!).equals(PATCHED)).toBe(true);
      const error = m.stderr.indexOf('IO_ERROR Cannot write fleet.csv');
      expect(error).toBeGreaterThan(-1);
      if (json) {
        const env = JSON.parse(m.stdout) as { results: { input: string; written?: boolean; error?: { code: string } }[] };
        expect(env.results.map((r) => [r.input, r.written ?? r.error?.code])).toEqual([['ts.xml', true], ['fleet.csv', 'IO_ERROR']]);
      } else {
        const wrote = m.stderr.indexOf('wrote out.xml (4 change(s)).');
        expect(wrote).toBeGreaterThan(-1);
        expect(wrote).toBeLessThan(error);
      }
    }
  });
});

describe('cmts kb977203 <one file> -o - whose reader goes away', () => {
  it('says the unchanged copy was cut short, not that there was nothing to write', async () => {
    for (const [bytes, said] of [
      [PATCHED, /already in place; standard output was closed before all of the unchanged copy was written\./],
      [REFRESH, /standard output was closed before all of the result was written \(4 change\(s\)\)\./],
    ] as const) {
      const m = memoryIo({ 'ts.xml': bytes });
      // A pipe whose reader left while the result was written (`| head -c 10`).
      m.io.stdout = Object.assign({ write: () => false }, { readerGone: true });
      await main(['kb977203', 'ts.xml', '-o', '-', ...ARGS], m.io);
      expect(m.stderr).toMatch(said);
      expect(m.stderr).not.toMatch(/nothing to write/);
    }
  });
});
