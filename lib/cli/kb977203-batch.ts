/**
 * How `cmts kb977203` processes its inputs: each in this process, or a large batch on worker threads, and how many
 * threads (--jobs). Either way each input is read and its result written here, in input order, so output and exit
 * status do not depend on the threads.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isZip } from '../containers/export-zip.js';
import { TaskSequenceError } from '../errors.js';
import type { Outcome } from './kb977203-output.js';
import { type Parsed, str } from './args.js';
import type { TargetOf } from './output-targets.js';
import type { CliIo } from './io.js';
import { commitFile, failedInput, type FileReply, type FileSettings, fromReply, processBytes, toReply } from './kb977203-file.js';
import type { FileTask } from './kb977203-worker.js';
import { ownBuffer, runPool } from './worker-pool.js';
import { signalTurn } from './write-signals.js';
import { defaultWorkers, maxWorkers } from './pool-spec.js';

/**
 * Below this much input a batch runs in the process: starting worker threads, each loading the preset and running it
 * in code not yet optimised for its first fifty files or so, costs about 0.3 s, which the threads win back only on a
 * large batch. Measured on two cores with files of 100 KB: 256 files (25 MB) took 1.0 s in the process and 1.13–1.2 s
 * on two threads, 1,000 files (100 MB) 2.8 s and 2.35 s; the two meet near 40 MiB (more cores, sooner). Inputs that
 * a thread would not take (over 8 MiB) do not count.
 */
const POOL_MIN_BYTES = 40 * 1024 * 1024;

/**
 * Inputs a worker thread takes: XML up to 8 MiB. A worker's heap is bounded ({@link WORKER_HEAP_MB}) so that a long
 * batch does not let each thread's heap grow with the files it has seen (measured: 2,000 files of 100 KB on two
 * threads peaked at 412 MiB unbounded, 227 MiB bounded); a document costs about six times its size while it is
 * processed, so larger inputs, and archives (whose parts can be many times the archive), are done in the process.
 */
const WORKER_MAX_INPUT = 8 * 1024 * 1024;
const WORKER_HEAP_MB = 256;
/**
 * Each thread's young generation, in MiB. V8's default grows it to 48 MiB in a long batch (a third of the threads'
 * memory, and still growing at 500 files); the trees of a batch die young, so a small one is collected as cheaply and
 * touches fewer new pages. Measured, 1,000 files of 100 KB on two threads: 8 MiB took 2.27–2.38 s and peaked at
 * 113–115 MiB (the same for 500 files), the default 2.56–2.58 s and 141–161 MiB; 4 and 6 MiB 2.44–2.53 s; 16 and
 * 32 MiB 2.41–2.60 s.
 */
const WORKER_YOUNG_MB = 8;
function forWorker(bytes: Uint8Array): boolean {
  return !isZip(bytes) && bytes.length <= WORKER_MAX_INPUT;
}

/**
 * The worker's module beside this one, in the library's build and the command line's alike a bundle of one file (see
 * scripts/bundle-cli.mjs); missing when run from the TypeScript sources (tests), where there is none.
 */
const WORKER = new URL('./kb977203-worker.js', import.meta.url);

/**
 * Whether the inputs' files hold at least {@link POOL_MIN_BYTES} that threads would take (counted until they do): not
 * standard input, an export .zip (by its name; one named otherwise is found out when read, and done in the process),
 * or a file over 8 MiB.
 */
export function largeBatch(inputs: string[], io: CliIo): boolean {
  let total = 0;
  for (const input of inputs) {
    // Standard input is read once, in the process; an export .zip is processed in the process too.
    if (input === '-' || /\.zip$/i.test(input)) continue;
    const size = io.sizeOf?.(input);
    if (size !== undefined && size <= WORKER_MAX_INPUT && (total += size) >= POOL_MIN_BYTES) return true;
  }
  return false;
}

/** `--jobs` (checked by checkUsage, in kb977203-args.ts): how many threads, and whether to use a pool at all. */
export function jobsOf(p: Parsed, inputs: string[], io: CliIo): { pool: boolean; workers: number } {
  const given = str(p, 'jobs');
  const enough = inputs.length > 1 && (given !== undefined || largeBatch(inputs, io));
  // The cores are counted only for a batch that may use them (a single file never loads node:os for it).
  // Never more threads than maxWorkers(): past the cores, a thread only costs memory and start-up.
  const workers = given !== undefined ? Math.min(Number(given), maxWorkers()) : enough ? defaultWorkers() : 1;
  return { pool: workers > 1 && enough && existsSync(fileURLToPath(WORKER)), workers };
}

