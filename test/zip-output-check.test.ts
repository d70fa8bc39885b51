// The check an export .zip passes before the command line writes it, without reading a second tree: the archive's
// structure reads back, every task sequence part is still there, and each part that changed is well-formed XML that
// inflates to its declared size and CRC.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExportZipOutput } from '../lib/containers/check-export-zip-output.js';
import { applyKb977203, readExportZip, writeExportZip, writeZip } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';
import { makeZip } from './helpers/make-zip.js';
import { readEntry } from '../lib/zip/zip.js';

const EXPORT = readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip'));

function patched() {
  const x = readExportZip(EXPORT);
  applyKb977203(x.sequences[0]!.doc, { certfixPackage: 'CM100010', scenario: 'replace-restore', force: true });
  return { x, out: writeExportZip(x) };
}

describe('checkExportZipOutput', () => {
  it('accepts the archive written after an edit, and the unchanged archive', () => {
    const { x, out } = patched();
    expect(Buffer.from(out).equals(EXPORT)).toBe(false);
    expect(() => checkExportZipOutput(out, x)).not.toThrow();
    const same = readExportZip(EXPORT);
    expect(() => checkExportZipOutput(writeExportZip(same), same)).not.toThrow();
  });

  it('refuses a changed part that is not well-formed XML: OUTPUT_MALFORMED', () => {
    const { x } = patched();
    const bad = writeZip(x.zip, new Map([[x.sequences[0]!.entry, Buffer.from('<?xml version="1.0"?>\n<sequence><step></sequence>\n')]]));
    expect(thrown(() => checkExportZipOutput(bad, x))?.code).toBe('OUTPUT_MALFORMED');
  });

  it('refuses a changed ReferencesInfo.xml that is not well-formed XML', () => {
    const { x } = patched();
    const info = x.zip.entries.find((e) => /ReferencesInfo\.xml$/i.test(e.name));
    expect(info).toBeDefined();
    const bad = writeZip(x.zip, new Map([[info!, Buffer.from('<ReferencesInfo><a></ReferencesInfo>')]]));
    expect(thrown(() => checkExportZipOutput(bad, x))?.code).toBe('OUTPUT_MALFORMED');
  });

  it('refuses a changed part in bytes its encoding cannot decode', () => {
    const { x } = patched();
    const bad = writeZip(x.zip, new Map([[x.sequences[0]!.entry, Buffer.from([0x3c, 0x61, 0xff, 0x2f, 0x3e])]]));
    expect(thrown(() => checkExportZipOutput(bad, x))?.code).toMatch(/^(ENCODING_INVALID|OUTPUT_MALFORMED)$/);
  });

  it('refuses an archive whose structure does not read back, or that lost a task sequence part', () => {
    const { x, out } = patched();
    expect(thrown(() => checkExportZipOutput(out.subarray(0, out.length - 10), x))?.code).toBe('ZIP_INVALID');
    // An archive that kept only the task sequence part, and one that lost it (every other entry kept).
    const entries = x.zip.entries.map((e) => ({ name: e.name, data: Buffer.from(readEntry(x.zip, e)) }));
    const part = x.sequences[0]!.part;
    expect(thrown(() => checkExportZipOutput(makeZip(entries.filter((e) => e.name === part)), x))?.code).toBe('OUTPUT_MALFORMED');
    expect(thrown(() => checkExportZipOutput(makeZip(entries.filter((e) => e.name !== part)), x))?.code).toBe('OUTPUT_MALFORMED');
    // The same entries read back: accepted.
    expect(() => checkExportZipOutput(makeZip(entries), x)).not.toThrow();
  });

  it('refuses a changed part whose data does not match its CRC', () => {
    const { x, out } = patched();
    const damaged = Buffer.from(out);
    const e = readExportZip(out).sequences[0]!.entry;
    // A stored byte flipped in the deflated data: it no longer inflates to the declared bytes and CRC.
    damaged[e.dataOffset + Math.floor(e.compressedSize / 2)]! ^= 0x55;
    expect(thrown(() => checkExportZipOutput(damaged, x))?.code).toBe('ZIP_INVALID');
  });
});
