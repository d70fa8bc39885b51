/**
 * Stopping on a signal while the command line writes: the temporary files this process made and has not renamed are
 * removed first, so a stopped run never leaves a half-written file or a temporary one (see atomic-write.ts).
 */
import { rmSync, writeSync } from 'node:fs';

/** The temporary files this process made and has neither renamed nor removed: what a stop on a signal removes. */
export const live = new Set<string>();

/**
 * The files written in full (renamed into place) while the handlers were installed: how many, and the last. A signal
 * that comes during a write stops the run after it, the file written, and the stop says so: "no file is left
 * half-written" alone read as if nothing had been.
 */
const whole = { count: 0, last: '' };

/** Notes that `target` was written in full (renamed into place). */
export function wroteInFull(target: string): void {
  if (!handled) return;
  whole.count++;
  whole.last = target;
}

/**
 * The signals the command line stops on, once it writes, without leaving a temporary file, with their numbers (the
 * same on every POSIX system): the exit status is 128 + the number, as a shell gives for a program a signal ended.
 */
const STOP_SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
/** Set by the command line's launcher: writes install the handlers. A library's caller keeps its own. */
let stopOnSignals = false;
let handled = false;

/**
 * Makes this process stop on SIGINT, SIGTERM and SIGHUP once it begins writing a file: it removes the temporary files
 * it made and has not renamed, says so on standard error, and exits 128 + the signal's number (130, 143, 129). Until
 * then a signal ends the process as it always does (nothing of cmts's is on disk yet). For the command line only
 * (launch.ts): a library must not take its caller's signals.
 *
 * Node runs a handler only between pieces of JavaScript, never in the middle of one, and a write is one such piece
 * (see {@link writeFileAtomic}): a signal that comes while a file is written takes effect once that write is over,
 * its rename made or its temporary file removed, so the target is never half-written, and the run stops at the next
 * {@link signalTurn} (a batch asks after each input) or when the command returns, never writing another file.
 */
export function stopOnSignalsWhileWriting(): void {
  stopOnSignals = true;
}

/** Installs the stop handlers, once, when the command line asked for them. */
export function handleSignals(): void {
  if (!stopOnSignals || handled) return;
  handled = true;
  for (const signal of Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[]) process.on(signal, () => stopOn(signal));
}

function stopOn(signal: keyof typeof STOP_SIGNALS): never {
  for (const tmp of live) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The next run that writes into its folder removes it.
    }
  }
  live.clear();
  try {
    const done = whole.count === 0 ? '' : whole.count === 1 ? ` ${whole.last} was written in full before the stop.` : ` ${whole.count} files were written in full before the stop, the last ${whole.last}.`;
    writeSync(2, `cmts: stopped by ${signal}; no file is left half-written.${done}\n`);
  } catch {
    // Standard error is gone: the status says it.
  }
  process.exit(128 + STOP_SIGNALS[signal]);
}

/**
 * A turn of the event loop when signals are handled (see {@link stopOnSignalsWhileWriting}), for a signal that came
 * during a write to stop the run there; undefined otherwise (nothing to wait for). A batch awaits it after each input.
 *
 * The turn reaches the loop's next poll for events, where a signal is taken: two immediates, not one. Called from a
 * poll callback (a worker thread's result, a stream's data), one immediate runs in the same iteration's check phase,
 * before any poll, and the run went on to its next write with the signal still waiting; an immediate set from the
 * check phase runs in the next iteration, after its poll.
 */
export function signalTurn(): Promise<void> | undefined {
  return handled ? new Promise((resolve) => setImmediate(() => setImmediate(resolve))) : undefined;
}
