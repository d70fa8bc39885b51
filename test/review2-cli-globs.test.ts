// Globs as scripts write them: `./exports/*.xml`, PowerShell's `.\exports\*.xml`, `exports//*.xml` and
// `exports/../exports/*.xml` name the files `exports/*.xml` names (they matched nothing: a usage error), and `**/`
// stands for whole folders (`exports/**/ts.xml` took exports/old-ts.xml too).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { cmts } from './helpers/cli-process.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));
const files = cliFiles();

/** The inputs `cmts inspect <glob> --json` read, run in the test folder. */
function inputsOf(glob: string): string[] {
  const r = cmts(['inspect', glob, '--json'], { cwd: files.at() });
  expect(r.status, `${glob}: ${r.stderr}`).toBe(0);
  return (JSON.parse(r.stdout) as { results: { input: string }[] }).results.map((x) => x.input);
}

describe('globs', { timeout: 120_000 }, () => {
  it('a glob through ./, a backslash, a doubled slash or .. names the files of the plain glob', () => {
    mkdirSync(files.at('exports/sub'), { recursive: true });
    for (const name of ['exports/ts.xml', 'exports/old-ts.xml', 'exports/sub/ts.xml']) writeFileSync(join(files.at(), name), EXAMPLE);
    const plain = inputsOf('exports/*.xml');
    expect(plain).toEqual(['exports/old-ts.xml', 'exports/ts.xml']);
    for (const glob of ['./exports/*.xml', '.\\exports\\*.xml', 'exports//*.xml', 'exports/../exports/*.xml', 'exports/./*.xml']) expect(inputsOf(glob), glob).toEqual(plain);
    expect(inputsOf('./*/sub/ts.xml')).toEqual(['exports/sub/ts.xml']);
  });

  it('**/ stands for any number of whole folders, none included', () => {
    expect(inputsOf('exports/**/ts.xml')).toEqual(['exports/sub/ts.xml', 'exports/ts.xml']);
    expect(inputsOf('**/old-ts.xml')).toEqual(['exports/old-ts.xml']);
    expect(inputsOf('exports/**')).toEqual(['exports/old-ts.xml', 'exports/sub/ts.xml', 'exports/ts.xml']);
  });
});
