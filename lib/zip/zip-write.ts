/**
 * Writing an export archive back: every entry not replaced is copied byte for byte (local header, compressed data,
 * descriptor, central record) after its CRC is checked; a replaced one is deflated again (or stored, past the ratio a
 * reader refuses). Split from zip.ts, which reads.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { limitOption, TaskSequenceError } from '../errors.js';
import { minOf } from '../arrays.js';
import { unambiguousGap } from './end-record.js';
import { nameKey } from './entry-names.js';
import { DEFAULT_MAX_ARCHIVE_BYTES, DEFAULT_MAX_ENTRY_BYTES, fail, overRatio, ratioLimit, readEntry, unsafe, type ZipArchive, type ZipEntry, type ZipLimits } from './zip.js';

/**
 * Checks that every entry not in `replaced` still matches its CRC, so a damaged part is never copied into a new
 * archive as if it were sound. Entries over `maxEntrySize` (default 64 MiB), and entries in a compression method cmts
 * does not inflate (bzip2, LZMA, Deflate64…: never a part it reads), are not inflated and so not checked: they are
 * copied as they were, as every reader that can inflate them will check them.
 */
export function verifyCopiedEntries(zip: ZipArchive, replaced: ReadonlySet<ZipEntry>, limits: ZipLimits = {}): void {
  const max = limitOption('maxEntrySize', limits.maxEntrySize, DEFAULT_MAX_ENTRY_BYTES);
  for (const e of zip.entries) {
    if (replaced.has(e) || e.size > max || e.name.endsWith('/') || (e.method !== 0 && e.method !== 8)) continue;
    readEntry(zip, e, limits);
  }
}

/**
 * Refuses, before anything is written, an archive that the reader would refuse under the same limits once these
 * contents replace its entries: a part over `maxEntrySize` (a read of it is refused), entries that declare more than
 * `maxTotalSize` in all, or offsets and sizes past the 4 GiB of a zip without ZIP64, which this reader does not read
 * (and a 32-bit field cannot hold). The ratio needs no check: a part that would deflate past it is stored.
 */
function checkReadable(zip: ZipArchive, contentOf: (e: ZipEntry) => Uint8Array | undefined, limits: ZipLimits): void {
  const maxEntry = limitOption('maxEntrySize', limits.maxEntrySize, DEFAULT_MAX_ENTRY_BYTES);
  const maxTotal = limitOption('maxTotalSize', limits.maxTotalSize, DEFAULT_MAX_ARCHIVE_BYTES);
  let declared = 0;
  // The archive written is at most its bytes now plus each replaced part as deflate may grow it (zlib's deflateBound
  // is about size / 4096 more): a bound for its offsets.
  let written = zip.bytes.length;
  for (const e of zip.entries) {
    const content = contentOf(e);
    const size = content === undefined ? e.size : content.length;
    if (content !== undefined) {
      if (size > maxEntry) unsafe(`Entry ${e.name} would be ${size} bytes once replaced; the limit is ${maxEntry} (maxEntrySize), so the archive written could not be read back.`);
      written += size + (size >> 11) + 64;
    }
    declared += size;
    if (declared > maxTotal) unsafe(`Once replaced, the entries would declare more than ${maxTotal} bytes uncompressed (maxTotalSize), so the archive written could not be read back.`);
  }
  // A gap before the directory (see unambiguousGap) is at most a search window: 64 KiB and an end record.
  if (written + 0x10000 + 22 >= 0xffffffff) fail(`Once replaced, the archive would need ZIP64 (over 4 GiB), which is not supported.`);
}

/**
 * The archive with some entries' contents replaced, keyed by the entry itself (or by its name, which
 * {@link readZip} guarantees is unique). Every other entry is copied byte for byte, in the same order, with the same
 * names, extra fields, times and comments, after its CRC is checked ({@link verifyCopiedEntries}); with no
 * replacement the input bytes come back. A key that is no entry of `zip` (a name spelt otherwise, an entry of
 * another archive) is `INVALID_ARGUMENT`: this writer replaces entries, it never adds one.
 */
