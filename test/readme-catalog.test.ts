// The README's step catalog example, compiled and run as written (with the file system swapped for memory).
import { readFileSync as readDisk } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { addItem, addStep, buildCondition, createGroup, findItems, getAction, readTaskSequence, stepView, writeTaskSequence, type Step } from './helpers/api.js';

it('the README step catalog example works as written', () => {
  const files = new Map<string, Uint8Array>([['ts.xml', readDisk(resolve('examples/refresh-2007.xml'))]]);
  const readFileSync = (f: string) => files.get(f) as Uint8Array;
  const writeFileSync = (f: string, b: Uint8Array) => files.set(f, b);

  const doc = readTaskSequence(readFileSync('ts.xml'));
  const drivers = createGroup({ name: 'Drivers' });
  addItem(doc.sequence, drivers, { after: findItems(doc.sequence, { kind: 'group', name: 'Install Operating System' })[0]!.node });
  addStep(doc, 'Apply Driver Package', {
    name: 'Drivers for Latitude 7440',
    settings: { driverPackageId: 'ABC00022', unsignedDriver: false },
    condition: buildCondition({ wmi: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE 'Latitude 7440%'" }),
  }, { last: drivers });

  for (const { node } of findItems(doc.sequence, { type: 'SMS_TaskSequence_RunCommandLineAction' })) {
    const view = stepView<'SMS_TaskSequence_RunCommandLineAction'>(node as Step);
    view.get('commandLine');
    view.set('commandLine', 'setup.exe /q');
  }
  writeFileSync('ts.xml', writeTaskSequence(doc));

  const again = readTaskSequence(readFileSync('ts.xml'));
  expect(findItems(again.sequence, { kind: 'group' }).map((l) => l.path)).toEqual(['Capture', 'Install Operating System', 'Drivers', 'Restore']);
  const step = findItems(again.sequence, { name: 'Drivers for Latitude 7440' })[0]?.node as Step;
  expect(getAction(step)).toBe('osddriverclient.exe /install:ABC00022  /unsigned:%OSDAllowUnsignedDriver%');
  expect('retryCount' in step.attributes).toBe(false);
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
