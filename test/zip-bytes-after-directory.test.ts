// Bytes between the end of the central directory and the end record (what the directory's size does not cover: a
// ZIP64 end record left without its locator, a signature, an entry put there) were accepted, and an archive written
// back after an edit, rebuilt from the directory's records, dropped them without a word. They are now refused,
// ZIP_UNSAFE, naming their offset; zero bytes there, which hold nothing, are let be.
import { describe, expect, it } from 'vitest';
import { readExportZip, readZip, writeExportZip } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { thrown } from './helpers/thrown.js';

const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';
const OBJ = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;
const archive = () => makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, { name: 'notes.txt', data: 'hello', stored: true }], { comment: Buffer.from('archive comment') });

/** `zip` with `bytes` put in just before its end record (the directory's offset and size left as they were). */
function beforeEndRecord(zip: Buffer, bytes: Buffer): { bytes: Buffer; at: number } {
  const at = readZip(zip).eocdOffset;
  return { bytes: Buffer.concat([zip.subarray(0, at), bytes, zip.subarray(at)]), at };
}

describe('bytes between the central directory and the end record', () => {
  it('are refused, naming their offset, rather than dropped from the archive written back', () => {
    const { bytes, at } = beforeEndRecord(archive(), Buffer.from('PK\x05\x05 a signature the directory does not count'));
    const e = thrown(() => readExportZip(bytes));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain(String(at));
  });

  it('a ZIP64 end record without its locator is refused too', () => {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    expect(thrown(() => readZip(beforeEndRecord(archive(), record).bytes)).code).toBe('ZIP_UNSAFE');
  });

  it('zero bytes there read, and an edited archive written from them reads back with its comment', () => {
    const x = readExportZip(beforeEndRecord(archive(), Buffer.alloc(12)).bytes);
    (x.sequences[0] as { doc: { sequence: { attributes: Record<string, string> } } }).doc.sequence.attributes.version = '3.00';
    const out = Buffer.from(writeExportZip(x));
    expect(readExportZip(out).sequences).toHaveLength(1);
    expect(out.subarray(out.length - 15).toString()).toBe('archive comment');
  });
});
