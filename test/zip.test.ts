import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { addPackageReference, applyKb977203, exportZipPartWarnings, readEntry, readExportZip, readZip, TaskSequenceError, writeExportZip, type ZipArchive } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';
import { memoryIo } from './helpers/memory-io.js';

const zipFixture = (f: string) => readFileSync(join(FIXTURES_DIR, 'zip', f));
const OBJECT = 'SMS_TaskSequencePackage/CM100031/object.xml';
const REFERENCES_INFO = 'SMS_TaskSequencePackage/CM100031/ReferencesInfo.xml';

function record(zip: ZipArchive, name: string): Buffer {
  const e = zip.entries.find((x) => x.name === name)!;
  return Buffer.from(zip.bytes.subarray(e.localOffset, e.localEnd));
}

// Thousands of runs or every corpus file: well over the 5 s default on a busy machine, so the limit is explicit.
describe('Current Branch export .zip', { timeout: 60_000 }, () => {
  for (const f of ['export.zip', 'export-data-descriptors.zip']) {
    it(`${f}: read and written back unchanged gives the same bytes`, () => {
      const bytes = zipFixture(f);
      expect(Buffer.from(writeExportZip(readExportZip(bytes))).equals(bytes)).toBe(true);
    });

    it(`${f}: after KB977203 only object.xml and its ReferencesInfo.xml differ; every other part is copied byte for byte, same names and order`, () => {
      const bytes = zipFixture(f);
      const x = readExportZip(bytes);
      applyKb977203(x.sequences[0]!.doc, { certfixPackage: 'CM100010', scenario: 'replace-restore', force: true });
      const out = writeExportZip(x);
      const before = readZip(bytes);
      const after = readZip(out);
      expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
      for (const e of before.entries) {
        if (e.name === OBJECT || e.name === REFERENCES_INFO) continue;
        expect(record(after, e.name).equals(record(before, e.name)), e.name).toBe(true);
      }
      const text = Buffer.from(readEntry(after, after.entries.find((e) => e.name === OBJECT)!)).toString('utf8');
      expect(text).toContain('<VALUE>CM100010;;CCMCertFix</VALUE>');
      expect(text).toContain('name="Run CCMCertFix (KB977203)"');
      expect(Buffer.from(readEntry(after, after.entries.find((e) => e.name === REFERENCES_INFO)!)).toString('utf8')).toContain('&lt;VALUE&gt;CM100010&lt;/VALUE&gt;');
      expect(Buffer.from(writeExportZip(readExportZip(out))).equals(Buffer.from(out))).toBe(true);
    });
  }

  it('an edit that grows object.xml past the entry limit it was read within is refused by writeExportZip, not written to be refused on reading', () => {
    const bytes = zipFixture('export.zip');
    const size = readZip(bytes).entries.find((e) => e.name === OBJECT)!.size;
    // Read within a limit the part just fits; the preset adds two steps to it.
    const x = readExportZip(bytes, { maxEntrySize: size });
    applyKb977203(x.sequences[0]!.doc, { certfixPackage: 'CM100010', scenario: 'replace-restore', force: true });
    const e = thrown(() => writeExportZip(x));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain(`Entry ${OBJECT} would be`);
    expect(e.message).toContain(`the limit is ${size} (maxEntrySize)`);
    // Limits given to the write are the ones it keeps to; what it then writes reads back within them.
    const out = writeExportZip(x, { maxEntrySize: size * 2 });
    expect(readExportZip(out, { maxEntrySize: size * 2 }).sequences[0]!.doc.sequence.children.length).toBeGreaterThan(0);
  });

  it('warns that ReferencesInfo.xml is left as it was when an edit adds a reference whose package type nothing says, whoever made the edit', () => {
    const x = readExportZip(zipFixture('export.zip'));
    const part = x.sequences[0]!;
    expect(exportZipPartWarnings(part)).toEqual([]);
    addPackageReference(part.doc.sequence, 'CM100099');
    expect(exportZipPartWarnings(part)).toEqual([expect.objectContaining({ code: 'ZIP_REFERENCES_INFO_UNCHANGED', severity: 'warning' })]);
    expect(exportZipPartWarnings(part)[0]!.message).toContain('CM100099');
  });

  it('refuses .. and absolute entry names, zip bombs, archives with no task sequence, and damage', () => {
    expect(thrown(() => readExportZip(zipFixture('unsafe-dotdot.zip'))).code).toBe('ZIP_UNSAFE');
    expect(thrown(() => readExportZip(zipFixture('unsafe-absolute.zip'))).code).toBe('ZIP_UNSAFE');
    expect(thrown(() => readExportZip(zipFixture('unsafe-bomb.zip'))).code).toBe('ZIP_UNSAFE');
    expect(thrown(() => readExportZip(zipFixture('no-task-sequence.zip'))).code).toBe('NOT_A_TASK_SEQUENCE');
    const good = zipFixture('export.zip');
    expect(thrown(() => readExportZip(good.subarray(0, good.length - 10))).code).toBe('ZIP_INVALID');
    const x = readZip(good);
    const e = x.entries.find((n) => n.name === OBJECT)!;
    const flipped = Buffer.from(good);
    flipped[e.dataOffset + 5] = (flipped[e.dataOffset + 5] as number) ^ 0xff;
    expect(thrown(() => readExportZip(flipped)).code).toMatch(/^ZIP_INVALID$/);
  });

  it('byte mutations of an export either read or fail with a TaskSequenceError, never anything else', () => {
    const bytes = zipFixture('export.zip');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }), (edits) => {
        const b = Buffer.from(bytes);
        for (const [i, v] of edits) b[i] = v;
        try {
          writeExportZip(readExportZip(b));
        } catch (e) {
          if (!(e instanceof TaskSequenceError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('cmts kb977203 patches an export .zip and finds it in place the second time; inspect, lint and convert read it', async () => {
    const m = memoryIo({ 'ts.zip': zipFixture('export.zip') });
    expect(await main(['kb977203', 'ts.zip', '--in-place', '--certfix-package', 'CM100010', '--scenario', 'replace-restore', '--force'], m.io)).toBe(0);
    expect(m.stderr).toMatch(/ZIP_REFERENCES_INFO_INCOMPLETE/);
    expect(await main(['kb977203', 'ts.zip', '--in-place', '--certfix-package', 'CM100010', '--scenario', 'replace-restore', '--force'], m.io)).toBe(0);
    expect(m.writes).toEqual(['ts.zip']);
    expect(await main(['lint', 'ts.zip'], m.io)).toBe(0);
    expect(await main(['inspect', 'ts.zip'], m.io)).toBe(0);
    expect(m.stdout).toContain('ts.zip!SMS_TaskSequencePackage/CM100031/object.xml');
    expect(await main(['convert', 'ts.zip', '--to', 'json', '-o', 'ts.json'], m.io)).toBe(0);
  });
});
