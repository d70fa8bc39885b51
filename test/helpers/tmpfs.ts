import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A 1 MiB tmpfs mounted for a `describe` block's full-disk tests (root on Linux), unmounted after them. `path()` is
 * its folder; `why()` says why it could not be mounted, and is said out loud, so that a skipped run is never mistaken
 * for a passed one (`if (disk.why()) return ctx.skip(disk.why())`).
 */
export function smallTmpfs(tests: string): { path: () => string; why: () => string | undefined } {
  let small = '';
  let notMounted: string | undefined;
  beforeAll(() => {
    small = mkdtempSync(join(tmpdir(), 'cmts-tmpfs-'));
    if (process.platform !== 'linux' || process.getuid?.() !== 0) notMounted = 'needs root on Linux to mount a tmpfs';
    else {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small], { stdio: 'pipe' });
      } catch (e) {
        notMounted = `mount -t tmpfs was refused: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}`;
      }
    }
    if (notMounted) console.warn(`SKIPPED ${tests}: ${notMounted}`);
  });
  afterAll(() => {
    if (!notMounted) execFileSync('umount', [small]);
    rmSync(small, { recursive: true, force: true });
  });
  return { path: () => small, why: () => notMounted };
}
