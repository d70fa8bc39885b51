// A run whose current folder was deleted (or moved away) while a shell stood in it: every relative path names nothing,
// and Node's path functions throw ENOENT from `uv_cwd`. That is the file system's trouble, said as an IO_ERROR for
// the input (exit 1), never "internal error" with no file, no code and no command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';
import { currentFolderGone } from '../lib/cli/describe-errno.js';
import { inputFailure, reportInternalError } from '../lib/cli/json-report.js';
import { memoryIo } from './helpers/memory-io.js';

const EXAMPLE = join(import.meta.dirname, '..', 'examples', 'refresh-2007.xml');

/** Runs cmts in a folder that is removed before it starts (a shell `cd`s into it, removes it, then runs cmts). */
function inGoneFolder(args: string[]): { status: number | null; stdout: string; stderr: string } {
  ensureBuilt();
  const parent = mkdtempSync(join(tmpdir(), 'cmts-gone-'));
  try {
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const r = spawnSync('sh', ['-c', `mkdir gone && cd gone && rmdir ../gone && exec ${quoted}`], { cwd: parent, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

describe('a current folder that no longer exists', () => {
  const runs: [string, string[]][] = [
    ['inspect', ['inspect', 'rel.xml']],
    ['lint', ['lint', 'rel.xml']],
    ['render', ['render', 'rel.xml', '-o', 'x.html']],
    ['kb977203', ['kb977203', 'rel.xml', '--dry-run', '--certfix-package', 'ABC00010']],
    ['convert to a relative output', ['convert', EXAMPLE, '--to', 'json', '-o', 'out.json']],
    ['build', ['build', 'rel.yaml', '-o', 'x.xml']],
  ];
  for (const [what, args] of runs) {
    it(`is an IO_ERROR saying so, exit 1 (${what})`, () => {
      const r = inGoneFolder(args);
      expect(r.stderr).toMatch(new RegExp(`^cmts ${args[0]}: .*IO_ERROR The current folder no longer exists`, 'm'));
      expect(r.stderr).not.toMatch(/internal error|INTERNAL_ERROR|\n\s+at /);
      expect(r.status).toBe(1);
    });
  }

  it('--json gives the IO_ERROR record', () => {
    const r = inGoneFolder(['lint', '--json', 'rel.xml']);
    expect(JSON.parse(r.stdout)).toMatchObject({ results: [{ input: 'rel.xml', error: { code: 'IO_ERROR' } }], summary: { failed: 1 } });
  });

  it('is told from other errors by its system call alone', () => {
    const gone = Object.assign(new Error('ENOENT: no such file or directory, uv_cwd'), { code: 'ENOENT', syscall: 'uv_cwd' });
    expect(currentFolderGone(gone)?.code).toBe('IO_ERROR');
    expect(currentFolderGone(Object.assign(new Error('x'), { code: 'ENOENT', syscall: 'open' }))).toBeUndefined();
    expect(currentFolderGone(null)).toBeUndefined();
    expect(inputFailure(gone).code).toBe('IO_ERROR');
    expect(inputFailure(new TypeError('bug')).code).toBe('INTERNAL_ERROR');
    const m = memoryIo();
    expect(reportInternalError(gone, m.io, 'inspect')).toBe(1);
    expect(m.stderr).toMatch(/^cmts inspect: IO_ERROR The current folder no longer exists/);
  });
});
