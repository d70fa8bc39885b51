/**
 * Writing a file so that it is either the whole new content or untouched: a temporary file beside the target, every
 * byte written and fsynced, the target's mode and owner copied onto it, then one rename. A symlink is written through
 * (its target is replaced, the link stays). Temporary files are named `.<name>.<pid>.<base36 time>.cmts-tmp`, so a
 * run killed before its rename leaves a file that is recognisable, never taken as an input, and removed by the next
 * run that writes into that folder.
 */
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, type Stats, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { describeErrno } from './describe-errno.js';

/** What every temporary file of cmts ends with. */
export const TEMP_SUFFIX = '.cmts-tmp';
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-z]+\.cmts-tmp$/;
/** A temporary file older than this is stale even if its process id is in use again. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/**
 * A temporary file of a process that looks gone is left alone until it is this old: a run in another PID namespace
 * (another container sharing the folder) looks gone from here while it writes.
 */
const QUIET_FOR_MS = 60 * 1000;

/** Whether a file name is one of cmts's temporary files. */
export function isTempName(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

const cleaned = new Set<string>();

/** Removes the temporary files killed runs left in `dir` (their process gone for a minute, or a day old). */
export function removeStaleTemps(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile()) continue;
      const age = Date.now() - st.mtimeMs;
      if (pid !== process.pid && ((!alive(pid) && age > QUIET_FOR_MS) || age > STALE_AFTER_MS)) {
        rmSync(path, { force: true });
        removed.push(path);
      }
    } catch {
      // Another run removed it first: nothing to do.
    }
  }
  return removed;
}

/** The file a write to `path` lands in: `path` itself, or the end of its chain of symlinks. */
function writeTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // A dangling link is written through to where it points; a missing file is created.
    try {
      if (lstatSync(path).isSymbolicLink()) return resolve(dirname(path), readlinkSync(path));
    } catch {
      // Does not exist.
    }
    return path;
  }
}

function fail(path: string, why: string): never {
  throw new TaskSequenceError('IO_ERROR', `Cannot write ${path}: ${why}; it is left as it was.`, { file: path });
}

/** Writes `bytes` to `path` atomically (see the module comment); throws `IO_ERROR`, the target untouched, on any failure. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const target = writeTarget(path);
  const dir = dirname(target);
  let dirStat: Stats;
  try {
    dirStat = statSync(dir);
  } catch (e) {
    return fail(path, `its folder ${dir} does not exist (${describeErrno(e)})`);
  }
  if (!dirStat.isDirectory()) fail(path, `${dir} is not a folder`);
  let old: Stats | undefined;
  try {
    old = statSync(target);
  } catch {
    old = undefined;
  }
  if (old && !old.isFile()) fail(path, 'it is not a regular file');
  // Once per folder and run: a batch writing thousands of files into one folder lists it once.
  if (!cleaned.has(dir)) {
    cleaned.add(dir);
    removeStaleTemps(dir);
  }
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${TEMP_SUFFIX}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', old ? old.mode & 0o777 : 0o666);
    // write(2) may write less than asked (a full disk writes what fits): go on until every byte is out or it throws.
    for (let off = 0; off < bytes.byteLength; ) {
      const n = writeSync(fd, bytes, off, bytes.byteLength - off);
      if (n <= 0) throw Object.assign(new Error('the write made no progress'), { code: 'ENOSPC' });
      off += n;
    }
    if (old) {
      // Owner first (a chown can clear set-id bits), then the mode; only what differs from what the new file got.
      const now = fstatSync(fd);
      if (now.uid !== old.uid || now.gid !== old.gid) {
        try {
          fchownSync(fd, old.uid, old.gid);
        } catch (e) {
          throw Object.assign(new Error(`its owner ${old.uid}:${old.gid} cannot be kept (${describeErrno(e)})`), { code: 'EOWNER' });
        }
      }
      fchmodSync(fd, old.mode & 0o7777);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (statSync(tmp).size !== bytes.byteLength) throw new Error('the temporary file is not the size written');
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already failing; the close error adds nothing.
      }
    }
    rmSync(tmp, { force: true });
    return fail(path, (e as { code?: string }).code === 'EOWNER' ? (e as Error).message : describeErrno(e));
  }
  try {
    // Make the rename itself durable; some file systems cannot fsync a folder, which is no reason to fail.
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // See above.
  }
}
