// An export whose object.xml part holds the bytes of a .zip archive was refused with readTaskSequence's API hint
// (INVALID_ARGUMENT, "call readExportZip"), given to a command-line user and to a caller already in readExportZip.
// It is a damaged export: ZIP_INVALID, naming the part.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { readExportZip } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const PART = 'SMS_TaskSequencePackage/CM100031/object.xml';
const inner = readFileSync(resolve('test/fixtures/zip/export.zip'));
const zipInZip = () => makeZip([{ name: PART, data: inner }]);

describe('a part that holds a .zip archive', () => {
  it('readExportZip refuses it as a damaged export, naming the part', () => {
    const e = thrown(() => readExportZip(zipInZip(), { file: 'zz.zip' }));
    expect(e.code).toBe('ZIP_INVALID');
    expect(e.file).toBe(`zz.zip!${PART}`);
  });

  it('the command line says ZIP_INVALID, status 1', async () => {
    const m = memoryIo({ 'zz.zip': zipInZip() });
    expect(await main(['inspect', 'zz.zip'], m.io)).toBe(1);
    expect(m.stderr).toContain('ZIP_INVALID');
    expect(m.stderr).not.toContain('readExportZip');
  });
});
