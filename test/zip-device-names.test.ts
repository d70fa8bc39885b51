// An entry whose path has a segment Windows opens as a device (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, and COM/LPT
// with the superscript digits ¹ ² ³, in any case, alone or before an extension: `nul.txt` is NUL) is not extracted as
// a file on Windows: writing it sends the bytes to the device (`CON` prints them, `COM1` writes them to a serial port)
// and the file is missing. A ConfigMgr export never names a part so. Such a name was read, and copied through when the
// archive was written back; it is now refused (`ZIP_UNSAFE`) as a `..` segment is, in the header's name and in the
// Unicode path field, so an archive holding one is neither read nor written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { checkEntryName, readExportZip, readZip } from './helpers/api.js';
import { makeZip, unicodePathExtra } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const PART = 'SMS_TaskSequencePackage/CM100031/object.xml';
const SEQUENCE = readFileSync('examples/replace-restore.object.xml');

/** Names with a segment Windows takes for a device. */
const DEVICES = [
  'CON',
  'con',
  'SMS_TaskSequencePackage/nul.txt',
  'SMS_TaskSequencePackage/CM100031/NUL.tar.gz',
  'aux/readme.txt',
  'SMS_TaskSequencePackage/Prn.xml',
  'tools/COM1',
  'tools/com9.ps1',
  'tools/COM0',
  'tools\\LPT1.log',
  'tools/lpt9',
  'tools/LPT0.txt',
  // The stem's trailing spaces are dropped before the extension is: `nul .txt` is NUL too.
  'tools/nul .txt',
  // Trailing dots and spaces, which Windows drops.
  'tools/NUL.',
  'tools/con ',
  'tools/Aux. .',
  // ISO 8859-1's superscript digits are digits to Windows here (Microsoft's "Naming Files, Paths, and Namespaces").
  'tools/COM¹',
  'tools/lpt².txt',
  'tools/COM³.bin',
  // A folder's own entry.
  'CON/',
];

/** Names that only look like one: a device name must be the whole segment, or its part before the first dot. */
const NOT_DEVICES = ['tools/CONSOLE.xml', 'tools/nullable.txt', 'tools/COM10', 'tools/LPT', 'tools/xcon', 'tools/aux_', 'tools/COM1x.txt', 'con-fig/a.txt', 'tools/COM⁴', 'tools/a.nul', 'tools/prn-notes.txt'];

describe('zip entry names Windows opens as a device', () => {
  for (const name of DEVICES) {
    it(`${JSON.stringify(name)} is refused (ZIP_UNSAFE), by checkEntryName and by readZip`, () => {
      const e = thrown(() => checkEntryName(name));
      expect(e.code).toBe('ZIP_UNSAFE');
      expect(e.message).toContain(`${JSON.stringify(name)} has a segment Windows opens as a device`);
      const read = thrown(() => readZip(makeZip([{ name: PART, data: SEQUENCE }, { name, data: 'x' }])));
      expect(read.code).toBe('ZIP_UNSAFE');
      expect(read.message).toContain('device');
    });
  }

  for (const name of NOT_DEVICES) {
    it(`${JSON.stringify(name)} still reads`, () => {
      expect(() => checkEntryName(name)).not.toThrow();
      expect(readZip(makeZip([{ name: PART, data: SEQUENCE }, { name, data: 'x' }])).entries.map((e) => e.name)).toEqual([PART, name]);
    });
  }

  it('a device name in a code page 437 header (no UTF-8 flag) is refused as in a UTF-8 one', () => {
    const e = thrown(() => readZip(makeZip([{ name: PART, data: SEQUENCE }, { name: 'x', nameBytes: Buffer.from('tools/Aux.txt', 'latin1'), data: 'x' }])));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('"tools/Aux.txt" has a segment Windows opens as a device');
  });

  it('a device name in the Unicode path field is refused, though the header names a plain file', () => {
    // The header in another code page than 437 (bytes 0x8F 0xE0 0xA8, "При" in code page 866), so a Unicode path
    // that differs from it is a real one; the path it gives is the device.
    const header = Buffer.concat([Buffer.from('tools/'), Buffer.from([0x8f, 0xe0, 0xa8]), Buffer.from('.txt')]);
    const zip = makeZip([{ name: PART, data: SEQUENCE }, { name: 'x', nameBytes: header, data: 'x', extra: unicodePathExtra('tools/COM2.txt', header) }]);
    const e = thrown(() => readZip(zip));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('"tools/COM2.txt" has a segment Windows opens as a device');
    // The same field naming a plain file reads, under both names.
    const fine = makeZip([{ name: PART, data: SEQUENCE }, { name: 'x', nameBytes: header, data: 'x', extra: unicodePathExtra('tools/При.txt', header) }]);
    expect(readZip(fine).entries).toHaveLength(2);
  });

  it('readExportZip refuses it, naming the archive', () => {
    const e = thrown(() => readExportZip(makeZip([{ name: PART, data: SEQUENCE }, { name: 'SMS_TaskSequencePackage/CM100031/NUL', data: 'x' }]), { file: 'dev.zip' }));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.format()).toMatch(/^dev\.zip: ZIP_UNSAFE Entry "SMS_TaskSequencePackage\/CM100031\/NUL" has a segment Windows opens as a device/);
  });

  it('the command line writes nothing for an export holding one: no archive with the name is written back', async () => {
    const m = memoryIo({ 'dev.zip': makeZip([{ name: PART, data: SEQUENCE }, { name: 'SMS_TaskSequencePackage/CM100031/com1.xml', data: 'x' }]) });
    expect(await main(['kb977203', 'dev.zip', '-o', 'p.zip', '--certfix-package', 'ABC00010', '--scenario', 'replace-restore', '--force'], m.io)).toBe(1);
    expect(m.writes).toEqual([]);
    expect(m.stderr).toMatch(/dev\.zip: ZIP_UNSAFE Entry "SMS_TaskSequencePackage\/CM100031\/com1\.xml" has a segment Windows opens as a device/);
    expect(m.stderr).not.toMatch(/\n\s+at /);
    // Without it, the same export is patched and written.
    const alone = memoryIo({ 'one.zip': makeZip([{ name: PART, data: SEQUENCE }]) });
    expect(await main(['kb977203', 'one.zip', '-o', 'p.zip', '--certfix-package', 'ABC00010', '--scenario', 'replace-restore', '--force'], alone.io)).toBe(0);
    expect(alone.writes).toEqual(['p.zip']);
  });
});
