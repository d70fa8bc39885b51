// One file named twice in different spellings (`ts.xml ./ts.xml`, `sub/../ts.xml`, a symlink to it, a folder and a
// glob that both list it) was read and processed twice: two records for one file in --json, two pages where one was
// asked for, and with --in-place the file rewritten twice. Inputs are now one per file, under the first name given,
// in every command that takes several.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { BIN } from './helpers/cli-process.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));
const PATCH = ['--certfix-package', 'ABC00010'];
const files = cliFiles({ 'ts.xml': EXAMPLE, 'ref.json': '{"packageId": "ABC00010"}' });
const SPELLINGS = ['ts.xml', './ts.xml', 'sub/../ts.xml', 'link.xml'];

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: files.at(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const inputsOf = (stdout: string): string[] => (JSON.parse(stdout) as { results: { input: string }[] }).results.map((r) => r.input);

describe('one file named in several ways is one input', { timeout: 120_000 }, () => {
  beforeAll(() => {
    mkdirSync(files.at('sub'));
    symlinkSync('ts.xml', files.at('link.xml'));
  });

  it('inspect and lint --json: one record, under the first name given', () => {
    for (const command of ['inspect', 'lint']) {
      const r = run([command, ...SPELLINGS, '--json']);
      expect(r.status, command).not.toBe(2);
      expect(inputsOf(r.stdout), command).toEqual(['ts.xml']);
    }
    // A folder and a glob that list the same file: one record too (this was already so for the same spelling).
    expect(inputsOf(run(['inspect', '.', './*.xml', 'ts.xml', '--json']).stdout)).toEqual(['link.xml']);
  });

  it('kb977203 --in-place --json: one record, the file patched once', () => {
    const r = run(['kb977203', ...SPELLINGS, ...PATCH, '--in-place', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { results: { input: string; written?: boolean }[]; summary: { files: number; changed: number } };
    expect(report.results.map((x) => [x.input, x.written])).toEqual([['ts.xml', true]]);
    expect(report.summary).toMatchObject({ files: 1, changed: 1 });
    expect(readFileSync(files.at('ts.xml'), 'utf8').match(/Run CCMCertFix \(KB977203\)/g)).toHaveLength(1);
  });

  it('transform --check --json and convert --out-dir: one result', () => {
    const t = run(['transform', 'add-reference', ...SPELLINGS, '--options', 'ref.json', '--check', '--json']);
    expect(inputsOf(t.stdout)).toEqual(['ts.xml']);
    const c = run(['convert', 'ts.xml', './ts.xml', '--to', 'json', '--out-dir', 'out']);
    expect(c.status).toBe(0);
    expect(readdirSync(files.at('out'))).toEqual(['ts.json']);
  });

  it('render: one page (before: "the inputs hold 2 task sequences", status 2)', () => {
    const r = run(['render', 'ts.xml', 'link.xml', '-o', 'page.html']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(files.at('page.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });
});
