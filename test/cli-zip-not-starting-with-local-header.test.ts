// The command line took an input for an export .zip only when it started with a local header (`PK\x03\x04`), so an
// archive with a prefix (a self-extractor's stub, which readExportZip reads) or with its first header damaged was read
// as XML: `ENCODING_INVALID The bytes are not valid UTF-8`, or another XML error, which says nothing of a zip. An
// input that an end record ends is now read as the archive it is: the stub's archive reads and is patched, the
// damaged one is ZIP_INVALID.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { isZip, readExportZip } from './helpers/api.js';
import { makeZip, withStub } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';

const PART = 'SMS_TaskSequencePackage/CM100031/object.xml';
const OBJ = readFileSync('examples/replace-restore.object.xml');
const archive = () => makeZip([{ name: PART, data: OBJ }, { name: 'notes.txt', data: 'hello', stored: true }], { comment: Buffer.from('made by a tool') });

describe('an export .zip that does not start with a local header', () => {
  it('isZip knows an archive by the end record that ends it, not only by its first bytes', () => {
    expect(isZip(withStub(archive(), Buffer.from('MZ\x90\x00 a self-extractor stub')))).toBe(true);
    expect(isZip(OBJ)).toBe(false);
  });

  it('behind a self-extractor stub, the command line reads it and patches it inside', async () => {
    const zip = withStub(archive(), Buffer.from('MZ\x90\x00 a self-extractor stub'));
    expect(readExportZip(zip).sequences).toHaveLength(1);
    const m = memoryIo({ 'sfx.zip': zip, 'ref.json': JSON.stringify({ packageId: 'CM100010', packageType: 0 }) });
    expect(await main(['inspect', 'sfx.zip'], m.io)).toBe(0);
    expect(m.stdout).toContain(`sfx.zip!${PART}`);
    expect(await main(['transform', 'add-reference', 'sfx.zip', '--options', 'ref.json', '-o', 'out.zip'], m.io)).toBe(0);
    const out = readExportZip(m.fs.get('out.zip') as Uint8Array);
    expect(Buffer.from(out.sequences[0]?.original ?? []).toString()).toContain('CM100010');
  });

  it('with its first local header damaged, the command line says ZIP_INVALID, not an XML error', async () => {
    const zip = archive();
    zip.fill(0x20, 0, 4);
    const m = memoryIo({ 'damaged.zip': zip });
    expect(await main(['inspect', 'damaged.zip'], m.io)).toBe(1);
    expect(m.stderr).toContain('damaged.zip: ZIP_INVALID');
    expect(m.stderr).not.toMatch(/ENCODING_INVALID|XML_/);
  });
});
