// A side file (--report, --html) that could not be written where it is named is a usage error before the first input
// is touched, as -o into a missing folder is: --report into a missing folder was found out only after every input had
// been written (with --in-place, every file rewritten, then status 1).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { cmts } from './helpers/cli-process.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));
const PATCH = ['--certfix-package', 'ABC00010'];
const files = cliFiles({ 'a.xml': EXAMPLE, 'b.xml': EXAMPLE });
const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('--report and --html are checked like -o, before any input is written', { timeout: 120_000 }, () => {
  it('a side file in a missing folder, onto a folder or with no name: status 2 and every input as it was', () => {
    mkdirSync(files.at('pages.html'), { recursive: true });
    mkdirSync(files.at('fleet.csv'), { recursive: true });
    const cases: [string[], RegExp][] = [
      [['--in-place', '--report', 'missing/fleet.csv'], /--report missing\/fleet\.csv: the folder missing does not exist/],
      [['--in-place', '--report', 'fleet.csv'], /--report fleet\.csv is a folder/],
      [['--out-dir', 'out', '--report', 'missing/fleet.json'], /--report missing\/fleet\.json: the folder missing does not exist/],
      [['--dry-run', '--report', 'missing/fleet.csv', '--json'], /the folder missing does not exist/],
    ];
    for (const [args, message] of cases) {
      const before = [hash(files.at('a.xml')), hash(files.at('b.xml'))];
      const r = cmts(['kb977203', 'a.xml', 'b.xml', ...args, ...PATCH], { cwd: files.at() });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect([hash(files.at('a.xml')), hash(files.at('b.xml'))], args.join(' ')).toEqual(before);
      expect(existsSync(files.at('out/a.xml')), args.join(' ')).toBe(false);
      if (args.includes('--json')) expect((JSON.parse(r.stdout) as { results: { error: { code: string } }[] }).results[0]?.error.code).toBe('USAGE_ERROR');
    }
    for (const [html, message] of [
      ['missing/page.html', /--html missing\/page\.html: the folder missing does not exist/],
      ['pages.html', /--html pages\.html is a folder/],
      ['', /--html needs a name/],
    ] as const) {
      const r = cmts(['kb977203', 'a.xml', '-o', 'patched.xml', '--html', html, ...PATCH], { cwd: files.at() });
      expect(r.status, html).toBe(2);
      expect(r.stderr, html).toMatch(message);
      expect(existsSync(files.at('patched.xml')), html).toBe(false);
    }
  });

  it('a side file in an existing folder, or in the --out-dir the run makes, is written', () => {
    const r = cmts(['kb977203', 'a.xml', 'b.xml', '--out-dir', 'made', '--report', 'made/fleet.csv', ...PATCH], { cwd: files.at() });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(files.at('made/fleet.csv'), 'utf8')).toMatch(/a\.xml/);
    expect(existsSync(files.at('made/b.xml'))).toBe(true);
    // render's index goes into the --out-dir it creates.
    const render = cmts(['render', 'a.xml', 'b.xml', '--out-dir', 'site'], { cwd: files.at() });
    expect(render.status, render.stderr).toBe(0);
    expect(existsSync(files.at('site/index.html'))).toBe(true);
  });
});
