/**
 * Writing a file so that it is either the whole new content or untouched: a temporary file beside the target, every
 * byte written and fsynced, the target's mode and owner copied onto it, then one rename. A symlink is written through
 * (through the whole chain to the file at its end, which need not exist yet; every link stays). Temporary files are
 * named `.<name>.<pid>.<base36 time>.cmts-tmp`, `<name>` cut short when the whole would not fit in a file name, so a
 * run killed before its rename leaves a file that is recognisable, never taken as an input, and removed by the next
 * run that writes into that folder. The command line stops on SIGINT, SIGTERM and SIGHUP, once it writes, without
 * leaving one (see {@link stopOnSignalsWhileWriting}). An existing target that no one may write (its mode has no write bit: a read-only
 * file) is refused, as cp refuses it, though the rename could replace it.
 */
import { closeSync, existsSync, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, type Stats, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { describeErrno } from './describe-errno.js';
import { checkUnchanged, type FileStamp } from './file-stamp.js';

import { removeStaleTemps, tempName } from './temp-names.js';
import { handleSignals, live, wroteInFull } from './write-signals.js';

/** Symlinks followed before a chain counts as a loop: the kernel's own limit (ELOOP). */
const MAX_LINKS = 40;
/**
 * The system's realpath on POSIX, where `..` after a symlink leads out of the real folder (Node's own goes by the
 * text); on Windows `..` goes by the text, so Node's own is right there.
 */
const realpath = process.platform === 'win32' ? realpathSync : realpathSync.native;

/** Folders whose killed runs' temporary files this run has removed already. */
const cleaned = new Set<string>();

/**
 * The file a write to `path` lands in: `path` itself, or the end of its chain of symlinks. A chain that ends dangling
 * is followed link by link (a relative link is read from the folder of the link that holds it) to the missing file,
 * which the write creates; a chain of more than {@link MAX_LINKS} links is a loop, and an `IO_ERROR`.
 */
function writeTarget(path: string): string {
  try {
    return realpath(path);
  } catch {
    // Dangling, a loop, or nothing there yet.
  }
  let at = path;
  for (let links = 0; ; links++) {
    let link: string;
    try {
      if (!lstatSync(at).isSymbolicLink()) break;
      link = readlinkSync(at);
    } catch {
      // Nothing there: the file is created at `at`.
      break;
    }
    if (links === MAX_LINKS) fail(path, `its symbolic links loop (or chain more than ${MAX_LINKS})`);
    // Joined as text, not normalised: the system resolves `..` after a symlink in the real folder, not by the text.
    const from = dirname(at);
    at = isAbsolute(link) ? link : `${from}${from.endsWith(sep) ? '' : sep}${link}`;
  }
  if (at === path) return path;
  try {
    return join(realpath(dirname(at)), basename(at));
  } catch {
    // The folder is missing too: the write says so.
    return at;
  }
}

/** The write's error; `existed`: a file was there, which is left as it was (else nothing was written: no file was made). */
function fail(path: string, why: string, existed = true): never {
  throw new TaskSequenceError('IO_ERROR', `Cannot write ${path}: ${why}; ${existed ? 'it is left as it was' : 'nothing was written'}.`, { file: path });
}

/**
 * For tests only: with `CMTS_TEST_PAUSE_BEFORE_RENAME` set to a path, each write waits, its temporary file complete
 * and not yet renamed, until a file is at that path (at most a minute), so that a test can signal the process at
 * that point every time (test/cli-signal-during-write.test.ts). Unset, as it is in any real run, it costs one look-up.
 */
function pauseForTest(): void {
  const release = process.env.CMTS_TEST_PAUSE_BEFORE_RENAME;
  if (release === undefined || release === '') return;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (const end = Date.now() + 60_000; !existsSync(release) && Date.now() < end; ) Atomics.wait(cell, 0, 0, 10);
}

/**
 * Writes `bytes` to `path` atomically (see the module comment); throws `IO_ERROR`, the target untouched, on any failure.
 * With `read`, the stamp of the file at `path` when it was read (a write over an input): right before the rename, the
 * file there must still be that one, as it was, or nothing is written and `INPUT_CHANGED` is thrown (see
 * file-stamp.ts). Between that look and the rename another program can still change the file: the window is a
 * system call wide, not closed.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, read?: FileStamp): void {
  const target = writeTarget(path);
  const dir = dirname(target);
  let dirStat: Stats;
  try {
    dirStat = statSync(dir);
  } catch (e) {
    return fail(path, `its folder ${dir} does not exist (${describeErrno(e)})`, false);
  }
  if (!dirStat.isDirectory()) fail(path, `${dir} is not a folder`, false);
  let old: Stats | undefined;
  try {
    old = statSync(target);
  } catch {
    old = undefined;
  }
  if (old && !old.isFile()) fail(path, 'it is not a regular file');
  // The rename would replace a file no one may write (and root may write anything): the mode says it is read-only, as
  // Windows' read-only attribute does, and cp refuses it too. A symlink is judged by the file it leads to.
  if (old && (old.mode & 0o222) === 0) fail(path, 'it is read-only');
  // Once per folder and run: a batch writing thousands of files into one folder lists it once.
  if (!cleaned.has(dir)) {
    cleaned.add(dir);
    removeStaleTemps(dir);
  }
  handleSignals();
  let tmp = '';
  let fd: number | undefined;
  try {
    // A cut name can be another target's too: a thread of this process writing it in the same millisecond has that
    // name, so a taken one is passed over for the next millisecond's.
    for (let time = Date.now(), tries = 0; fd === undefined; time++, tries++) {
      tmp = join(dir, tempName(basename(target), process.pid, time));
      try {
        fd = openSync(tmp, 'wx', old ? old.mode & 0o777 : 0o666);
        live.add(tmp);
      } catch (e) {
        tmp = '';
        if ((e as { code?: string }).code !== 'EEXIST' || tries >= 100) throw e;
      }
    }
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
    pauseForTest();
    // As late as it can be: whatever took the time before (the input's processing, a batch's other inputs, the write
    // of the temporary file), a change made meanwhile is seen.
    if (read) checkUnchanged(path, read);
    renameSync(tmp, target);
    live.delete(tmp);
    wroteInFull(path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already failing; the close error adds nothing.
      }
    }
    // Only a file this write made (a taken name is another's); and the write's own error is the one to report: a
    // temporary file that cannot be removed is a leftover the next run cleans up.
    if (tmp !== '') {
      try {
        rmSync(tmp, { force: true });
        live.delete(tmp);
      } catch {
        // See above.
      }
    }
    if (e instanceof TaskSequenceError) throw e;
    return fail(path, (e as { code?: string }).code === 'EOWNER' ? (e as Error).message : describeErrno(e), old !== undefined);
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
