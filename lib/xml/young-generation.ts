/**
 * A large read keeps V8's young generation at the size it has. A tree is built of objects that all survive: V8
 * counts the bytes its young-generation collections keep, and whenever they reach the generation's size it doubles
 * it, up to two semi-spaces of 16 MiB. A read of 18 MiB so grew it to the top, and the process kept those pages:
 * 13–28 MiB of a 20 MB round trip's peak (5.4–6.0 × the input, where 4.6 × is the rest), spent on copying objects
 * that were going to live anyway. Held, the objects go to the old generation sooner; the read takes the same time
 * (measured on the bench's 20 MB file, fresh processes in turn: 822–1,072 ms held, 867–1,105 ms not).
 *
 * How: the young generation grows by V8's flag `--semi-space-growth-factor`, which V8 reads each time it grows it.
 * While the reader (or the writer) works on an input of {@link HELD_FROM} or more, the factor is 1 (no growth); it is
 * set back to V8's default, 2, as soon as the call returns or throws. The call is synchronous: the host's event loop
 * does not turn meanwhile (its code runs only where it put getters in what it passed), and its young generation grows
 * again, as before, at its next collections. Nothing is done when:
 * - the input is smaller (a young generation that grows to a few MiB costs nothing worth a flag);
 * - it runs in a worker thread (the flags are the process's: two threads setting them would race; a worker's young
 *   generation is bounded by its `resourceLimits` besides);
 * - the host chose the factor itself (`--semi-space-growth-factor` on its command line; Node does not take it in
 *   NODE_OPTIONS): it is left as the host set it;
 * - `node:v8` cannot be had (not Node).
 *
 * The flag is the process's: worker threads of the same process that allocate while a read of the main thread holds
 * it do not grow their young generation meanwhile either, which costs them only collections. A host that set the
 * factor at run time (`v8.setFlagsFromString`) has it set back to 2 by the first large read; its command line is where
 * to choose it.
 */
import { createRequire } from 'node:module';

/** Inputs (bytes or characters) from this size on hold the young generation while they are read or written. */
export const HELD_FROM = 1024 * 1024;

/** V8's default growth factor, which a hold sets back (test/young-generation.test.ts asks this Node's V8 for it). */
export const DEFAULT_GROWTH_FACTOR = 2;

/** How deep in holds this thread is: only the outermost sets and restores the flag. */
let depth = 0;
/** V8's flag setter; null where there is none or the host chose the factor. */
let setFlags: ((flags: string) => void) | null | undefined;

/** Whether the host gave V8 a growth factor of its own on its command line (NODE_OPTIONS may not name it). */
export function hostChoseFactor(argv: readonly string[] = process.execArgv): boolean {
  return argv.some((a) => /^--semi[-_]space[-_]growth[-_]factor(?:=|$)/.test(a));
}

function setter(): ((flags: string) => void) | null {
  if (setFlags === undefined) {
    try {
      if (typeof process !== 'object') throw new Error('not Node');
      const req = createRequire(import.meta.url);
      // Only the main thread sets it: V8's flags are the process's, and a worker thread setting them while another
      // thread's isolate reads or sets them would race.
      const main = (req('node:worker_threads') as typeof import('node:worker_threads')).isMainThread;
      setFlags = main && !hostChoseFactor() ? (req('node:v8') as typeof import('node:v8')).setFlagsFromString : null;
    } catch {
      setFlags = null;
    }
  }
  return setFlags;
}

/** Runs `work` (on an input of `size` bytes or characters) with the young generation held when the input is large. */
export function withYoungGenerationHeld<T>(size: number, work: () => T): T {
  const set = size >= HELD_FROM && depth === 0 ? setter() : null;
  // Small, inside a hold already (whose outermost call restores the flag), or not to be held.
  if (set === null) return work();
  try {
    set('--semi-space-growth-factor=1');
  } catch {
    // A V8 that will not take it (none known): the work goes on unheld, and no later call tries again.
    setFlags = null;
    return work();
  }
  depth++;
  try {
    return work();
  } finally {
    depth--;
    set(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
  }
}
