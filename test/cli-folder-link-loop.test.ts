// A folder of inputs that holds a link in a loop (loop.xml -> loop.xml, or two links naming each other): listing the
// folder asked what each link names, the system answered ELOOP, and the whole listing failed ("Cannot list …: its
// symbolic links loop", exit 2): no file of the folder was processed. The link is now listed as a broken link is, so
// reading it says why it cannot be read, and the folder's other files are processed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../lib/cli/inputs.js';
import { nodeIo } from '../lib/cli/io.js';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmts-link-loop-'));
  copyFileSync(resolve('examples/refresh-2007.xml'), join(dir, 'a.xml'));
  symlinkSync('loop.xml', join(dir, 'loop.xml'));
  symlinkSync('pong.xml', join(dir, 'ping.xml'));
  symlinkSync('ping.xml', join(dir, 'pong.xml'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder of inputs with links in a loop', () => {
  it('lists its file and the looping links, as broken links are listed', () => {
    expect(expandInputs([dir], nodeIo())).toEqual(['a.xml', 'loop.xml', 'ping.xml', 'pong.xml'].map((f) => join(dir, f)));
  });

  it('cmts lint of the folder checks the file and says why each link cannot be read', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, [BIN, 'lint', dir], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout).toContain('a.xml:48:9: warning kb977203/fix-absent');
    for (const link of ['loop.xml', 'ping.xml', 'pong.xml']) expect(r.stderr).toMatch(new RegExp(`${link}.*IO_ERROR`));
    expect(r.stderr).not.toContain('Cannot list');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
  });
});
