// A folder that holds a link to itself or to a folder above it (`ln -s . again`, `ln -s .. up`): cmts diff of two
// folders and a `**` glob followed the loop until the path was too long for the system, and the whole run failed
// (IO_ERROR … ELOOP, status 2). A folder met inside itself is now not entered again; a link to another folder is
// still followed, as diff -r does.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { cmts } from './helpers/cli-process.js';

const BEFORE = readFileSync(resolve('examples/refresh-2007.xml'));
const AFTER = readFileSync(resolve('examples/replace-capture-2007.xml'));
const files = cliFiles();

describe('folders with links that loop', { timeout: 120_000 }, () => {
  it('diff of two folders and a ** glob list each file once per name, and end', () => {
    for (const side of ['a', 'b']) {
      mkdirSync(files.at(`${side}/sub`), { recursive: true });
      writeFileSync(files.at(`${side}/ts.xml`), BEFORE);
      writeFileSync(files.at(`${side}/sub/ts.xml`), side === 'a' ? BEFORE : AFTER);
      symlinkSync('.', files.at(`${side}/again`));
      symlinkSync('..', files.at(`${side}/sub/up`));
    }
    // A link to a folder that is not above it is another name for its files, and is followed.
    symlinkSync('sub', join(files.at('a'), 'zz'));

    const diff = cmts(['diff', 'a', 'b', '--json'], { cwd: files.at() });
    expect(diff.stderr).toBe('');
    expect(diff.status).toBe(1);
    const report = JSON.parse(diff.stdout) as { results: { input: string; status: string }[] };
    expect(report.results.map((r) => [r.input, r.status])).toEqual([
      ['sub/ts.xml', 'different'],
      ['ts.xml', 'same'],
      ['zz/ts.xml', 'only-in-a'],
    ]);

    const glob = cmts(['inspect', 'b/**/*.xml', '--json'], { cwd: files.at() });
    expect(glob.stderr).toBe('');
    expect(glob.status).toBe(0);
    expect((JSON.parse(glob.stdout) as { results: { input: string }[] }).results.map((r) => r.input)).toEqual(['b/sub/ts.xml', 'b/ts.xml']);
  });
});
