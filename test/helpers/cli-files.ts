import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt } from './cli-process.js';

/**
 * A folder of its own for the command-line tests of a `describe` block: the build is made first (the tests run it),
 * the files given are written into the folder before the tests, and it is removed after them. `at(name)` is a path in
 * it (the folder itself without a name), valid once the block's tests run.
 */
export function cliFiles(files: Record<string, string | Uint8Array | (() => string | Uint8Array)> = {}): { at: (name?: string) => string } {
  let dir: string | undefined;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cmts-cli-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'function' ? content() : content);
  }, 300_000);
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    at: (name) => {
      if (dir === undefined) throw new Error('cliFiles: the folder is made before the tests, not while they are collected');
      return name === undefined ? dir : join(dir, name);
    },
  };
}
