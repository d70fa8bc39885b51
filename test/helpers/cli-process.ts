// Runs the built command line as a real process, the way scripts and CI run it. The build (npm ci runs it through
// `prepare`) is redone once if any source or schema is newer than dist; concurrent test files wait for one build.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built launcher: the package's `bin`, as npm links it. */
export const BIN = resolve((JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { bin: { cmts: string } }).bin.cmts);

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(): boolean {
  try {
    return statSync(BIN).mtimeMs < Math.max(newest(resolve('lib')), newest(resolve('schemas')));
  } catch {
    return true;
  }
}

let checked = false;

/** Builds dist once if it is older than the sources. */
export function ensureBuilt(): void {
  if (checked) return;
  const lock = resolve('dist/.build-lock');
  for (let waited = 0; stale(); waited++) {
    try {
      mkdirSync(resolve('dist'), { recursive: true });
      mkdirSync(lock);
    } catch {
      // Another test file is building: wait for it (a lock older than 5 minutes is a leftover).
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      continue;
    }
    try {
      if (stale()) execFileSync('npm', ['run', 'build'], { stdio: 'pipe' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  checked = true;
}

/** What a run of the command line gave. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Runs `cmts …args` as a process; `input` goes to its standard input. */
export function cmts(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliRun {
  ensureBuilt();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, input: options.input ?? '', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}
