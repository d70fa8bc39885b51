// A reader that streams an archive from the front sees only local headers: an entry whose local header says
// another thing than its central record is another archive to that reader, so it is refused before anything is read.
import { describe, expect, it } from 'vitest';
import { readExportZip, readZip } from './helpers/api.js';
import { makeZip, unicodePathExtra } from './helpers/make-zip.js';
import { thrown } from './helpers/thrown.js';

const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';
const OBJ = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;
const PART = 'SMS_TaskSequencePackage/CM100031/object.xml';
const archive = () => makeZip([{ name: PART, data: OBJ }, { name: 'notes.txt', data: 'hello world', stored: true }]);

/** Rewrites the 32-bit field at `field` of the local header of entry `index`. */
function patchLocal(zip: Buffer, index: number, field: number, value: number, bits: 16 | 32 = 32): Buffer {
  const out = Buffer.from(zip);
  const at = (readZip(zip).entries[index] as { localOffset: number }).localOffset + field;
  if (bits === 16) out.writeUInt16LE(value, at);
  else out.writeUInt32LE(value, at);
  return out;
}

describe('local headers that disagree with the central directory', () => {
  it('the crafted archive itself reads', () => {
    expect(readExportZip(archive()).sequences).toHaveLength(1);
  });

  it('another compression method in the local header is refused', () => {
    expect(thrown(() => readExportZip(patchLocal(archive(), 0, 8, 0, 16))).code).toBe('ZIP_UNSAFE');
  });

  it('other sizes or CRC in the local header of an entry without a data descriptor are refused', () => {
    expect(thrown(() => readZip(patchLocal(archive(), 1, 18, 5))).code).toBe('ZIP_UNSAFE');
    expect(thrown(() => readZip(patchLocal(archive(), 1, 22, 5))).code).toBe('ZIP_UNSAFE');
    expect(thrown(() => readZip(patchLocal(archive(), 1, 14, 1234))).code).toBe('ZIP_UNSAFE');
  });

  it('an encrypted flag in the local header only is refused', () => {
    expect(thrown(() => readZip(patchLocal(archive(), 1, 6, 0x801, 16))).code).toBe('ZIP_UNSAFE');
  });

  it('a Unicode path field in the local header only, naming the task sequence part, is refused', () => {
    // notes.txt in the central directory, the object.xml to a reader that goes by the local header.
    const zip = makeZip([{ name: PART, data: OBJ }, { name: 'notes.txt', data: OBJ }]);
    const read = readZip(zip);
    const e = read.entries[1] as { localOffset: number; dataOffset: number; localEnd: number };
    const extra = unicodePathExtra(PART, 'notes.txt');
    const header = Buffer.from(zip.subarray(e.localOffset, e.dataOffset));
    header.writeUInt16LE(extra.length, 28);
    const locals = Buffer.concat([zip.subarray(0, e.localOffset), header, extra, zip.subarray(e.dataOffset, e.localEnd)]);
    const eocd = Buffer.from(zip.subarray(read.eocdOffset));
    eocd.writeUInt32LE(locals.length, 16);
    const hostile = Buffer.concat([locals, zip.subarray(read.entries[0]!.centralOffset, read.eocdOffset), eocd]);
    expect(thrown(() => readZip(hostile)).code).toBe('ZIP_UNSAFE');
  });

  it('a data descriptor that gives another size than the central directory is refused', () => {
    const zip = archive();
    const read = readZip(zip);
    const e = read.entries[1] as { localOffset: number; localEnd: number; centralOffset: number };
    // Entry 2 gets a data descriptor (with signature) whose size is wrong, and the flag in both headers.
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(zip.readUInt32LE(e.centralOffset + 16), 4);
    descriptor.writeUInt32LE(11, 8);
    descriptor.writeUInt32LE(999, 12);
    const local = Buffer.from(zip.subarray(e.localOffset, e.localEnd));
    local.writeUInt16LE(0x808, 6);
    const cd = Buffer.from(zip.subarray(read.entries[0]!.centralOffset, read.eocdOffset));
    cd.writeUInt16LE(0x808, e.centralOffset - read.entries[0]!.centralOffset + 8);
    const eocd = Buffer.from(zip.subarray(read.eocdOffset));
    const before = Buffer.concat([zip.subarray(0, e.localOffset), local, descriptor]);
    eocd.writeUInt32LE(before.length, 16);
    const hostile = Buffer.concat([before, cd, eocd]);
    expect(thrown(() => readZip(hostile)).code).toBe('ZIP_UNSAFE');
    // With the right size the same archive reads.
    descriptor.writeUInt32LE(11, 12);
    expect(readZip(Buffer.concat([zip.subarray(0, e.localOffset), local, descriptor, cd, eocd])).entries).toHaveLength(2);
  });
});
