// An export's ReferencesInfo.xml goes with the object.xml in the same folder, the folder's name compared as Windows
// compares it (as the archive's duplicate-name check does). toLowerCase folded some names otherwise: a final capital
// sigma (ΟΔΟΣ and οδοσ, one folder on Windows, were two), the Kelvin sign (K and U+212A, two folders on Windows,
// were one), and a backslash separator was not a slash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntry, readExportZip, readZip } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { makeZip } from './helpers/make-zip.js';

const zip = readZip(readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip')));
const part = (name: string) => Buffer.from(readEntry(zip, zip.entries.find((e) => e.name === `SMS_TaskSequencePackage/CM100031/${name}`)!));
const OBJECT = part('object.xml');
const INFO = part('ReferencesInfo.xml');

/** Whether the sequence in `objectFolder` is read with the ReferencesInfo.xml written at `infoPath`. */
function paired(objectFolder: string, infoPath: string): boolean {
  const bytes = makeZip([
    { name: `SMS_TaskSequencePackage/${objectFolder}/object.xml`, data: OBJECT },
    { name: infoPath, data: INFO },
  ]);
  const [sequence] = readExportZip(bytes).sequences;
  return sequence?.referencesInfo !== undefined;
}

describe('ReferencesInfo.xml is paired with object.xml as Windows compares their folder names', () => {
  it('pairs names Windows takes for one folder', () => {
    expect(paired('CM100031', 'SMS_TaskSequencePackage/cm100031/ReferencesInfo.xml')).toBe(true);
    expect(paired('ΟΔΟΣ', 'SMS_TaskSequencePackage/οδοσ/ReferencesInfo.xml')).toBe(true);
    expect(paired('CM100031', 'SMS_TaskSequencePackage\\CM100031\\ReferencesInfo.xml')).toBe(true);
  });

  it('does not pair names Windows keeps apart', () => {
    expect(paired('K1', 'SMS_TaskSequencePackage/\u212a1/ReferencesInfo.xml')).toBe(false);
    expect(paired('CM100031', 'SMS_TaskSequencePackage/CM100032/ReferencesInfo.xml')).toBe(false);
  });
});
