// An input written --in-place is read at the start and replaced at the end. A change another program made to it in
// between (an editor saving it, a second cmts run, a script) was overwritten without a word. Now the write looks,
// right before its rename, whether the file at the input's path is still the file read, as it was (device and file
// number, size, modification and change times to the nanosecond, as the read's own open saw them); if not, the
// result is not written: INPUT_CHANGED, the temporary file removed, the file left as the other program left it, exit
// status 1, and a batch goes on with its other inputs. The other program's edit is made deterministically: by an io
// whose write makes it just before the real write (in-process), or while the built command line is paused with its
// temporary file complete (CMTS_TEST_PAUSE_BEFORE_RENAME, as the signal tests pause it).
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, nodeIo } from '../lib/cli/io.js';
import { main } from '../lib/cli/main.js';
import { validatorFor } from '../lib/schemas.js';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

const XML = readFileSync(resolve('examples/refresh-2007.xml'));
const PATCH = ['--certfix-package', 'ABC00010'];
const DEPENDENT = '{"packageId": "ABC00010", "programName": "CCMCertFix"}';
/** What the other program writes: other bytes than the input's, of the same size (so only the times tell). */
const EDITED = Buffer.from(XML.toString('latin1').replace('<sequence', '<SEQUENCE'), 'latin1');
/** A time long past, given to every input, so that a rewrite's modification time differs whatever the clock's tick. */
const PAST = new Date('2001-01-01T00:00:00Z');

let root: string;
let n = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cmts-input-changed-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder with the inputs `names` (the example sequence, modified long ago) and the transform's options. */
function folder(...names: string[]): string {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir);
  for (const name of names) {
    writeFileSync(join(dir, name), XML);
    utimesSync(join(dir, name), PAST, PAST);
  }
  writeFileSync(join(dir, 'dep.json'), DEPENDENT);
  return dir;
}

const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.cmts-tmp'));
const patched = (path: string) => readFileSync(path, 'latin1').includes('KB977203');

/**
 * Runs cmts in this process on the real file system; `edit(path)` is called just before each write of a file (the
 * other program's change), then the real write goes on.
 */
async function run(argv: string[], edit: (path: string) => void): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
  const real = nodeIo();
  const io: CliIo = {
    ...real,
    stdout: { write: (c: string | Uint8Array) => (stdout += text(c)) },
    stderr: { write: (c: string | Uint8Array) => (stderr += text(c)) },
    writeFileAtomic(path, bytes) {
      edit(path);
      real.writeFileAtomic(path, bytes);
    },
  };
  return { status: await main(argv, io), stdout, stderr };
}

/** An edit of the file `target` alone (`act` is given its path). */
const on = (target: string, act: (path: string) => void) => (path: string) => {
  if (resolve(path) === resolve(target)) act(path);
};

