/**
 * What a reader that streams an archive from the front sees, checked against the central directory: each listed
 * entry's local header must say what its central record says, and no bytes before the directory may hold an entry
 * the directory does not list. Such a reader would otherwise extract another archive than the one cmts checked.
 */
import { TaskSequenceError } from '../errors.js';

/** An entry of the central directory, as far as its local record is checked: where it is and what it declares. */
export interface LocalRecord {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of its local header, and of the end of its data (and descriptor). */
  localOffset: number;
  localEnd: number;
}

/** The signature a local header starts with, `PK\x03\x04`. */
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const unsafe = (message: string): never => {
  throw new TaskSequenceError('ZIP_UNSAFE', message);
};

/**
 * Refuses bytes before the central directory that no listed entry holds: a local entry the directory does not list
 * (`../../evil.ps1`) is extracted by a reader that streams the archive from the front, unchecked here, and an
 * archive written back from the listed entries would drop it without a word. Zero bytes between the entries and the
 * directory are let be (this writer puts them there: see `unambiguousGap`), and so is a prefix before the first entry
 * (a self-extractor's stub, copied as it is) that holds no local header.
 */
export function checkNothingUnlisted(buf: Buffer, byOffset: readonly LocalRecord[], cdOffset: number): void {
  const hidden = (at: number): never => unsafe(`The archive holds bytes at offset ${at} that its central directory does not list (an entry hidden from it?): a reader that streams the archive from the front would extract another archive.`);
  let end = byOffset[0]?.localOffset ?? cdOffset;
  const local = buf.subarray(0, end).indexOf(LOCAL_HEADER);
  if (local !== -1) hidden(local);
  const gap = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (buf[i] !== 0) hidden(i);
  };
  for (const e of byOffset) {
    gap(end, e.localOffset);
    end = e.localEnd;
  }
  gap(end, cdOffset);
}

/**
 * Refuses bytes between the end of the central directory and the end record, which the directory's size does not
 * cover (a ZIP64 end record left without its locator, a signature, an entry put there): no record lists them, so an
 * archive written back from the records would drop them without a word. Zero bytes, which hold nothing, are let be.
 */
export function checkNothingAfterDirectory(buf: Buffer, cdEnd: number, eocdOffset: number): void {
  for (let i = cdEnd; i < eocdOffset; i++) {
    if (buf[i] !== 0) unsafe(`The archive holds bytes at offset ${i}, between its central directory and its end record, that no entry holds (a ZIP64 record, a signature, an entry hidden there?): an archive written back would lose them.`);
  }
}

/**
 * Refuses an entry whose local header (or data descriptor) says another thing than its central record: the flags
 * that change how it reads (encrypted, descriptor, UTF-8 name), its method, and its CRC and sizes. With a data
 * descriptor the local header may leave the CRC and sizes 0, and the descriptor holds them.
 */
export function checkLocalAgrees(buf: Buffer, e: LocalRecord): void {
  const at = e.localOffset;
  const disagree = (what: string): never => unsafe(`The local header of ${e.name} gives another ${what} than the central directory: readers would extract different data.`);
  if ((buf.readUInt16LE(at + 6) & 0x809) !== (e.flags & 0x809)) disagree('flags');
  if (buf.readUInt16LE(at + 8) !== e.method) disagree('compression method');
  const declared = [e.crc, e.compressedSize, e.size];
  const local = [buf.readUInt32LE(at + 14), buf.readUInt32LE(at + 18), buf.readUInt32LE(at + 22)];
  const descriptor = e.flags & 0x8;
  if (local.some((v, i) => v !== declared[i] && !(descriptor && v === 0))) disagree('CRC or size');
  if (descriptor) {
    const d = e.localEnd - 12;
    if (buf.readUInt32LE(d) !== e.crc || buf.readUInt32LE(d + 4) !== e.compressedSize || buf.readUInt32LE(d + 8) !== e.size) {
      unsafe(`The data descriptor of ${e.name} gives another CRC or size than the central directory: readers would extract different data.`);
    }
  }
}
