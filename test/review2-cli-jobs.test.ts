// --jobs asks for threads, up to one per core (two on one core): --jobs 9999 started a thread for every input of a
// batch, up to 9,999, each with its own heap and start-up (64 threads for 64 small files: six times slower, seven
// times the memory of two), where threads past the cores only wait their turn. The output is the same either way.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { maxWorkers } from '../lib/cli/pool-spec.js';
import { cliFiles } from './helpers/cli-files.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));
// More inputs than the cap, so that a thread per input would be seen.
const INPUTS = maxWorkers() + 4;
const files = cliFiles();

/**
 * Runs the built `cmts kb977203` batch in a process of its own that counts the worker threads it starts (Node's
 * Worker replaced by a subclass that counts, before cmts loads it); prints the count on standard error.
 */
function batch(jobs: string): { status: number | null; stdout: string; threads: number } {
  const main = pathToFileURL(resolve('dist/lib/cli/main.js')).href;
  const io = pathToFileURL(resolve('dist/lib/cli/io.js')).href;
  const script = [
    "import { createRequire, syncBuiltinESMExports } from 'node:module';",
    'const threads = createRequire(import.meta.url)("node:worker_threads");',
    'let started = 0;',
    'threads.Worker = class extends threads.Worker { constructor(...a) { super(...a); started++; } };',
    'syncBuiltinESMExports();',
    `const { main } = await import(${JSON.stringify(main)});`,
    `const { nodeIo } = await import(${JSON.stringify(io)});`,
    `process.exitCode = await main(['kb977203', 'in', '--dry-run', '--json', '--jobs', ${JSON.stringify(jobs)}, '--certfix-package', 'ABC00010'], nodeIo());`,
    'process.stderr.write(`threads started: ${started}\\n`);',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: files.at(), encoding: 'utf8' });
  const m = /threads started: (\d+)/.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return { status: r.status, stdout: r.stdout, threads: Number(m?.[1]) };
}

describe('--jobs', { timeout: 120_000 }, () => {
  it('maxWorkers is one thread per core, and two on one core', () => {
    expect(maxWorkers(1)).toBe(2);
    expect(maxWorkers(2)).toBe(2);
    expect(maxWorkers(16)).toBe(16);
    expect(maxWorkers()).toBe(Math.max(2, availableParallelism()));
  });

  it('--jobs 9999 starts no more threads than maxWorkers(), with the output of --jobs 1', () => {
    mkdirSync(files.at('in'), { recursive: true });
    for (let i = 0; i < INPUTS; i++) writeFileSync(join(files.at('in'), `ts-${i}.xml`), EXAMPLE);
    const one = batch('1');
    expect(one.status).toBe(0);
    expect(one.threads).toBe(0);
    const many = batch('9999');
    expect(many.threads).toBeGreaterThan(0);
    expect(many.threads).toBeLessThanOrEqual(maxWorkers());
    expect(many.stdout).toBe(one.stdout);
    expect(many.status).toBe(one.status);
  });
});
