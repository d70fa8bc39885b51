/**
 * One input of `cmts kb977203`, from its bytes to its outcomes and the bytes to write. This part needs nothing but the
 * input and the settings, so a batch can run it on a worker thread ({@link ./kb977203-worker.ts}); reading the input
 * and writing the result stay with the caller, on the main thread, through its {@link CliIo}.
 */
import { checkWritten, readerWentAway } from './std-stream.js';
import { type Issue, TaskSequenceError } from '../errors.js';
import type { TaskSequenceDocument } from '../document.js';
import type { Kb977203Options, Kb977203Report } from '../presets/kb977203.js';
import { applyKb977203, checkKb977203 } from '../presets/kb977203.js';
import { revertKb977203 } from '../presets/kb977203-revert.js';
import { identity } from '../presets/kb977203-fleet.js';
import { writeEditedText, writeTaskSequenceText } from '../write.js';
import { editScopesDuring } from '../transforms/context.js';
import type { EditScope } from '../xml/edited-spans.js';
import { sourceOf } from '../xml/origin.js';
import type { ReadLimits } from './args.js';
import { detached } from './detached.js';
import type { CliIo } from './io.js';
import { cliError, type Identity, type Kb977203CommandResult, type Mode, NOT_APPLICABLE, type Outcome, withFlagNames } from './kb977203-output.js';
import { inputFailure } from './json-report.js';
import { loadBytes } from './load.js';
import { unifiedDiff } from './text-diff.js';
import { appendAll } from '../arrays.js';
import { asReadDuring } from '../visit.js';

/** What every input of a run is processed with (plain data: it is handed to each worker thread as is). */
export interface FileSettings {
  options: Kb977203Options;
  mode: Mode;
  dryRun: boolean;
  limits: ReadLimits;
}

/** An input's outcomes (one per task sequence it holds) and, when it is to be written, the bytes to write. */
export interface FileResult {
  outcomes: Outcome[];
  out?: Uint8Array;
}

/** A clone of `doc` with the preset applied, for what a check would leave undone. */
function appliedClone(doc: TaskSequenceDocument, options: Kb977203Options): TaskSequenceDocument {
  const clone = doc.clone();
  applyKb977203(clone, options);
  return clone;
}

/**
 * Runs the preset (or its check or revert) on every sequence of one input read as `bytes`; with a target, also gives
 * the bytes to write there, already checked. Throws `TaskSequenceError` when the input as a whole fails.
 */
export function processBytes(bytes: Uint8Array, file: string, target: string | undefined, s: FileSettings, keepDoc = false): FileResult {
  const { options, mode, dryRun } = s;
  const input = loadBytes(bytes, file, s.limits);
  const outcomes: Outcome[] = [];
  // Where the edits of the one sequence of a file are, for its write (an archive is written whole: see load.ts).
  let writeScopes: EditScope[] | undefined;
  for (const { label, doc, warnings } of input.docs) {
    // Only these fields outlive the file, copied (detached) so that none is a slice keeping the whole input alive.
    const id = detached(identity(label, doc));
    // Unedited, the document writes back as the text it was read from: that text is the diff's "before", not a print.
    const before = dryRun ? (sourceOf(doc.xml)?.text ?? writeTaskSequenceText(doc)) : '';
    let report: Kb977203Report;
    // Where the preset's edits are, for the print of the dry run's diff and of the file written (see
    // xml/edited-spans.ts): the preset makes every edit of this tree, and each says where, so the print walks only
    // there and copies the rest as read.
    let edited: EditScope[] | undefined;
    try {
      // Read here and handed to no one yet: the preset need not walk the tree to check what the reader built.
      const run = (): Kb977203Report => asReadDuring(doc, () => (mode === 'check' ? checkKb977203(doc, options) : mode === 'revert' ? revertKb977203(doc, options) : applyKb977203(doc, options)));
      ({ result: report, scopes: edited } = editScopesDuring(doc, run));
    } catch (e) {
      if (e instanceof TaskSequenceError && NOT_APPLICABLE.has(e.code) && mode !== 'revert') {
        outcomes.push({ input: label, notApplicable: cliError(e), id });
        e.message = detached(e.message);
        continue;
      }
      throw e;
    }
    if (input.docs.length === 1) writeScopes = edited;
    // Reader and container warnings reach the user with the report (standard error, and --json).
    // A check leaves the document as it was, so what the container would say of the apply (an export .zip's
    // ReferencesInfo.xml) is found on an applied clone: the check reports what the apply would.
    appendAll(report.diagnostics, doc.issues);
    appendAll(report.diagnostics, mode === 'check' && report.changed ? warnings(appliedClone(doc, options)) : warnings());
    for (const d of report.diagnostics) d.message = withFlagNames(d.message);
    for (const a of report.alreadyInPlace) a.what = withFlagNames(a.what);
    const result = { input: label, output: mode === 'check' ? null : (target ?? null), dryRun: dryRun || mode === 'check', written: false, report, ...(dryRun ? { diff: unifiedDiff(before, writeEditedText(doc, edited), label) } : {}) };
    outcomes.push({ input: label, result: detached(result), id, ...(keepDoc && { doc }) });
  }
  const results = outcomes.flatMap((o) => ('result' in o ? [o.result] : []));
  const changed = results.some((r) => r.report.changed);
  // What is not written is still judged as the write would judge it: an archive's damaged part fails the check too.
  if (changed && (mode === 'check' || dryRun)) input.checkCopies();
  if (mode === 'check' || dryRun || target === undefined || results.length === 0 || (!changed && target === file && file !== '-')) return { outcomes };
  const out = input.write(writeScopes);
  // Belt and braces: what we write must read back, or nothing is written.
  if (changed) input.verify(out, target);
  return { outcomes, out };
}

