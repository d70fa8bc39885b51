/**
 * `cmts kb977203`: apply the KB977203 preset to an exported task sequence and write the result atomically. The run
 * itself; its words (help, options, their checks) are kb977203-args.ts, how the inputs are processed (here or on
 * threads) kb977203-batch.ts, one file's work kb977203-file.ts and what is printed kb977203-output.ts.
 */
import type { TaskSequenceDocument } from '../document.js';
import { printable, TaskSequenceError } from '../errors.js';
import type { Kb977203Options } from '../presets/kb977203.js';
export { humanReport, type Kb977203CommandResult } from './kb977203-output.js';
export { HELP } from './kb977203-args.js';
import { fleetCsv, fleetJson } from '../presets/kb977203-fleet.js';
import { cliError, jsonOf, type Kb977203CommandResult, type Mode, needsWork, type Outcome, rowOf, summaryOf, writeHuman } from './kb977203-output.js';
import { BatchOutput } from './kb977203-batch-output.js';
import { flag, maxItemsOf, str, UsageError } from './args.js';
import { reportUsage, startCommand } from './start-command.js';
import { errorRecord, errorText, printJson } from './json-report.js';
import { planTargets, type TargetOf } from './output-targets.js';
import { signalTurn } from './write-signals.js';
import type { CliIo } from './io.js';
import { EXIT } from './exit.js';
import { expandInputs } from './inputs.js';
import { type Loaded, loadBytes } from './load.js';
import { commitFile, failedInput, type FileResult, type FileSettings, processBytes } from './kb977203-file.js';
import { checkUsage, HELP, OPTIONS } from './kb977203-args.js';
import { loadOptions } from './kb977203-load-options.js';
import { jobsOf, processInput, runBatch } from './kb977203-batch.js';
import { appendAll } from '../arrays.js';
import { readerWentAway } from './std-stream.js';

