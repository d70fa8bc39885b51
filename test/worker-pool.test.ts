// The worker pool under a batch: results come back in task order whatever order the threads finish in, a thread
// that dies costs only its task (which gets a failure result) and the rest still run, and inputs are read only as
// threads become free, a bounded number ahead of the result awaited.
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { ownBuffer, runPool } from '../lib/cli/worker-pool.js';
import { defaultWorkers, type TaskStart } from '../lib/cli/pool-spec.js';

const SCRIPT = new URL('./fixtures/worker-pool/worker.mjs', import.meta.url);

interface Message {
  value: number;
  delay?: number;
  crash?: boolean;
  exit?: number;
  hog?: boolean;
  limits?: boolean;
  junk?: string;
}

async function run(messages: (Message | { result: string })[], workers: number, heapMb?: number, youngMb?: number) {
  const delivered: [number, unknown][] = [];
  const started: number[] = [];
  let maxAhead = 0;
  await runPool<unknown>(messages.length, {
    script: SCRIPT,
    workerData: { factor: 2 },
    workers,
    ...(heapMb !== undefined && { heapMb }),
    ...(youngMb !== undefined && { youngMb }),
    start: (i): TaskStart<unknown> => {
      started.push(i);
      maxAhead = Math.max(maxAhead, i - delivered.length);
      const m = messages[i] as Message | { result: string };
      return 'result' in m ? { result: m.result } : { message: m };
    },
    failed: (i, e) => `failed ${i}: ${(e as NodeJS.ErrnoException).code ?? e.message}`,
    deliver: (i, r) => delivered.push([i, r]),
  });
  return { delivered, started, maxAhead };
}

