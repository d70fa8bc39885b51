/**
 * A batch on the machine's cores: tasks run on a pool of worker threads and their results come back in task order,
 * so what a command prints is the same as when it runs every task itself. A worker that dies (an uncaught error, out
 * of memory) costs only the task it was running: that task gets a failure result and a new worker takes over.
 */
import type { Worker } from 'node:worker_threads';
import { defaultWorkers, type PoolSpec } from './pool-spec.js';

/** Runs `count` tasks on worker threads; resolves once every result has been delivered and the workers are gone. */
export async function runPool<R>(count: number, spec: PoolSpec<R>): Promise<void> {
  // Loaded here rather than with the module: most runs of a command never start a thread, and they start sooner
  // without Node's worker modules.
  const threads = await import('node:worker_threads');
  const size = Math.max(1, Math.min(spec.workers ?? defaultWorkers(), count));
  // Results that finished ahead of the one awaited wait here; at most this many tasks run ahead of it, so a slow
  // task holds back a bounded number of results, not the rest of the batch.
  const ahead = size * 4;
  const ready = new Map<number, R>();
  const DEPTH = 2;
  // Each worker holds up to DEPTH tasks, so it starts the next one as soon as it is done with one, without waiting
  // for the main thread (busy reading and writing, or not scheduled on a loaded machine) to send it.
  const queued = new Map<Worker, number[]>();
  // Tasks to start again: they were waiting on a worker that died running the task before them.
  const retry: number[] = [];
  let next = 0;
  let delivered = 0;
  let finished = false;
  let idleDeaths = 0;
  // Whether any worker has answered: until one has, a worker that stops may be one that cannot start at all.
  let answered = false;

  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error): void => {
      if (finished) return;
      finished = true;
      // A runHere waiting for a delivery goes on, to see the batch is over.
      for (const w of whenDelivered.splice(0)) w();
      const gone = [...queued.keys()].map((w) => w.terminate());
      Promise.all(gone).then(
        () => (error === undefined ? resolve() : reject(error)),
        reject,
      );
    };
    // Whether a delivery waits for its turn (spec.turn): results that come meanwhile wait in `ready`, and runHere
    // waits (`whenDelivered`) before it runs the next task.
    let waiting = false;
    let whenDelivered: (() => void)[] = [];
    /** Delivers the results that are ready, in order; `resumed`: after a turn, when no caller goes on to pump. */
    const deliverReady = (resumed: boolean): void => {
      try {
        while (ready.has(delivered) && !finished) {
          const r = ready.get(delivered) as R;
          ready.delete(delivered);
          spec.deliver(delivered++, r);
          if (spec.stop?.()) finish();
          const turn = finished ? undefined : spec.turn?.();
          if (turn) {
            waiting = true;
            turn.then(() => {
              // The batch may have been told to stop during the turn: nothing more is delivered then.
              if (spec.stop?.()) finish();
              deliverReady(true);
            }, (e: unknown) => finish(asError(e)));
            return;
          }
        }
      } catch (e) {
        // Thrown to settle's caller when it was called from one; else the batch ends with it.
        if (!resumed) throw e;
        finish(asError(e));
      }
      waiting = false;
      const waiters = whenDelivered;
      whenDelivered = [];
      for (const w of waiters) w();
      if (resumed) pump();
    };
    const settle = (i: number, result: R): void => {
      ready.set(i, result);
      if (!waiting) deliverReady(false);
    };
    /** The worker with the fewest tasks, if it can take one more. */
    const freest = (): Worker | undefined => {
      let best: Worker | undefined;
      let least = DEPTH;
      for (const [w, tasks] of queued) {
        if (tasks.length < least) {
          best = w;
          least = tasks.length;
        }
      }
      return best;
    };
    const pump = (): void => {
      try {
        while (!finished) {
          if (delivered === count || spec.stop?.()) return finish();
          const again = retry.length > 0;
          if (!again && (next >= count || next >= delivered + ahead)) return;
          const worker = freest();
          if (!worker) return;
          const i = again ? (retry.shift() as number) : next++;
          const s = spec.start(i);
          if ('result' in s) {
            settle(i, s.result);
            continue;
          }
          (queued.get(worker) as number[]).push(i);
          worker.postMessage({ task: i, message: s.message }, s.transfer ?? []);
        }
      } catch (e) {
        finish(asError(e));
      }
    };
    /**
     * Every task not yet delivered, in order, given `result` in this thread: run here (`spec.here`), or failed in its
     * place when there is no way to run it here. No worker is left, and none could start.
     */
    const runHere = async (why: Error, result = (i: number): R => (spec.here ? spec.here(i, why) : spec.failed(i, why))): Promise<void> => {
      try {
        // A task is done when its result waits to be delivered or has been: running one here delivers those after it
        // that were ready (a result given at the start), which must not run again. One at a time: the next is run once
        // this one is delivered, its turn taken.
        for (let i = delivered; i < count && !finished; i++) {
          if (i >= delivered && !ready.has(i)) settle(i, result(i));
          if (waiting) await new Promise<void>((done) => whenDelivered.push(done));
        }
      } catch (e) {
        return finish(asError(e));
      }
      finish();
    };
    /** A worker, or false when none could be made (then the batch goes on without it: see below). */
    const spawn = (): boolean => {
      const resourceLimits = { ...(spec.heapMb !== undefined && { maxOldGenerationSizeMb: spec.heapMb }), ...(spec.youngMb !== undefined && { maxYoungGenerationSizeMb: spec.youngMb }) };
      let worker: Worker;
      try {
        // No options of this process's command line: a worker inherits them by default, and some stop it from starting
        // at all (`node --input-type=module -e …` gives it `--input-type` without a string to run, so every input of
        // the batch failed, one worker start each). The worker's module is plain JavaScript and needs none.
        worker = new threads.Worker(spec.script, { workerData: spec.workerData, resourceLimits, execArgv: [] });
      } catch (e) {
        // The system would not make the thread (a limit on threads: ERR_WORKER_INIT_FAILED, EAGAIN, thrown at once).
        // Thrown out of a worker's exit handler (its replacement), it ended the process with a stack trace; from the
        // first, it failed the whole batch. The live workers take the tasks; with none left, they run here.
        if (queued.size > 0) pump();
        else void runHere(asError(e));
        return false;
      }
      let death: Error | undefined;
      // Whether it sent a message that is not the answer to the task it was running: it is stopped, and that task fails.
      let unruly = false;
      queued.set(worker, []);
      worker.on('message', (m: unknown) => {
        if (finished || unruly) return;
        const tasks = queued.get(worker) as number[];
        // A worker answers each task it holds once, with `{ task, reply }`. Anything else (a message that is no object,
        // a task it does not hold) is not trusted: taken as an answer, it threw here (an uncaught error that ended the
        // process) or was counted against another task, whose own answer was then lost and the batch waited for ever.
        const task = typeof m === 'object' && m !== null && 'reply' in m ? (m as { task?: unknown }).task : undefined;
        const at = tasks.findIndex((t) => t === task);
        if (at === -1) {
          unruly = true;
          death = new Error('its worker thread sent a message the batch does not expect');
          void worker.terminate();
          return;
        }
        const { reply } = m as { reply: R };
        answered = true;
        tasks.splice(at, 1);
        try {
          settle(task as number, reply);
        } catch (e) {
          return finish(asError(e));
        }
        pump();
      });
      worker.on('error', (e: unknown) => {
        // What a worker throws need not be an Error (`throw 'text'`); the callbacks are given one that says what it was.
        // (`throw null` says nothing: the exit code is said instead.)
        death = e instanceof Error ? e : e === null || e === undefined ? undefined : new Error(thrownText(e));
      });
      worker.on('exit', (code) => {
        const tasks = queued.get(worker) ?? [];
        queued.delete(worker);
        if (finished) return;
        const why = death ?? new Error(`a worker thread stopped (exit code ${code})`);
        if (spec.here && !answered && !unruly && (why as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') {
          // It could not start: its tasks wait for a worker that does, and when none is left, they run here.
          retry.push(...tasks);
          retry.sort((x, y) => x - y);
          if (queued.size === 0) void runHere(why);
          else pump();
          return;
        }
        // A worker takes its tasks in order: the first was running when it died, the others had not started.
        const [i, ...waiting] = tasks;
        retry.push(...waiting);
        retry.sort((x, y) => x - y);
        if (i !== undefined) {
          try {
            settle(i, spec.failed(i, death ?? new Error(`its worker thread stopped (exit code ${code})`)));
          } catch (e) {
            return finish(asError(e));
          }
        }
        // A new worker only for tasks that no live worker holds (its own waiting ones, or ones not started yet): the
        // others will be run, or failed in their places, by the workers holding them. Workers that die without a task
        // while tasks wait for one (workers that cannot start) are not replaced for ever: past the pool's size, the
        // batch stops with why.
        if (retry.length === 0 && next >= count) return pump();
        if (i === undefined && ++idleDeaths > size) return finish(death ?? new Error(`a worker thread stopped (exit code ${code})`));
        spawn();
        pump();
      });
      return true;
    };
    if (count === 0) return resolve();
    // Until one cannot be made: the batch then goes on with those there are (or here, with none).
    for (let k = 0; k < size && spawn(); k++);
    pump();
  });
}

/** A thrown value that is not an Error, as text (`String` throws for some: an object without a prototype). */
function thrownText(e: unknown): string {
  try {
    return String(e);
  } catch {
    return `a value of type ${typeof e}`;
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(`a batch task failed: ${JSON.stringify(e)}`);
}

/** The buffer of `bytes`, when it is exactly theirs (so it can be transferred), else a copy that is. */
export function ownBuffer(bytes: Uint8Array): { bytes: Uint8Array; buffer: ArrayBuffer } {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return { bytes, buffer };
  const copy = new Uint8Array(bytes);
  return { bytes: copy, buffer: copy.buffer };
}
