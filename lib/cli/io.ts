/**
 * What a command touches outside itself, injected so that commands are plain functions tests can call.
 */
import { fstatSync, readdirSync, realpathSync, rmdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { isTempName } from './temp-names.js';
import { describeErrno } from './describe-errno.js';
import { makeFolders } from './make-folders.js';
import { readInputFile } from './bounded-read.js';
import type { FileStamp } from './file-stamp.js';
import { type SetAside, setAsideFile } from './set-aside.js';
import type { ReadLimits } from './args.js';
import type { JsonErrors } from './json-report.js';
import { type StandardStream, standardStream } from './std-stream.js';

/** A stream a command writes to. */
export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

/** What is at a path. */
export type PathKind = 'file' | 'dir' | 'missing' | 'other';

/** The outside world of a command. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /**
   * Reads a file within the input size limit (`maxBytes` for a task sequence, default 64 MiB; an export .zip has its
   * own); `-` is standard input (read once, then refused).
   */
  readFile(path: string, maxBytes?: number): Uint8Array;
  /** The --max-bytes/--max-nodes limits, set by the command's startCommand; the loaders read with them. */
  readLimits?: ReadLimits;
  /** Under `--json`, set by the command's startCommand: how a run-stopping error is printed as its report. */
  jsonErrors?: JsonErrors;
  /**
   * Writes a file atomically: a temporary file beside it, every byte written and synced, then a rename; the folder
   * must exist. An existing file keeps its mode and owner, a symlink is written through, and a read-only file (no
   * write bit in its mode) is refused. Throws `IO_ERROR`, leaving the target as it was, on any failure. An input
   * named to {@link CliIo.replacing} and read since is replaced only if it is still the file read, as it was: else
   * `INPUT_CHANGED`, and it is left as it is now (see file-stamp.ts).
   */
  writeFileAtomic(path: string, bytes: Uint8Array): void;
  /**
   * Says which inputs the run writes its results over (`--in-place`), before it reads them: each one's read keeps
   * how the file was (its stamp), and its write checks the file is still so. An io without it checks nothing.
   */
  replacing?(paths: readonly string[]): void;
  /** Whether a path is a directory (false when it does not exist). */
  isDirectory(path: string): boolean;
  /** What is at a path (following symlinks). */
  kindOf(path: string): PathKind;
  /** The size in bytes of the regular file at a path (following symlinks); undefined for anything else. */
  sizeOf?(path: string): number | undefined;
  /** The absolute path with every symlink resolved (as far as the path exists), to compare two paths. */
  realPath(path: string): string;
  /**
   * Which file a path names, as the system tells files apart (device and file number), following symlinks; undefined
   * when nothing is there. With `-`, the file standard input is, when it is a regular file (`< ts.xml`): it has no
   * path to compare, so a target is compared with it this way. An io without it cannot tell: no such check is made.
   */
  fileId?(path: string): string | undefined;
  /** Creates a folder and its parents. */
  makeDir(path: string): void;
  /**
   * Removes a file this run wrote (the file a write through a symlink landed in; the link stays), to undo a set of
   * outputs that could not all be written. Throws `IO_ERROR`. An io without it cannot undo: it says so instead.
   */
  removeFile?(path: string): void;
  /**
   * Keeps the content of the regular file at a path (following symlinks) aside, so that it can be put back after the
   * path is replaced, without holding it in memory; undefined when it cannot (the caller then reads and keeps it).
   */
  setAside?(path: string): SetAside | undefined;
  /** The entries of a directory: names, and which are directories. cmts's own temporary files are left out. */
  listDir(path: string): { name: string; dir: boolean }[];
}

