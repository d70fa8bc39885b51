// Standard output closed while cmts runs: Node gives a closed descriptor a stream that drops every byte and reports
// nothing, so `cmts inspect` printed its tree into nothing and exited 0. A result that could not be written is now
// reported on standard error and fails the run, as on a full disk.
//
// The descriptor is closed by a module loaded before cmts (node --import): closed by the shell instead (`>&-`), it
// never reaches JavaScript closed, since Node opens the null device in its place before any script runs; that case
// cannot be told from `>/dev/null` opened for reading and writing (Python's subprocess.DEVNULL), and is not tested.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { BIN } from './helpers/cli-process.js';

const PATCH = ['--certfix-package', 'ABC00010'];
const files = cliFiles({ 'ts.xml': readFileSync(resolve('examples/refresh-2007.xml')) });
const CLOSE_STDOUT = 'data:text/javascript,import{closeSync}from"node:fs";closeSync(1);';

/** Runs cmts in the test folder with its standard output closed; the status and standard error. */
function closed(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', CLOSE_STDOUT, BIN, ...args], { cwd: files.at(), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

const LOST = /^cmts(?: [a-z0-9]+)?: \(standard output\): IO_ERROR Cannot write standard output: it is closed; what was written is incomplete\.$/m;

describe.skipIf(process.platform === 'win32')('standard output closed', { timeout: 120_000 }, () => {
  const cases: [string, string[], number][] = [
    ['inspect', ['inspect', 'ts.xml'], 1],
    ['inspect --json', ['inspect', 'ts.xml', '--json'], 1],
    ['kb977203 --dry-run', ['kb977203', 'ts.xml', ...PATCH, '--dry-run'], 1],
    ['kb977203 -o -', ['kb977203', 'ts.xml', ...PATCH, '-o', '-'], 1],
    ['lint', ['lint', 'ts.xml'], 1],
    ['convert --to json', ['convert', 'ts.xml', '--to', 'json'], 1],
    ['--version', ['--version'], 1],
  ];
  for (const [name, args, status] of cases) {
    it(`${name}: the lost result is reported on standard error and fails the run (status ${status})`, () => {
      const r = closed(args);
      expect(r.stderr).toMatch(LOST);
      expect(r.status).toBe(status);
      expect(r.stderr).not.toMatch(/\n\s+at |Node\.js v/);
    });
  }

  it('a run that writes nothing on standard output is not failed by it; one that writes a file still writes it', () => {
    const r = closed(['kb977203', 'ts.xml', ...PATCH, '-o', 'out.xml']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/IO_ERROR/);
    expect(existsSync(files.at('out.xml'))).toBe(true);
    const same = closed(['diff', 'ts.xml', 'ts.xml']);
    expect(same.status).toBe(0);
  });
});
