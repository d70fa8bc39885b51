/**
 * The one JSON shape every command's `--json` prints, whatever the number of inputs:
 * `{ "results": [ { "input": …, … } | { "input": …, "error": { code, message, … } } ], "summary": { … } }`.
 * Each record names its input (`file`, `file!part` inside an export .zip, `-` for standard input); an input that
 * failed is a record with `error` in the same array, so a script reads one shape and checks each record.
 */
import { currentFolderGone } from './describe-errno.js';
import { type ErrorCode, type Issue, TaskSequenceError } from '../errors.js';
import { SHOWN_PROBLEMS } from '../assert-valid.js';
import type { OutStream } from './io.js';
import { jsonText } from './json-text.js';
import { MAX_TEXT_LENGTH } from '../text-length.js';
import { EXIT } from './exit.js';

/** The JSON of an error: the error as an issue, and the issues behind it, when it has any (each with its place). */
export type ErrorJson = ReturnType<TaskSequenceError['toJSON']> & { issues?: Issue[] };

/**
 * The JSON of `e`, with `issues`, every issue behind it, when there are any: each problem of an options file or a JSON
 * model the schema refuses, at its own `line` and `col` (the error's own are the first one's; its message names ten).
 */
export function errorJson(e: TaskSequenceError): ErrorJson {
  const behind = e.issues.slice(1);
  return { ...e.toJSON(), ...(behind.length > 0 && { issues: behind }) };
}

/**
 * `e` as standard error says it: `cmts <command>: file:line:col: CODE message`; then, when more than one problem is
 * behind it (an options file's or a JSON model's schema refusal), each that its message names and that has a place,
 * on a line of its own in the same form, so that an editor lists every one at its key, not the first one alone.
 */
export function errorText(command: string | undefined, e: TaskSequenceError): string {
  const head = `cmts${command === undefined ? '' : ` ${command}`}: `;
  const behind = e.issues.slice(1);
  const placed = behind.length > 1 ? behind.slice(0, SHOWN_PROBLEMS).filter((i) => i.line !== undefined) : [];
  // Said as an error is (TaskSequenceError.format): the code of each problem is its error's.
  const asError = (i: Issue) => new TaskSequenceError(i.code as ErrorCode, i.message, { ...(i.file !== undefined && { file: i.file }), linePos: { line: i.line as number, col: i.col ?? 1 } });
  return [e, ...placed.map(asError)].map((x) => `${head}${x.format()}\n`).join('');
}

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
  return { input, error: errorJson(e) };
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
  printJson(out, { results: [{ input: json.input, error: errorJson(e) }], summary: { ...json.summary, failed: 1 } });
}

/**
 * Reports an error that stopped the run without a stack trace: a refusal (a {@link TaskSequenceError}, such as a
 * report too long to write) as what it is, `cmts <command>: CODE message`; anything else as a bug, its message on
 * standard error. Under `--json` the command's report then has that one record (`INTERNAL_ERROR` for a bug). Returns
 * the exit status 1.
 */
export function reportInternalError(e: unknown, io: { stdout: OutStream; stderr: OutStream; jsonErrors?: JsonErrors }, command?: string): number {
  e = currentFolderGone(e) ?? e;
  if (e instanceof TaskSequenceError) {
    io.stderr.write(errorText(command, e));
    if (io.jsonErrors) printErrorJson(io.stdout, io.jsonErrors, e);
    return EXIT.failed;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr.write(`cmts: internal error: ${message}\n`);
  if (io.jsonErrors) printErrorJson(io.stdout, io.jsonErrors, new TaskSequenceError('INTERNAL_ERROR', message));
  return EXIT.failed;
}

/**
 * Prints a report as JSON, two-space indented, with a final newline (at any depth: see {@link jsonText}). A report
 * longer than a string can be is refused (`INPUT_TOO_LARGE`, saying so), and nothing of it is printed.
 */
export function printJson<R>(out: OutStream, report: JsonReport<R>, maxLength = MAX_TEXT_LENGTH): void {
  let text: string;
  try {
    text = jsonText(report, maxLength);
  } catch (e) {
    if (!(e instanceof TaskSequenceError) || e.code !== 'INPUT_TOO_LARGE') throw e;
    throw new TaskSequenceError('INPUT_TOO_LARGE', `The JSON report would be over ${maxLength} characters, longer than a string can be (too many findings or differences, or names and paths too long); give fewer inputs at a time, or leave out --json: the text report is written a part at a time.`);
  }
  out.write(`${text}\n`);
}

/** Reports a failed input on standard error as `cmts <command>: file:line:col: CODE message`. */
export function reportFailure(command: string, input: string, e: TaskSequenceError, err: OutStream): void {
  if (e.file === undefined) e.file = input;
  err.write(errorText(command, e));
}

/**
 * A thrown value as the failure of the input being processed. Anything but a {@link TaskSequenceError} is cmts's
 * fault, `INTERNAL_ERROR`, and costs that input only: the other inputs of a batch are still processed, as the error
 * table promises (a stack overflow on one file stopped `convert` before the next).
 */
export function inputFailure(e: unknown): TaskSequenceError {
  if (e instanceof TaskSequenceError) return e;
  const gone = currentFolderGone(e);
  if (gone) return gone;
  const why = e instanceof Error ? e.message : String(e);
  return new TaskSequenceError('INTERNAL_ERROR', `cmts failed on this input: ${why}. This is a bug in cmts; the other inputs were still processed.`);
}
