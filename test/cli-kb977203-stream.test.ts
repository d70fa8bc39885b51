// A batch writes each input's output when that input is done and keeps only what its summary needs, so what it holds
// does not grow with what it prints. What it prints must stay exactly what it was: --json is streamed as the very text
// one JSON.stringify(…, null, 2) of the whole report gives, and people get each report and diff, then the table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeBatch } from '../lib/cli/kb977203-batch.js';
import { main } from '../lib/cli/main.js';
import type { CliIo } from '../lib/cli/io.js';
import { TaskSequenceError } from '../lib/errors.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, 'kb977203', name, 'input.xml'));
/** A folder of inputs of each kind of outcome: changed, not applicable (two ways), broken. */
const FOLDER = {
  'in/a-refresh.xml': fixture('refresh-2007-crlf'),
  // No Setup step and no capture (a capture half is taken for replace-capture when no scenario is given).
  'in/b-missing-setup.xml': fixture('refuse-missing-setup-step').toString('utf8').replace('SMS_TaskSequence_CaptureUserStateAction', 'SMS_TaskSequence_RunCommandLineAction'),
  'in/c-install-application.xml': fixture('refuse-install-application-step'),
  'in/d-broken.xml': '<sequence><step></sequence>',
  'in/e-two-setup.xml': fixture('new-computer-bare-utf16le-two-setup-steps'),
};
const ARGS = ['--certfix-package', 'ABC00010'];

/** What was written to standard output, in order, as one text. */
const stdoutOf = (m: ReturnType<typeof memoryIo>): string => m.stdout;

/** An io over `m` whose writes fail: with a TaskSequenceError (a full disk), or with a plain Error (a bug). */
function failingWrites(m: ReturnType<typeof memoryIo>, kind: 'disk full' | 'bug'): CliIo {
  return {
    ...m.io,
    writeFileAtomic: (path) => {
      if (kind === 'bug') throw new Error('boom');
      throw new TaskSequenceError('IO_ERROR', `Cannot write ${path}: no space left on device.`, { file: path });
    },
  };
}

describe('a batch writes as it goes', () => {
  it('--json: the streamed text is the one JSON.stringify of the whole report prints, byte for byte', async () => {
    const m = memoryIo(FOLDER);
    let writes = 0;
    const counted: CliIo = { ...m.io, stdout: { write: (c) => (writes++, m.io.stdout.write(c)) } };
    expect(await main(['kb977203', 'in', '--dry-run', '--json', ...ARGS], counted)).toBe(1);
    const text = stdoutOf(m);
    const report = JSON.parse(text) as { results: { input: string }[]; summary: Record<string, number> };
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
    // Not vacuous: every input is a record, in order, and each kind of outcome is there.
    expect(report.results.map((r) => r.input)).toEqual(Object.keys(FOLDER));
    expect(report.summary).toEqual({ files: 5, changed: 2, notApplicable: 2, failed: 1 });
    // Streamed: one write per record (and the summary), not one write of the whole report.
    expect(writes).toBe(6);
  });

  it('--json with a --report that cannot be written: the records, then its error as the last record, one text', async () => {
    const m = memoryIo(FOLDER);
    const refused = failingWrites(m, 'disk full');
    expect(await main(['kb977203', 'in', '--dry-run', '--json', '--report', 'fleet.csv', ...ARGS], refused)).toBe(1);
    const text = stdoutOf(m);
    const report = JSON.parse(text) as { results: { input: string; error?: { code: string } }[]; summary: Record<string, number> };
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.results.map((r) => r.input)).toEqual([...Object.keys(FOLDER), 'fleet.csv']);
    expect(report.results.at(-1)?.error?.code).toBe('IO_ERROR');
    expect(report.summary).toEqual({ files: 5, changed: 2, notApplicable: 2, failed: 2 });
  });

  it('for people: each report (and its diff) as its input is done, the table after them all, the same exit status', async () => {
    const m = memoryIo(FOLDER);
    expect(await main(['kb977203', 'in', '--dry-run', ...ARGS], m.io)).toBe(1);
    const err = m.stderr;
    const at = (s: string) => {
      const i = err.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const reports = [
      'KB977203 (refresh) on in/a-refresh.xml',
      'KB977203 on in/b-missing-setup.xml: not applicable (MISSING_SETUP_WINDOWS_STEP)',
      'KB977203 on in/c-install-application.xml: not applicable (NOT_CONFIGMGR_2007)',
      'cmts kb977203: in/d-broken.xml',
      ') on in/e-two-setup.xml',
    ];
    const order = [...reports.map(at), at('\nfile ')];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Each once: written as it comes, not again at the end.
    for (const r of reports) expect(err.split(r).length - 1, r).toBe(1);
    expect(err).toMatch(/in\/a-refresh\.xml +would change +4\n/);
    expect(err).toMatch(/in\/d-broken\.xml +FAILED +- +XML_MALFORMED\n/);
    expect(err).toContain('5 sequence(s), 2 not applicable, 1 failed.');
    // The diffs on standard output, in input order.
    const out = stdoutOf(m);
    expect(out.indexOf('+++ b/in/a-refresh.xml\n')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('+++ b/in/a-refresh.xml\n')).toBeLessThan(out.indexOf('+++ b/in/e-two-setup.xml\n'));
  });

  it('--json and a bug met on the way (here, a --report write that fails unexpectedly): still one JSON document, ending with INTERNAL_ERROR', async () => {
    const m = memoryIo(FOLDER);
    const broken = failingWrites(m, 'bug');
    expect(await main(['kb977203', 'in', '--dry-run', '--json', '--report', 'fleet.csv', ...ARGS], broken)).toBe(1);
    const text = stdoutOf(m);
    const report = JSON.parse(text) as { results: { input: string; error?: { code: string; message: string } }[]; summary: Record<string, number> };
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.results.map((r) => r.input)).toEqual([...Object.keys(FOLDER), 'in']);
    expect(report.results.at(-1)?.error).toMatchObject({ code: 'INTERNAL_ERROR', message: 'boom' });
    expect(report.summary.failed).toBe(2);
    expect(m.stderr).toContain('cmts: internal error: boom\n');
  });

  it('for people, a bug met on the way is thrown to the launcher (which reports it), after what was printed', async () => {
    const m = memoryIo(FOLDER);
    const broken = failingWrites(m, 'bug');
    await expect(main(['kb977203', 'in', '--dry-run', '--report', 'fleet.csv', ...ARGS], broken)).rejects.toThrow('boom');
    expect(m.stderr).toContain('KB977203 (refresh) on in/a-refresh.xml');
  });

  it('for people, a --report that cannot be written: every report, the table, then the error', async () => {
    const m = memoryIo(FOLDER);
    const refused = failingWrites(m, 'disk full');
    expect(await main(['kb977203', 'in', '--check', '--report', 'fleet.json', ...ARGS], refused)).toBe(1);
    const err = m.stderr;
    expect(err.indexOf('on in/e-two-setup.xml')).toBeLessThan(err.indexOf('5 sequence(s)'));
    expect(err.trimEnd().split('\n').at(-1)).toMatch(/^cmts kb977203: fleet\.json.*IO_ERROR.*no space left on device/);
  });
});