describe('runPool', () => {
  it('delivers every result in task order although later tasks finish first', async () => {
    const messages = Array.from({ length: 12 }, (_, i) => ({ value: i, delay: i % 3 === 0 ? 40 : 1 }));
    const { delivered, started } = await run(messages, 3);
    expect(delivered).toEqual(messages.map((m, i) => [i, m.value * 2]));
    expect(started).toEqual(messages.map((_, i) => i));
  });

  it('gives a task whose worker died a failure result, and runs every other task', async () => {
    const messages: Message[] = Array.from({ length: 8 }, (_, i) => ({ value: i }));
    messages[2] = { value: 2, crash: true };
    messages[5] = { value: 5, exit: 3 };
    const { delivered } = await run(messages, 2);
    expect(delivered.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(delivered[2]?.[1]).toBe('failed 2: crashed on 2');
    expect(delivered[5]?.[1]).toBe('failed 5: its worker thread stopped (exit code 3)');
    expect(delivered.filter(([i]) => i !== 2 && i !== 5).map(([, r]) => r)).toEqual([0, 2, 6, 8, 12, 14]);
  });

  it('bounds each thread\'s heap: a task that fills it fails alone (ERR_WORKER_OUT_OF_MEMORY), the process lives on', async () => {
    const { delivered } = await run([{ value: 1 }, { value: 2, hog: true }, { value: 3 }], 1, 16);
    expect(delivered).toEqual([[0, 2], [1, 'failed 1: ERR_WORKER_OUT_OF_MEMORY'], [2, 6]]);
  });

  it('gives each thread the old and young generation sizes asked for, and V8 its own when none is', async () => {
    for (const [heapMb, youngMb] of [[64, 8], [96, 16]] as const) {
      const asked = await run([{ value: 0, limits: true }], 1, heapMb, youngMb);
      expect(asked.delivered[0]?.[1]).toMatchObject({ maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: youngMb });
    }
    const own = (await run([{ value: 0, limits: true }], 1)).delivered[0]?.[1] as { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number };
    expect([own.maxOldGenerationSizeMb, own.maxYoungGenerationSizeMb]).not.toContain(64);
    expect(own.maxYoungGenerationSizeMb).not.toBe(8);
  });

  it('takes a result given at the start (an input that could not be read) in its place', async () => {
    const { delivered } = await run([{ value: 1 }, { result: 'unreadable' }, { value: 3 }], 2);
    expect(delivered).toEqual([[0, 2], [1, 'unreadable'], [2, 6]]);
  });

  it('starts tasks no further than four per thread ahead of the result awaited', async () => {
    const messages = Array.from({ length: 40 }, (_, i) => ({ value: i, delay: i === 0 ? 150 : 0 }));
    const { delivered, maxAhead } = await run(messages, 2);
    expect(delivered).toHaveLength(40);
    expect(maxAhead).toBeLessThanOrEqual(8);
    expect(maxAhead).toBeGreaterThan(1);
  });

  it('does nothing for no tasks, and fails every task, each in its place, when no worker can start', async () => {
    await expect(run([], 2)).resolves.toEqual({ delivered: [], started: [], maxAhead: 0 });
    const delivered: [number, string][] = [];
    await runPool<string>(3, {
      script: new URL('./fixtures/worker-pool/missing.mjs', import.meta.url),
      workers: 2,
      start: () => ({ message: {} }),
      failed: (i, e) => `${i}: ${e.message.includes('missing.mjs') ? 'cannot start' : e.message}`,
      deliver: (i, r) => delivered.push([i, r]),
    });
    expect(delivered).toEqual([[0, '0: cannot start'], [1, '1: cannot start'], [2, '2: cannot start']]);
  });

  it('fails every task in its place when workers cannot start, however their failures interleave', async () => {
    // The first worker holds two tasks and is slow to fail; the others fail at once. A worker that failed with no task
    // to run was replaced anyway, and once more of those than the pool's size had failed, the whole batch was
    // rejected, while the slow worker still held tasks that would have failed in their places.
    const started = new SharedArrayBuffer(4);
    const delivered: [number, string][] = [];
    await runPool<string>(3, {
      script: new URL('./fixtures/worker-pool/cannot-start.mjs', import.meta.url),
      workerData: { started, slowMs: 600 },
      workers: 2,
      start: () => ({ message: {} }),
      failed: (i, e) => `${i}: ${e.message}`,
      deliver: (i, r) => delivered.push([i, r]),
    });
    expect(delivered).toEqual([0, 1, 2].map((i) => [i, `${i}: this worker cannot start`]));
    // Only workers that had a task to run were started: the two of the pool, and one for the task the slow one held.
    expect(new Int32Array(started)[0]).toBe(3);
  });

  it('with a way to run a task here, runs every task here, in order, when no worker can start', async () => {
    const delivered: [number, string][] = [];
    const whys: string[] = [];
    await runPool<string>(4, {
      script: new URL('./fixtures/worker-pool/missing.mjs', import.meta.url),
      workers: 2,
      start: (i) => (i === 1 ? { result: 'given at the start' } : { message: {} }),
      failed: (i) => `${i}: failed`,
      here: (i, why) => {
        whys.push(why.message);
        return `${i}: here`;
      },
      deliver: (i, r) => delivered.push([i, r]),
    });
    expect(delivered).toEqual([[0, '0: here'], [1, 'given at the start'], [2, '2: here'], [3, '3: here']]);
    // Each task runs once: the one given at the start is not run here as well.
    expect(whys).toHaveLength(3);
    expect(whys.every((w) => w.includes('missing.mjs'))).toBe(true);
  });

  // The command line's turn after each result (a signal that came while it was written is taken there): the results
  // that finished meanwhile wait for it, and a stop decided during it delivers none of them.
  it('with a turn after each delivery, delivers one result a turn, and none after a stop decided during a turn', async () => {
    const delivered: number[] = [];
    let stopped = false;
    await runPool<unknown>(6, {
      script: SCRIPT,
      workerData: { factor: 2 },
      workers: 2,
      start: (): TaskStart<unknown> => ({ message: { value: 1 } }),
      failed: (i) => `failed ${i}`,
      deliver: (i) => delivered.push(i),
      stop: () => stopped,
      // Long enough for the other tasks to finish while the first result waits for its turn.
      turn: () => new Promise<void>((resolve) => setTimeout(() => {
        stopped = true;
        resolve();
      }, 300)),
    });
    expect(delivered).toEqual([0]);
  });

  it('with a turn after each delivery, runs a task here only once the one before it is delivered and its turn taken', async () => {
    const log: string[] = [];
    await runPool<string>(3, {
      script: new URL('./fixtures/worker-pool/missing.mjs', import.meta.url),
      workers: 2,
      start: () => ({ message: {} }),
      failed: (i) => `${i}: failed`,
      here: (i) => {
        log.push(`here ${i}`);
        return `${i}: here`;
      },
      deliver: (_i, r) => log.push(`deliver ${r}`),
      turn: () => new Promise<void>((resolve) => setTimeout(() => {
        log.push('turn');
        resolve();
      }, 5)),
    });
    expect(log).toEqual(['here 0', 'deliver 0: here', 'turn', 'here 1', 'deliver 1: here', 'turn', 'here 2', 'deliver 2: here', 'turn']);
  });

  it('a worker that throws something other than an Error gives an Error that says what it threw', async () => {
    // The pool's callbacks take an Error: given the thrown string as is, kb977203 said "worker threads could not start
    // (undefined)", the message of a string.
    const whys: unknown[] = [];
    const failures: unknown[] = [];
    for (const here of [true, false]) {
      await runPool<string>(2, {
        script: new URL('./fixtures/worker-pool/throws-string.mjs', import.meta.url),
        workers: 1,
        start: () => ({ message: {} }),
        failed: (_, e) => (failures.push(e), 'failed'),
        ...(here && { here: (_: number, why: Error) => (whys.push(why), 'here') }),
        deliver: () => undefined,
      });
    }
    expect(whys).toHaveLength(2);
    expect(failures).toHaveLength(2);
    for (const e of [...whys, ...failures]) {
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toContain('this worker threw a string');
    }
  });

  it('with a way to run a task here, still fails alone a task that fills its thread\'s heap', async () => {
    const delivered: [number, unknown][] = [];
    await runPool<unknown>(3, {
      script: SCRIPT,
      workerData: { factor: 2 },
      workers: 1,
      heapMb: 16,
      start: (i) => ({ message: i === 0 ? { value: 0, hog: true } : { value: i } }),
      failed: (i, e) => `failed ${i}: ${(e as NodeJS.ErrnoException).code ?? e.message}`,
      here: (i) => `${i}: here`,
      deliver: (i, r) => delivered.push([i, r]),
    });
    expect(delivered).toEqual([[0, 'failed 0: ERR_WORKER_OUT_OF_MEMORY'], [1, 2], [2, 4]]);
  });

  it('a worker that answers with a message the pool does not expect costs only its task, and the batch finishes', async () => {
    // A message that was not an object threw in the pool's handler, an uncaught error that ended the process with a
    // stack trace (and a --json document cut short); one naming a task its worker did not hold was taken as the last
    // task it held, whose own answer was then lost: the batch waited for it for ever.
    for (const junk of ['null', 'number', 'other task', 'again']) {
      const messages: Message[] = Array.from({ length: 8 }, (_, i) => ({ value: i }));
      messages[2] = { value: 2, junk };
      const { delivered } = await run(messages, 2);
      expect(delivered.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(delivered[2]?.[1]).toBe('failed 2: its worker thread sent a message the batch does not expect');
      expect(delivered.filter(([i]) => i !== 2).map(([, r]) => r)).toEqual([0, 2, 6, 8, 10, 12, 14]);
    }
  }, 10_000);

  it('an error thrown while delivering stops the pool with it', async () => {
    const p = runPool(4, { script: SCRIPT, workerData: { factor: 1 }, workers: 2, start: (i) => ({ message: { value: i } }), failed: () => 0, deliver: (i) => {
      if (i === 1) throw new Error('disk full');
    } });
    await expect(p).rejects.toThrow('disk full');
  });

  it('stops when asked: no task starts and no result is delivered after stop() says so, and the pool resolves', async () => {
    const delivered: number[] = [];
    const started: number[] = [];
    let gone = false;
    await runPool<number>(200, {
      script: SCRIPT,
      workerData: { factor: 1 },
      workers: 2,
      start: (i) => {
        started.push(i);
        return { message: { value: i, delay: 2 } };
      },
      failed: () => -1,
      deliver: (i) => {
        delivered.push(i);
        // The reader went away while result 2 was written.
        if (i === 2) gone = true;
      },
      stop: () => gone,
    });
    expect(delivered).toEqual([0, 1, 2]);
    // Only tasks already handed out before it stopped were started: a bounded few, not the other 190-odd.
    expect(started.length).toBeLessThan(20);
    // Asked before the first task, it starts none.
    const none: number[] = [];
    await runPool<number>(5, { script: SCRIPT, workerData: { factor: 1 }, workers: 2, start: (i) => (none.push(i), { message: { value: i } }), failed: () => -1, deliver: (i) => none.push(i), stop: () => true });
    expect(none).toEqual([]);
  });
});

describe('ownBuffer', () => {
  it('hands over a buffer that is exactly the bytes, and copies a view into a larger one', () => {
    const exact = new Uint8Array([1, 2, 3]);
    expect(ownBuffer(exact).buffer).toBe(exact.buffer);
    const view = new Uint8Array([0, 1, 2, 3, 4]).subarray(1, 4);
    const own = ownBuffer(view);
    expect(own.buffer).not.toBe(view.buffer);
    expect(Array.from(own.bytes)).toEqual([1, 2, 3]);
    expect(own.buffer.byteLength).toBe(3);
  });
});

describe('defaultWorkers', () => {
  it('uses one thread per core the process may use, at least one', () => {
    expect(defaultWorkers(2)).toBe(2);
    expect(defaultWorkers(8)).toBe(8);
    expect(defaultWorkers(0)).toBe(1);
    expect(defaultWorkers()).toBe(availableParallelism());
  });
});
