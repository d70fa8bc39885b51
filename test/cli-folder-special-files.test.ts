// A folder (or glob) of inputs that holds a named pipe ending in .xml: the pipe was listed as an input, and reading a
// pipe no one writes waits forever, so `cmts lint exports/` hung. A folder lists its regular files (and links to
// them); a pipe, socket or device in it is no export and is passed over. Named on its own (`cmts lint <(…)`), a
// pipe is still read, as standard input is.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../lib/cli/inputs.js';
import { nodeIo } from '../lib/cli/io.js';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmts-special-'));
  copyFileSync(resolve('examples/refresh-2007.xml'), join(dir, 'a.xml'));
  execFileSync('mkfifo', [join(dir, 'pipe.xml')]);
  symlinkSync('a.xml', join(dir, 'link.xml'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder of inputs with a named pipe in it', () => {
  it('lists its files and links to them, not the pipe', () => {
    expect(expandInputs([dir], nodeIo())).toEqual([join(dir, 'a.xml')]);
    expect(expandInputs([`${dir}/*.xml`], nodeIo())).toEqual([join(dir, 'a.xml')]);
  });

  it('cmts lint of the folder ends, with the file checked', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, [BIN, 'lint', dir], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('a.xml:48:9: warning kb977203/fix-absent');
  });
});
