// A target that names a folder by its trailing slash (`-o out/` where out/ does not exist): it passed the checks made
// before anything is read (it is not an existing folder, and its "folder" . exists), so the input was processed and
// its write failed with "IO_ERROR Cannot write out/: a part of the path is a file, not a folder" (status 1). It is a
// usage error now, like `-o` naming an existing folder, and nothing is read or written.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { BIN } from './helpers/cli-process.js';

const PATCH = ['--certfix-package', 'ABC00010'];
const files = cliFiles({ 'ts.xml': readFileSync(resolve('examples/refresh-2007.xml')) });

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: files.at(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a target ending with a slash names a folder', { timeout: 120_000 }, () => {
  it('-o new/ (missing): a usage error pointing at --out-dir, in every command that takes -o', () => {
    for (const args of [
      ['convert', 'ts.xml', '--to', 'json'],
      ['kb977203', 'ts.xml', ...PATCH],
      ['render', 'ts.xml'],
    ]) {
      const r = run([...args, '-o', 'new/']);
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain(`cmts ${args[0]}: -o new/ names a folder (it ends with a slash); give a file name, or use --out-dir new/.`);
      expect(r.stderr).not.toContain('IO_ERROR');
    }
    expect(readdirSync(files.at()).sort()).toEqual(['ts.xml']);
  });

  it('--html ending with a slash too, and under --json the report says USAGE_ERROR', () => {
    const html = run(['kb977203', 'ts.xml', ...PATCH, '--dry-run', '--html', 'pages/']);
    expect(html.status).toBe(2);
    expect(html.stderr).toContain('--html pages/ names a folder (it ends with a slash); give a file name.');
    const json = run(['kb977203', 'ts.xml', ...PATCH, '-o', 'out/', '--json']);
    expect(json.status).toBe(2);
    expect((JSON.parse(json.stdout) as { results: { error: { code: string } }[] }).results.map((r) => r.error.code)).toEqual(['USAGE_ERROR']);
    expect(existsSync(files.at('out'))).toBe(false);
  });
});
