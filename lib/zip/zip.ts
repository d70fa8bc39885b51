/**
 * ZIP archives, as far as the Current Branch task sequence export needs them: read the central directory, check
 * every entry, inflate the few parts we edit, and write the archive back with every other entry's bytes (local
 * header, compressed data, descriptor, central record) copied as they were. No common JS zip writer copies an
 * entry's compressed bytes without recompressing them, which is why this writer is our own; inflate and deflate
 * are Node's zlib.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { limitOption, TaskSequenceError } from '../errors.js';
import { endRecordsIn, unambiguousGap } from './end-record.js';
import { checkEntryName, checkExtraFields, entryName, nameKey } from './entry-names.js';
import { minOf } from '../arrays.js';
import { checkLocalAgrees, checkNothingUnlisted } from './local-records.js';

export { checkEntryName } from './entry-names.js';

/** The largest archive file cmts reads: 1 GiB, the same as the default {@link ZipLimits.maxTotalSize}. */
export const DEFAULT_MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;

/** The default {@link ZipLimits.maxEntrySize}: 64 MiB. */
export const DEFAULT_MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** Limits that keep a hostile archive from costing more than a real export could. */
export interface ZipLimits {
  /** Largest uncompressed size of one entry we inflate; default 64 MiB. */
  maxEntrySize?: number;
  /** Largest sum of declared uncompressed sizes; default 1 GiB. */
  maxTotalSize?: number;
  /** Largest uncompressed / compressed ratio of an entry over 1 MiB; default 200, at least 1. */
  maxRatio?: number;
  /** Most entries; default 10,000. */
  maxEntries?: number;
}

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's central directory record. */
  centralOffset: number;
  centralLength: number;
  /** Offset of its local header, and of the end of its data (and descriptor). */
  localOffset: number;
  localEnd: number;
  dataOffset: number;
}

/** A read archive. */
export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  eocdOffset: number;
}

/** {@link ZipLimits.maxRatio}, checked as every limit is. */
function ratioLimit(limits: ZipLimits): number {
  const maxRatio = limits.maxRatio ?? 200;
  // Below 1 even a stored entry (1:1) over 1 MiB would be refused, so no archive with one could be read or written.
  if (!(Number.isFinite(maxRatio) && maxRatio >= 1)) throw new TaskSequenceError('INVALID_ARGUMENT', `maxRatio must be a number of at least 1, not ${String(maxRatio)}.`);
  return maxRatio;
}

/** Whether an entry unpacks to more than `maxRatio` × its packed size, counted only for entries over 1 MiB. */
const overRatio = (size: number, compressedSize: number, maxRatio: number): boolean => size > 1024 * 1024 && size > compressedSize * maxRatio;

const fail = (message: string): never => {
  throw new TaskSequenceError('ZIP_INVALID', message);
};
const unsafe = (message: string): never => {
  throw new TaskSequenceError('ZIP_UNSAFE', message);
};

