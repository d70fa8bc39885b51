// An Info-ZIP Unicode path field (0x7075) is the header's name again, in UTF-8: its NameCRC32 is the CRC of the
// header's name bytes, and a reader whose check of it fails ignores the field and goes by the header (APPNOTE 4.6.9);
// a reader that does not check it goes by the field. One that names another file than the header was read, both
// names kept, so readers disagreed on what the archive holds: the export reader patched the header's object.xml
// while an extractor that honours the field wrote it as another file (or the other way round). Now, a field whose
// path differs from the header's name is refused (ZIP_UNSAFE), as every other ambiguity in a name is, when:
// - its NameCRC32 does not match the header's name (a stale field: spec readers ignore it, others do not), or its
//   version is not 1 (the only one defined, so readers that know no other ignore it);
// - or it matches, but the header's name is UTF-8 or ASCII already, so the field could only say the same name.
// A field that says the header's name again reads, whatever its CRC (every reader then sees one name), and so does one
// that gives the Unicode name of a header written in another code page (the field's purpose).
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readExportZip, readZip } from './helpers/api.js';
import { makeZip, unicodePathExtra } from './helpers/make-zip.js';
import { thrown } from './helpers/thrown.js';

const PART = 'SMS_TaskSequencePackage/CM100031/object.xml';
const OBJ = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Name" TYPE="string"><VALUE>a</VALUE></PROPERTY><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[<sequence version="3.10"/>]]></VALUE></PROPERTY></INSTANCE>`;

/** A Unicode path field naming `path` whose NameCRC32 is `crc` and whose version is `version`. */
function field(path: string, crc: number, version = 1): Buffer {
  const extra = unicodePathExtra(path, 'x');
  extra.writeUInt8(version, 4);
  extra.writeUInt32LE(crc >>> 0, 5);
  return extra;
}

/** "tools/При.txt" in code page 866: a header name a Russian Windows writes, which code page 437 reads as another. */
const CP866 = Buffer.concat([Buffer.from('tools/'), Buffer.from([0x8f, 0xe0, 0xa8]), Buffer.from('.txt')]);

describe('a Unicode path field that names another file than its header', () => {
  it('with a NameCRC32 that does not match the header name (a stale field) is refused', () => {
    const name = 'tools/readme.txt';
    const zip = makeZip([{ name: PART, data: OBJ }, { name, data: 'x', extra: field('tools/setup.ps1', crc32(Buffer.from('tools/old.txt'))) }]);
    const e = thrown(() => readZip(zip));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('"tools/readme.txt" has a Unicode path field naming "tools/setup.ps1"');
    expect(e.message).toContain('NameCRC32');
  });

  it('stale, in a code page header, is refused too', () => {
    const zip = makeZip([{ name: 'x', nameBytes: CP866, data: 'x', extra: field('tools/Пра.txt', crc32(Buffer.from('other'))) }]);
    expect(thrown(() => readZip(zip)).code).toBe('ZIP_UNSAFE');
  });

  it('with a matching NameCRC32 but a UTF-8 header naming another file is refused', () => {
    // The export reader would patch object.xml; an extractor that honours the field writes notes.txt, no object.xml.
    const zip = makeZip([{ name: PART, data: OBJ, extra: unicodePathExtra('SMS_TaskSequencePackage/CM100031/notes.txt', PART) }]);
    const e = thrown(() => readExportZip(zip, { file: 'two.zip' }));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.format()).toMatch(/^two\.zip: ZIP_UNSAFE Entry "SMS_TaskSequencePackage\/CM100031\/object\.xml" has a Unicode path field naming another file, "SMS_TaskSequencePackage\/CM100031\/notes\.txt"/);
    // A name that differs only in case is another name too (on every system but Windows).
    expect(thrown(() => readZip(makeZip([{ name: 'tools/a.ps1', data: 'x', extra: unicodePathExtra('tools/A.ps1', 'tools/a.ps1') }]))).code).toBe('ZIP_UNSAFE');
  });

  it('with a matching NameCRC32 but an ASCII header (no UTF-8 flag) naming another file is refused', () => {
    const header = Buffer.from('tools/readme.txt');
    const zip = makeZip([{ name: 'x', nameBytes: header, data: 'x', extra: unicodePathExtra('tools/lisez-moi.txt', header) }]);
    const e = thrown(() => readZip(zip));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('naming another file, "tools/lisez-moi.txt"');
  });

  it('of a version other than 1 is refused', () => {
    const zip = makeZip([{ name: 'x', nameBytes: CP866, data: 'x', extra: field('tools/При.txt', crc32(CP866), 2) }]);
    const e = thrown(() => readZip(zip));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('version 2');
  });

  it('the same refusals hold for the field in the local header, which a reader that streams the archive goes by', () => {
    // A code page header's Unicode name, the same in both headers, with the local one's NameCRC32 made stale: the
    // central directory is sound, and only a reader of the local header sees a field to ignore or not.
    const zip = makeZip([{ name: 'x', nameBytes: CP866, data: 'x', extra: unicodePathExtra('tools/При.txt', CP866) }]);
    expect(readZip(zip).entries).toHaveLength(1);
    zip.writeUInt32LE(0x12345678, 30 + CP866.length + 5);
    const e = thrown(() => readZip(zip));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('NameCRC32');
  });
});

describe('a Unicode path field that names its header again, or a code page header in Unicode', () => {
  it('saying the header name again reads, whether its NameCRC32 matches or not', () => {
    const name = 'tools/readme.txt';
    for (const crc of [crc32(Buffer.from(name)), 0x12345678]) {
      expect(readZip(makeZip([{ name: PART, data: OBJ }, { name, data: 'x', extra: field(name, crc) }])).entries.map((e) => e.name)).toEqual([PART, name]);
    }
  });

  it("giving a code page header's Unicode name, with its NameCRC32, reads under both names", () => {
    const zip = readZip(makeZip([{ name: PART, data: OBJ }, { name: 'x', nameBytes: CP866, data: 'x', extra: unicodePathExtra('tools/При.txt', CP866) }]));
    expect(zip.entries.map((e) => e.name)).toEqual([PART, 'tools/Åα¿.txt']);
    // Both are names of the entry: another entry by the Unicode one is the same name twice.
    const twice = makeZip([{ name: 'x', nameBytes: CP866, data: 'x', extra: unicodePathExtra('tools/При.txt', CP866) }, { name: 'TOOLS/ПРИ.TXT', data: 'y' }]);
    expect(thrown(() => readZip(twice)).message).toContain('Two entries are named');
  });
});
