/**
 * Reading an input without trusting its size: a regular file is measured before a byte is read; anything else
 * (standard input, a pipe, a device such as /dev/zero) is read in chunks and refused as soon as it passes the limit,
 * so an endless input costs at most the limit in memory. An export .zip may be larger than --max-bytes (its parts are
 * held to it once unpacked), a file or a stream alike, behind a self-extractor's stub or not.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TaskSequenceError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../read-limits.js';
import { END_WINDOW, endsWithEndRecord } from '../zip/end-record.js';
import { DEFAULT_MAX_ARCHIVE_BYTES } from '../zip/zip.js';
import { describeErrno } from './describe-errno.js';
import { type FileStamp, stampOf } from './file-stamp.js';

const CHUNK = 1024 * 1024;
/** The buffer that finds a regular file's end (or that it grew), shared by every read. */
let probe: Buffer | undefined;

/**
 * The most bytes an input may have: `maxBytes` (--max-bytes) for a task sequence file; an export .zip (starts with
 * `PK`) may be larger, and its parts are held to `maxBytes` once unpacked.
 */
export function inputLimit(head: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): number {
  return startsLikeArchive(head) ? DEFAULT_MAX_ARCHIVE_BYTES : maxBytes;
}

/** Whether an input's first bytes are `PK`, as an export .zip's are (unless a stub stands before them). */
const startsLikeArchive = (head: Uint8Array): boolean => head[0] === 0x50 && head[1] === 0x4b;

/**
 * Whether a regular file of `size` bytes ends with a zip end record: an archive behind a self-extractor's stub, which
 * does not start with `PK` but is read as the archive it is (see isZip), and so is held to the archive's limit. Only
 * the last bytes a record can start in are read.
 */
function endsLikeArchive(fd: number, size: number): boolean {
  const tail = Buffer.alloc(Math.min(size, END_WINDOW));
  readSync(fd, tail, 0, tail.length, size - tail.length);
  return endsWithEndRecord(tail);
}

/** How messages name standard input; its errors' `file` is `-`, as every other error about it names it. */
const STDIN = '(standard input)';

/** Refuses an input over `limit`, naming the limit: --max-bytes (`maxBytes`, given or not), or an archive's own. */
function tooLarge(label: string, what: string, limit: number, maxBytes = DEFAULT_MAX_BYTES): never {
  const which = limit === maxBytes ? '--max-bytes' : "an export .zip's";
  throw new TaskSequenceError('INPUT_TOO_LARGE', `${label} is ${what}; the limit is ${limit} bytes (${which}).`, { file: label === STDIN ? '-' : label });
}

/** Blocks this thread for `ms` milliseconds (a descriptor that is not ready yet, read or written synchronously). */
export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A local header's signature, `PK\x03\x04`: the first entry of an archive, after a stub if it has one. */
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Whether `chunks`, read in this order, hold a local header's signature (in one chunk, or across chunks). XML text in
 * UTF-8 never does (0x03 and 0x04 are control characters it forbids), nor does a stream of zeros.
 */
function holdsLocalHeader(chunks: readonly Buffer[]): boolean {
  let carry = Buffer.alloc(0);
  for (const c of chunks) {
    if (c.includes(LOCAL_HEADER) || Buffer.concat([carry, c.subarray(0, 3)]).includes(LOCAL_HEADER)) return true;
    const joined = c.length >= 3 ? c : Buffer.concat([carry, c]);
    carry = Buffer.from(joined.subarray(Math.max(0, joined.length - 3)));
  }
  return false;
}

/** Whether `chunks`, read in this order, end with a zip end record; only their last bytes a record can start in are joined. */
function chunksEndWithEndRecord(chunks: readonly Buffer[]): boolean {
  const tail: Buffer[] = [];
  for (let i = chunks.length - 1, n = END_WINDOW; i >= 0 && n > 0; i--) {
    const c = chunks[i] as Buffer;
    tail.unshift(c.length > n ? c.subarray(c.length - n) : c);
    n -= Math.min(n, c.length);
  }
  return endsWithEndRecord(Buffer.concat(tail));
}

/**
 * Reads from `fd` to its end, refusing it (INPUT_TOO_LARGE) once it passes `limit`, or else the limit
 * {@link inputLimit} sets for its first bytes and `maxBytes`. An input that does not start with `PK` but holds a local
 * header by the time it passes `maxBytes` may be an archive behind a self-extractor's stub, which a file is read as
 * (held to the archive's limit, `archiveLimit`) when an end record ends it: it is read on within `archiveLimit`, and
 * kept only if an end record ends it. Any other input passing `maxBytes` is refused there, unread further.
 */