/**
 * Processes the inputs on worker threads: each input is read here (through `io`, as in the process), processed by a
 * worker, and its result written here, in input order, so output and exit status are those of a run in the process.
 */
export async function runBatch(inputs: string[], targetOf: TargetOf, settings: FileSettings, workers: number, io: CliIo, done: (input: string, i: number, outcomes: Outcome[]) => void, stop?: () => boolean): Promise<void> {
  let fellBack = false;
  await runPool<Outcome[] | FileReply>(inputs.length, {
    ...(stop && { stop }),
    // A signal that came while a result was written stops the batch there: no result that finished meanwhile is
    // written after it (see write-signals.ts).
    turn: signalTurn,
    script: WORKER,
    workerData: settings,
    workers,
    heapMb: WORKER_HEAP_MB,
    youngMb: WORKER_YOUNG_MB,
    start: (i) => {
      const file = inputs[i] as string;
      try {
        const read = io.readFile(file, settings.limits.maxBytes);
        // Large inputs and archives are processed here, where the whole heap is, not in a thread with a bounded one;
        // and standard input, which can be read only once: handed to a thread that then cannot start, it could not be
        // read again to be processed here. Its result is written when it is delivered, in input order, as a thread's
        // is (written at once, standard output had it before the results of the inputs before it).
        if (file === '-' || !forWorker(read)) return { result: processedHere(read, file, targetOf(file), settings) };
        const { bytes, buffer } = ownBuffer(read);
        const task: FileTask = { file, target: targetOf(file), bytes };
        return { message: task, transfer: [buffer] };
      } catch (e) {
        return { result: [failedInput(file, e)] };
      }
    },
    // No thread could start (a process limit on threads, say): the batch goes on in the process, as with --jobs 1,
    // rather than failing every input, and says so once.
    here: (i, why) => {
      if (!fellBack) {
        fellBack = true;
        io.stderr.write(`cmts: worker threads could not start (${why.message}); the batch goes on in the process.\n`);
      }
      return processInput(inputs[i] as string, targetOf, settings, io);
    },
    failed: (i, e) => {
      const file = inputs[i] as string;
      if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return [failedInput(file, e)];
      return [failedInput(file, new TaskSequenceError('INTERNAL_ERROR', `Its worker thread ran out of memory (${WORKER_HEAP_MB} MiB); run this input again with --jobs 1, which processes it in the process with the whole heap.`))];
    },
    deliver: (i, r) => {
      const input = inputs[i] as string;
      let file: Outcome[];
      if (Array.isArray(r)) file = r;
      // A thread's heap is bounded, the process's is not: an input the thread's heap refused is done here, from the
      // bytes it handed back (not read again: a named pipe, `<(…)`, gives nothing the second time).
      else if (r.here) {
        const bytes = r.here;
        file = processHere(() => bytes, input, targetOf(input), settings, io);
      }
      else {
        try {
          file = commitFile(fromReply(r), targetOf(input), io);
        } catch (e) {
          file = [failedInput(input, e)];
        }
      }
      done(input, i, file);
    },
  });
}

/** One input read and processed in this process (see {@link processHere}), as a run without threads does it. */
export function processInput(input: string, targetOf: TargetOf, settings: FileSettings, io: CliIo): Outcome[] {
  return processHere(() => io.readFile(input, settings.limits.maxBytes), input, targetOf(input), settings, io);
}

/** One input processed in this process, its result not yet written (as a thread replies); a failure is its outcome. */
function processedHere(bytes: Uint8Array, input: string, target: string | undefined, settings: FileSettings): Outcome[] | FileReply {
  try {
    return toReply(processBytes(bytes, input, target, settings));
  } catch (e) {
    return [failedInput(input, e)];
  }
}

/** One input processed in this process, its result written where asked; whatever fails is that input's outcome. */
function processHere(read: () => Uint8Array, input: string, target: string | undefined, settings: FileSettings, io: CliIo): Outcome[] {
  try {
    return commitFile(processBytes(read(), input, target, settings), target, io);
  } catch (e) {
    return [failedInput(input, e)];
  }
}
