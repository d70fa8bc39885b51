/**
 * Standard output and error as the `cmts` process writes them. A failed write never throws out of a command, and never
 * ends the process with a stack trace: a reader that goes away (`| head`) ends the writing quietly (no message: that
 * is normal use), but the run's status still says the output was cut short, so that `set -o pipefail` sees it; any
 * other failure (a full disk under `> out.xml`, an I/O error) is kept for the launcher, which reports it and fails the
 * run (see {@link settleStandardStreams}), because what was written is incomplete.
 *
 * A file, a pipe, a socket or the null device (on Linux, any memory device: /dev/full too) is written directly and synchronously (`fs.writeSync`, every byte, in
 * program order): this is what Node's own streams do there, minus loading its stream machinery, which was a
 * twentieth of a command's start-up. A terminal (and, on Windows, anything but a file) goes through Node's
 * `process.stdout`/`process.stderr`, which write a terminal the way it expects (on Windows, as UTF-16 to the console).
 */
import { fstatSync, statSync, type Stats, writeSync } from 'node:fs';
import { TaskSequenceError } from '../errors.js';
import { sleep } from './bounded-read.js';
import { describeErrno } from './describe-errno.js';
import { EXIT } from './exit.js';
import type { OutStream } from './io.js';

/** Standard output or error: an {@link OutStream} that remembers why writing it failed. */
export interface StandardStream extends OutStream {
  /** What made writing fail, if it did; a reader that went away (a closed pipe) is not such a failure: see `readerGone`. */
  readonly failure: Error | undefined;
  /** Whether a write found the reader gone (a closed pipe): what was written is cut short, and nothing more is written. */
  readonly readerGone: boolean;
  /** Whether everything written so far has gone out: always, but for Node's stream (a terminal) with bytes queued. */
  readonly drained: boolean;
}

/** Whether nothing written to `out` is still waiting to go out; true for a stream that does not tell (an io's own). */
export function drained(out: OutStream): boolean {
  return (out as Partial<StandardStream>).drained !== false;
}

/**
 * Whether the reader of `out` went away (`| head`): a command with nothing left to do for it stops there. False for
 * a stream that does not tell (an io's own, in tests or a script).
 */
export function readerWentAway(out: OutStream): boolean {
  return (out as Partial<StandardStream>).readerGone === true;
}

/** Whether writing stops quietly: the reader went away (a closed pipe), or Node's stream was closed after it did. */
const readerGone = (e: unknown): boolean => {
  const code = (e as { code?: unknown }).code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
};

/**
 * How the file descriptor is written: directly (a file, a pipe, a socket or the null device: see above), through
 * Node's stream, or not at all when it is closed (EBADF): the error then. Node's stream for a closed descriptor
 * is a sink that drops every byte and reports nothing (what it gives a Windows program without a console), so a
 * result written there was lost without a word and the run exited 0. On Windows that sink is kept: a program started
 * without a console has no standard output by design.
 */
function wayOf(fd: number): 'direct' | 'stream' | Error {
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (e) {
    // Any other failure: a descriptor fstat cannot describe, which Node's stream knows what to do with.
    return (e as { code?: unknown }).code === 'EBADF' && process.platform !== 'win32' ? (e as Error) : 'stream';
  }
  return direct(st) ? 'direct' : 'stream';
}

/** Whether a descriptor of this kind is written directly: a file, a pipe, a socket or the null device (see above). */
function direct(st: Stats): boolean {
  try {
    if (st.isFile()) return true;
    if (process.platform === 'win32') return false;
    if (st.isFIFO() || st.isSocket()) return true;
    if (!st.isCharacterDevice()) return false;
    // Linux's memory devices (major 1: /dev/null, /dev/zero, /dev/full) are never terminals; elsewhere, the null device.
    if (process.platform === 'linux' && ((st.rdev >> 8) & 0xfff) === 1) return true;
    return st.rdev === statSync('/dev/null').rdev;
  } catch {
    // No null device to compare with: Node's stream knows what to do with a character device.
    return false;
  }
}

/** Writes every byte of `bytes`, waiting while a non-blocking descriptor is full. Throws what the system call threw. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'EAGAIN') throw e;
      sleep(1);
    }
  }
}

/**
 * Standard output (`fd` 1) or error (2) of this process. How it is written is decided at its first use, so a run
 * that never writes one does not look at it.
 */
export function standardStream(fd: 1 | 2): StandardStream {
  let way: 'direct' | 'stream' | 'stopped' | undefined;
  let failure: Error | undefined;
  let gone = false;
  const node = (): NodeJS.WriteStream => (fd === 1 ? process.stdout : process.stderr);
  const stop = (e: unknown): void => {
    if (readerGone(e)) gone = true;
    else failure ??= e instanceof Error ? e : new Error(String(e));
    if (way === 'stream') node().destroy();
    way = 'stopped';
  };
  const decide = (): 'direct' | 'stream' | 'stopped' => {
    if (way !== undefined) return way;
    const found = wayOf(fd);
    if (found instanceof Error) {
      stop(found);
      return 'stopped';
    }
    way = found;
    if (way === 'stream') node().on('error', stop);
    return way;
  };
  return {
    get isTTY(): boolean {
      return decide() === 'stream' && node().isTTY;
    },
    get failure(): Error | undefined {
      return failure;
    },
    get readerGone(): boolean {
      return gone;
    },
    get drained(): boolean {
      return way !== 'stream' || node().writableLength === 0;
    },
    write(chunk: string | Uint8Array): boolean {
      const now = decide();
      if (now === 'stopped') return false;
      if (now === 'stream') return node().write(chunk);
      try {
        writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        return true;
      } catch (e) {
        stop(e);
        return false;
      }
    },
  };
}

/** Failures already reported where a result was lost, so that the end of the run does not report them again. */
const reported = new WeakSet<Error>();

function standardOutputError(failure: Error): TaskSequenceError {
  return new TaskSequenceError('IO_ERROR', `Cannot write standard output: ${describeErrno(failure)}; what was written is incomplete.`, { file: '(standard output)' });
}

/**
 * Throws `IO_ERROR` if standard output could not be written (a result just written there is lost): a command calls
 * it after writing a result, so that the result is that input's failure and never reported as written. Each failure
 * is thrown once; other streams (a test's) never throw.
 */
export function checkWritten(out: OutStream): void {
  const failure = (out as Partial<StandardStream>).failure;
  if (failure === undefined || reported.has(failure)) return;
  reported.add(failure);
  throw standardOutputError(failure);
}

/**
 * The exit status of a run whose command returned `code`, once its standard streams are settled. Standard output that
 * could not be written is reported on standard error (`cmts <command>: (standard output): IO_ERROR …`) and fails the
 * run: status 1 (for `diff`, whose 1 means differences, 2 — trouble, as diff(1)), or the command's own status if it
 * already failed. A reader that went away before the output was all written (`| head`) fails it the same way, without
 * a word: the status alone says the output was cut short. A standard error that cannot be written changes nothing: it
 * has no one to tell, and the status already says how the run went.
 */
export function settleStandardStreams(stdout: StandardStream, stderr: OutStream, code: number, command: string | undefined): number {
  if (stdout.failure === undefined && !stdout.readerGone) return code;
  // Reported already as the failure of the input whose result was lost (see checkWritten): the status is all.
  if (stdout.failure !== undefined && !reported.has(stdout.failure)) stderr.write(`cmts${command === undefined ? '' : ` ${command}`}: ${standardOutputError(stdout.failure).format()}\n`);
  if (command === 'diff') return Math.max(code, EXIT.usage);
  return code === EXIT.ok ? EXIT.failed : code;
}
