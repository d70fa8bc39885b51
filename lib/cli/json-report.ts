/**
 * The one JSON shape every command's `--json` prints, whatever the number of inputs:
 * `{ "results": [ { "input": …, … } | { "input": …, "error": { code, message, … } } ], "summary": { … } }`.
 * Each record names its input (`file`, `file!part` inside an export .zip, `-` for standard input); an input that
 * failed is a record with `error` in the same array, so a script reads one shape and checks each record.
 */
import { TaskSequenceError } from '../errors.js';
import type { OutStream } from './io.js';
import { jsonText } from './json-text.js';
import { EXIT } from './exit.js';

/** The JSON of an error. */
export type ErrorJson = ReturnType<TaskSequenceError['toJSON']>;

/** A record for an input that failed. */
export interface ErrorRecord {
  input: string;
  error: ErrorJson;
}

/** What `--json` prints. */
export interface JsonReport<R> {
  results: (R | ErrorRecord)[];
  summary: Record<string, number>;
}

/** The record of an input that failed (the error names the input if it named no file). */
export function errorRecord(input: string, e: TaskSequenceError): ErrorRecord {
  if (e.file === undefined) e.file = input;
  return { input, error: e.toJSON() };
}

/**
 * How a command under `--json` reports an error that stops the whole run (a usage error, an unreadable folder):
 * its summary with every count zero, and the inputs named on the command line.
 */
export interface JsonErrors {
  summary: Record<string, number>;
  /** The inputs named on the command line, joined by a space ("" when none). */
  input: string;
}

/**
 * Prints the report of a run stopped by one error before it read its inputs: the command's own envelope with one
 * error record and `failed: 1` in the summary. The record's `input` is the inputs given; the error's own `file`
 * names the file it is about (an options file, a folder that cannot be listed), when there is one.
 */
export function printErrorJson(out: OutStream, json: JsonErrors, e: TaskSequenceError): void {
  printJson(out, { results: [{ input: json.input, error: e.toJSON() }], summary: { ...json.summary, failed: 1 } });
}

/**
 * Reports an error cmts did not expect (a bug) without a stack trace: its message on standard error and, under
 * `--json`, the command's report with one `INTERNAL_ERROR` record. Returns the exit status 1.
 */
export function reportInternalError(e: unknown, io: { stdout: OutStream; stderr: OutStream; jsonErrors?: JsonErrors }): number {
  const message = e instanceof Error ? e.message : String(e);
  io.stderr.write(`cmts: internal error: ${message}\n`);
  if (io.jsonErrors) printErrorJson(io.stdout, io.jsonErrors, new TaskSequenceError('INTERNAL_ERROR', message));
  return EXIT.failed;
}

/** Prints a report as JSON, two-space indented, with a final newline (at any depth: see {@link jsonText}). */
export function printJson<R>(out: OutStream, report: JsonReport<R>): void {
  out.write(`${jsonText(report)}\n`);
}

/** Reports a failed input on standard error as `cmts <command>: file:line:col: CODE message`. */
export function reportFailure(command: string, input: string, e: TaskSequenceError, err: OutStream): void {
  if (e.file === undefined) e.file = input;
  err.write(`cmts ${command}: ${e.format()}\n`);
}

/**
 * A thrown value as the failure of the input being processed. Anything but a {@link TaskSequenceError} is cmts's
 * fault, `INTERNAL_ERROR`, and costs that input only: the other inputs of a batch are still processed, as the error
 * table promises (a stack overflow on one file stopped `convert` before the next).
 */
export function inputFailure(e: unknown): TaskSequenceError {
  if (e instanceof TaskSequenceError) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new TaskSequenceError('INTERNAL_ERROR', `cmts failed on this input: ${why}. This is a bug in cmts; the other inputs were still processed.`);
}
