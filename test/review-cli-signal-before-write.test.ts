// A signal before the first write (Ctrl-C while an input is still being read) ended the run at once, as README says,
// "nothing of cmts's is on disk yet": but an --out-dir the run had made was, left there empty. The folder is now made
// at the first write; one that was there before stays, empty or not.
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

let dir = '';
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cmts-signal-before-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs cmts on a named pipe, and sends SIGINT once it has opened the pipe to read it (nothing is ever written). */
async function stoppedWhileReading(args: (pipe: string) => string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const pipe = join(dir, `p-${Math.random().toString(36).slice(2)}.xml`);
  execFileSync('mkfifo', [pipe]);
  const child = spawn(process.execPath, [BIN, ...args(pipe)], { cwd: dir, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  // Opening the write end without blocking succeeds only once a reader has the pipe open: cmts is reading it.
  let fd: number | undefined;
  for (let waited = 0; fd === undefined; waited += 20) {
    try {
      fd = openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENXIO' || waited > 20_000) throw e;
      await sleep(20);
    }
  }
  child.kill('SIGINT');
  const result = await ended;
  closeSync(fd);
  return result;
}

describe.skipIf(process.platform === 'win32')('a signal before the first write', { timeout: 60_000 }, () => {
  const commands: [string, (pipe: string, out: string) => string[]][] = [
    ['render', (pipe, out) => ['render', pipe, '--out-dir', out]],
    ['kb977203', (pipe, out) => ['kb977203', pipe, '--out-dir', out, '--certfix-package', 'ABC00010']],
  ];

  for (const [name, args] of commands) {
    it(`${name}: leaves no --out-dir it made`, async () => {
      const r = await stoppedWhileReading((pipe) => args(pipe, join(dir, `${name}-made`, 'below')));
      expect(r.signal === 'SIGINT' || r.code === 130).toBe(true);
      expect(existsSync(join(dir, `${name}-made`))).toBe(false);
    });

    it(`${name}: leaves a folder that was there before`, async () => {
      const there = join(dir, `${name}-there`);
      mkdirSync(there);
      const r = await stoppedWhileReading((pipe) => args(pipe, there));
      expect(r.signal === 'SIGINT' || r.code === 130).toBe(true);
      expect(readdirSync(there)).toEqual([]);
    });
  }
});
