/**
 * Reading an input without trusting its size: a regular file is measured before a byte is read; anything else
 * (standard input, a pipe, a device such as /dev/zero) is read in chunks and refused as soon as it passes the limit,
 * so an endless input costs at most the limit in memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TaskSequenceError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../read.js';
import { DEFAULT_MAX_ARCHIVE_BYTES } from '../zip/zip.js';
import { describeErrno } from './describe-errno.js';

const CHUNK = 1024 * 1024;

/** The most bytes an input may have: an export .zip (starts with `PK`) may be larger than a task sequence file. */
export function inputLimit(head: Uint8Array): number {
  return head[0] === 0x50 && head[1] === 0x4b ? DEFAULT_MAX_ARCHIVE_BYTES : DEFAULT_MAX_BYTES;
}

function tooLarge(label: string, what: string, limit: number): never {
  throw new TaskSequenceError('INPUT_TOO_LARGE', `${label} is ${what}; the limit is ${limit} bytes.`, { file: label });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads from `fd` to its end, refusing it (INPUT_TOO_LARGE) once it passes the limit {@link inputLimit} sets. */
export function readFdBounded(fd: number, label: string, limit?: number): Uint8Array {
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
    max ??= inputLimit(chunks[0] as Buffer);
    if (total > max) tooLarge(label, `over ${max} bytes (and was not read to its end)`, max);
  }
  return Buffer.concat(chunks, total);
}

/** Reads a file, or standard input for `-`, within the input limit; throws `IO_ERROR` or `INPUT_TOO_LARGE`. */
export function readInputFile(path: string, stdinFd = 0): Uint8Array {
  if (path === '-') {
    try {
      return readFdBounded(stdinFd, '(standard input)');
    } catch (e) {
      if (e instanceof TaskSequenceError) throw e;
      throw new TaskSequenceError('IO_ERROR', `Cannot read standard input: ${describeErrno(e)}.`, { file: '-' });
    }
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new TaskSequenceError('IO_ERROR', `Cannot read ${path}: ${describeErrno(e)}.`, { file: path });
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new TaskSequenceError('IO_ERROR', `Cannot read ${path}: it is a folder.`, { file: path });
    if (st.isFile()) {
      const head = Buffer.alloc(2);
      readSync(fd, head, 0, 2, 0);
      const limit = inputLimit(head);
      if (st.size > limit) tooLarge(path, `${st.size} bytes`, limit);
      return readFdBounded(fd, path, limit);
    }
    return readFdBounded(fd, path);
  } catch (e) {
    if (e instanceof TaskSequenceError) throw e;
    throw new TaskSequenceError('IO_ERROR', `Cannot read ${path}: ${describeErrno(e)}.`, { file: path });
  } finally {
    closeSync(fd);
  }
}
