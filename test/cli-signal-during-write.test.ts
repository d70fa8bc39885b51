// A write is a temporary file beside the target, then a rename. Stopped in between (Ctrl-C, SIGTERM, a closed
// terminal's SIGHUP), cmts died with its temporary file left, for the next run to clean up a minute later. It now
// handles these signals once it writes: it leaves no temporary file of its own, exits 128 + the signal's number
// (130, 143, 129), and the target is whole, its old content or its new (the rename happened or not, never half).
// Run for real: the built command line, paused by its test hook (CMTS_TEST_PAUSE_BEFORE_RENAME: a write waits, its
// temporary file complete, until the file the variable names exists) so that the signal arrives while the temporary
// file is there, every time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

const XML = readFileSync(resolve('examples/refresh-2007.xml'));
const YAML = readFileSync(resolve('examples/osd-as-code.yaml'));
let root: string;

beforeAll(() => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'cmts-signal-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.cmts-tmp'));
/** A write's temporary file, not a file kept aside (`.old.cmts-tmp`, made before the write while a set replaces files). */
const writing = (dir: string) => temps(dir).filter((n) => !n.endsWith('.old.cmts-tmp'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs cmts in `dir` to its end; with `signal`, sends it once the run's temporary file is there (in `writesIn`, `dir`
 * unless given), then lets the write go on `releaseAfter` ms later.
 */
async function runCmts(dir: string, args: string[], signal?: NodeJS.Signals, writesIn = dir, releaseAfter = 100): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sawTemp: boolean }> {
  const release = join(root, `release-${Math.random().toString(36).slice(2)}`);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...(signal && { CMTS_TEST_PAUSE_BEFORE_RENAME: release }) } });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('close', (code, sig) => res({ code, signal: sig })));
  let sawTemp = false;
  if (signal) {
    for (let waited = 0; waited < 20_000 && !sawTemp && child.exitCode === null; waited += 10) {
      sawTemp = writing(writesIn).length > 0;
      if (!sawTemp) await sleep(10);
    }
    child.kill(signal);
    // The signal is delivered before the write may go on: it comes while the temporary file is there. (A batch on
    // threads is given longer, for its other results to come in meanwhile.)
    await sleep(releaseAfter);
    writeFileSync(release, '');
  }
  return { ...(await ended), stderr, sawTemp };
}

const cases: { label: string; args: string[]; target: string; signal: NodeJS.Signals; status: number }[] = [
  { label: 'kb977203 -o, SIGINT', args: ['kb977203', 'ts.xml', '-o', 'out.xml', '--certfix-package', 'ABC00010'], target: 'out.xml', signal: 'SIGINT', status: 130 },
  { label: 'kb977203 --in-place, SIGTERM', args: ['kb977203', 'ts.xml', '--in-place', '--certfix-package', 'ABC00010'], target: 'ts.xml', signal: 'SIGTERM', status: 143 },
  { label: 'transform --in-place, SIGHUP', args: ['transform', 'set-dependent-program', 'ts.xml', '--options', 'dep.json', '--in-place'], target: 'ts.xml', signal: 'SIGHUP', status: 129 },
  { label: 'transform -o, SIGINT', args: ['transform', 'set-dependent-program', 'ts.xml', '--options', 'dep.json', '-o', 'out.xml'], target: 'out.xml', signal: 'SIGINT', status: 130 },
  { label: 'convert -o, SIGTERM', args: ['convert', 'ts.xml', '--to', 'json', '-o', 'out.json'], target: 'out.json', signal: 'SIGTERM', status: 143 },
  // render and build wrote their one file and returned, and the process ended with status 0 before the signal that
  // came during the write was taken.
  { label: 'render -o, SIGINT', args: ['render', 'ts.xml', '-o', 'out.html'], target: 'out.html', signal: 'SIGINT', status: 130 },
  { label: 'render -o onto an old page, SIGHUP', args: ['render', 'ts.xml', '-o', 'old.html'], target: 'old.html', signal: 'SIGHUP', status: 129 },
  { label: 'build -o, SIGTERM', args: ['build', 'ts.yaml', '-o', 'out.xml'], target: 'out.xml', signal: 'SIGTERM', status: 143 },
  { label: 'build -o, SIGINT', args: ['build', 'ts.yaml', '-o', 'out.xml'], target: 'out.xml', signal: 'SIGINT', status: 130 },
];

