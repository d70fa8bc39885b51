// A batch on worker threads prints and writes exactly what the same batch run in the process does: the built command
// line over a folder of varied inputs (every KB977203 fixture, an export .zip, a broken file, a link to nothing),
// with --jobs 1 (in the process) and --jobs 2 and 3 (worker threads), in each mode.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmts, ensureBuilt } from './helpers/cli-process.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

let dir: string;
const ARGS = ['--certfix-package', 'ABC00010'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmts-batch-'));
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  const cases = join(FIXTURES_DIR, 'kb977203');
  for (const name of readdirSync(cases)) cpSync(join(cases, name, 'input.xml'), join(inputs, `${name}.xml`));
  cpSync(join(FIXTURES_DIR, 'zip', 'export.zip'), join(inputs, 'export.zip'));
  writeFileSync(join(inputs, 'broken.xml'), '<sequence><step></sequence>');
  // A link to nothing is listed with the folder's files and cannot be read: IO_ERROR (chmod cannot stop root).
  symlinkSync(join(dir, 'nothing.xml'), join(inputs, 'unreadable.xml'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the batch with `jobs` threads; what it printed, its exit status, and the files it wrote. */
function batch(jobs: number, args: string[]) {
  const out = join(dir, `out-${jobs}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  const r = cmts(['kb977203', 'in', ...args.map((a) => a.replace('{out}', out)), '--jobs', String(jobs), ...ARGS], { cwd: dir });
  const written = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f)).toString('base64')]));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.split(out).join('{out}'), written };
}

describe('cmts kb977203 over a folder, on worker threads and in the process', { timeout: 120_000 }, () => {
  const modes: [string, string[]][] = [
    ['--dry-run', ['--dry-run']],
    ['--dry-run --json --report', ['--dry-run', '--json', '--report', '{out}/report.json']],
    ['--check --report .csv', ['--check', '--report', '{out}/report.csv']],
    ['--out-dir --force', ['--out-dir', '{out}', '--force']],
    ['--revert --out-dir', ['--revert', '--out-dir', '{out}']],
  ];
  for (const [label, args] of modes) {
    it(`${label}: the same output, files and exit status with 1, 2 and 3 threads`, () => {
      const one = batch(1, args);
      // Not a vacuous comparison: the run saw every input, failed the broken and the unreadable one, and printed.
      expect(one.status).toBe(1);
      expect(one.stdout.length + one.stderr.length).toBeGreaterThan(1000);
      expect(`${one.stdout}${one.stderr}`).toMatch(/broken\.xml/);
      expect(`${one.stdout}${one.stderr}`).toMatch(/unreadable\.xml.*IO_ERROR|IO_ERROR[\s\S]*unreadable\.xml/);
      for (const jobs of [2, 3]) expect(batch(jobs, args)).toEqual(one);
    });
  }

  it('an input over 8 MiB, which a batch processes in the process rather than on a bounded thread, gives the same result', () => {
    const big = join(dir, 'big');
    mkdirSync(big);
    const base = readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', 'input.xml'), 'utf8');
    const filler = '<step type="SMS_TaskSequence_RunCommandLineAction" name="Filler"><action>smsswd.exe /run: cmd /c exit 0</action></step>\n';
    const large = base.replace('</sequence>', `${filler.repeat(Math.ceil((8.5 * 1024 * 1024) / filler.length))}</sequence>`);
    expect(large.length).toBeGreaterThan(8 * 1024 * 1024);
    for (let i = 0; i < 17; i++) writeFileSync(join(big, `ts-${String(i).padStart(2, '0')}.xml`), i === 8 ? large : base);
    const run = (jobs: number) => cmts(['kb977203', 'big', '--dry-run', '--json', '--jobs', String(jobs), ...ARGS], { cwd: dir });
    const one = run(1);
    expect(one.status).toBe(0);
    const parsed = JSON.parse(one.stdout) as { results: { input: string; report?: { changed: boolean } }[] };
    expect(parsed.results).toHaveLength(17);
    expect(parsed.results.every((r) => r.report?.changed === true)).toBe(true);
    expect(run(2)).toEqual(one);
  });

  it('runs on threads when the process was started with options a worker cannot take (node --input-type=module -e)', () => {
    // A script calling main() from `node -e`: a worker inheriting `--input-type` and `-e` would not start at all.
    ensureBuilt();
    const main = pathToFileURL(resolve('dist/lib/cli/main.js')).href;
    const io = pathToFileURL(resolve('dist/lib/cli/io.js')).href;
    const script = (jobs: number) => `const { main } = await import(${JSON.stringify(main)}); const { nodeIo } = await import(${JSON.stringify(io)}); process.exitCode = await main(['kb977203', 'in', '--dry-run', '--json', '--jobs', '${jobs}', ...${JSON.stringify(ARGS)}], nodeIo());`;
    const run = (jobs: number) => spawnSync(process.execPath, ['--input-type=module', '-e', script(jobs)], { cwd: dir, encoding: 'utf8' });
    const one = run(1);
    const two = run(2);
    expect(one.status).toBe(1);
    const results = (r: typeof one) => (JSON.parse(r.stdout) as { results: { input: string; error?: { code: string } }[] }).results;
    // Inputs fail for their own reasons (the refusals among the fixtures, the broken and the unreadable input), as in
    // the process: none for a thread that did not start.
    expect(results(two).length).toBeGreaterThan(10);
    expect(results(two).filter((r) => r.error?.code === 'INTERNAL_ERROR')).toEqual([]);
    expect(results(two).filter((r) => r.error).map((r) => r.input)).toContain('in/broken.xml');
    expect(two.stdout).toBe(one.stdout);
    expect(two.status).toBe(one.status);
  });

  it('goes on in the process, with the same output, when no worker thread can start', () => {
    // A copy of the build whose worker module throws as it loads, kept under node_modules so that its imports of
    // packages resolve as the build's own do.
    ensureBuilt();
    const copy = resolve('node_modules/.cache/cmts-broken-worker');
    rmSync(copy, { recursive: true, force: true });
    cpSync(resolve('dist/lib'), join(copy, 'lib'), { recursive: true });
    writeFileSync(join(copy, 'lib/cli/kb977203-worker.js'), "throw new Error('this worker cannot start');\n");
    const script = (lib: string, jobs: number, inputs: string[]) => `const { main } = await import(${JSON.stringify(pathToFileURL(join(lib, 'cli/main.js')).href)}); const { nodeIo } = await import(${JSON.stringify(pathToFileURL(join(lib, 'cli/io.js')).href)}); process.exitCode = await main(['kb977203', ...${JSON.stringify(inputs)}, '--dry-run', '--json', '--jobs', '${jobs}', ...${JSON.stringify(ARGS)}], nodeIo());`;
    const run = (lib: string, jobs: number, inputs = ['in'], input?: string) => spawnSync(process.execPath, ['--input-type=module', '-e', script(lib, jobs, inputs)], { cwd: dir, encoding: 'utf8', ...(input !== undefined && { input }) });
    try {
      const one = run(resolve('dist/lib'), 1);
      const broken = run(join(copy, 'lib'), 2);
      expect(broken.stderr).toContain('cmts: worker threads could not start (this worker cannot start); the batch goes on in the process.');
      expect(broken.stderr.match(/could not start/g)).toHaveLength(1);
      expect(broken.stdout).toBe(one.stdout);
      expect(broken.status).toBe(one.status);
      // Standard input first among the inputs (so it is read before the threads are known not to start): it can be read only once, so it is not left to a thread that may never start.
      const sequence = readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', 'input.xml'), 'utf8');
      const oneStdin = run(resolve('dist/lib'), 1, ['-', 'in'], sequence);
      const brokenStdin = run(join(copy, 'lib'), 2, ['-', 'in'], sequence);
      expect(JSON.stringify(JSON.parse(oneStdin.stdout).results.find((r: { input: string }) => r.input === '-'))).toMatch(/"changed":true/);
      expect(brokenStdin.stdout).toBe(oneStdin.stdout);
      expect(brokenStdin.status).toBe(oneStdin.status);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('prints each result on standard output in input order, standard input and large inputs too (--dry-run)', () => {
    // Standard input and inputs over 8 MiB are processed in the process, not on a thread: their results still wait
    // their turn (they were written at once, before the results of the inputs before them).
    const a = join(dir, 'in', 'refresh-2007-crlf.xml');
    const stdin = readFileSync(join(FIXTURES_DIR, 'kb977203', 'certfix-after-setup-adopted-restart-added', 'input.xml'));
    const large = join(dir, 'large.xml');
    const base = readFileSync(a, 'utf8');
    const pad = `<!--${' '.repeat(9 * 1024 * 1024)}-->`;
    writeFileSync(large, base.replace(/(<\/SmsTaskSequencePackage>|<\/sequence>)\s*$/, (end) => `${end}${pad}`));
    const run = (jobs: number) => cmts(['kb977203', a, '-', large, a, '--dry-run', '--jobs', String(jobs), ...ARGS], { cwd: dir, input: stdin });
    const one = run(1);
    const two = run(2);
    expect(one.status).toBe(0);
    // The diffs in input order: a, standard input's, the large one (a named twice is one input); named as git names
    // them, an absolute name without its leading slash.
    expect([...one.stdout.matchAll(/^\+\+\+ b\/(.*)$/gm)].map((m) => m[1])).toEqual([a.slice(1), '-', large.slice(1)]);
    // Compared by hash: a failing comparison of two 9 MiB texts would have the test runner diff them for minutes.
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(hash(two.stdout)).toBe(hash(one.stdout));
    expect(two.status).toBe(one.status);
  });

  it('--jobs takes a whole number from 1 up', () => {
    const r = cmts(['kb977203', 'in', '--dry-run', '--jobs', '0', ...ARGS], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs takes a whole number from 1 to 9999, not "0"/);
  });
});