/** Runs `cmts kb977203`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const p = startCommand({ name: 'kb977203', help: HELP, options: OPTIONS, check: checkUsage, jsonSummary: { files: 0, changed: 0, notApplicable: 0, failed: 0 } }, argv, io);
  if (typeof p === 'number') return p;
  let inputs: string[];
  const json = flag(p, 'json');
  const dryRun = flag(p, 'dry-run');
  const mode: Mode = flag(p, 'check') ? 'check' : flag(p, 'revert') ? 'revert' : 'apply';
  // `files` is 0 when the run stops before reading any input (options that cannot be used).
  /**
   * Reports an error that ends the run: on standard error and, under --json, as the report. Errors of a file of the
   * run's own (--report, --html) come after the inputs are done: their records (`done`) are printed before it, so a
   * script still learns what happened to each input.
   */
  const fail = (e: TaskSequenceError, input: string, files = 1, done: Outcome[] | BatchOutput = []): number => {
    if (e.file === undefined) e.file = input;
    cliError(e);
    // A batch's records are out already: its JSON ends with this error's record; people get the table, then it.
    if (done instanceof BatchOutput) done.finish(json ? errorRecord(input, e) : undefined);
    io.stderr.write(errorText('kb977203', e));
    if (json && !(done instanceof BatchOutput)) {
      const summary = done.length > 0 ? summaryOf(done) : { files, changed: 0, notApplicable: 0, failed: 0 };
      printJson(io.stdout, { results: [...done.map(jsonOf), errorRecord(input, e)], summary: { ...summary, failed: summary.failed + 1 } });
    }
    return EXIT.failed;
  };
  try {
    inputs = expandInputs(p.positionals, io, undefined, undefined, 'kb977203');
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('kb977203', e.message, io);
    if (!(e instanceof TaskSequenceError)) throw e;
    // A folder that cannot be listed is trouble with the command line, as for every command (exit 2), not a failed input.
    fail(e, p.positionals.join(' '), 0);
    return EXIT.usage;
  }
  let options: Kb977203Options;
  try {
    options = loadOptions(p, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('kb977203', e.message, io);
    if (!(e instanceof TaskSequenceError)) throw e;
    return fail(e, p.positionals.join(' '), 0);
  }
  const batch = inputs.length > 1 || p.positionals.some((a) => /[*?]/.test(a) || io.isDirectory(a));
  const html = str(p, 'html');
  if (batch && html !== undefined) return reportUsage('kb977203', '--html writes one review page: give one input (or run cmts render --compare per file).', io);
  let targetOf: TargetOf;
  try {
    const alsoWritten = [
      ...(str(p, 'report') === undefined ? [] : [{ option: '--report', path: str(p, 'report') as string }]),
      ...(html === undefined ? [] : [{ option: '--html', path: html }]),
    ];
    const config = str(p, 'config');
    const alsoRead = config === undefined ? [] : [{ option: '--config', path: config }];
    targetOf = planTargets(inputs, { output: str(p, 'output'), outDir: str(p, 'out-dir'), inPlace: flag(p, 'in-place'), alsoWritten, alsoRead, json }, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('kb977203', e.message, io);
    throw e;
  }

  // The sequence as it was, for the review page: read before anything is written (--in-place replaces it), but after
  // the targets are planned, which tells the io to stamp the read of an input --in-place replaces (for the check
  // before its write). Its bytes are kept for the run itself, which reads the input no second time: standard input
  // (-) can be read only once.
  let original: { doc: TaskSequenceDocument; bytes: Uint8Array } | undefined;
  try {
    if (html !== undefined) original = readOne(io, inputs[0] as string);
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    return fail(e, inputs[0] as string);
  }

  // One input's outcomes are kept (a zip can hold several sequences); a batch's are written as they come.
  const outcomes: Outcome[] = [];
  const reportFile = str(p, 'report');
  const output = batch ? new BatchOutput(io, mode, json, reportFile !== undefined) : undefined;
  const progress = batch && io.stderr.isTTY === true && !json && inputs.length >= 5;
  const settings: FileSettings = { options, mode, dryRun, limits: io.readLimits ?? {} };
  const done = (input: string, i: number, file: Outcome[]): void => {
    if (!output) {
      appendAll(outcomes, file);
      return;
    }
    // The progress line is cleared for the input's report, then shows how far the batch has come.
    if (progress) io.stderr.write('\r\x1b[K');
    output.add(file);
    if (progress) io.stderr.write(`[${i + 1}/${inputs.length}] ${printable(input)}`);
  };
  // A batch that writes no file (a dry run or a check, with no --report) has nothing left to do once the reader of
  // standard output went away (`| head`): it stops there, as a program that SIGPIPE ends would, rather than reading
  // and processing every input for no one. A batch that writes files goes on: they are what it is run for.
  let processed = 0;
  const stop = batch && (dryRun || mode === 'check') && reportFile === undefined ? () => readerWentAway(io.stdout) : undefined;
  const counted = (input: string, i: number, file: Outcome[]): void => {
    processed++;
    done(input, i, file);
  };
  const jobs = jobsOf(p, inputs, io);
  try {
    if (jobs.pool) await runBatch(inputs, targetOf, settings, jobs.workers, io, counted, stop);
    else if (html !== undefined && original) {
      // One input (a batch with --html was refused). Its page is made and written before its result: a page that
      // cannot be made (--max-items) or written leaves the input and the target as they were.
      const input = inputs[0] as string;
      const target = targetOf(input);
      let r: FileResult;
      try {
        r = processBytes(original.bytes, input, target, settings, true);
      } catch (e) {
        r = { outcomes: [failedInput(input, e)] };
      }
      // The review page's old content (undefined: there was none), once this run has written it.
      let pageBefore: Uint8Array | undefined | null = null;
      const kept = r.outcomes.find((o): o is Extract<Outcome, { result: Kb977203CommandResult }> => 'result' in o);
      if (kept?.doc) {
        try {
          const { renderComparison } = await import('../render/render-sequence.js');
          const maxItems = maxItemsOf(p);
          const page = renderComparison(original.doc, kept.doc, { source: `${kept.input} with KB977203${dryRun ? ' (dry run)' : ''}`, ...(maxItems !== undefined && { maxItems }) });
          // What was there, to give back if the result cannot be written after all (the page would describe a
          // change that was not made).
          pageBefore = io.kindOf(html) === 'file' ? io.readFile(html) : undefined;
          io.writeFileAtomic(html, Buffer.from(page, 'utf8'));
        } catch (e) {
          if (!(e instanceof TaskSequenceError)) throw e;
          return fail(e, html, 0, r.outcomes);
        }
      }
      try {
        done(input, 0, commitFile(r, target, io));
      } catch (e) {
        if (pageBefore !== null) takeBackPage(io, html, pageBefore);
        done(input, 0, [failedInput(input, e)]);
      }
    } else {
      for (let i = 0; i < inputs.length && !stop?.(); i++) {
        counted(inputs[i] as string, i, processInput(inputs[i] as string, targetOf, settings, io));
        // A signal that came while this input's result was written stops the batch here (see atomic-write.ts).
        const turn = signalTurn();
        if (turn) await turn;
      }
    }
    if (progress) io.stderr.write('\r\x1b[K');
    if (reportFile !== undefined) {
      const rows = output?.fleetRows ?? outcomes.map((o) => rowOf(o, mode));
      try {
        io.writeFileAtomic(reportFile, Buffer.from(/\.json$/i.test(reportFile) ? fleetJson(rows) : fleetCsv(rows), 'utf8'));
      } catch (e) {
        if (!(e instanceof TaskSequenceError)) throw e;
        // One input's report is not out yet (a batch's is): people learn what became of it (its result is written)
        // before the error, as --json's record says it.
        if (!output && !json) for (const o of outcomes) writeHuman(o, io, mode);
        return fail(e, reportFile, 0, output ?? outcomes);
      }
    }
    if (output) {
      output.finish();
      if (stop?.() && processed < inputs.length) io.stderr.write(`cmts kb977203: standard output was closed; the batch stopped after ${processed} of ${inputs.length} inputs (it writes no file, so nothing is left half done).\n`);
      const { failed, changed } = output.counts;
      return failed > 0 || (mode === 'check' && changed > 0) ? EXIT.failed : EXIT.ok;
    }
  } catch (e) {
    // A bug met once a batch's JSON document is begun: it ends that document with the error's record, so standard
    // output stays one JSON document (the launcher's own report of it would be a second).
    if (!output?.jsonBegun) throw e;
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`cmts: internal error: ${message}\n`);
    output.finish(errorRecord(p.positionals.join(' '), new TaskSequenceError('INTERNAL_ERROR', message)));
    return EXIT.failed;
  }

  // A single named file (a batch has returned above): not applicable is a failure with its reason.
  const input = inputs[0] as string;
  const bad = outcomes.find((o): o is Extract<Outcome, { error: TaskSequenceError }> => 'error' in o);
  if (bad) return fail(bad.error, input);
  const results = outcomes.flatMap((o) => ('result' in o ? [o.result] : []));
  if (results.length === 0) {
    const na = outcomes.find((o): o is Extract<Outcome, { notApplicable: TaskSequenceError }> => 'notApplicable' in o);
    if (na) return fail(na.notApplicable, input);
  }
  if (json) printJson(io.stdout, { results: outcomes.map(jsonOf), summary: summaryOf(outcomes) });
  else {
    for (const o of outcomes) writeHuman(o, io, mode);
  }
  return mode === 'check' && results.some(needsWork) ? EXIT.failed : EXIT.ok;
}

/** The one task sequence of an input, for the review page, and the bytes it was read from (an export .zip of several is refused). */
function readOne(io: CliIo, file: string): { doc: TaskSequenceDocument; bytes: Uint8Array } {
  const limits = io.readLimits ?? {};
  const bytes = io.readFile(file, limits.maxBytes);
  const { docs } = loadBytes(bytes, file, limits);
  if (docs.length !== 1) throw new TaskSequenceError('INVALID_ARGUMENT', `${file} holds ${docs.length} task sequences; this command takes one.`, { file });
  return { doc: (docs[0] as Loaded).doc, bytes };
}

/**
 * Undoes the review page of a run whose result could not be written: the page is removed, or given back what it held.
 * An undo that fails is said on standard error (the run has failed already; its status says so).
 */
function takeBackPage(io: CliIo, html: string, before: Uint8Array | undefined): void {
  try {
    if (before !== undefined) io.writeFileAtomic(html, before);
    else if (io.removeFile) io.removeFile(html);
    else throw new TaskSequenceError('IO_ERROR', 'this run cannot remove files');
  } catch (e) {
    io.stderr.write(`cmts kb977203: the review page ${html} describes a result that was not written, and could not be taken back: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
