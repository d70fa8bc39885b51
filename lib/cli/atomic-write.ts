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
import { closeSync, existsSync, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, type Stats, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { describeErrno } from './describe-errno.js';

/** What every temporary file of cmts ends with. */
export const TEMP_SUFFIX = '.cmts-tmp';
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-z]+\.cmts-tmp$/;
/** What a file kept aside while a set of outputs is written is tagged with, before {@link TEMP_SUFFIX}. */
const ASIDE_TAG = '.old';
const ASIDE_NAME = /^\..+\.(\d+)\.[0-9a-z]+\.old\.cmts-tmp$/;
/** A temporary file older than this is stale even if its process id is in use again. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/**
 * A temporary file of a process that looks gone is left alone until it is this old: a run in another PID namespace
 * (another container sharing the folder) looks gone from here while it writes.
 */
const QUIET_FOR_MS = 60 * 1000;
/**
 * The longest file name, in UTF-8 bytes: NAME_MAX of Linux's and macOS's file systems (NTFS counts 255 UTF-16 units,
 * never more than the UTF-8 bytes). A temporary name is about 25 bytes longer than its target's, so a target near
 * this limit would otherwise have no temporary file at all.
 */
const NAME_MAX_BYTES = 255;
/** Symlinks followed before a chain counts as a loop: the kernel's own limit (ELOOP). */
const MAX_LINKS = 40;
/**
 * The system's realpath on POSIX, where `..` after a symlink leads out of the real folder (Node's own goes by the
 * text); on Windows `..` goes by the text, so Node's own is right there.
 */
const realpath = process.platform === 'win32' ? realpathSync : realpathSync.native;

/** Whether a file name is one of cmts's temporary files (every name {@link tempName} makes is). */
export function isTempName(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

/**
 * The temporary file's name for a target named `name`: `.<name>.<pid>.<base36 time>.cmts-tmp`, with `<name>` cut, at
 * a character, to what keeps the whole within {@link NAME_MAX_BYTES} UTF-8 bytes (a cut name still starts like its
 * target's, and the pid and time stay whole: they are what tells a killed run's leftover).
 */
export function tempName(name: string, pid: number, time: number, tag = ''): string {
  const tail = `.${pid}.${time.toString(36)}${tag}${TEMP_SUFFIX}`;
  const room = NAME_MAX_BYTES - 1 - Buffer.byteLength(tail);
  if (Buffer.byteLength(name) <= room) return `.${name}${tail}`;
  let kept = '';
  let used = 0;
  // By code point, so a character is never split into bytes that are not UTF-8.
  for (const ch of name) {
    used += Buffer.byteLength(ch);
    if (used > room) break;
    kept += ch;
  }
  return `.${kept}${tail}`;
}

/**
 * The name under which a file is kept aside while a set of outputs replaces it (`.<name>.<pid>.<time>.old.cmts-tmp`):
 * a temporary file too, never listed as an input, and removed as a killed run's leftover once quiet (judged by its
 * change time, not the old modification time it shares with the file it was).
 */
export function asideName(name: string, pid: number, time: number): string {
  return tempName(name, pid, time, ASIDE_TAG);
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
    const aside = ASIDE_NAME.test(name);
    const m = TEMP_NAME.exec(name) ?? ASIDE_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile()) continue;
      // A page kept aside by a hard link (see set-aside.ts) has the old file's modification time, perhaps days ago:
      // it is judged from its last change of any kind (the link changed it, its ctime, when its run began).
      const age = Date.now() - (aside ? Math.max(st.mtimeMs, st.ctimeMs) : st.mtimeMs);
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

function fail(path: string, why: string): never {
  throw new TaskSequenceError('IO_ERROR', `Cannot write ${path}: ${why}; it is left as it was.`, { file: path });
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

/** The temporary files this process made and has neither renamed nor removed: what a stop on a signal removes. */
const live = new Set<string>();

/**
 * The signals the command line stops on, once it writes, without leaving a temporary file, with their numbers (the
 * same on every POSIX system): the exit status is 128 + the number, as a shell gives for a program a signal ended.
 */
const STOP_SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
/** Set by the command line's launcher: writes install the handlers. A library's caller keeps its own. */
let stopOnSignals = false;
let handled = false;

/**
 * Makes this process stop on SIGINT, SIGTERM and SIGHUP once it begins writing a file: it removes the temporary files
 * it made and has not renamed, says so on standard error, and exits 128 + the signal's number (130, 143, 129). Until
 * then a signal ends the process as it always does (nothing of cmts's is on disk yet). For the command line only
 * (launch.ts): a library must not take its caller's signals.
 *
 * Node runs a handler only between pieces of JavaScript, never in the middle of one, and a write is one such piece
 * (see {@link writeFileAtomic}): a signal that comes while a file is written takes effect once that write is over,
 * its rename made or its temporary file removed, so the target is never half-written, and the run stops at the next
 * {@link signalTurn} (a batch asks after each input) or when the command returns, never writing another file.
 */
export function stopOnSignalsWhileWriting(): void {
  stopOnSignals = true;
}

function handleSignals(): void {
  if (!stopOnSignals || handled) return;
  handled = true;
  for (const signal of Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[]) process.on(signal, () => stopOn(signal));
}

function stopOn(signal: keyof typeof STOP_SIGNALS): never {
  for (const tmp of live) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The next run that writes into its folder removes it.
    }
  }
  live.clear();
  try {
    writeSync(2, `cmts: stopped by ${signal}; no file is left half-written.\n`);
  } catch {
    // Standard error is gone: the status says it.
  }
  process.exit(128 + STOP_SIGNALS[signal]);
}

/**
 * A turn of the event loop when signals are handled (see {@link stopOnSignalsWhileWriting}), for a signal that came
 * during a write to stop the run there; undefined otherwise (nothing to wait for). A batch awaits it after each input.
 */
export function signalTurn(): Promise<void> | undefined {
  return handled ? new Promise((resolve) => setImmediate(resolve)) : undefined;
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
    renameSync(tmp, target);
    live.delete(tmp);
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