/** Reads and checks an archive's directory (no entry is inflated here). */
export function readZip(bytes: Uint8Array, limits: ZipLimits = {}): ZipArchive {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Checked, as every other limit of the API is: NaN (a limit read from an unset variable) compares false with
  // every size, so it would turn the check it names off rather than fail.
  const maxEntries = limitOption('maxEntries', limits.maxEntries, 10_000);
  const maxTotal = limitOption('maxTotalSize', limits.maxTotalSize, DEFAULT_MAX_ARCHIVE_BYTES);
  const maxRatio = ratioLimit(limits);
  // The end record is found from the back; a comment can hold bytes that look like one, so only a record whose
  // comment length reaches exactly to the end of the file counts, and two such records are refused as ambiguous.
  const found = endRecordsIn(buf, buf.length);
  if (found.length === 0) fail('Not a zip archive, or a damaged one: no end of central directory record that ends the file.');
  if (found.length > 1) fail('The archive has more than one end of central directory record (one hidden in the comment?).');
  const eocd = found[0] as number;
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) fail('ZIP64 archives are not supported (a task sequence export never needs one).');
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) fail('ZIP64 archives are not supported (a task sequence export never needs one).');
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 8) !== total) fail('Multi-disk archives are not supported.');
  if (total > maxEntries) unsafe(`The archive declares ${total} entries; the limit is ${maxEntries}.`);
  if (cdOffset + cdSize > eocd) fail('The central directory runs past its end record.');
  if (total === 0 && buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) fail('The end record lists no entries, yet the archive starts with one.');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  let declared = 0;
  // Each name key, with the entry name that first had it: a refusal names both entries, which may differ in more
  // than case.
  const seen = new Map<string, string>();
  for (let n = 0; n < total; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== 0x02014b50) fail(`Central directory record ${n + 1} is damaged.`);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    if (at + 46 + nameLen + extraLen + commentLen > eocd) fail(`Central directory record ${n + 1} is damaged.`);
    const name = entryName(buf, at + 46, at + 46 + nameLen, flags);
    checkEntryName(name);
    const names = checkExtraFields(buf.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen), name);
    for (const key of names) {
      const first = seen.get(key);
      if (first !== undefined) {
        const both = first === name ? JSON.stringify(name) : `${JSON.stringify(first)} and ${JSON.stringify(name)}`;
        unsafe(`Two entries are named ${both} (names are compared as Windows does, ignoring case, '.' and empty segments, and trailing dots and spaces): which one is meant is ambiguous.`);
      }
      seen.set(key, name);
    }
    if (flags & 0x1) unsafe(`Entry ${name} is encrypted.`);
    if (compressedSize === 0xffffffff || size === 0xffffffff) fail(`Entry ${name} needs ZIP64, which is not supported.`);
    declared += size;
    if (declared > maxTotal) unsafe(`The entries declare more than ${maxTotal} bytes uncompressed.`);
    if (overRatio(size, compressedSize, maxRatio)) unsafe(`Entry ${name} declares ${size} bytes from ${compressedSize}: a ratio over ${maxRatio} (a zip bomb?).`);
    if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== 0x04034b50) fail(`The local header of ${name} is damaged.`);
    const lName = buf.readUInt16LE(localOffset + 26);
    const lExtra = buf.readUInt16LE(localOffset + 28);
    if (entryName(buf, localOffset + 30, localOffset + 30 + lName, flags) !== name) fail(`The local header of ${name} names another entry.`);
    if (buf.readUInt32LE(localOffset + 18) === 0xffffffff || buf.readUInt32LE(localOffset + 22) === 0xffffffff) fail(`Entry ${name} needs ZIP64, which is not supported.`);
    if (localOffset + 30 + lName + lExtra > cdOffset) fail(`The local header of ${name} is damaged.`);
    // A reader that streams the archive from the front goes by the local header alone: it must name the same file
    // (a Unicode path field there too) and describe the same data, or that reader extracts another archive.
    const localNames = checkExtraFields(buf.subarray(localOffset + 30 + lName, localOffset + 30 + lName + lExtra), name);
    if (localNames.some((k) => !names.includes(k))) unsafe(`The local header of ${name} gives it another name (a Unicode path field the central directory does not have).`);
    const dataOffset = localOffset + 30 + lName + lExtra;
    let localEnd = dataOffset + compressedSize;
    if (flags & 0x8) localEnd += localEnd + 4 <= cdOffset && buf.readUInt32LE(localEnd) === 0x08074b50 ? 16 : 12;
    if (localEnd > cdOffset) fail(`The data of ${name} runs into the central directory.`);
    checkLocalAgrees(buf, { name, flags, method, crc, compressedSize, size, localOffset, localEnd });
    const centralLength = 46 + nameLen + extraLen + commentLen;
    entries.push({ name, method, flags, crc, compressedSize, size, centralOffset: at, centralLength, localOffset, localEnd, dataOffset });
    at += centralLength;
  }
  // Records past the counted ones (or a count that runs past the directory) are entries another reader lists and
  // .NET's refuses; an edited archive, rebuilt from the counted records, would silently drop the others.
  if (at !== cdOffset + cdSize) fail(`The central directory is ${cdSize} bytes, but its ${total} records the end record counts take ${at - cdOffset}: the two disagree on what the archive holds.`);
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    if ((byOffset[i] as ZipEntry).localOffset < (byOffset[i - 1] as ZipEntry).localEnd) unsafe('Entries overlap (a zip bomb?).');
  }
  checkNothingUnlisted(buf, byOffset, cdOffset);
  return { bytes, entries, eocdOffset: eocd };
}

/** An entry's uncompressed bytes, checked against its declared size and CRC. */
export function readEntry(zip: ZipArchive, entry: ZipEntry, limits: ZipLimits = {}): Uint8Array {
  const max = limitOption('maxEntrySize', limits.maxEntrySize, DEFAULT_MAX_ENTRY_BYTES);
  if (entry.size > max) unsafe(`Entry ${entry.name} is ${entry.size} bytes; the limit is ${max}.`);
  const raw = Buffer.from(zip.bytes.buffer, zip.bytes.byteOffset + entry.dataOffset, entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = Buffer.from(raw);
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      return fail(`Entry ${entry.name} does not inflate to its declared ${entry.size} bytes: ${(e as Error).message}.`);
    }
  } else return fail(`Entry ${entry.name} uses compression method ${entry.method}; only stored and deflate are supported.`);
  if (data.length !== entry.size || crc32(data) !== entry.crc) fail(`Entry ${entry.name} does not match its declared size and CRC.`);
  return data;
}

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
