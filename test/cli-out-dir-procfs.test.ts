// An --out-dir that cannot be made because its file system answers ENOENT for a folder whose parent exists (procfs:
// `mkdir /proc/x` is ENOENT, `mkdir /proc` EEXIST) is a usage error at once. Node's recursive mkdir took each ENOENT
// for a missing parent, made the parent (EEXIST) and tried again, forever: `--out-dir /proc/x` spun at full CPU.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cmts-procfs-'));
  writeFileSync(join(dir, 'ts.xml'), readFileSync(resolve('examples/refresh-2007.xml')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const procfs = existsSync('/proc/self');

describe.runIf(procfs)('an --out-dir on a file system that answers ENOENT under an existing folder', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, timeout: 20_000 });

  it.each([
    ['kb977203', 'ts.xml', '--certfix-package', 'ABC00010'],
    ['convert', 'ts.xml', '--to', 'json'],
    ['render', 'ts.xml'],
  ])('%s ends with a usage error, not a loop', (...args) => {
    for (const outDir of ['/proc/cmts-no-such-folder', '/proc/cmts-no-such-folder/below']) {
      const r = run([...args, '--out-dir', outDir]);
      expect(r.signal, outDir).toBeNull();
      expect(r.status, outDir).toBe(2);
      expect(r.stdout.length).toBe(0);
    }
  });

  it('says so in the --json report', () => {
    const r = run(['kb977203', 'ts.xml', '--certfix-package', 'ABC00010', '--out-dir', '/proc/cmts-no-such-folder', '--json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout.toString('utf8')) as { results: { error?: { code: string } }[] };
    expect(report.results.map((x) => x.error?.code)).toEqual(['USAGE_ERROR']);
  });
});
