// Review 11 of the export .zip: a central directory with a record its end record does not count (dropped by an
// edit, though other readers list it), writeZip given an entry it does not have (the edit silently lost), and a limit
// of NaN (every size check it names turned off), a ReferencesInfo.xml written on one line (read in quadratic time),
// and an entry in a compression method cmts does not inflate (which stopped every edit of the archive).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { readEntry, readExportZip, readZip, writeExportZip, writeZip } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';
import { cpuMs } from './helpers/cpu-time.js';

const EXPORT = readFileSync('test/fixtures/zip/export.zip');

/** `zip` with its end record counting `count` entries (on this disk and in all). */
function withCount(zip: Buffer, count: number): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  out.writeUInt16LE(count, eocd + 8);
  out.writeUInt16LE(count, eocd + 10);
  return out;
}

describe('export .zip review 11', () => {
  it('a central directory record the end record does not count is refused, not dropped from an edited archive', async () => {
    const entries = readZip(EXPORT).entries.map((e) => ({ name: e.name, data: Buffer.from(readEntry(readZip(EXPORT), e)) }));
    // Six records in the directory, five counted: Python's zipfile and Info-ZIP list hidden.txt, .NET refuses it.
    const hidden = withCount(makeZip([...entries, { name: 'hidden.txt', data: 'kept by every other reader' }]), entries.length);
    const e = thrown(() => readZip(hidden));
    expect(e.code).toBe('ZIP_INVALID');
    expect(e.message).toMatch(/central directory/);
    // And a count past the records is refused as before.
    expect(thrown(() => readZip(withCount(makeZip(entries), entries.length + 1))).code).toBe('ZIP_INVALID');
    // The CLI writes nothing for it (it used to write the archive without hidden.txt, exit 0).
    const m = memoryIo({ 'hidden.zip': hidden, 'ref.json': '{"packageId": "ABC00010", "packageType": 0}' });
    expect(await main(['transform', 'add-reference', 'hidden.zip', '--options', 'ref.json', '-o', 'out.zip'], m.io)).toBe(1);
    expect(m.writes).toEqual([]);
    expect(m.stderr).toMatch(/hidden\.zip: ZIP_INVALID The central directory/);
    // A sound archive still reads.
    expect(readZip(makeZip(entries)).entries).toHaveLength(entries.length);
  });

  it('writeZip refuses a replacement for an entry the archive does not have, instead of writing the archive unedited', () => {
    const zip = readZip(EXPORT);
    const typo = thrown(() => writeZip(zip, new Map([['manifest.xml', Buffer.from('<x/>')]])));
    expect(typo.code).toBe('INVALID_ARGUMENT');
    expect(typo.message).toContain('"Manifest.xml"');
    expect(thrown(() => writeZip(zip, new Map([['nothing.xml', Buffer.from('<x/>')]]))).code).toBe('INVALID_ARGUMENT');
    // An entry of another read of the archive is not one of this one's.
    const other = readZip(EXPORT).entries[2];
    if (!other) throw new Error('the fixture has no third entry');
    expect(thrown(() => writeZip(zip, new Map([[other, Buffer.from('<x/>')]]))).code).toBe('INVALID_ARGUMENT');
    // The exact name, or the entry itself, is replaced.
    const out = writeZip(zip, new Map([['Manifest.xml', Buffer.from('<x/>')]]));
    const back = readZip(out);
    const manifest = back.entries.find((e) => e.name === 'Manifest.xml');
    if (!manifest) throw new Error('Manifest.xml is gone');
    expect(Buffer.from(readEntry(back, manifest)).toString()).toBe('<x/>');
  });

  it('a limit of NaN (or another non-number) is INVALID_ARGUMENT, not a size check turned off', () => {
    const big = makeZip([{ name: 'big.txt', data: Buffer.alloc(4096, 0x20) }]);
    const zip = readZip(big);
    const entry = zip.entries[0];
    if (!entry) throw new Error('no entry');
    expect(thrown(() => readEntry(zip, entry, { maxEntrySize: 1024 })).code).toBe('ZIP_UNSAFE');
    expect(thrown(() => readEntry(zip, entry, { maxEntrySize: Number.NaN })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => readZip(big, { maxTotalSize: Number.NaN })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => readZip(big, { maxEntries: Number.NaN })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => readZip(big, { maxRatio: Number.NaN })).code).toBe('INVALID_ARGUMENT');
    // Below 1 a stored entry over 1 MiB, which the writer falls back to, would be refused too.
    expect(thrown(() => readZip(big, { maxRatio: 0.5 })).message).toBe('maxRatio must be a number of at least 1, not 0.5.');
    expect(thrown(() => writeZip(zip, new Map(), { maxRatio: 0.5 })).code).toBe('INVALID_ARGUMENT');
    expect(readZip(big, { maxRatio: 1 }).entries).toHaveLength(1);
    // maxBytes bounds each object.xml before it is inflated: NaN let a part of any size through to the parser.
    expect(thrown(() => readExportZip(EXPORT, { maxBytes: Number.NaN })).code).toBe('INVALID_ARGUMENT');
    expect(readExportZip(EXPORT, { maxBytes: 1 << 20 }).sequences).toHaveLength(1);
  });

  it('a ReferencesInfo.xml of many items on one line reads in linear time (it took minutes a megabyte)', () => {
    const zip = readZip(EXPORT);
    const parts = zip.entries.map((e) => ({ name: e.name, data: Buffer.from(readEntry(zip, e)) }));
    // 2 MiB of items on one line: the search back for each item's line start made this about two minutes.
    const line = `<ArrayOfString>${'<string>x</string>'.repeat(120_000)}</ArrayOfString>`;
    const big = makeZip(parts.map((p) => (p.name.endsWith('/ReferencesInfo.xml') ? { ...p, data: line, stored: true } : p)));
    const { ms, result: x } = cpuMs(() => readExportZip(big));
    expect(ms).toBeLessThan(30_000);
    expect(Buffer.from(writeExportZip(x)).equals(big)).toBe(true);
  });

  it('an entry in a compression method cmts does not inflate is copied as it was, not a reason to refuse the edit', async () => {
    const zip = readZip(EXPORT);
    const parts = zip.entries.map((e) => ({ name: e.name, data: Buffer.from(readEntry(zip, e)) }));
    const notes = 'SMS_TaskSequencePackage/CM100031/notes.bin';
    const archive = makeZip([...parts, { name: notes, data: 'BZh91AY&SY (bzip2 data, as 7-Zip writes it)', stored: true }]);
    // Method 12 (bzip2) in both headers of the last entry.
    const entry = readZip(archive).entries.find((e) => e.name === notes);
    if (!entry) throw new Error('no notes.bin');
    archive.writeUInt16LE(12, entry.localOffset + 8);
    archive.writeUInt16LE(12, entry.centralOffset + 10);
    const x = readExportZip(archive);
    expect(Buffer.from(writeExportZip(x)).equals(archive)).toBe(true);
    const m = memoryIo({ 'bz.zip': archive, 'ref.json': '{"packageId": "ABC00010", "packageType": 0}' });
    expect(await main(['transform', 'add-reference', 'bz.zip', '--options', 'ref.json', '-o', 'out.zip'], m.io)).toBe(0);
    const written = m.fs.get('out.zip');
    if (!written) throw new Error('nothing written');
    const out = readZip(written);
    const copied = out.entries.find((e) => e.name === notes);
    if (!copied) throw new Error('notes.bin is gone');
    // Its local header, data, and central record, byte for byte.
    expect(Buffer.from(written.subarray(copied.localOffset, copied.localEnd)).equals(archive.subarray(entry.localOffset, entry.localEnd))).toBe(true);
    expect(copied.method).toBe(12);
    // A part cmts reads in such a method is still refused, with what is wrong.
    expect(thrown(() => readEntry(out, copied)).message).toMatch(/compression method 12/);
  });
});
