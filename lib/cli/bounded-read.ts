/**
 * Reading an input without trusting its size: a regular file is measured before a byte is read; anything else
 * (standard input, a pipe, a device such as /dev/zero) is read in chunks and refused as soon as it passes the limit,
 * so an endless input costs at most the limit in memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TaskSequenceError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../read-limits.js';
import { endsWithEndRecord } from '../zip/end-record.js';
import { DEFAULT_MAX_ARCHIVE_BYTES } from '../zip/zip.js';
import { describeErrno } from './describe-errno.js';

const CHUNK = 1024 * 1024;
/** The buffer that finds a regular file's end (or that it grew), shared by every read. */
let probe: Buffer | undefined;

/**
 * The most bytes an input may have: `maxBytes` (--max-bytes) for a task sequence file; an export .zip (starts with
 * `PK`) may be larger, and its parts are held to `maxBytes` once unpacked.
 */
export function inputLimit(head: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): number {
  return head[0] === 0x50 && head[1] === 0x4b ? DEFAULT_MAX_ARCHIVE_BYTES : maxBytes;
}

/**
 * Whether a regular file of `size` bytes ends with a zip end record: an archive behind a self-extractor's stub, which
 * does not start with `PK` but is read as the archive it is (see isZip), and so is held to the archive's limit. Only
 * the last bytes a record can start in are read.
 */
function endsLikeArchive(fd: number, size: number): boolean {
  const tail = Buffer.alloc(Math.min(size, 22 + 65535));
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

/**
 * Reads from `fd` to its end, refusing it (INPUT_TOO_LARGE) once it passes `limit`, or else the limit
 * {@link inputLimit} sets for its first bytes and `maxBytes`.
 */
export function readFdBounded(fd: number, label: string, limit?: number, maxBytes?: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  let max = limit;
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
    max ??= inputLimit(chunks[0] as Buffer, maxBytes);
    if (total > max) tooLarge(label, `over ${max} bytes (and was not read to its end)`, max, maxBytes);
  }
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
 * throws `IO_ERROR` or `INPUT_TOO_LARGE`.
 */
export function readInputFile(path: string, stdinFd = 0, maxBytes?: number): Uint8Array {
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
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new TaskSequenceError('IO_ERROR', `Cannot read ${path}: it is a folder.`, { file: path });
    if (st.isFile()) {
      // Within both limits the size alone settles it; only a file larger than one of them needs its first bytes.
      let limit = Math.min(maxBytes ?? DEFAULT_MAX_BYTES, DEFAULT_MAX_ARCHIVE_BYTES);
      if (st.size > limit) {
        const head = Buffer.alloc(2);
        readSync(fd, head, 0, 2, 0);
        limit = inputLimit(head, maxBytes);
        if (st.size > limit && endsLikeArchive(fd, st.size)) limit = DEFAULT_MAX_ARCHIVE_BYTES;
        if (st.size > limit) tooLarge(path, `${st.size} bytes`, limit, maxBytes);
      }
      return readFileBounded(fd, path, st.size, limit, maxBytes);
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
