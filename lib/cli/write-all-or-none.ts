/**
 * Writing a set of files as one (`render --out-dir`'s pages and index): all of them, or, when one cannot be made or
 * written, none, the folder put back as it was.
 */
import type { CliIo } from './io.js';
import type { SetAside } from './set-aside.js';
import { signalTurn } from './write-signals.js';

/** What the undo of a failed set did: the files given back their old content, those removed, those it could not put back. */
export interface Undone {
  /** Whether a set failed and was undone (false: the run failed before it wrote, or did not fail). */
  ran: boolean;
  /** Files this run had replaced, given back their old content. */
  restored: string[];
  /** Files new in this run, removed again. */
  removed: string[];
  /** A sentence for each file that could not be put back. */
  notUndone: string[];
}

/** An empty {@link Undone}, for {@link writeAllOrNone} to fill. */
export function undoneNothing(): Undone {
  return { ran: false, restored: [], removed: [], notUndone: [] };
}

/**
 * A file written into --out-dir, and what was there before: kept aside on disk, or its bytes where the io cannot
 * keep it aside, or undefined when there was no file.
 */
interface Written {
  path: string;
  old: SetAside | Uint8Array | undefined;
}

/**
 * Writes `files` (each made just before it is written, so no more than one new page is held at a time) as one set:
 * each file is atomic on its own, and if one cannot be made or written, the ones already written are put back as
 * they were (a file new in this run removed, a replaced one given back what it had: kept aside on disk as a hard
 * link until the set is written, or in memory where the file system cannot link), and the error is rethrown. What
 * the undo did, and what it could not put back, is told in `undone`. A signal that comes while a file is written stops the run after that
 * file (see write-signals.ts): the files after it are not written, and those before it stay written.
 */
export async function writeAllOrNone(io: CliIo, files: Iterable<{ path: string; make: () => string }>, undone: Undone): Promise<void> {
  // By the file each write landed in: two names of one file (a symlink in the folder) keep what was there before the
  // first of them was written, not the page the other put there.
  const written = new Map<string, Written>();
  try {
    for (const { path, make } of files) {
      const bytes = Buffer.from(make(), 'utf8');
      // The file an existing path names; the atomic write lands in it (through symlinks), so it is its name after too.
      const before = io.kindOf(path) === 'file' ? io.realPath(path) : undefined;
      // Read in full whatever its size when it cannot be kept aside: it is a file being replaced, not an input, so no
      // input limit applies.
      const old = before !== undefined && !written.has(before) ? (io.setAside?.(path) ?? io.readFile(path, Number.MAX_SAFE_INTEGER)) : undefined;
      try {
        io.writeFileAtomic(path, bytes);
      } catch (e) {
        // The atomic write left the file as it was: what was kept aside is not needed.
        if (old !== undefined && !(old instanceof Uint8Array)) old.drop();
        throw e;
      }
      const real = before ?? io.realPath(path);
      if (!written.has(real)) written.set(real, { path, old });
      // A signal that came while this file was written stops the run here, before the next file is made.
      const turn = signalTurn();
      if (turn) await turn;
    }
  } catch (e) {
    undone.ran = true;
    undo(io, [...written.values()], undone);
    throw e;
  }
  for (const { old } of written.values()) if (old !== undefined && !(old instanceof Uint8Array)) old.drop();
}

/**
 * Puts back the files of a failed set: the new ones removed first, so that on a full disk their room is free for
 * the old content of the replaced ones, which is written back then; tells in `undone` which were put back, and
 * gives a sentence for each file that could not be.
 */
function undo(io: CliIo, written: readonly Written[], undone: Undone): void {
  const remove = io.removeFile?.bind(io);
  for (const { path, old } of [...written.filter((w) => w.old === undefined), ...written.filter((w) => w.old !== undefined)]) {
    try {
      if (old instanceof Uint8Array) io.writeFileAtomic(path, old);
      else if (old !== undefined) old.restore();
      else if (remove !== undefined) remove(path);
      else {
        undone.notUndone.push(`${path} still holds this run's page: this io cannot remove a file.`);
        continue;
      }
      (old === undefined ? undone.removed : undone.restored).push(path);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      undone.notUndone.push(`${path} still holds this run's page: ${old === undefined ? 'removing it' : 'writing its old content back'} failed (${why})`);
    }
  }
}

/**
 * The undo of a failed set in words, a line each (none when no set was undone): which files were put back, and
 * either that no file of the run is left, or what could not be put back. An administrator reading only the error
 * (about the file that failed) took a page replaced before it for the new one.
 */
export function undoneLines(undone: Undone, outDir: string): string[] {
  if (!undone.ran) return [];
  const list = (paths: readonly string[]) => (paths.length <= 2 ? paths.join(' and ') : `${paths.slice(0, -1).join(', ')} and ${paths.at(-1) as string}`);
  const parts = [
    ...(undone.restored.length ? [`${list(undone.restored)} ${undone.restored.length === 1 ? 'was' : 'were'} put back as ${undone.restored.length === 1 ? 'it was' : 'they were'}`] : []),
    ...(undone.removed.length ? [`${list(undone.removed)}, new in this run, ${undone.removed.length === 1 ? 'was' : 'were'} removed again`] : []),
  ];
  if (undone.notUndone.length > 0) return [...(parts.length ? [`${parts.join('; ')}.`] : []), ...undone.notUndone];
  return [`no file of this run is left in ${outDir}${parts.length ? `: ${parts.join('; ')}` : ''}.`];
}
