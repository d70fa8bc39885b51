// What the heap guard's tests share (xml/heap-guard.ts): a process with the heap a test is about, running a script of
// the library's build or a command, and the heap a refusal says to run the input with.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { BIN, ensureBuilt } from './cli-process.js';

/** What a script run by {@link scriptIn} printed last (one line of JSON), its status and its standard error. */
export interface ScriptRun<T> {
  status: number | null;
  out: T;
  stderr: string;
}

/**
 * Runs `body`, an ES module script that has `lib` (the library's build module `module`, e.g. `dist/lib/index.js`) as
 * its namespace, in a process whose heap is `mib` MiB; the last line it prints is read as JSON.
 */
export function scriptIn<T extends object>(mib: number, module: string, body: string): ScriptRun<Partial<T>> {
  ensureBuilt();
  const script = `const lib = await import(${JSON.stringify(pathToFileURL(resolve(module)).href)});\n${body}`;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${mib}`, '--input-type=module', '-e', script], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return { status: r.status, out: line.startsWith('{') ? (JSON.parse(line) as Partial<T>) : {}, stderr: r.stderr };
}

/** `cmts <args>` in a process whose heap is `mib` MiB. */
export function cmtsIn(mib: number, args: string[]): SpawnSyncReturns<string> {
  ensureBuilt();
  return spawnSync(process.execPath, [`--max-old-space-size=${mib}`, BIN, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The heap a refusal says to run the input with (its message, or a command's standard error). */
export function suggested(message: string | undefined): number {
  const m = /--max-old-space-size=(\d+)/.exec(message ?? '');
  expect(m, message).not.toBeNull();
  return Number(m?.[1]);
}

/**
 * Expects a library script's run to have ended in a refusal of the heap guard, not V8's abort (exit 134, "heap out of
 * memory", which nothing catches), and returns the heap it names, which is more than `mib`.
 */
export function expectRefusedIn(mib: number, run: ScriptRun<{ code?: string; message?: string }>): number {
  expect(run.stderr).not.toMatch(/heap out of memory|FATAL/);
  expect(run.status).toBe(0);
  expect(run.out.code).toBe('INPUT_TOO_LARGE');
  expect(run.out.message).toMatch(/JavaScript heap.*refused rather than let the process run out of memory/);
  const named = suggested(run.out.message);
  expect(named).toBeGreaterThan(mib);
  return named;
}