/** What a link names, or undefined when it names nothing the system can reach (a broken link, links in a loop). */
function linkTarget(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function realPathOf(path: string): string {
  try {
    // The native call gives the name as the file system spells it, so `-o TS.XML` is seen to be `ts.xml` where
    // names ignore case (Windows, macOS).
    return realpathSync.native(path);
  } catch {
    const parent = dirname(resolve(path));
    return parent === resolve(path) ? parent : join(realPathOf(parent), basename(path));
  }
}

/** The folders makeDir made in this process: from the first it had to make down to the one asked for. */
const made: { first: string; last: string }[] = [];

/**
 * Removes the folders this process made (an `--out-dir` that was not there) that are still empty, deepest first, up
 * to the first it made: a run that failed before writing into one leaves no folder behind. A folder holding anything
 * (a result written, or a file someone else put there) stays.
 */
export function removeEmptyFoldersMade(): void {
  for (const { first, last } of made.splice(0)) {
    for (let dir = last; ; dir = dirname(dir)) {
      try {
        if (readdirSync(dir).length > 0) break;
        rmdirSync(dir);
      } catch {
        break;
      }
      if (dir === first || dirname(dir) === dir) break;
    }
  }
}

/** The real file system and the process's standard streams (which keep why writing them failed: see `std-stream.ts`). */
export function nodeIo(): CliIo & { stdout: StandardStream; stderr: StandardStream } {
  let stdinRead = false;
  // The inputs to be replaced, by absolute path, with how each was when read (null until it is): a write over one
  // checks it is still so. The first read is kept (what the run made of the file may come from it). Only these are
  // kept: a lint or a conversion of many files keeps no stamp of each.
  const replaced = new Map<string, FileStamp | null>();
  return {
    stdout: standardStream(1),
    stderr: standardStream(2),
    readFile(path, maxBytes) {
      if (path === '-') {
        if (stdinRead) throw new TaskSequenceError('INVALID_ARGUMENT', 'Standard input (-) can be read only once.', { file: '-' });
        stdinRead = true;
      }
      const key = resolve(path);
      return readInputFile(path, 0, maxBytes, replaced.get(key) === null ? (stamp) => replaced.set(key, stamp) : undefined);
    },
    writeFileAtomic(path, bytes) {
      const key = resolve(path);
      writeFileAtomic(path, bytes, replaced.get(key) ?? undefined);
      // Written: the file is this run's own now.
      replaced.delete(key);
    },
    replacing(paths) {
      for (const path of paths) if (path !== '-' && !replaced.has(resolve(path))) replaced.set(resolve(path), null);
    },
    isDirectory(path) {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
    kindOf(path) {
      try {
        const st = statSync(path);
        return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
      } catch {
        return 'missing';
      }
    },
    sizeOf(path) {
      try {
        const st = statSync(path);
        return st.isFile() ? st.size : undefined;
      } catch {
        return undefined;
      }
    },
    realPath: realPathOf,
    fileId(path) {
      try {
        const st = path === '-' ? fstatSync(0) : statSync(path);
        return path === '-' && !st.isFile() ? undefined : `${st.dev}:${st.ino}`;
      } catch {
        return undefined;
      }
    },
    removeFile(path) {
      try {
        rmSync(realPathOf(path));
      } catch (e) {
        throw new TaskSequenceError('IO_ERROR', `Cannot remove ${path}: ${describeErrno(e)}.`, { file: path });
      }
    },
    setAside(path) {
      return setAsideFile(realPathOf(path));
    },
    makeDir(path) {
      try {
        const first = makeFolders(path);
        if (first !== undefined) made.push({ first, last: resolve(path) });
      } catch (e) {
        throw new TaskSequenceError('IO_ERROR', `Cannot create the folder ${path}: ${describeErrno(e)}.`, { file: path });
      }
    },
    listDir(path) {
      try {
        return readdirSync(path, { withFileTypes: true }).flatMap((d) => {
          if (isTempName(d.name)) return [];
          // A link as what it names; a broken one is listed, so that reading it says why it cannot be read. So is one
          // the system cannot follow (links in a loop: ELOOP), which failed the listing of the whole folder.
          const kind = d.isSymbolicLink() ? linkTarget(join(path, d.name)) : d;
          // A named pipe, socket or device is no export: a pipe no one writes is read forever (a folder with one in
          // it hung the run). Named on its own (`cmts lint <(…)`), one is still read, as standard input is.
          if (kind !== undefined && !kind.isFile() && !kind.isDirectory()) return [];
          return [{ name: d.name, dir: kind?.isDirectory() === true }];
        });
      } catch (e) {
        throw new TaskSequenceError('IO_ERROR', `Cannot list ${path}: ${describeErrno(e)}.`, { file: path });
      }
    },
  };
}
