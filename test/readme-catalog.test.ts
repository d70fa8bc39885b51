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
