// A folder input is read one level deep. A fleet check of `exports/` said "everything in place" (exit 0) while an
// unpatched sequence one folder down was never read, and nothing said so (`cmts diff` of two folders does go into
// subfolders). Every command now notes the subfolders it does not read, and a folder with no input file of its own
// says it has subfolders and how to read them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

let dir: string;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cmts-subfolders-'));
  for (const f of ['exports/site1', 'exports/site2', 'exports/site3', 'exports/site4', 'exports/.git', 'nested/only', 'flat']) mkdirSync(join(dir, f), { recursive: true });
  const example = resolve('examples/refresh-2007.xml');
  copyFileSync(example, join(dir, 'exports/hq.xml'));
  copyFileSync(example, join(dir, 'exports/site2/ts.xml'));
  copyFileSync(example, join(dir, 'nested/only/ts.xml'));
  copyFileSync(example, join(dir, 'flat/ts.xml'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder input with subfolders', () => {
  it('kb977203 --check notes the subfolders it does not read, hidden ones aside', () => {
    const r = run('kb977203', 'exports', '--check', '--certfix-package', 'CM100010');
    expect(r.stderr).toContain("cmts kb977203: note: the folder exports has subfolders, which are not read: site1/, site2/, site3/ and 1 more (name them too, or give a glob that goes into them: 'exports/**/*.xml').");
    expect(r.stderr).not.toContain('.git');
    // The note is no failure: the check's own verdict stands (the one file read needs changes).
    expect(r.status).toBe(1);
  });

  it('the glob it suggests reads them', () => {
    const r = run('lint', 'exports/**/*.xml');
    expect(r.stdout).toContain('exports/site2/ts.xml:');
    expect(r.stderr).not.toContain('note:');
  });

  it('a folder with no subfolder gets no note', () => {
    expect(run('lint', 'flat').stderr).not.toContain('note:');
  });

  it('a folder whose input files are all in subfolders says so in its usage error', () => {
    const r = run('lint', 'nested');
    expect(r.stderr).toContain("The folder nested has no input file (looked for *.xml, *.zip); it has subfolders, which are not read: only/ (name them too, or give a glob that goes into them: 'nested/**/*.xml').");
    expect(r.status).toBe(2);
  });
});
