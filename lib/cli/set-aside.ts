/**
 * Keeping a file's old content while a set of outputs replaces it, without holding it in memory: a hard link under a
 * temporary name beside it (no byte copied), which is renamed back to undo the set, or removed once it is written.
 */
import { linkSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { asideName } from './temp-names.js';
import { describeErrno } from './describe-errno.js';
import { live } from './write-signals.js';

/** A file's old content, kept aside. */
export interface SetAside {
  /** Puts the old content back at the file's place (atomically: a rename). Throws `IO_ERROR`. */
  restore(): void;
  /** Forgets the old content (removes the link; a failure leaves a temporary file the next run removes). */
  drop(): void;
}

/**
 * Keeps the regular file `real` (a path with its symlinks resolved) under a temporary name in its folder; undefined
 * when the file system cannot link it there, and the caller keeps the bytes itself. The name is a cmts temporary
 * file's, so a killed run's link is cleaned up as its other leftovers are, and never listed as an input.
 */
export function setAsideFile(real: string): SetAside | undefined {
  const dir = dirname(real);
  for (let time = Date.now(), tries = 0; ; time++, tries++) {
    const aside = join(dir, asideName(basename(real), process.pid, time));
    try {
      linkSync(real, aside);
      // A run stopped by a signal before the set is written removes it with its other temporary files: the file it
      // kept stays as the run left it (see write-signals.ts).
      live.add(aside);
      return {
        restore() {
          try {
            renameSync(aside, real);
            live.delete(aside);
          } catch (e) {
            throw new TaskSequenceError('IO_ERROR', `Cannot put back ${real}: ${describeErrno(e)}.`, { file: real });
          }
        },
        drop() {
          try {
            rmSync(aside, { force: true });
            live.delete(aside);
          } catch {
            // Left as a temporary file of this process, which a later run removes.
          }
        },
      };
    } catch (e) {
      // Any other failure (no hard links on this file system, a full or read-only folder): the caller keeps the bytes.
      if ((e as { code?: string }).code === 'EEXIST' && tries < 1000) continue;
      return undefined;
    }
  }
}