describe.skipIf(process.platform === 'win32')('an input changed while cmts works on it (--in-place)', { timeout: 60_000 }, () => {
  it('rewritten with the same size (only its times tell): not written, left as the other program wrote it, exit 1', async () => {
    const dir = folder('ts.xml');
    const ts = join(dir, 'ts.xml');
    const r = await run(['kb977203', ts, '--in-place', ...PATCH], on(ts, (p) => writeFileSync(p, EDITED)));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cmts kb977203: ${ts}: INPUT_CHANGED Cannot write ${ts}: it was changed after cmts read it; the result is not written, and the file is left as it is now`);
    expect(readFileSync(ts).equals(EDITED)).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('replaced by a rename (another file in its place, as editors save): not written, the new file kept', async () => {
    const dir = folder('ts.xml');
    const ts = join(dir, 'ts.xml');
    const r = await run(['kb977203', ts, '--in-place', ...PATCH], on(ts, (p) => {
      writeFileSync(join(dir, 'saved.xml'), EDITED);
      renameSync(join(dir, 'saved.xml'), p);
    }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`INPUT_CHANGED Cannot write ${ts}: another file took its place after cmts read it`);
    expect(readFileSync(ts).equals(EDITED)).toBe(true);
    expect(temps(dir).concat(readdirSync(dir).filter((f) => f === 'saved.xml'))).toEqual([]);
  });

  it('removed: not made again', async () => {
    const dir = folder('ts.xml');
    const ts = join(dir, 'ts.xml');
    const r = await run(['kb977203', ts, '--in-place', ...PATCH], on(ts, (p) => rmSync(p)));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`INPUT_CHANGED Cannot write ${ts}: it was removed after cmts read it; the result is not written, and it is not made again.`);
    expect(existsSync(ts)).toBe(false);
    expect(readdirSync(dir)).toEqual(['dep.json']);
  });

  it('through a symlink: the file it leads to is what is checked (changed, or the link now leading elsewhere)', async () => {
    const dir = folder('real.xml', 'other.xml');
    const link = join(dir, 'link.xml');
    symlinkSync('real.xml', link);
    let r = await run(['kb977203', link, '--in-place', ...PATCH], on(link, () => writeFileSync(join(dir, 'real.xml'), EDITED)));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`INPUT_CHANGED Cannot write ${link}: it was changed after cmts read it`);
    expect(readFileSync(join(dir, 'real.xml')).equals(EDITED)).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);

    writeFileSync(join(dir, 'real.xml'), XML);
    r = await run(['kb977203', link, '--in-place', ...PATCH], on(link, (p) => {
      rmSync(p);
      symlinkSync('other.xml', p);
    }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`INPUT_CHANGED Cannot write ${link}: another file took its place after cmts read it`);
    expect(readFileSync(join(dir, 'real.xml')).equals(XML)).toBe(true);
    expect(readFileSync(join(dir, 'other.xml')).equals(XML)).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('a batch: the changed input is a failed record of the --json report, the others are written', async () => {
    const dir = folder('a.xml', 'b.xml', 'c.xml');
    const b = join(dir, 'b.xml');
    const r = await run(['kb977203', join(dir, 'a.xml'), b, join(dir, 'c.xml'), '--in-place', '--json', ...PATCH], on(b, (p) => writeFileSync(p, EDITED)));
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { results: { input: string; written?: boolean; error?: { code: string; file?: string } }[]; summary: Record<string, number> };
    const validate = validatorFor('kb977203.report.schema.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.results.map((x) => [x.input, x.error?.code ?? x.written])).toEqual([[join(dir, 'a.xml'), true], [b, 'INPUT_CHANGED'], [join(dir, 'c.xml'), true]]);
    expect(report.results[1]?.error?.file).toBe(b);
    expect(report.summary).toEqual({ files: 3, changed: 2, notApplicable: 0, failed: 1 });
    // Said on standard error too, as every failed input is under --json.
    expect(r.stderr).toContain(`INPUT_CHANGED Cannot write ${b}: it was changed after cmts read it`);
    expect(readFileSync(b).equals(EDITED)).toBe(true);
    expect([patched(join(dir, 'a.xml')), patched(join(dir, 'c.xml'))]).toEqual([true, true]);
    expect(temps(dir)).toEqual([]);
  });

  it('with --html: the input is read (once) for the review page, and checked all the same; the page is taken back', async () => {
    const dir = folder('ts.xml');
    const ts = join(dir, 'ts.xml');
    const page = join(dir, 'review.html');
    const r = await run(['kb977203', ts, '--in-place', '--html', page, ...PATCH], on(ts, (p) => writeFileSync(p, EDITED)));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`INPUT_CHANGED Cannot write ${ts}: it was changed after cmts read it`);
    expect(readFileSync(ts).equals(EDITED)).toBe(true);
    // The page described a change that was not made: it is removed, as for any result that cannot be written.
    expect(existsSync(page)).toBe(false);
    expect(temps(dir)).toEqual([]);
  });

  it('transform --in-place: the same refusal, in its --json report', async () => {
    const dir = folder('ts.xml');
    const ts = join(dir, 'ts.xml');
    const r = await run(['transform', 'set-dependent-program', ts, '--options', join(dir, 'dep.json'), '--in-place', '--json'], on(ts, (p) => writeFileSync(p, EDITED)));
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { results: { input: string; error?: { code: string } }[]; summary: Record<string, number> };
    const validate = validatorFor('transform.report.schema.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.results).toEqual([{ input: ts, error: expect.objectContaining({ code: 'INPUT_CHANGED', file: ts }) }]);
    expect(report.summary).toEqual({ files: 1, changed: 0, failed: 1 });
    expect(readFileSync(ts).equals(EDITED)).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('no change meanwhile: written as before; and -o onto a file that is no input is not checked', async () => {
    const dir = folder('ts.xml', 'src.xml', 'out.xml');
    const ts = join(dir, 'ts.xml');
    const r = await run(['kb977203', ts, '--in-place', ...PATCH], () => undefined);
    expect(r.status, r.stderr).toBe(0);
    expect(patched(ts)).toBe(true);
    // out.xml changed just before the write: it was never read, so there is nothing it must still be.
    const out = join(dir, 'out.xml');
    const o = await run(['kb977203', join(dir, 'src.xml'), '-o', out, ...PATCH], on(out, (p) => writeFileSync(p, EDITED)));
    expect(o.status, o.stderr).toBe(0);
    expect(patched(out)).toBe(true);
    expect(readFileSync(join(dir, 'src.xml')).equals(XML)).toBe(true);
  });
});

/**
 * Runs the built command line in `dir`, its writes paused with their temporary file complete (the test hook); once a
 * temporary file is there, `edit()` is the other program's change, then the writes go on.
 */
async function pausedRun(dir: string, args: string[], edit: () => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const release = join(root, `release-${n++}`);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CMTS_TEST_PAUSE_BEFORE_RENAME: release } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const ended = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  // Polled, not slept on: the process waits at its rename until the release file exists.
  while (temps(dir).length === 0 && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
  edit();
  writeFileSync(release, '');
  return { code: await ended, stdout, stderr };
}

describe.skipIf(process.platform === 'win32')('a change made while the temporary file waits for its rename (the built command line)', { timeout: 120_000 }, () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('one input: the temporary file is removed, the input left as the other program wrote it, exit 1', async () => {
    const dir = folder('ts.xml');
    const r = await pausedRun(dir, ['kb977203', 'ts.xml', '--in-place', ...PATCH], () => writeFileSync(join(dir, 'ts.xml'), EDITED));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('cmts kb977203: ts.xml: INPUT_CHANGED Cannot write ts.xml: it was changed after cmts read it');
    expect(readFileSync(join(dir, 'ts.xml')).equals(EDITED)).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('a batch on worker threads: the input changed is not written, the others are', async () => {
    const dir = folder(...Array.from({ length: 6 }, (_, i) => `ts${i}.xml`));
    // The first input's write is the one paused first: results are written in input order.
    const r = await pausedRun(dir, ['kb977203', '.', '--in-place', '--jobs', '2', '--json', ...PATCH], () => writeFileSync(join(dir, 'ts0.xml'), EDITED));
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { results: { input: string; error?: { code: string } }[]; summary: Record<string, number> };
    expect(report.results.filter((x) => x.error).map((x) => [x.input, x.error?.code])).toEqual([['ts0.xml', 'INPUT_CHANGED']]);
    expect(report.summary).toMatchObject({ files: 6, failed: 1 });
    expect(readFileSync(join(dir, 'ts0.xml')).equals(EDITED)).toBe(true);
    for (let i = 1; i < 6; i++) expect(patched(join(dir, `ts${i}.xml`)), `ts${i}.xml`).toBe(true);
    expect(temps(dir)).toEqual([]);
  });
});