export function writeZip(zip: ZipArchive, replace: ReadonlyMap<ZipEntry | string, Uint8Array>, limits: ZipLimits = {}): Uint8Array {
  const contentOf = (e: ZipEntry): Uint8Array | undefined => replace.get(e) ?? replace.get(e.name);
  // Checked first: a key that matched nothing was skipped, and the caller's edit silently lost.
  const entries = new Set<ZipEntry | string>(zip.entries);
  for (const e of zip.entries) entries.add(e.name);
  for (const key of replace.keys()) {
    if (entries.has(key)) continue;
    const name = typeof key === 'string' ? key : key.name;
    const like = zip.entries.find((e) => nameKey(e.name) === nameKey(name));
    const hint = like === undefined ? '' : typeof key === 'string' ? ` (the archive has ${JSON.stringify(like.name)}: names are matched exactly)` : ' (an entry of another archive, or of another read of it)';
    throw new TaskSequenceError('INVALID_ARGUMENT', `Entry ${JSON.stringify(name)} to replace is not in the archive${hint}; writeZip replaces entries, it adds none.`);
  }
  verifyCopiedEntries(zip, new Set(zip.entries.filter((e) => contentOf(e) !== undefined)), limits);
  const maxRatio = ratioLimit(limits);
  if (replace.size === 0) return zip.bytes;
  checkReadable(zip, contentOf, limits);
  const src = Buffer.from(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength);
  const parts: Buffer[] = [];
  const firstLocal = zip.entries.length ? minOf(zip.entries.map((e) => e.localOffset)) : 0;
  let offset = 0;
  if (zip.entries.length && firstLocal > 0) {
    parts.push(src.subarray(0, firstLocal));
    offset = firstLocal;
  }
  const newOffset = new Map<ZipEntry, number>();
  const newMeta = new Map<ZipEntry, { crc: number; csize: number; size: number; flags: number; method: number }>();
  for (const e of [...zip.entries].sort((a, b) => a.localOffset - b.localOffset)) {
    newOffset.set(e, offset);
    const content = contentOf(e);
    if (content === undefined) {
      const rec = src.subarray(e.localOffset, e.localEnd);
      parts.push(rec);
      offset += rec.length;
      continue;
    }
    // Very repetitive XML (thousands of identical steps) can deflate past the ratio a reader refuses as a likely zip
    // bomb — this one included, with the same limits — so such an entry is stored instead: every reader takes it, and
    // it costs no more than its own size, which the limits already allowed.
    const deflated = e.method === 8 ? deflateRawSync(content) : undefined;
    const method = deflated && !overRatio(content.length, deflated.length, maxRatio) ? 8 : 0;
    const data = method === 8 ? (deflated as Buffer) : Buffer.from(content);
    const header = Buffer.from(src.subarray(e.localOffset, e.dataOffset));
    const flags = e.flags & ~0x8; // sizes go in the header now, so no data descriptor
    const meta = { crc: crc32(content), csize: data.length, size: content.length, flags, method };
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(meta.crc, 14);
    header.writeUInt32LE(meta.csize, 18);
    header.writeUInt32LE(meta.size, 22);
    newMeta.set(e, meta);
    parts.push(header, data);
    offset += header.length + data.length;
  }
  const cdStart = offset;
  const entriesEnd = parts.length;
  for (const e of zip.entries) {
    const rec = Buffer.from(src.subarray(e.centralOffset, e.centralOffset + e.centralLength));
    rec.writeUInt32LE(newOffset.get(e) as number, 42);
    const meta = newMeta.get(e);
    if (meta) {
      rec.writeUInt16LE(meta.flags, 8);
      rec.writeUInt16LE(meta.method, 10);
      rec.writeUInt32LE(meta.crc, 16);
      rec.writeUInt32LE(meta.csize, 20);
      rec.writeUInt32LE(meta.size, 24);
    }
    parts.push(rec);
    offset += rec.length;
  }
  const eocd = Buffer.from(src.subarray(zip.eocdOffset));
  eocd.writeUInt32LE(offset - cdStart, 12);
  const pad = unambiguousGap(parts.slice(0, entriesEnd), Buffer.concat(parts.slice(entriesEnd)), eocd, cdStart);
  eocd.writeUInt32LE(cdStart + pad, 16);
  if (pad > 0) parts.splice(entriesEnd, 0, Buffer.alloc(pad));
  parts.push(eocd);
  return Buffer.concat(parts);
}
