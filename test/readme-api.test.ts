// Every TypeScript example in the README's API section, type-checked and run as written: imports of `cmts` and
// `cmts/<subpath>` point at the sources, the working folder holds `ts.xml` and `export.zip`, and each line ending in
// `// => value` asserts that value. Each example starts from the unpatched `ts.xml`.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exampleProblems, pointAtSources } from './helpers/example-compile.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const readme = readFileSync(resolve('README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n### API\n'), readme.indexOf('\n## ', readme.indexOf('\n### API\n')));
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

/** The block as a module: `x; // => v` becomes an assertion, and `cmts` imports point at lib/. */
function instrument(code: string): string {
  const body = pointAtSources(code.replace(/^(\s*)(.+?);\s*\/\/ => (.+)$/gm, (_, indent: string, expr: string, value: string) => `${indent}__expect(${expr}, ${value});`));
  return `declare function __expect(actual: unknown, expected: unknown): void;\n${body}\nexport {};\n`;
}

let dir: string;
const cwd = process.cwd();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmts-readme-'));
  copyFileSync(resolve('examples/refresh-2007.xml'), join(dir, 'ts.xml'));
  copyFileSync(resolve('examples/export.zip'), join(dir, 'export.zip'));
  blocks.forEach((code, i) => writeFileSync(join(dir, `example-${i + 1}.ts`), instrument(code)));
  (globalThis as { __expect?: (a: unknown, b: unknown) => void }).__expect = (a, b) => expect(a).toEqual(b);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('README API section', () => {
  it('has examples, each with assertions or output', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const b of blocks) expect(b).toMatch(/\/\/ => |console\.log/);
  });

  it('type-checks every example against the sources', () => {
    expect(exampleProblems(blocks.map((_, i) => join(dir, `example-${i + 1}.ts`)))).toEqual([]);
  }, 60_000);

  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs as written (${code.split('\n').find((l) => l.startsWith('import {'))?.slice(9, 60) ?? ''}…)`, async () => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      copyFileSync(resolve('examples/refresh-2007.xml'), join(dir, 'ts.xml')); // an earlier example may have patched it
      process.chdir(dir);
      try {
        await import(/* @vite-ignore */ pathToFileURL(join(dir, `example-${i + 1}.ts`)).href);
      } finally {
        process.chdir(cwd);
        log.mockRestore();
      }
    });
  });
});
