/**
 * The names of cmts's temporary files, and the removal of those a killed run left: `.<name>.<pid>.<base36 time>.cmts-tmp`
 * beside the target (see atomic-write.ts), and `.<name>.<pid>.<time>.old.cmts-tmp` for a file kept aside while a set
 * of outputs replaces it (set-aside.ts). Every listing of inputs passes them over ({@link isTempName}).
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
