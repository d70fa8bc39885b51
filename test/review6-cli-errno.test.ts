// A failed system call is said in words (describeErrno). ELOOP and ENAMETOOLONG fell through to Node's own message,
// which repeats the whole path (twice for a rename, the temporary file's name included) and the errno name:
// "Cannot write xxx….xml: ENAMETOOLONG: name too long, rename '.xxx….cmts-tmp' -> 'xxx….xml'".
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeErrno } from '../lib/cli/describe-errno.js';
import { cliFiles } from './helpers/cli-files.js';
import { BIN } from './helpers/cli-process.js';

const files = cliFiles({ 'ts.xml': readFileSync(resolve('examples/refresh-2007.xml')) });

function run(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: files.at(), encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('system errors in words', { timeout: 120_000 }, () => {
  it('describeErrno names EBADF, ELOOP and ENAMETOOLONG', () => {
    const said = (code: string) => describeErrno(Object.assign(new Error(`${code}: raw`), { code }));
    expect(said('EBADF')).toBe('it is closed');
    expect(said('ELOOP')).toBe('its symbolic links loop');
    expect(said('ENAMETOOLONG')).toBe('the name is too long for the file system');
    // Anything else keeps the system's own message.
    expect(said('EIO')).toBe('EIO: raw');
  });

  it.skipIf(process.platform === 'win32')('an input in a loop of links, a name too long to read or write: one short sentence, status 1', () => {
    symlinkSync('loop.xml', files.at('loop.xml'));
    const loop = run(['inspect', 'loop.xml']);
    expect(loop.status).toBe(1);
    expect(loop.stderr).toBe('cmts inspect: loop.xml: IO_ERROR Cannot read loop.xml: its symbolic links loop.\n');
    const long = `${'x'.repeat(300)}.xml`;
    const read = run(['inspect', long]);
    expect(read.status).toBe(1);
    expect(read.stderr).toBe(`cmts inspect: ${long}: IO_ERROR Cannot read ${long}: the name is too long for the file system.\n`);
    const write = run(['convert', 'ts.xml', '--to', 'json', '-o', long]);
    expect(write.status).toBe(1);
    expect(write.stderr).toContain(`IO_ERROR Cannot write ${long}: the name is too long for the file system; nothing was written.`);
    expect(write.stderr).not.toMatch(/ENAMETOOLONG|cmts-tmp/);
  });
});
