// A local entry the central directory does not list (`../../evil.ps1` before the directory) was accepted unchecked:
// a reader that streams the archive from the front extracts it, and cmts, rewriting the archive from its listed
// entries, dropped it without a word. Bytes before the directory that no listed entry holds are now refused,
// ZIP_UNSAFE, naming their offset; the zero bytes cmts's own writer may put before the directory are not.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readExportZip, readZip, writeExportZip } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { thrown } from './helpers/thrown.js';

const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';
const OBJ = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;
const archive = () => makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, { name: 'notes.txt', data: 'hello', stored: true }]);

/** A stored local record of `name` holding `data`, as a streaming reader takes it. */
function localRecord(name: string, data: string): Buffer {
  const n = Buffer.from(name);
  const d = Buffer.from(data);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(crc32(d), 14);
  h.writeUInt32LE(d.length, 18);
  h.writeUInt32LE(d.length, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n, d]);
}

/** `zip` with `bytes` put in at `at` (before its central directory), the offsets after it moved. */
function insertAt(zip: Buffer, at: number, bytes: Buffer): Buffer {
  const read = readZip(zip);
  const cd = zip.readUInt32LE(read.eocdOffset + 16);
  const out = Buffer.concat([zip.subarray(0, at), bytes, zip.subarray(at)]);
  const eocd = read.eocdOffset + bytes.length;
  out.writeUInt32LE(cd + bytes.length, eocd + 16);
  // Central records of entries at or after `at` point past the bytes put in.
  for (const e of read.entries) if (e.localOffset >= at) out.writeUInt32LE(e.localOffset + bytes.length, e.centralOffset + bytes.length + 42);
  return out;
}

describe('bytes before the central directory that it does not list', () => {
  it('a hidden local entry before the directory is refused, naming its offset', () => {
    const zip = archive();
    const cd = zip.readUInt32LE(readZip(zip).eocdOffset + 16);
    const e = thrown(() => readExportZip(insertAt(zip, cd, localRecord('../../evil.ps1', 'Write-Host pwned'))));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain(String(cd));
  });

  it('a hidden local entry between two listed ones is refused', () => {
    const zip = archive();
    const second = (readZip(zip).entries[1] as { localOffset: number }).localOffset;
    expect(thrown(() => readZip(insertAt(zip, second, localRecord('evil.ps1', 'x')))).code).toBe('ZIP_UNSAFE');
  });

  it('a prefix that holds a local header is refused; a stub without one reads', () => {
    expect(thrown(() => readZip(insertAt(archive(), 0, localRecord('evil.ps1', 'x')))).code).toBe('ZIP_UNSAFE');
    expect(readExportZip(insertAt(archive(), 0, Buffer.from('MZ a self-extractor stub'))).sequences).toHaveLength(1);
  });

  it('zero bytes before the directory read, and the archive cmts writes reads back', () => {
    const zip = archive();
    const cd = zip.readUInt32LE(readZip(zip).eocdOffset + 16);
    const x = readExportZip(insertAt(zip, cd, Buffer.alloc(40)));
    (x.sequences[0] as { doc: { sequence: { attributes: Record<string, string> } } }).doc.sequence.attributes.version = '3.00';
    expect(readExportZip(writeExportZip(x)).sequences).toHaveLength(1);
  });
});
