// Crafted archives that once got through: duplicate names, a Unicode path field, ZIP64, a fake end record in the
// comment, a damaged part copied through. Each is refused with the right code, and nothing is written for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { readEntry, readExportZip, readZip, writeExportZip, writeZip } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { makeZip, unicodePathExtra, zip64Extra } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const SEQ = (name: string) => `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c ${name}</action></step></sequence>`;
const OBJ = (name: string) =>
  `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Name" TYPE="string"><VALUE>${name}</VALUE></PROPERTY><PROPERTY NAME="DependentProgram" TYPE="string"><VALUE></VALUE></PROPERTY><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ(name)}]]></VALUE></PROPERTY></INSTANCE>`;
const PART = 'SMS_TaskSequencePackage/CM100031/object.xml';

describe('export .zip safety', () => {
  it('two object.xml entries with the same name are refused, so one sequence is never written over the other', () => {
    const zip = makeZip([
      { name: PART, data: OBJ('first') },
      { name: PART, data: OBJ('second') },
    ]);
    const e = thrown(() => readExportZip(zip, { file: 'dup.zip' }));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.format()).toMatch(/^dup\.zip: ZIP_UNSAFE Two entries are named/);
  });

  it('names that differ only in case or separator count as the same name, as they do on Windows', () => {
    expect(thrown(() => readZip(makeZip([{ name: PART, data: OBJ('a') }, { name: PART.toLowerCase(), data: OBJ('b') }]))).code).toBe('ZIP_UNSAFE');
    expect(thrown(() => readZip(makeZip([{ name: PART, data: OBJ('a') }, { name: PART.replace(/\//g, '\\'), data: OBJ('b') }]))).code).toBe('ZIP_UNSAFE');
  });

  it('the CLI writes nothing for an archive with duplicate names', async () => {
    const m = memoryIo({ 'dup.zip': makeZip([{ name: PART, data: OBJ('first') }, { name: PART, data: OBJ('second') }]) });
    expect(await main(['kb977203', 'dup.zip', '-o', 'out.zip', '--certfix-package', 'ABC00010'], m.io)).toBe(1);
    expect(m.writes).toEqual([]);
    expect(m.stderr).toMatch(/dup\.zip: ZIP_UNSAFE/);
  });

  it('a Unicode path extra field is checked like the name: ../ hidden there is refused', () => {
    const name = 'SMS_TaskSequencePackage/CM1/readme.txt';
    const zip = makeZip([
      { name: PART, data: OBJ('a') },
      { name, data: 'x', extra: unicodePathExtra('../../evil.txt', name) },
    ]);
    expect(thrown(() => readZip(zip)).code).toBe('ZIP_UNSAFE');
    // The same field with a harmless path reads: the Unicode name of a header written in another code page (a UTF-8
    // or ASCII header's field can only say its name again, see zip-unicode-path-mismatch.test.ts).
    const cp850 = Buffer.from('SMS_TaskSequencePackage/CM1/l\x8ase-moi.txt', 'latin1'); // 'è' in code page 850
    const fine = makeZip([{ name: PART, data: OBJ('a') }, { name: 'x', nameBytes: cp850, data: 'x', extra: unicodePathExtra('SMS_TaskSequencePackage/CM1/lèse-moi.txt', cp850) }]);
    expect(readZip(fine).entries).toHaveLength(2);
  });

  it('a Unicode path that makes two entries the same name is refused', () => {
    // A header in a code page (0xE9 'Θ' in 437, 'Ú' in 850), so the field may give another name, and the one it gives
    // is the part's.
    const other = Buffer.from('SMS_TaskSequencePackage/CM100031/\xe9bject.xml', 'latin1');
    const e = thrown(() => readZip(makeZip([{ name: PART, data: OBJ('a') }, { name: 'x', nameBytes: other, data: 'x', extra: unicodePathExtra(PART, other) }])));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('Two entries are named');
  });

  it('ZIP64 is refused, as the README says: a ZIP64 extra field or a ZIP64 end locator', () => {
    const data = OBJ('a');
    expect(thrown(() => readZip(makeZip([{ name: PART, data, extra: zip64Extra(data.length, 10) }]))).code).toBe('ZIP_INVALID');
    expect(thrown(() => readZip(makeZip([{ name: PART, data }], { zip64Locator: true }))).code).toBe('ZIP_INVALID');
    expect(thrown(() => readZip(makeZip([{ name: PART, data }], { zip64Locator: true }))).message).toMatch(/ZIP64/);
  });

  it('a fake end record hidden in the comment gives ZIP_INVALID, not NOT_A_TASK_SEQUENCE', () => {
    // A fake end record that lists no entries, placed so that it also "ends the file".
    const fake = Buffer.alloc(22);
    fake.writeUInt32LE(0x06054b50, 0);
    const zip = makeZip([{ name: PART, data: OBJ('a') }], { comment: fake });
    const e = thrown(() => readExportZip(zip, { file: 'fake.zip' }));
    expect(e.code).toBe('ZIP_INVALID');
    // A fake record whose comment length does not reach the end is skipped: the real one is used.
    const loose = Buffer.concat([fake, Buffer.from('trailing comment')]);
    expect(readExportZip(makeZip([{ name: PART, data: OBJ('a') }], { comment: loose })).sequences).toHaveLength(1);
  });

  it('a part copied through unchanged is CRC-checked first: a damaged one stops the write', async () => {
    const damaged = makeZip([
      { name: PART, data: readFileSync('examples/replace-restore.object.xml') },
      { name: 'SMS_TaskSequencePackage/CM100031/extra.bin', data: 'payload', crc: 0x1234 },
    ]);
    const x = readExportZip(damaged);
    x.sequences[0]!.doc.setProperty('Name', 'changed');
    expect(thrown(() => writeExportZip(x)).code).toBe('ZIP_INVALID');
    const m = memoryIo({ 'd.zip': damaged });
    expect(await main(['kb977203', 'd.zip', '-o', 'out.zip', '--certfix-package', 'ABC00010', '--scenario', 'replace-restore', '--force'], m.io)).toBe(1);
    expect(m.writes).toEqual([]);
    expect(m.stderr).toMatch(/d\.zip: ZIP_INVALID Entry SMS_TaskSequencePackage\/CM100031\/extra\.bin does not match its declared size and CRC/);
  });

  it('fuzzed exports through the CLI: a refused archive writes nothing; a written one reads back as an export', { timeout: 60_000 }, async () => {
    const bytes = readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip'));
    let seed = 977203;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let written = 0;
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const mutated = Buffer.from(bytes);
      for (let k = 1 + random(3); k > 0; k--) mutated[random(mutated.length)] = random(256);
      const m = memoryIo({ 'in.zip': mutated });
      const status = await main(['kb977203', 'in.zip', '-o', 'out.zip', '--certfix-package', 'CM100010', '--scenario', 'replace-restore', '--force'], m.io);
      if (status === 0) {
        written++;
        expect(readExportZip(m.fs.get('out.zip')!).sequences.length).toBeGreaterThan(0);
      } else {
        refused++;
        expect(status).toBe(1);
        expect(m.writes).toEqual([]);
        expect(m.stderr).toMatch(/^cmts kb977203: in\.zip/);
        expect(m.stderr).not.toMatch(/internal error|\n\s+at /);
      }
    }
    // Both paths were taken, so both checks ran.
    expect(written).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('the real export still reads and writes back byte for byte', () => {
    const bytes = readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip'));
    expect(Buffer.from(writeExportZip(readExportZip(bytes))).equals(bytes)).toBe(true);
  });

  it('the sequences of one archive are read at once, so together they are held to 4 × maxBytes, before any is inflated', () => {
    const part = (i: number) => ({ name: `SMS_TaskSequencePackage/CM10003${i}/object.xml`, data: OBJ(`s${i}`) });
    const each = Buffer.byteLength(OBJ('s0'));
    const maxBytes = each + 10;
    // Four parts fit (4 × (maxBytes - 10)); five do not, though each alone is within maxBytes.
    expect(readExportZip(makeZip([0, 1, 2, 3].map(part)), { maxBytes }).sequences).toHaveLength(4);
    const e = thrown(() => readExportZip(makeZip([0, 1, 2, 3, 4].map(part)), { maxBytes, file: 'five.zip' }));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain(`5 task sequences hold ${5 * each} bytes of XML; at most ${4 * maxBytes}`);
    expect(e.file).toBe('five.zip');
    // The same five with the default limit read.
    expect(readExportZip(makeZip([0, 1, 2, 3, 4].map(part))).sequences).toHaveLength(5);
  });

  it('an object.xml over the archive entry limit (64 MiB) is read and written when --max-bytes allows it, and refused naming --max-bytes when not', { timeout: 60_000 }, async () => {
    const base = readFileSync('examples/replace-restore.object.xml', 'utf8');
    // Stored, so no compression ratio is in question: only the size of the part once unpacked.
    const big = makeZip([{ name: PART, data: `${base}<!--${'x'.repeat(65 * 1024 * 1024)}-->`, stored: true }]);
    const raised = String(80 * 1024 * 1024);
    const m = memoryIo({ 'big.zip': big });
    const args = ['kb977203', 'big.zip', '-o', 'out.zip', '--certfix-package', 'ABC00010', '--scenario', 'replace-restore', '--force'];
    expect(await main([...args, '--max-bytes', raised], m.io), m.stderr).toBe(0);
    expect(m.writes).toEqual(['out.zip']);
    expect(readExportZip(m.fs.get('out.zip') as Uint8Array, { maxBytes: Number(raised) }).sequences[0]!.doc.properties().DependentProgram).toBe('ABC00010;;CCMCertFix');
    const d = memoryIo({ 'big.zip': big });
    expect(await main(args, d.io)).toBe(1);
    expect(d.writes).toEqual([]);
    expect(d.stderr).toContain(`big.zip!${PART}: INPUT_TOO_LARGE The part is ${Buffer.byteLength(base) + 65 * 1024 * 1024 + 7} bytes once unpacked; the limit is 67108864 (--max-bytes).`);
  });
});

describe('an archive cmts writes is one cmts reads', () => {
  // 20,000 identical steps: zlib packs this 133:1 at level 1 (a fast exporter) and over 250:1 at its default level,
  // past the 200:1 a reader refuses as a likely zip bomb.
  const step = '  <step type="SMS_TaskSequence_RebootAction" name="Restart Computer" description=""><action>smsboot.exe /target:WinPE</action></step>\r\n';
  const repetitive = `<sequence version="3.10">\r\n${step.repeat(20_000)}</sequence>`;

  it('a replaced entry that deflates past the ratio a reader refuses is stored instead, and reads back', () => {
    const zip = readZip(makeZip([{ name: 'a.xml', data: '<a/>' }, { name: 'b.txt', data: 'kept' }]));
    const out = writeZip(zip, new Map([['a.xml', Buffer.from(repetitive)]]));
    const back = readZip(out);
    const a = back.entries.find((e) => e.name === 'a.xml')!;
    expect(a.method).toBe(0);
    expect(Buffer.from(readEntry(back, a)).toString()).toBe(repetitive);
    expect(Buffer.from(readEntry(back, back.entries.find((e) => e.name === 'b.txt')!)).toString()).toBe('kept');
    // Under a raised limit the reader would take the deflated form, so it is deflated.
    const loose = writeZip(zip, new Map([['a.xml', Buffer.from(repetitive)]]), { maxRatio: 1000 });
    expect(readZip(loose, { maxRatio: 1000 }).entries.find((e) => e.name === 'a.xml')!.method).toBe(8);
    expect(loose.length).toBeLessThan(out.length / 100);
  });

  /** 22 bytes that read as an end record whose comment runs `reach` bytes past it. */
  const lookAlike = (reach: number) => {
    const b = Buffer.alloc(22);
    b.writeUInt32LE(0x06054b50, 0);
    b.writeUInt16LE(reach, 20);
    return b;
  };

  it('an entry holding bytes that look like an end record, copied through, does not make the archive written ambiguous', () => {
    // Once b grows to 101 bytes, what follows the look-alike is b's local header and data, two central records and the
    // end record: the look-alike would end the file too. A reader refuses two.
    const fake = lookAlike(30 + 1 + 101 + 2 * (46 + 1) + 22);
    const zip = readZip(makeZip([{ name: 'a', data: fake, stored: true }, { name: 'b', data: 'x', stored: true }]));
    const out = writeZip(zip, new Map([['b', Buffer.alloc(101, 'y')]]));
    const back = readZip(out);
    expect(Buffer.from(readEntry(back, back.entries[0]!))).toEqual(fake);
    expect(Buffer.from(readEntry(back, back.entries[1]!)).toString()).toBe('y'.repeat(101));
    // A gap of a few bytes before the directory moved it off the end; nothing else was added.
    expect(out.length - (zip.bytes.length + 100)).toBeGreaterThan(0);
    expect(out.length - (zip.bytes.length + 100)).toBeLessThan(32);
  });

  it('look-alikes for every small gap: the gap grows past the window a reader searches, and the archive still reads', () => {
    // One look-alike for each of the 32 lengths a small gap could give the file: only a long gap gets past them all.
    const grown = 30 + 1 + 101 + 2 * (46 + 1) + 22;
    const fakes = Buffer.concat(Array.from({ length: 32 }, (_, k) => lookAlike(grown + k + 22 * (31 - k))));
    const zip = readZip(makeZip([{ name: 'a', data: fakes, stored: true }, { name: 'b', data: 'x', stored: true }]));
    const out = writeZip(zip, new Map([['b', Buffer.alloc(101, 'y')]]));
    const back = readZip(out);
    expect(Buffer.from(readEntry(back, back.entries[0]!))).toEqual(fakes);
    expect(out.length).toBeGreaterThan(65_535);
  });

  it('an archive whose directory is longer than the window a reader searches is written and reads back', () => {
    // 1,500 entries: a directory of about 100 KB, so the end-record check sees the directory's end alone.
    const specs = Array.from({ length: 1500 }, (_, i) => ({ name: `folder/entry-${String(i).padStart(6, '0')}.txt`, data: `entry ${i}` }));
    const zip = readZip(makeZip(specs));
    expect(zip.bytes.length - zip.entries[0]!.centralOffset).toBeGreaterThan(65_557);
    const back = readZip(writeZip(zip, new Map([['folder/entry-000700.txt', Buffer.from('replaced')]])));
    expect(back.entries.map((e) => e.name)).toEqual(specs.map((e) => e.name));
    expect(Buffer.from(readEntry(back, back.entries[700]!)).toString()).toBe('replaced');
    expect(Buffer.from(readEntry(back, back.entries[1499]!)).toString()).toBe('entry 1499');
  });

  it('KB977203 on an export packed loosely (133:1) writes an archive that reads back, rather than one its own check refuses', async () => {
    const base = readFileSync('examples/replace-restore.object.xml', 'utf8');
    const object = `${base}<!--${repetitive}-->`;
    const zip = makeZip([{ name: PART, data: object, level: 1 }]);
    expect(() => readExportZip(zip)).not.toThrow();
    const m = memoryIo({ 'loose.zip': zip });
    expect(await main(['kb977203', 'loose.zip', '-o', 'out.zip', '--certfix-package', 'ABC00010', '--scenario', 'replace-restore', '--force'], m.io), m.stderr).toBe(0);
    expect(m.writes).toEqual(['out.zip']);
    expect(readExportZip(m.fs.get('out.zip') as Uint8Array).sequences[0]!.doc.properties().DependentProgram).toBe('ABC00010;;CCMCertFix');
  });
});

describe('writeZip refuses, before writing, an archive its reader would refuse', () => {
  const zip = () => readZip(makeZip([{ name: 'a.xml', data: '<a/>' }, { name: 'b.txt', data: 'kept kept kept' }]));

  it('a replaced part over maxEntrySize: ZIP_UNSAFE from writeZip, not a written archive whose part cannot be read', () => {
    const big = Buffer.alloc(2048, 'x');
    const e = thrown(() => writeZip(zip(), new Map([['a.xml', big]]), { maxEntrySize: 2047 }));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('Entry a.xml would be 2048 bytes once replaced; the limit is 2047 (maxEntrySize)');
    // At the limit it is written, and reads back under the same limits.
    const out = writeZip(zip(), new Map([['a.xml', big.subarray(0, 2047)]]), { maxEntrySize: 2047 });
    const back = readZip(out, { maxEntrySize: 2047 });
    expect(readEntry(back, back.entries[0]!, { maxEntrySize: 2047 }).length).toBe(2047);
  });

  it('entries declaring more than maxTotalSize once replaced: ZIP_UNSAFE, where the reader would refuse the directory', () => {
    // b.txt keeps its 14 bytes; a.xml grows to 100: 114 in all.
    const limits = { maxTotalSize: 113 };
    const e = thrown(() => writeZip(zip(), new Map([['a.xml', Buffer.alloc(100, 'y')]]), limits));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('more than 113 bytes uncompressed (maxTotalSize)');
    const out = writeZip(zip(), new Map([['a.xml', Buffer.alloc(99, 'y')]]), limits);
    expect(readZip(out, limits).entries.map((x) => x.size)).toEqual([99, 14]);
  });
});
