/**
 * The end of central directory record, as a reader finds it and as the writer makes sure it is found: from the back,
 * the one record whose comment reaches exactly to the end of the file.
 */
import { TaskSequenceError } from '../errors.js';

/** How far from the end of a file an end record can start: itself (22 bytes) and the longest comment. */
export const END_WINDOW = 22 + 65535;

/**
 * Offsets in the file of every end record that ends it (its comment length reaches exactly to the end): a reader
 * takes the archive only when there is one. `tail` holds the file's last bytes — at least {@link END_WINDOW}, or all.
 */
export function endRecordsIn(tail: Buffer, fileLength: number): number[] {
  const base = fileLength - tail.length;
  const found: number[] = [];
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - END_WINDOW); i--) {
    if (tail.readUInt32LE(i) === 0x06054b50 && base + i + 22 + tail.readUInt16LE(i + 20) === fileLength) found.push(base + i);
  }
  return found;
}

const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * Whether `bytes` end with an end record on disk 0 (a zip archive, whatever stands before its first entry: a
 * self-extractor's stub, a damaged header). Well-formed XML never does: the record's disk numbers are zero bytes (a
 * NUL in UTF-16) and its signature holds 0x05 and 0x06 (control characters XML forbids in UTF-8). Only the last bytes
 * a record can start in are searched, so a large input costs no more than a small one.
 */
export function endsWithEndRecord(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return false;
  const tail = buf.subarray(Math.max(0, buf.length - END_WINDOW));
  for (let i = tail.lastIndexOf(END_SIGNATURE, tail.length - 22); i >= 0; i = i === 0 ? -1 : tail.lastIndexOf(END_SIGNATURE, i - 1)) {
    if (i + 22 + tail.readUInt16LE(i + 20) === tail.length && tail.readUInt32LE(i + 4) === 0) return true;
  }
  return false;
}

/**
 * Whether bytes look like a zip archive: they start with a local header (or an empty archive's end record), or an end
 * record ends them, as it does an archive behind a self-extractor's stub or one whose first header is damaged. What
 * the command line reads as an archive, and what readTaskSequence refuses, naming readExportZip.
 */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) || endsWithEndRecord(bytes);
}

/** The last `n` bytes of the concatenation of `parts` (fewer if they hold fewer). */
function lastBytes(parts: readonly Buffer[], n: number): Buffer {
  const out: Buffer[] = [];
  for (let i = parts.length - 1; i >= 0 && n > 0; i--) {
    const p = parts[i] as Buffer;
    out.unshift(p.length > n ? p.subarray(p.length - n) : p);
    n -= Math.min(n, p.length);
  }
  return Buffer.concat(out);
}

/**
 * How many zero bytes go between the entries and the central directory so that the end record is the only one that
 * ends the file. Bytes copied from an entry can look like an end record (a reader refuses two), and where they stand
 * from the end moves when an entry before the directory changes size: the input read, yet the archive written from it
 * would not. A gap is unreferenced, so every reader skips it; a few bytes usually move the look-alike off the end, and
 * a gap as long as the window a reader searches always does, unless the look-alike is in the directory itself.
 * `cdStart` is where the directory `cd` starts with no gap; `eocd` is the end record, its directory offset written.
 */
export function unambiguousGap(entries: readonly Buffer[], cd: Buffer, eocd: Buffer, cdStart: number): number {
  const after = cd.length + eocd.length;
  // Only the file's last END_WINDOW bytes are searched, so only the directory's last ones are copied for each try.
  const cdTail = cd.subarray(Math.max(0, cd.length - END_WINDOW));
  const fits = (pad: number): boolean => {
    eocd.writeUInt32LE(cdStart + pad, 16);
    const tail = Buffer.concat([lastBytes(entries, Math.max(0, END_WINDOW - pad - after)), Buffer.alloc(Math.max(0, Math.min(pad, END_WINDOW - after))), cdTail, eocd]);
    return endRecordsIn(tail, cdStart + pad + after).length === 1;
  };
  for (let pad = 0; pad < 32; pad++) if (fits(pad)) return pad;
  if (fits(END_WINDOW)) return END_WINDOW;
  throw new TaskSequenceError('ZIP_INVALID', 'The archive cannot be written with one end record: bytes of its central directory read as another.');
}
