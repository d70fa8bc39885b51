/**
 * Example: add an "Apply Driver Package" step to a named group, run only on one hardware model, to every task
 * sequence export in a folder. Run with a TypeScript runner: `npx tsx examples/apply-driver-package.ts <in> <out>`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTaskSequence, writeTaskSequence, type Group, type TaskSequenceDocument } from '../lib/index.js';
import { addItem, addStep, buildCondition, createGroup } from '../lib/api/catalog.js';
import { findItems } from '../lib/api/model.js';

/**
 * Where the drivers go: a group of this name, created right after the step that applies the operating system, so that
 * it runs in Windows PE before Setup Windows and ConfigMgr starts the new operating system (Apply Driver Package runs
 * only in Windows PE, and Windows Setup takes the drivers it finds then).
 */
export const DRIVER_GROUP = 'Drivers';

/** Adds the driver step (and the group, when missing) to one document; returns false when the step is already there. */
export function addDriverStep(doc: TaskSequenceDocument, driverPackageId: string, model: string): boolean {
  const stepName = `Drivers for ${model}`.slice(0, 50);
  if (findItems(doc.sequence, { name: stepName }).length > 0) return false;
  let group = findItems(doc.sequence, { kind: 'group', name: DRIVER_GROUP })[0]?.node as Group | undefined;
  if (!group) {
    group = createGroup({ name: DRIVER_GROUP, description: 'Drivers by hardware model' });
    const applyOs = findItems(doc.sequence, { type: 'SMS_TaskSequence_ApplyOperatingSystemAction' })[0];
    addItem(doc.sequence, group, applyOs ? { after: applyOs.node } : { last: doc.sequence });
  }
  addStep(
    doc,
    'Apply Driver Package',
    {
      name: stepName,
      settings: { driverPackageId, unsignedDriver: false },
      condition: buildCondition({ wmi: `SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '${model.replace(/'/g, "''")}%'` }),
    },
    { last: group },
  );
  return true;
}

/** Adds the step to every export in `inDir`, writing the results to `outDir`. */
export function addDriversToFolder(inDir: string, outDir: string, driverPackageId: string, model: string): { file: string; changed: boolean }[] {
  return readdirSync(inDir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => {
      const doc = readTaskSequence(readFileSync(join(inDir, file)), { file });
      const changed = addDriverStep(doc, driverPackageId, model);
      writeFileSync(join(outDir, file), writeTaskSequence(doc));
      return { file, changed };
    });
}

if (process.argv[1]?.endsWith('apply-driver-package.ts') && process.argv.length >= 4) {
  for (const r of addDriversToFolder(process.argv[2] as string, process.argv[3] as string, process.argv[4] ?? 'ABC00022', process.argv[5] ?? 'Latitude 7440')) console.log(`${r.file}: ${r.changed ? 'added' : 'already there'}`);
}
