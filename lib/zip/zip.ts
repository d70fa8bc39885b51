/**
 * ZIP archives, as far as the Current Branch task sequence export needs them: read the central directory, check
 * every entry, inflate the few parts we edit, and write the archive back with every other entry's bytes (local
 * header, compressed data, descriptor, central record) copied as they were. No common JS zip writer copies an
 * entry's compressed bytes without recompressing them, which is why this writer is our own; inflate and deflate
 * are Node's zlib.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { limitOption, TaskSequenceError } from '../errors.js';
import { endRecordsIn } from './end-record.js';
import { checkEntryName, checkExtraFields, entryName } from './entry-names.js';
import { checkLocalAgrees, checkNothingAfterDirectory, checkNothingUnlisted } from './local-records.js';

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
export function ratioLimit(limits: ZipLimits): number {
  const maxRatio = limits.maxRatio ?? 200;
  // Below 1 even a stored entry (1:1) over 1 MiB would be refused, so no archive with one could be read or written.
  if (!(Number.isFinite(maxRatio) && maxRatio >= 1)) throw new TaskSequenceError('INVALID_ARGUMENT', `maxRatio must be a number of at least 1, not ${String(maxRatio)}.`);
  return maxRatio;
}

/** Whether an entry unpacks to more than `maxRatio` × its packed size, counted only for entries over 1 MiB. */
export const overRatio = (size: number, compressedSize: number, maxRatio: number): boolean => size > 1024 * 1024 && size > compressedSize * maxRatio;

/** Throws `ZIP_INVALID`. */
export const fail = (message: string): never => {
  throw new TaskSequenceError('ZIP_INVALID', message);
};
/** Throws `ZIP_UNSAFE`. */
export const unsafe = (message: string): never => {
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
    const names = checkExtraFields(buf.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen), name, buf.subarray(at + 46, at + 46 + nameLen), flags);
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
    if (localOffset + 30 + lName + lExtra > cdOffset) fail(`The local header of ${name} is damaged.`);
    // Compared as bytes, not decoded again: both decodings are one to one, and the UTF-8 flags are compared below.
    if (buf.compare(buf, at + 46, at + 46 + nameLen, localOffset + 30, localOffset + 30 + lName) !== 0) fail(`The local header of ${name} names another entry.`);
    if (buf.readUInt32LE(localOffset + 18) === 0xffffffff || buf.readUInt32LE(localOffset + 22) === 0xffffffff) fail(`Entry ${name} needs ZIP64, which is not supported.`);
    // A reader that streams the archive from the front goes by the local header alone: it must name the same file
    // (a Unicode path field there too) and describe the same data, or that reader extracts another archive.
    const localNames = checkExtraFields(buf.subarray(localOffset + 30 + lName, localOffset + 30 + lName + lExtra), name, buf.subarray(localOffset + 30, localOffset + 30 + lName), buf.readUInt16LE(localOffset + 6));
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
  checkNothingAfterDirectory(buf, at, eocd);
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
