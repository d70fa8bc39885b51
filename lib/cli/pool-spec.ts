/**
 * What a batch on worker threads is given: how each task starts, where its result goes, and how many threads run
 * it (by default, and at the most whatever `--jobs` asks).
 */
import { availableParallelism } from 'node:os';

/** How a task starts: a message for a worker (with what to transfer rather than copy), or its result already. */
export type TaskStart<R> = { message: unknown; transfer?: ArrayBuffer[] } | { result: R };

/** What runs a batch. */
export interface PoolSpec<R> {
  /** The worker's module; it answers each `{ task, message }` with one `{ task, reply }`. */
  script: URL;
  /** Data every worker starts with (`workerData`). */
  workerData?: unknown;
  /** Each thread's old-generation heap, in MiB (`resourceLimits.maxOldGenerationSizeMb`); default V8's own. */
  heapMb?: number;
  /** Each thread's young generation, in MiB (`resourceLimits.maxYoungGenerationSizeMb`); default V8's own. */
  youngMb?: number;
  /** Threads; default {@link defaultWorkers}, never more than there are tasks. */
  workers?: number;
  /** Task `i`: called in order, as workers become free, so inputs are read just before they are needed. */
  start: (i: number) => TaskStart<R>;
  /** The result of task `i` when its worker died. */
  failed: (i: number, error: Error) => R;
  /**
   * Task `i` run in this thread, from the start, when no worker thread can start (`why`: the first one's error): the
   * batch then goes on in the process, in order. A worker counts as unable to start when it stops before any worker
   * has answered, unless it ran out of memory (that is its task's). Without `here`, every task fails in its place.
   */
  here?: (i: number, why: Error) => R;
  /** Task `i`'s result, called in task order. */
  deliver: (i: number, result: R) => void;
  /**
   * Whether the batch is to stop (the reader of all it prints went away, say): asked before each task starts and after
   * each result is delivered. Once it says so, no task starts, no result is delivered, the workers are stopped and the
   * pool resolves, with the tasks from the first one not delivered left undone.
   */
  stop?: () => boolean;
  /**
   * A turn of the event loop to take after a result is delivered, before the next (undefined: none is needed); the
   * command line's is {@link signalTurn}, so that a signal that came while a result was written stops the batch
   * there. Results that finished meanwhile wait for it, as do tasks run in this thread (`here`).
   */
  turn?: () => Promise<void> | undefined;
}

/**
 * The number of threads a batch uses by default: one per core the process may use. Not fewer on a busy machine (a
 * load-average rule was tried): the load average counts the batch's own work of the last minute, so a second batch
 * after a first ran on one thread on an idle machine. `--jobs` chooses; the output is the same for any number.
 */
export function defaultWorkers(cores = availableParallelism()): number {
  return Math.max(1, cores);
}

/**
 * The most threads a batch starts, whatever `--jobs` asks: one per core, and two where there is one core (so that
 * `--jobs 2` runs on threads anywhere). A thread past the cores only waits its turn for one, with a heap and a
 * start-up of its own: measured on two cores, 64 files of 4 KB took 24 s and 690 MiB on 64 threads, 4 s and 105 MiB
 * on two; `--jobs 9999` started a thread per input, up to 9,999.
 */
export function maxWorkers(cores = availableParallelism()): number {
  return Math.max(2, cores);
}