describe('when a batch uses worker threads', () => {
  const MiB = 1024 * 1024;
  /** An io whose files have the given sizes (their bytes are never read). */
  const sized = (sizes: Record<string, number>): CliIo => ({ ...memoryIo().io, sizeOf: (path) => sizes[path] });

  it('from 40 MiB of input that threads would take, counted file by file', () => {
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`f${i}.xml`, 100 * 1024]));
    expect(largeBatch(Object.keys(files), sized(files))).toBe(false);
    // 410 files of 100 KiB make 41 MiB.
    for (let i = 400; i < 410; i++) files[`f${i}.xml`] = 100 * 1024;
    expect(largeBatch(Object.keys(files), sized(files))).toBe(true);
  });

  it('not for inputs a thread would not take (over 8 MiB, standard input, an export .zip), nor for a missing file', () => {
    expect(largeBatch(['a', 'b', 'c', 'd', 'e', 'f'], sized({ a: 9 * MiB, b: 9 * MiB, c: 9 * MiB, d: 9 * MiB, e: 9 * MiB, f: 9 * MiB }))).toBe(false);
    expect(largeBatch(['-', 'missing', 'a'], sized({ a: 8 * MiB }))).toBe(false);
    // A file named "-" in the folder is not standard input's size.
    expect(largeBatch(['-', 'a', 'b', 'c', 'd'], sized({ '-': 8 * MiB, a: 8 * MiB, b: 8 * MiB, c: 8 * MiB, d: 8 * MiB }))).toBe(false);
    expect(largeBatch(['a.zip', 'b.ZIP', 'c.zip', 'd.zip', 'e.zip', 'f.zip'], sized({ 'a.zip': 8 * MiB, 'b.ZIP': 8 * MiB, 'c.zip': 8 * MiB, 'd.zip': 8 * MiB, 'e.zip': 8 * MiB, 'f.zip': 8 * MiB }))).toBe(false);
    expect(largeBatch(['a', 'b', 'c', 'd', 'e'], sized({ a: 8 * MiB, b: 8 * MiB, c: 8 * MiB, d: 8 * MiB, e: 8 * MiB }))).toBe(true);
  });

  it('the files a real run measures: the command line sizes them with stat', async () => {
    const { nodeIo } = await import('../lib/cli/io.js');
    const io = nodeIo();
    const here = join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', 'input.xml');
    expect(io.sizeOf?.(here)).toBe(readFileSync(here).length);
    expect(io.sizeOf?.(FIXTURES_DIR)).toBeUndefined();
    expect(io.sizeOf?.(join(FIXTURES_DIR, 'no such file'))).toBeUndefined();
  });
});
