// The README's step catalog example, type-checked and run as written in a folder of its own.
import { copyFileSync, mkdtempSync, readFileSync as readDisk, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { exampleProblems, pointAtSources } from './helpers/example-compile.js';
import { findItems, getAction, lint, listItems, readTaskSequence, stepView, type Step } from './helpers/api.js';

/** The example's block in README.md, its imports pointed at the sources. */
function exampleCode(): string {
  const readme = readDisk(resolve('README.md'), 'utf8');
  const start = readme.indexOf('Everything else is generated from that table');
  const block = readme.slice(readme.indexOf('```ts\n', start) + 6, readme.indexOf('\n```', readme.indexOf('```ts\n', start) + 6));
  return `${pointAtSources(block)}\nexport {};\n`;
}

it('the README step catalog example type-checks against the sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmts-readme-catalog-'));
  try {
    const file = join(dir, 'example.ts');
    writeFileSync(file, exampleCode());
    expect(exampleProblems([file])).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('the README step catalog example works as written', async () => {
  // The block itself, not a copy of it: run in a folder holding ts.xml.
  const code = exampleCode();
  const dir = mkdtempSync(join(tmpdir(), 'cmts-readme-catalog-'));
  const cwd = process.cwd();
  try {
    copyFileSync(resolve('examples/refresh-2007.xml'), join(dir, 'ts.xml'));
    writeFileSync(join(dir, 'example.ts'), code);
    process.chdir(dir);
    await import(/* @vite-ignore */ pathToFileURL(join(dir, 'example.ts')).href);
    process.chdir(cwd);
    expect(readDisk(join(dir, 'ts.xml'))).toEqual(readDisk(resolve('examples/refresh-2007.xml')));
    const again = readTaskSequence(readDisk(join(dir, 'ts.drivers.xml')));
    // The drivers go in while Windows PE runs: after Apply Operating System, before Setup Windows and ConfigMgr.
    expect(findItems(again.sequence, { kind: 'group' }).map((l) => l.path)).toEqual(['Capture', 'Install Operating System', 'Install Operating System/Drivers', 'Restore']);
    expect(listItems(again.sequence).map((l) => l.path).filter((p) => p.startsWith('Install Operating System/'))).toEqual([
      'Install Operating System/Apply Operating System',
      'Install Operating System/Drivers',
      'Install Operating System/Drivers/Drivers for Latitude 7440',
      'Install Operating System/Setup Windows and ConfigMgr',
    ]);
    const step = findItems(again.sequence, { name: 'Drivers for Latitude 7440' })[0]?.node as Step;
    expect(getAction(step)).toBe('osddriverclient.exe /install:ABC00022  /unsigned:%OSDAllowUnsignedDriver%');
    expect('retryCount' in step.attributes).toBe(false);
    const restart = findItems(again.sequence, { type: 'SMS_TaskSequence_RebootAction' })[0]?.node as Step;
    expect(stepView<'SMS_TaskSequence_RebootAction'>(restart).get('messageTimeout')).toBe(300);
    // The example is not patched: lint finds the KB977203 fix and its "Run another program first" missing, and nothing else.
    expect(lint(again).filter((i) => i.code !== 'kb977203/fix-absent' && i.code !== 'kb977203/run-first')).toEqual([]);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the README step catalog example imports each name from a module that exports it', async () => {
  // The example above runs on every export at once; its own import lines name the package's modules, checked here.
  const readme = readDisk(resolve('README.md'), 'utf8');
  const start = readme.indexOf('Everything else is generated from that table');
  const block = readme.slice(readme.indexOf('```ts\n', start), readme.indexOf('\n```', readme.indexOf('```ts\n', start) + 6));
  const imports = [...block.matchAll(/^import \{([^}]*)\} from '(cmts(?:\/[a-z0-9-]+)?)';$/gm)];
  expect(imports.length).toBeGreaterThan(0);
  for (const [, list = '', specifier = ''] of imports) {
    const file = specifier === 'cmts' ? 'lib/index.ts' : `lib/api/${specifier.slice('cmts/'.length)}.ts`;
    const module = (await import(resolve(file))) as Record<string, unknown>;
    const names = list.split(',').map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('type '));
    expect(names.filter((n) => !(n in module)), `${specifier} does not export`).toEqual([]);
  }
});