/** Writes an input's result to its target (standard output for `-`) and marks its results written. */
export function commitFile(r: FileResult, target: string | undefined, io: CliIo): Outcome[] {
  if (r.out === undefined || target === undefined) return r.outcomes;
  if (target === '-') {
    io.stdout.write(r.out);
    checkWritten(io.stdout);
  } else io.writeFileAtomic(target, r.out);
  // Standard output whose reader went away (`| head`) did not get it all: not written (and not reported so).
  const cut = target === '-' && readerWentAway(io.stdout);
  for (const o of r.outcomes) if ('result' in o) o.result.written = !cut;
  return r.outcomes;
}

/**
 * An input's outcomes, whatever happens: an error that stops the input is its one outcome, with the input named. A
 * `TaskSequenceError` is the input's fault; anything else is cmts's (`INTERNAL_ERROR`), and the batch goes on.
 */
export function failedInput(input: string, e: unknown): Outcome {
  const error = inputFailure(e);
  if (error.file === undefined) error.file = input;
  return { input, error };
}

/** A {@link TaskSequenceError} as plain data, to cross from a worker thread (a structured clone drops its class). */
interface ErrorData {
  code: TaskSequenceError['code'];
  message: string;
  range: [number, number] | undefined;
  linePos: TaskSequenceError['linePos'];
  file: string | undefined;
  path: string | undefined;
  more: Issue[];
}

/** An {@link Outcome} as plain data. */
type OutcomeData = { input: string; result: Kb977203CommandResult; id: Identity } | { input: string; notApplicable: ErrorData; id: Identity } | { input: string; error: ErrorData };

/** A {@link FileResult} as a worker sends it. */
export interface FileReply {
  outcomes: OutcomeData[];
  out?: Uint8Array;
  /** The input was too large for the thread's bounded heap (see `xml/heap-guard.ts`): it is to be done in the process, from these bytes (the input is not read again: a pipe cannot be). */
  here?: Uint8Array;
}

function errorData(e: TaskSequenceError): ErrorData {
  return { code: e.code, message: e.message, range: e.range, linePos: e.linePos, file: e.file, path: e.path, more: e.issues.slice(1) };
}

function errorOf(d: ErrorData): TaskSequenceError {
  return new TaskSequenceError(d.code, d.message, { ...(d.range && { range: d.range }), ...(d.linePos && { linePos: d.linePos }), ...(d.file !== undefined && { file: d.file }), ...(d.path !== undefined && { path: d.path }), issues: d.more });
}

/** An input's result as plain data for the main thread. */
export function toReply(r: FileResult): FileReply {
  const outcomes = r.outcomes.map((o): OutcomeData => {
    if ('error' in o) return { input: o.input, error: errorData(o.error) };
    if ('notApplicable' in o) return { input: o.input, notApplicable: errorData(o.notApplicable), id: o.id };
    return { input: o.input, result: o.result, id: o.id };
  });
  return { outcomes, ...(r.out && { out: r.out }) };
}

/** The result a worker sent, as the main thread's own. */
export function fromReply(r: FileReply): FileResult {
  const outcomes = r.outcomes.map((o): Outcome => {
    if ('error' in o) return { input: o.input, error: errorOf(o.error) };
    if ('notApplicable' in o) return { input: o.input, notApplicable: errorOf(o.notApplicable), id: o.id };
    return o;
  });
  return { outcomes, ...(r.out && { out: r.out }) };
}
