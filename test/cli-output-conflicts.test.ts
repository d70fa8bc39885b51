// Where a run writes, checked before it writes anything: a side file (--report, --html) never lands on an input or a
// result, a review page that cannot be made or written leaves every file as it was, and options that would put two
// things in one place, or that the command would ignore, are usage errors (status 2) with nothing written.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { cmts } from './helpers/cli-process.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));
const PATCH = ['--certfix-package', 'ABC00010'];
const files = cliFiles({ 'ts.xml': EXAMPLE, 'ts.json': EXAMPLE, 'b.xml': EXAMPLE, 'ref.json': '{"packageId": "ABC00010"}' });
const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Runs cmts in the test folder; every file there must be as it was unless `changes` names it. */
function runKeeping(args: string[], changes: string[] = []): ReturnType<typeof cmts> {
  const names = ['ts.xml', 'ts.json', 'b.xml'].filter((n) => !changes.includes(n));
  const before = names.map((n) => hash(files.at(n)));
  const r = cmts(args, { cwd: files.at() });
  expect(names.map((n) => hash(files.at(n)))).toEqual(before);
  return r;
}

describe('what a run writes, and where', { timeout: 120_000 }, () => {
  it('--html and --report never name an input, a result or each other, even with --dry-run or --check', () => {
    const cases: [string[], RegExp][] = [
      [['kb977203', 'ts.xml', '--dry-run', '--html', 'ts.xml', ...PATCH], /--html ts\.xml is the input ts\.xml/],
      [['kb977203', 'ts.json', '--check', '--report', 'ts.json', ...PATCH], /--report ts\.json is the input ts\.json/],
      [['kb977203', 'ts.xml', '--in-place', '--html', 'ts.xml', ...PATCH], /--html ts\.xml is the input ts\.xml/],
      [['kb977203', 'ts.xml', '-o', 'out.xml', '--html', 'out.xml', ...PATCH], /--html out\.xml is where the result of ts\.xml is written/],
      [['kb977203', 'ts.xml', '-o', 'o.csv', '--report', 'o.csv', ...PATCH], /--report o\.csv is where the result of ts\.xml is written/],
      [['kb977203', 'ts.xml', '--dry-run', '--html', 'r.json', '--report', 'r.json', ...PATCH], /--html and --report both name r\.json/],
    ];
    for (const [args, message] of cases) {
      const r = runKeeping(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      for (const side of ['out.xml', 'o.csv', 'r.json']) expect(existsSync(files.at(side)), side).toBe(false);
    }
  });

  it('a review page that cannot be made or written leaves the input and the target as they were', () => {
    // --max-items 1 refuses the page: before, the input had been rewritten already and the JSON said "written": true.
    const refused = runKeeping(['kb977203', 'ts.xml', '--in-place', '--html', 'page.html', '--max-items', '1', '--json', ...PATCH]);
    expect(refused.status).toBe(1);
    const report = JSON.parse(refused.stdout) as { results: { written?: boolean; error?: { code: string } }[] };
    expect(report.results.map((r) => r.error?.code ?? (r.written ? 'written' : 'not written'))).toEqual(['not written', 'INPUT_TOO_LARGE']);
    expect(existsSync(files.at('page.html'))).toBe(false);
    // A page that cannot be written (not a regular file): the result is not written either.
    const unwritable = runKeeping(['kb977203', 'ts.xml', '-o', 'out.xml', '--html', '/dev/null', ...PATCH]);
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr).toMatch(/IO_ERROR/);
    expect(existsSync(files.at('out.xml'))).toBe(false);
    // And when all goes well, both are written.
    const ok = runKeeping(['kb977203', 'ts.xml', '-o', 'out.xml', '--html', 'page.html', ...PATCH]);
    expect(ok.status).toBe(0);
    expect(readFileSync(files.at('page.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(files.at('out.xml'), 'utf8')).toContain('CCMCertFix');
  });

  it('an --out-dir that cannot be created is trouble (status 2) saying why, not an internal error', () => {
    for (const args of [
      ['convert', 'ts.xml', '--to', 'json', '--out-dir', 'ts.xml/sub'],
      ['kb977203', 'ts.xml', '--out-dir', 'ts.xml/sub', '--json', ...PATCH],
      ['transform', 'add-reference', 'ts.xml', '--options', 'ref.json', '--out-dir', 'ts.xml/sub', '--json'],
      ['render', 'ts.xml', '--out-dir', 'ts.xml/sub'],
    ]) {
      const r = runKeeping(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--out-dir ts.xml/sub: Cannot create the folder ts.xml/sub: a part of the path is a file, not a folder.');
      expect(r.stderr + r.stdout).not.toMatch(/INTERNAL_ERROR|internal error/);
    }
  });

  it('-o - with --json, -o with several inputs, an empty -o and -o with --dry-run are usage errors', () => {
    const cases: [string[], RegExp][] = [
      [['kb977203', 'ts.xml', '-o', '-', '--json', ...PATCH], /--json prints the report on standard output/],
      [['transform', 'add-reference', 'ts.xml', '--options', 'ref.json', '-o', '-', '--json'], /--json prints the report on standard output/],
      [['convert', 'ts.xml', 'b.xml', '--to', 'json', '-o', '-'], /-o - writes one result; for 2 inputs use --out-dir/],
      [['transform', 'add-reference', 'ts.xml', 'b.xml', '--options', 'ref.json', '-o', '-'], /-o - writes one result/],
      [['kb977203', 'ts.xml', 'b.xml', '-o', '-', ...PATCH], /-o - writes one result/],
      [['kb977203', 'ts.xml', '-o', '', ...PATCH], /-o needs a name/],
      [['convert', 'ts.xml', '--to', 'json', '-o', ''], /-o needs a name/],
      [['kb977203', 'ts.xml', '--dry-run', '-o', 'x.xml', ...PATCH], /--dry-run writes nothing/],
      [['kb977203', 'ts.xml', '--dry-run', '--in-place', ...PATCH], /--dry-run writes nothing/],
      // A check edits nothing, so it has no diff: together they said "would change" over an empty one.
      [['kb977203', 'ts.xml', '--check', '--dry-run', ...PATCH], /Give --check or --dry-run, not both/],
      [['kb977203', 'ts.xml', '--check', '--dry-run', '--json', ...PATCH], /Give --check or --dry-run, not both/],
      // As cmts diff: standard input can be read once.
      [['render', '--compare', '-', '-'], /Only one side can be standard input/],
      [['diff', '-', '-'], /Only one side can be standard input/],
    ];
    for (const [args, message] of cases) {
      const r = runKeeping(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(existsSync(files.at('x.xml'))).toBe(false);
    }
  });
});
