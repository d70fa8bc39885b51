/**
 * Writing a set of files as one (`render --out-dir`'s pages and index): all of them, or, when one cannot be made or
 * written, none, the folder put back as it was.
 */
import type { CliIo } from './io.js';

/** A file written into --out-dir, and what was there before: its bytes, or undefined when there was no file. */
interface Written {
  path: string;
  old: Uint8Array | undefined;
}

/**
 * Writes `files` (each made just before it is written, so no more than one new page is held at a time) as one set:
 * each file is atomic on its own, and if one cannot be made or written, the ones already written are put back as
 * they were (a file new in this run removed, a replaced one given back the bytes it had, kept in memory until the
 * set is written), and the error is rethrown. What cannot be put back is added to `notUndone`.
 */
export function writeAllOrNone(io: CliIo, files: Iterable<{ path: string; make: () => string }>, notUndone: string[]): void {
  // By the file each write landed in: two names of one file (a symlink in the folder) keep what was there before the
  // first of them was written, not the page the other put there.
  const written = new Map<string, Written>();
  try {
    for (const { path, make } of files) {
      const bytes = Buffer.from(make(), 'utf8');
      // Read in full whatever its size: it is a file being replaced, not an input, so no input limit applies.
      const old = io.kindOf(path) === 'file' ? io.readFile(path, Number.MAX_SAFE_INTEGER) : undefined;
      io.writeFileAtomic(path, bytes);
      const real = io.realPath(path);
      if (!written.has(real)) written.set(real, { path, old });
    }
  } catch (e) {
    notUndone.push(...undo(io, [...written.values()]));
    throw e;
  }
}

/**
 * Puts back the files of a failed set: the new ones removed first, so that on a full disk their room is free for
 * the old content of the replaced ones, which is written back then; returns a sentence for each file that could not
 * be put back.
 */
function undo(io: CliIo, written: readonly Written[]): string[] {
  const remove = io.removeFile?.bind(io);
  const notes: string[] = [];
  for (const { path, old } of [...written.filter((w) => w.old === undefined), ...written.filter((w) => w.old !== undefined)]) {
    try {
      if (old !== undefined) io.writeFileAtomic(path, old);
      else if (remove !== undefined) remove(path);
      else notes.push(`${path} still holds this run's page: this io cannot remove a file.`);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      notes.push(`${path} still holds this run's page: ${old === undefined ? 'removing it' : 'writing its old content back'} failed (${why})`);
    }
  }
  return notes;
}
