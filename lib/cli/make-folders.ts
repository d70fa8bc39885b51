/**
 * `mkdir -p`, one folder at a time. Node's recursive mkdir takes every ENOENT for a missing parent: it makes the
 * parent, which exists (EEXIST), and tries the folder again, for ever when the file system answers ENOENT for a folder
 * whose parent is there (procfs: `mkdir /proc/x`), so `--out-dir /proc/x` spun at full CPU. Here each folder is made
 * only once the one above it is there, so an error is that folder's own, and final.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes the folder `path` and the folders above it that are missing; returns the first folder it made (the
 * topmost), or undefined when it made none. Throws the error of the first folder that cannot be made.
 */
export function makeFolders(path: string): string | undefined {
  const missing: string[] = [];
  // A name that exists (a folder, a file, a broken link) ends the climb: mkdir says what is wrong with it below.
  for (let dir = resolve(path); !existsSync(dir); dir = dirname(dir)) {
    missing.push(dir);
    if (dirname(dir) === dir) break;
  }
  if (missing.length === 0) {
    // There already: a folder is made, anything else is refused as the recursive call refuses it.
    mkdirSync(path, { recursive: true });
    return undefined;
  }
  let first: string | undefined;
  for (let i = missing.length - 1; i >= 0; i--) {
    const dir = missing[i] as string;
    try {
      mkdirSync(dir);
      first ??= dir;
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'EEXIST') throw e;
      // Made meanwhile by another process, or a name that is no folder (a broken link): the folder asked for is
      // judged as one that was there (the mkdir of a folder below such a name is refused in its turn).
      if (i === 0) mkdirSync(dir, { recursive: true });
    }
  }
  return first;
}
