// Standard output holds one result, whether -o - is given or left out: convert with several inputs and no -o or
// --out-dir wrote their results one after the other there (two JSON or XML documents no reader takes as one), status 0.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { cmts } from './helpers/cli-process.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));
const files = cliFiles({ 'a.xml': EXAMPLE, 'b.xml': EXAMPLE });

describe('standard output holds one result', { timeout: 120_000 }, () => {
  it('convert with several inputs and neither -o nor --out-dir is a usage error, as with -o -, and prints nothing', () => {
    for (const to of ['json', 'yaml']) {
      const r = cmts(['convert', 'a.xml', 'b.xml', '--to', to], { cwd: files.at() });
      expect(r.status, to).toBe(2);
      expect(r.stdout, to).toBe('');
      expect(r.stderr).toMatch(/Standard output holds one result; for 2 inputs use --out-dir <folder>\./);
    }
    // A folder of two is two inputs; one input still goes to standard output.
    mkdirSync(files.at('two'), { recursive: true });
    for (const n of ['a', 'b']) cmts(['convert', `${n}.xml`, '--to', 'json', '-o', `two/${n}.json`], { cwd: files.at() });
    const folder = cmts(['convert', 'two', '--to', 'xml'], { cwd: files.at() });
    expect(folder.status).toBe(2);
    expect(folder.stdout).toBe('');
    const one = cmts(['convert', 'a.xml', '--to', 'json'], { cwd: files.at() });
    expect(one.status).toBe(0);
    expect((JSON.parse(one.stdout) as { container: string }).container).toBe('sms-package');
  });
});