describe.skipIf(process.platform === 'win32')('a signal while cmts writes a file', () => {
  for (const c of cases) {
    it(`${c.label}: exit ${c.status}, no temporary file left, the target whole`, async () => {
      const fresh = (name: string) => {
        const dir = join(root, name);
        mkdirSync(dir);
        writeFileSync(join(dir, 'ts.xml'), XML);
        writeFileSync(join(dir, 'dep.json'), '{"packageId": "ABC00010", "programName": "CCMCertFix"}');
        writeFileSync(join(dir, 'ts.yaml'), YAML);
        writeFileSync(join(dir, 'old.html'), 'an old page');
        return dir;
      };
      // What the write gives when no one stops it, to compare the target with.
      const plain = fresh(`${c.label.replace(/\W+/g, '-')}-plain`);
      const ok = await runCmts(plain, c.args);
      expect(ok.code, ok.stderr).toBe(0);
      const written = readFileSync(join(plain, c.target));
      expect(written.equals(XML)).toBe(false);

      const dir = fresh(c.label.replace(/\W+/g, '-'));
      const before = existsSync(join(dir, c.target)) ? readFileSync(join(dir, c.target)) : undefined;
      const r = await runCmts(dir, c.args, c.signal);
      expect(r.sawTemp, 'the write was paused with its temporary file there').toBe(true);
      expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code: c.status, signal: null });
      expect(temps(dir)).toEqual([]);
      // Whole: the old content (none, for a new -o target) or the new, never a part of either.
      const now = existsSync(join(dir, c.target)) ? readFileSync(join(dir, c.target)) : undefined;
      expect(now === undefined ? before === undefined : now.equals(written) || (before !== undefined && now.equals(before))).toBe(true);
      expect(r.stderr).toContain(`stopped by ${c.signal}`);
      // The write it stopped after is said to be done when it is: a stop that said only that no file was left
      // half-written read as if the target had been left as it was.
      if (now !== undefined && now.equals(written)) expect(r.stderr).toContain(`${c.target} was written in full before the stop.`);
      else expect(r.stderr).not.toContain('written in full');
    }, 60_000);
  }

  it('a batch stops after the file it was writing: the inputs after it are left as they were', async () => {
    const dir = join(root, 'batch');
    mkdirSync(dir);
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `ts${i}.xml`), XML);
    const r = await runCmts(dir, ['kb977203', '.', '--in-place', '--certfix-package', 'ABC00010'], 'SIGINT');
    expect(r.code, r.stderr).toBe(130);
    expect(temps(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'ts0.xml'), 'utf8')).toContain('KB977203');
    expect(r.stderr).toMatch(/ts0\.xml was written in full before the stop\./);
    for (let i = 1; i < 5; i++) expect(readFileSync(join(dir, `ts${i}.xml`)).equals(XML), `ts${i}.xml`).toBe(true);
  }, 60_000);

  // On worker threads, the results that finished while the first was written were delivered in one synchronous
  // loop, every one written before the signal was taken: a stopped batch went on rewriting inputs.
  it('a batch on worker threads (--jobs 2) writes no other input after the signal', async () => {
    const dir = join(root, 'batch-threads');
    mkdirSync(dir);
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, `ts${i}.xml`), XML);
    const r = await runCmts(dir, ['kb977203', '.', '--in-place', '--jobs', '2', '--certfix-package', 'ABC00010'], 'SIGINT', dir, 1_000);
    expect(r.code, r.stderr).toBe(130);
    expect(temps(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'ts0.xml'), 'utf8')).toContain('KB977203');
    expect(r.stderr).toMatch(/ts0\.xml was written in full before the stop\./);
    for (let i = 1; i < 8; i++) expect(readFileSync(join(dir, `ts${i}.xml`)).equals(XML), `ts${i}.xml`).toBe(true);
  }, 60_000);

  it('render --out-dir stops after the page it was writing: the other pages and the index are left as they were', async () => {
    const dir = join(root, 'render-set');
    const out = join(dir, 'out');
    mkdirSync(out, { recursive: true });
    for (const n of ['a', 'b', 'c']) {
      writeFileSync(join(dir, `${n}.xml`), XML);
      writeFileSync(join(out, `${n}.html`), `old ${n}`);
    }
    writeFileSync(join(out, 'index.html'), 'old index');
    const r = await runCmts(dir, ['render', 'a.xml', 'b.xml', 'c.xml', '--out-dir', 'out'], 'SIGINT', out);
    expect(r.sawTemp).toBe(true);
    expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code: 130, signal: null });
    // No temporary file, and no old page kept aside for an undo, is left.
    expect(readdirSync(out).sort()).toEqual(['a.html', 'b.html', 'c.html', 'index.html']);
    expect(readFileSync(join(out, 'a.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    for (const n of ['b', 'c']) expect(readFileSync(join(out, `${n}.html`), 'utf8'), n).toBe(`old ${n}`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old index');
    expect(r.stderr).toContain(`${join('out', 'a.html')} was written in full before the stop.`);
    expect(r.stderr).not.toContain('written to');
  }, 60_000);

  it('a run that is not stopped is not changed by the handling: exit 0, every file written, no temporary file', async () => {
    const dir = join(root, 'batch-plain');
    mkdirSync(dir);
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `ts${i}.xml`), XML);
    const r = await runCmts(dir, ['kb977203', '.', '--in-place', '--certfix-package', 'ABC00010']);
    expect(r.code, r.stderr).toBe(0);
    expect(temps(dir)).toEqual([]);
    for (let i = 0; i < 5; i++) expect(readFileSync(join(dir, `ts${i}.xml`), 'utf8')).toContain('KB977203');
  }, 60_000);
});