export function readFdBounded(fd: number, label: string, limit?: number, maxBytes = DEFAULT_MAX_BYTES, archiveLimit = DEFAULT_MAX_ARCHIVE_BYTES): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  let max = limit;
  // Whether the input may yet be an archive behind a stub (its limit is maxBytes, set by first bytes that are not
  // `PK`), and whether it is read past maxBytes as one (an end record must then end it).
  let mayBeStub = false;
  let behindStub = false;
  // One read buffer, and a copy of just what each read gave: a pipe gives 64 KiB at a time, and keeping a 1 MiB
  // buffer per read would cost sixteen times the input.
  const buf = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, CHUNK, null);
    } catch (e) {
      // A non-blocking standard input (a terminal, some pipes) says "try again" instead of waiting.
      if ((e as { code?: string }).code === 'EAGAIN') {
        sleep(10);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (max === undefined) {
      mayBeStub = !startsLikeArchive(chunks[0] as Buffer);
      max = mayBeStub ? maxBytes : archiveLimit;
    }
    if (total > max && mayBeStub) {
      // Searched once, when the input first passes maxBytes: what was read by then is at most maxBytes and a chunk.
      mayBeStub = false;
      if (maxBytes < archiveLimit && holdsLocalHeader(chunks)) {
        behindStub = true;
        max = archiveLimit;
      }
    }
    if (total > max) tooLarge(label, `over ${max} bytes (and was not read to its end)`, max, maxBytes);
  }
  if (behindStub && !chunksEndWithEndRecord(chunks)) tooLarge(label, `${total} bytes, and no zip archive (no end record ends it)`, maxBytes, maxBytes);
  return Buffer.concat(chunks, total);
}

/**
 * Reads a regular file of `size` bytes into one buffer of that size (a batch reads thousands: no chunk buffer and no
 * copy per file); a file that grew since it was measured is read on in chunks, still within `limit`.
 */
function readFileBounded(fd: number, label: string, size: number, limit: number, maxBytes?: number): Uint8Array {
  // Unpooled and exactly sized, so a batch can hand the buffer itself to a worker thread.
  const buf = Buffer.allocUnsafeSlow(size);
  let total = 0;
  while (total < size) {
    const n = readSync(fd, buf, total, size - total, null);
    if (n === 0) return buf.subarray(0, total);
    total += n;
  }
  const parts = [buf];
  probe ??= Buffer.allocUnsafeSlow(64 * 1024);
  for (let n = readSync(fd, probe, 0, probe.length, null); n > 0; n = readSync(fd, probe, 0, probe.length, null)) {
    total += n;
    if (total > limit) tooLarge(label, `over ${limit} bytes (and was not read to its end)`, limit, maxBytes);
    parts.push(Buffer.from(probe.subarray(0, n)));
  }
  return parts.length === 1 ? buf : Buffer.concat(parts, total);
}

/**
 * Reads a file, or standard input for `-`, within the input limit (`maxBytes` for a task sequence, default 64 MiB);
 * throws `IO_ERROR` or `INPUT_TOO_LARGE`. A regular file read in full is handed to `stamped` as it was when it was
 * opened (see file-stamp.ts), taken from the open it was read through, before the first byte was read: a change made
 * while it is read is one made after its stamp.
 */
export function readInputFile(path: string, stdinFd = 0, maxBytes?: number, stamped?: (stamp: FileStamp) => void): Uint8Array {
  if (path === '-') {
    try {
      return readFdBounded(stdinFd, STDIN, undefined, maxBytes);
    } catch (e) {
      if (e instanceof TaskSequenceError) throw e;
      throw new TaskSequenceError('IO_ERROR', `Cannot read standard input: ${describeErrno(e)}.`, { file: '-' });
    }
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new TaskSequenceError('IO_ERROR', `Cannot read ${path}: ${describeErrno(e)}${notUtf8Name(path, e)}.`, { file: path });
  }
  try {
    // With bigint, for the stamp's nanoseconds.
    const st = fstatSync(fd, { bigint: true });
    if (st.isDirectory()) throw new TaskSequenceError('IO_ERROR', `Cannot read ${path}: it is a folder.`, { file: path });
    if (st.isFile()) {
      const size = Number(st.size);
      // Within both limits the size alone settles it; only a file larger than one of them needs its first bytes.
      let limit = Math.min(maxBytes ?? DEFAULT_MAX_BYTES, DEFAULT_MAX_ARCHIVE_BYTES);
      if (size > limit) {
        const head = Buffer.alloc(2);
        readSync(fd, head, 0, 2, 0);
        limit = inputLimit(head, maxBytes);
        if (size > limit && endsLikeArchive(fd, size)) limit = DEFAULT_MAX_ARCHIVE_BYTES;
        if (size > limit) tooLarge(path, `${size} bytes`, limit, maxBytes);
      }
      const bytes = readFileBounded(fd, path, size, limit, maxBytes);
      stamped?.(stampOf(st));
      return bytes;
    }
    return readFdBounded(fd, path, undefined, maxBytes);
  } catch (e) {
    if (e instanceof TaskSequenceError) throw e;
    throw new TaskSequenceError('IO_ERROR', `Cannot read ${path}: ${describeErrno(e)}.`, { file: path });
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a file a folder listed is not found by its name, when that is why: the system's file names are bytes, Node's are
 * text, and a name whose bytes are not UTF-8 is listed with U+FFFD in their place, a name no file has.
 */
function notUtf8Name(path: string, e: unknown): string {
  if ((e as { code?: string }).code !== 'ENOENT' || !path.includes('\uFFFD')) return '';
  return ' (a name whose bytes are not UTF-8 is listed with \uFFFD in their place, a name no file has: rename the file)';
}
