/**
 * Which file an input was read from, and in what state: its device and file number, size, and modification and change
 * times to the nanosecond, taken from the very open the input was read through (see bounded-read.ts). A write over
 * the input compares the file at its path with this right before its rename, so that a change another program made
 * since cmts read the file is not overwritten without a word (`INPUT_CHANGED`).
 */
import { type BigIntStats, statSync } from 'node:fs';
import { TaskSequenceError } from '../errors.js';

/** The state of a file when it was read. */
export interface FileStamp {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** The stamp of a file from its stats (taken with `{ bigint: true }`, for the nanoseconds). */
export function stampOf(st: BigIntStats): FileStamp {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs };
}

/** What became of the file read as `read`, now `now` (undefined: nothing is there), or undefined when it is as read. */
function changeOf(read: FileStamp, now: BigIntStats | undefined): string | undefined {
  if (now === undefined) return 'it was removed';
  // Another file renamed (or linked) onto the name, as editors save, or a symlink that now leads elsewhere.
  if (now.dev !== read.dev || now.ino !== read.ino) return 'another file took its place';
  // The same file written again: a change of size, or of its times (a rewrite that keeps the size).
  if (now.size !== read.size || now.mtimeNs !== read.mtimeNs || now.ctimeNs !== read.ctimeNs) return 'it was changed';
  return undefined;
}

/**
 * Throws `INPUT_CHANGED` unless the file at `path` (through any symlinks: the file a write lands in) is still the one
 * read as `read`; an error of the look-up itself other than "nothing there" is thrown as it is.
 */
export function checkUnchanged(path: string, read: FileStamp): void {
  let now: BigIntStats | undefined;
  try {
    now = statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch (e) {
    // A folder on the way replaced by a file: the file read is not there either.
    if ((e as { code?: string }).code !== 'ENOTDIR') throw e;
  }
  const change = changeOf(read, now);
  if (change === undefined) return;
  const left = now === undefined ? 'it is not made again' : 'the file is left as it is now (run cmts on it again to work on that)';
  throw new TaskSequenceError('INPUT_CHANGED', `Cannot write ${path}: ${change} after cmts read it; the result is not written, and ${left}.`, { file: path });
}
