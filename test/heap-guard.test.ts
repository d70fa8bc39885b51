// The reader watches the heap the process has (xml/heap-guard.ts): an input within every limit of its own can need
// more heap than Node gives the process (five megabytes of `<b/>` lines need about 230 MiB; a container's Node has a
// quarter of its memory), and V8 then aborts the process (exit 134), which nothing can catch. Such an input is refused
// with INPUT_TOO_LARGE instead, and the refusal says what heap to run it with. Each test runs a process of its own,
// with the heap it is about.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';
import { cmtsIn, expectRefusedIn, scriptIn, suggested } from './helpers/heap.js';
// @ts-expect-error: the bench's generator is plain JavaScript, with no types
import { generateSequence } from './bench/generate.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cmts-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 500,000 empty elements, a line each: 2.5 MB, and about 230 MiB of tree. */
const LINES = join(dir, 'lines.xml');
writeFileSync(LINES, `<sequence version="3.00">\n${'<b/>\n'.repeat(500_000)}</sequence>\n`);

/** Reads `file` with the library's build in a process whose heap is `mib` MiB, and writes it back. */
const readIn = (mib: number, file: string) =>
  scriptIn<{ ok: boolean; exact: boolean; code: string; message: string }>(
    mib,
    'dist/lib/index.js',
    `
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(${JSON.stringify(file)});
    try {
      const out = lib.writeTaskSequence(lib.readTaskSequence(bytes));
      console.log(JSON.stringify({ ok: true, exact: Buffer.compare(Buffer.from(out), bytes) === 0 }));
    } catch (e) {
      console.log(JSON.stringify({ code: e.code, message: e.message }));
    }`,
  );

describe('a read the heap cannot hold is refused, typed, not left to abort the process', () => {
  it('refuses with INPUT_TOO_LARGE in a small heap, and the heap it names reads the input', () => {
    // Before the guard: the process aborted on V8's heap limit (exit 134), with nothing printed.
    const mib = expectRefusedIn(64, readIn(64, LINES));
    expect(readIn(mib, LINES).out).toEqual({ ok: true, exact: true });
  });

  it('lets through what fits: a 2 MB sequence of real steps reads in a heap of 64 MiB', () => {
    const file = join(dir, 'real.xml');
    const text = generateSequence(3000);
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    writeFileSync(file, text);
    expect(readIn(64, file).out).toEqual({ ok: true, exact: true });
  });

  it('a command refuses it with exit status 1 and the error on standard error', () => {
    const r = cmtsIn(64, ['inspect', LINES]);
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cmts inspect: .*lines\.xml:\d+:\d+: INPUT_TOO_LARGE Reading this input would take about \d+ MiB more of the JavaScript heap, and the work after the read about \d+ MiB more/);
    expect(suggested(r.stderr)).toBeGreaterThan(64);
  });

  it("an input too large for a batch thread's bounded heap is done in the process, with its heap", () => {
    ensureBuilt();
    // 1,500,000 elements (7.5 MB, under the 8 MiB a thread takes) need about 350 MiB: more than a thread's 256 MiB.
    const big = join(dir, 'big.xml');
    writeFileSync(big, `<sequence version="3.00">\n${'<b/>\n'.repeat(1_500_000)}</sequence>\n`);
    const r = spawnSync(process.execPath, [BIN, 'kb977203', '--dry-run', '--jobs', '2', '--json', '--certfix-package', 'ABC00010', big, LINES], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).not.toMatch(/heap out of memory|FATAL|ran out of memory/);
    const report = JSON.parse(r.stdout) as { results?: unknown[]; files?: unknown[] };
    const codes = JSON.stringify(report).match(/"code":"[A-Z_]+"/g) ?? [];
    // Each input is read whole, in the process, and found to have no Setup Windows and ConfigMgr step.
    expect(codes.length).toBeGreaterThanOrEqual(2);
    expect(codes.every((c) => c === '"code":"MISSING_SETUP_WINDOWS_STEP"')).toBe(true);
  }, 60_000);
});
