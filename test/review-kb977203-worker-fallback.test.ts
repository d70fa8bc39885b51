// Review of d5c828a: a kb977203 batch thread that refuses an input for its bounded heap hands it back, and the main
// thread reads it again. A named input that is a pipe (`<(…)`, a FIFO: read "as standard input is", see io.ts) can be
// read only once: the second read finds it empty.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'cmts-review-fallback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('review: the worker fallback reads a handed-back input again', () => {
  it('a pipe handed back by a thread is processed as read, not re-read empty', () => {
    ensureBuilt();
    // 1,500,000 elements (7.5 MB, under the 8 MiB a thread takes) need more than a thread's 256 MiB (test/heap-guard.test.ts).
    const big = join(dir, 'big.xml');
    writeFileSync(big, `<sequence version="3.00">\n${'<b/>\n'.repeat(1_500_000)}</sequence>\n`);
    const small = join(dir, 'small.xml');
    writeFileSync(small, '<sequence version="3.00"><b/></sequence>\n');
    const cmd = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} kb977203 --dry-run --jobs 2 --json --certfix-package ABC00010 <(cat ${JSON.stringify(big)}) <(cat ${JSON.stringify(small)})`;
    const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    const codes = r.stdout.match(/"code":\s*"[A-Z_]+"/g) ?? [];
    // Each input is read whole and found to have no Setup Windows and ConfigMgr step; the big one was said to be empty.
    expect(codes.length, r.stdout.slice(0, 2000)).toBe(2);
    expect(codes.every((c) => c.includes('MISSING_SETUP_WINDOWS_STEP')), r.stdout.slice(0, 2000)).toBe(true);
  }, 120_000);
});
