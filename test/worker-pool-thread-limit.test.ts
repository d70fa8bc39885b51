// A worker thread the system will not create: under a limit on threads (ulimit -u, a container's pids.max), Node's
// Worker constructor throws ERR_WORKER_INIT_FAILED (EAGAIN) at once, rather than starting a thread that then fails.
// The pool treats it as a worker that cannot start: the live workers go on with the batch, and when none is left the
// tasks run here (or fail, each in its place), never an error thrown out of the pool's event handlers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runPool } from '../lib/cli/worker-pool.js';

/** How many more workers the system will create (Infinity: no limit). */
let budget = Infinity;
let created = 0;

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class Worker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      if (budget <= 0) throw Object.assign(new Error('EAGAIN'), { code: 'ERR_WORKER_INIT_FAILED' });
      budget--;
      created++;
      super(...args);
    }
  }
  return { ...real, Worker, default: { ...real, Worker } };
});

const SCRIPT = new URL('./fixtures/worker-pool/worker.mjs', import.meta.url);

async function run(messages: { value: number; crash?: boolean }[], workers: number, here: boolean) {
  const delivered: [number, unknown][] = [];
  await runPool<unknown>(messages.length, {
    script: SCRIPT,
    workerData: { factor: 2 },
    workers,
    start: (i) => ({ message: messages[i] }),
    failed: (i, e) => `failed ${i}: ${e.message}`,
    ...(here && { here: (i: number, why: Error) => `${i} here (${why.message})` }),
    deliver: (i, r) => delivered.push([i, r]),
  });
  return delivered;
}

afterEach(() => {
  budget = Infinity;
  created = 0;
});

describe('runPool under a limit on threads', () => {
  it('no thread at all: every task runs here, in order, or fails in its place without a way to run it here', async () => {
    budget = 0;
    const messages = Array.from({ length: 5 }, (_, i) => ({ value: i }));
    expect(await run(messages, 2, true)).toEqual(messages.map((_, i) => [i, `${i} here (EAGAIN)`]));
    expect(await run(messages, 2, false)).toEqual(messages.map((_, i) => [i, `failed ${i}: EAGAIN`]));
  });

  it('one thread of two: the batch runs on the one', async () => {
    budget = 1;
    const messages = Array.from({ length: 6 }, (_, i) => ({ value: i }));
    expect(await run(messages, 2, true)).toEqual(messages.map((m, i) => [i, m.value * 2]));
    expect(created).toBe(1);
  });

  it('a worker that dies and cannot be replaced: its task fails, the live worker takes the rest', async () => {
    budget = 2;
    const messages = Array.from({ length: 10 }, (_, i) => ({ value: i, ...(i === 3 && { crash: true }) }));
    const delivered = await run(messages, 2, true);
    expect(delivered.map(([i]) => i)).toEqual(messages.map((_, i) => i));
    expect(delivered[3]?.[1]).toBe('failed 3: crashed on 3');
    expect(delivered.filter(([i]) => i !== 3).map(([, r]) => r)).toEqual([0, 2, 4, 8, 10, 12, 14, 16, 18]);
  });

  it('the last worker dies and cannot be replaced: its task fails, the rest run here (or fail in their places)', async () => {
    const messages = Array.from({ length: 6 }, (_, i) => ({ value: i, ...(i === 2 && { crash: true }) }));
    budget = 1;
    const here = await run(messages, 1, true);
    expect(here.slice(0, 3)).toEqual([[0, 0], [1, 2], [2, 'failed 2: crashed on 2']]);
    expect(here.slice(3)).toEqual([3, 4, 5].map((i) => [i, `${i} here (EAGAIN)`]));
    budget = 1;
    const failed = await run(messages, 1, false);
    expect(failed.slice(3)).toEqual([3, 4, 5].map((i) => [i, `failed ${i}: EAGAIN`]));
  });
});
