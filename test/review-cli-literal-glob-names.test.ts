// A file or folder whose name holds `?` or `*` (Linux allows both) was always taken as a glob: `ts?.xml` matched
// `ts1.xml` too, and `cmts kb977203 'ts?.xml' --in-place` rewrote a file no one named. A name that exists is that
// one input; a name that names nothing is still a glob.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../lib/cli/inputs.js';
import { nodeIo } from '../lib/cli/io.js';
import { runCli } from './helpers/run-cli.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));

describe.skipIf(process.platform === 'win32')('a name with ? or * that exists', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmts-literal-glob-'));
    for (const name of ['ts?.xml', 'ts1.xml', 'a*/in.xml', 'ab/in.xml']) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), EXAMPLE);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is that file or folder, not a glob', () => {
    const io = nodeIo();
    expect(expandInputs([join(dir, 'ts?.xml')], io)).toEqual([join(dir, 'ts?.xml')]);
    expect(expandInputs([join(dir, 'a*')], io)).toEqual([join(dir, 'a*', 'in.xml')]);
    // A glob that names no file is still a glob.
    expect([...expandInputs([join(dir, 'ts*.xml')], io)].sort()).toEqual([join(dir, 'ts1.xml'), join(dir, 'ts?.xml')].sort());
    expect([...expandInputs([join(dir, 'a?/in.xml')], io)].sort()).toEqual([join(dir, 'a*', 'in.xml'), join(dir, 'ab', 'in.xml')].sort());
  });

  it('kb977203 --in-place rewrites only the file named', async () => {
    const r = await runCli(['kb977203', join(dir, 'ts?.xml'), '--in-place', '--certfix-package', 'ABC00010']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'ts?.xml')).equals(EXAMPLE)).toBe(false);
    expect(readFileSync(join(dir, 'ts1.xml')).equals(EXAMPLE)).toBe(true);
  });
});
