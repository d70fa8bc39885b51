/**
 * `cmts kb977203`: apply the KB977203 preset to an exported task sequence and write the result atomically.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TaskSequenceDocument } from '../document.js';
import { isZip } from '../containers/export-zip.js';
import { TaskSequenceError } from '../errors.js';
import type { Kb977203Options } from '../presets/kb977203.js';
export { humanReport, type Kb977203CommandResult } from './kb977203-output.js';
import { fleetCsv, fleetJson } from '../presets/kb977203-fleet.js';
import { BatchOutput, cliError, jsonOf, type Kb977203CommandResult, type Mode, type Outcome, rowOf, summaryOf, writeHuman } from './kb977203-output.js';
import { flag, maxItemsOf, type OptionSpecs, type Parsed, reportUsage, shownValue, startCommand, str, UsageError, readLimitHelp, READ_LIMIT_OPTIONS } from './args.js';
import { errorRecord, printJson } from './json-report.js';
import { planTargets, type TargetOf } from './output-targets.js';
import type { CliIo } from './io.js';
import { EXIT } from './exit.js';
import { expandInputs } from './inputs.js';
import { parseJsonInput } from './json-input.js';
import { loadOne } from './load.js';
import { commitFile, failedInput, type FileReply, type FileResult, type FileSettings, fromReply, processBytes, toReply } from './kb977203-file.js';
import type { FileTask } from './kb977203-worker.js';
import { defaultWorkers, maxWorkers, ownBuffer, runPool } from './worker-pool.js';
import { assertValidWith } from '../assert-valid.js';
import { validate as validateOptions } from '../generated/validate-kb977203-options.js';

/** The command's --help text. */
export const HELP = `NAME
    cmts kb977203 - wire the KB977203 fix into exported task sequences

SYNOPSIS
    cmts kb977203 <input>... (-o <output> | --out-dir <folder> | --in-place) --certfix-package <ID> [options]
    cmts kb977203 <input>... --dry-run --certfix-package <ID> [options]
    cmts kb977203 <input>... --check --certfix-package <ID> [options]
    cmts kb977203 <input>... --revert (-o <output> | --out-dir <folder> | --in-place) --certfix-package <ID>

DESCRIPTION
    Wires Microsoft's KB977203 fix into an exported task sequence (a bare <sequence>, a ConfigMgr 2007
    <SmsTaskSequencePackage> export or a Current Branch object.xml), written back in the same container and
    encoding:
      - PATCH="<drive>\\_SMSTaskSequence\\OSD\\<client package>\\i386\\hotfix\\KB977203\\<msp>" in each
        Setup Windows and ConfigMgr step's installation properties (R4-R10; left alone if KB977384 is
        listed, R2);
      - Install Software (CCMCertFix) and Restart Computer (installed OS, no notification) right after each
        Setup Windows and ConfigMgr step (R13, R14); the CCMCertFix package in <referenceList> if there is one;
      - "Run another program first" = CCMCertFix, where the container can hold it (R12).
    It reconciles rather than appends: a stale or wrong KB977203 PATCH entry (the other service pack's .msp
    with --client-version, a %_SMSTSMDataPath% path with --drive or --source, another package ID) is replaced
    where it stands; CCMCertFix steps already after Setup are adopted; the new steps run exactly when Setup
    runs (its disable flag and condition carried over, or Setup wrapped in a group when its condition tests
    what Setup changes). Applying it again changes nothing. KB977203 is a ConfigMgr 2007 fix: a Current Branch
    object.xml or export .zip, a sequence version other than 3.00, or steps 2007 does not have are refused
    unless --force.
    An input is a file, a folder (its .xml and .zip files), a glob (*, ?, **) or - for standard input; a
    Current Branch export .zip is patched inside (every SMS_TaskSequencePackage/<ID>/object.xml), all its other
    parts copied byte for byte. With several inputs, one that fails does not stop the others, a sequence the KB
    does not apply to is skipped as "not applicable", and a summary table follows. Nothing is written for a
    file unless its whole run succeeds.
    R1-R15 are described in docs/kb977203-requirements.md (in the package).

OPTIONS
    -o, --output <file>        write the result here, in an existing folder ('-' for standard output); one
                               input only
    --out-dir <folder>         write each result to the folder (created if missing) under its own name
    --in-place                 overwrite each input (atomically)
    --config <file.json>       options from a JSON file (schemas/kb977203.options.schema.json keys,
                               e.g. {"certfixPackage": "ABC00010", "drive": "D:"}); flags override it
    --certfix-package <ID>     package holding CCMCertFix.exe (required, here or in --config), e.g. ABC00010
    --certfix-program <p>      its program [default: CCMCertFix]
    --certfix-package-name <n>
    --certfix-package-description <d>
    --certfix-package-version <v>
                               what the package is, for an export .zip's ReferencesInfo.xml when the package
                               is added to it (left empty and warned about when not given)
    --scenario <s>             refresh | new-computer | replace-capture | replace-restore [default: refresh]
                               (replace-capture: only "Run another program first", R15)
    --client-version <v>       sp1 | sp2: picks the .msp [default: sp2]
    --msp <file>               the .msp name when it differs by locale (R10)
    --drive <X:>               drive of the _SMSTaskSequence cache (R7) [default: C:]
    --source <UNC>             UNC path to the client installation files, instead of the cache (R9)
    --client-package <ID>      client installation package, instead of each step's own (R5)
    --certfix-step-name <n>    name of the inserted Install Software step (up to 100; over 50 warned)
    --restart-step-name <n>    name of the inserted Restart Computer step
    --force                    apply where cmts would refuse: a different "Run another program first" (the
                               steps running it are rewired), a sequence that is not ConfigMgr 2007, a step
                               that installs the hotfix (R1); the report warns loudly
    --check                    write nothing; exit 0 when everything is in place, 1 when changes are needed
                               (listed on standard error), for a nightly job over exported sequences
    --revert                   remove what the preset adds (its PATCH entry, its steps, DependentProgram, the
                               reference); on a file it wrote from one without PATCH, gives back the original
    --report <out.csv|out.json>
                               one row per task sequence: file, name, package ID, container, status (changed /
                               already in place / not applicable / failed), what changed, the reason
    --dry-run                  write nothing; print the change as a diff on standard output
    --html <file>              also write the change as an HTML review page, even with --dry-run (one input
                               holding one task sequence; the page is cmts render's comparison), written before
                               the result: a page that cannot be made or written leaves every file as it was
    --max-items <n>            with --html: refuse a page for over n steps and groups (default 200000)
    --json                     print {"results": [{"input", "output", "dryRun", "written", "report", "diff"?} |
                               {"input", "notApplicable"} | {"input", "error"}], "summary"} on standard output
                               (schemas/kb977203.report.schema.json), errors and usage errors included
    -j, --jobs <n>             threads for a batch of 40 MiB of input or more, at most one per core (two on one
                               core); the output is the same for any n [default: the number of cores]
${readLimitHelp('    ', 31)}
    -h, --help                 show this help

EXAMPLES
    cmts kb977203 ts.xml -o ts.patched.xml --certfix-package ABC00010 --client-version sp2 --drive C:
    cmts kb977203 ts.xml --dry-run --certfix-package ABC00010
    cmts kb977203 exports/ --out-dir patched/ --certfix-package ABC00010 --report fleet.csv
    cmts kb977203 exports/ --check --certfix-package ABC00010 --client-version sp2 --drive C: --json
    cmts kb977203 ts.patched.xml --revert -o ts.reverted.xml --certfix-package ABC00010

EXIT STATUS
    0 success (also when everything was already in place; with --check, only then); 1 bad input, a refused
    option, a refused sequence (an error finding such as R1, or not ConfigMgr 2007, without --force), or with
    --check changes needed (with several inputs: if any failed; a sequence the KB does not apply to is not a
    failure); 2 usage error (including an output that would overwrite an input without --in-place).
`;

const OPTIONS: OptionSpecs = {
  output: { type: 'string', short: 'o' },
  'in-place': { type: 'boolean' },
  'out-dir': { type: 'string' },
  config: { type: 'string' },
  'certfix-package': { type: 'string' },
  'certfix-program': { type: 'string' },
  'certfix-package-name': { type: 'string' },
  'certfix-package-description': { type: 'string' },
  'certfix-package-version': { type: 'string' },
  scenario: { type: 'string' },
  'client-version': { type: 'string' },
  msp: { type: 'string' },
  drive: { type: 'string' },
  source: { type: 'string' },
  'client-package': { type: 'string' },
  'certfix-step-name': { type: 'string' },
  'restart-step-name': { type: 'string' },
  force: { type: 'boolean' },
  check: { type: 'boolean' },
  revert: { type: 'boolean' },
  report: { type: 'string' },
  'dry-run': { type: 'boolean' },
  html: { type: 'string' },
  'max-items': { type: 'string' },
  json: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' },
};

/** Options from `--config <file.json>` (validated by the options schema), then the flags over them. */
function loadOptions(p: Parsed, io: CliIo): Kb977203Options {
  const config = str(p, 'config');
  let base: Partial<Kb977203Options> = {};
  if (config !== undefined) {
    base = parseJsonInput(Buffer.from(io.readFile(config)).toString('utf8'), config, 'OPTIONS_INVALID') as Partial<Kb977203Options>;
    try {
      // certfixPackage may come from the flags instead, so a placeholder satisfies `required` here; every key the
      // file does give is checked, and the merged options are validated again by the preset.
      assertValidWith(validateOptions, { certfixPackage: 'ABC00000', ...base }, `The options in ${config}`);
    } catch (e) {
      if (e instanceof TaskSequenceError) e.file = config;
      throw e;
    }
  }
  return { ...base, ...optionsFrom(p) } as Kb977203Options;
}

function checkUsage(p: Parsed): void {
  if (p.positionals.length === 0) throw new UsageError('Give the input file(s).');
  if (str(p, 'certfix-package') === undefined && str(p, 'config') === undefined) throw new UsageError('--certfix-package is required: the package that holds CCMCertFix.exe (R11).');
  // Standard input is read once: the second reader failed as the input's INVALID_ARGUMENT (status 1) after the first.
  if (str(p, 'config') === '-' && p.positionals.includes('-')) throw new UsageError('--config - and the input - both name standard input, which is read once: give one of them as a file.');
  const targets = [str(p, 'output') !== undefined, flag(p, 'in-place'), str(p, 'out-dir') !== undefined].filter(Boolean).length;
  if (flag(p, 'check') && flag(p, 'revert')) throw new UsageError('Give --check or --revert, not both.');
  if (flag(p, 'check') && targets > 0) throw new UsageError('--check writes nothing: leave out -o, --out-dir and --in-place.');
  if (flag(p, 'dry-run') && targets > 0) throw new UsageError('--dry-run writes nothing: leave out -o, --out-dir and --in-place.');
  if (targets > 1) throw new UsageError('Give one of -o <output>, --out-dir <folder> or --in-place.');
  if (targets === 0 && !flag(p, 'dry-run') && !flag(p, 'check')) throw new UsageError('Give -o <output>, --out-dir <folder> or --in-place (or --dry-run or --check to write nothing).');
  const jobs = str(p, 'jobs');
  if (jobs !== undefined && !/^[1-9][0-9]{0,3}$/.test(jobs)) throw new UsageError(`--jobs takes a whole number from 1 to 9999, not ${shownValue(jobs)}.`);
  if (maxItemsOf(p) !== undefined && str(p, 'html') === undefined) throw new UsageError('--max-items means something only with --html.');
  const report = str(p, 'report');
  if (report !== undefined && !/\.(csv|json)$/i.test(report)) throw new UsageError('--report writes a .csv or a .json file: give a name ending in one of them.');
}

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
    io.stderr.write(`cmts kb977203: ${e.format()}\n`);
    if (json && !(done instanceof BatchOutput)) {
      const summary = done.length > 0 ? summaryOf(done) : { files, changed: 0, notApplicable: 0, failed: 0 };
      printJson(io.stdout, { results: [...done.map(jsonOf), errorRecord(input, e)], summary: { ...summary, failed: summary.failed + 1 } });
    }
    return EXIT.failed;
  };
  let options: Kb977203Options;
  try {
    inputs = expandInputs(p.positionals, io);
    options = loadOptions(p, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('kb977203', e.message, io);
    if (!(e instanceof TaskSequenceError)) throw e;
    return fail(e, p.positionals.join(' '), 0);
  }
  const batch = inputs.length > 1 || p.positionals.some((a) => /[*?]/.test(a) || io.isDirectory(a));
  const html = str(p, 'html');
  if (batch && html !== undefined) return reportUsage('kb977203', '--html writes one review page: give one input (or run cmts render --compare per file).', io);
  // The sequence as it was, for the review page: read before anything is written (--in-place replaces it).
  let original: TaskSequenceDocument | undefined;
  try {
    if (html !== undefined) original = loadOne(io, inputs[0] as string).doc;
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    return fail(e, inputs[0] as string);
  }
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

  // One input's outcomes are kept (a zip can hold several sequences); a batch's are written as they come.
  const outcomes: Outcome[] = [];
  const reportFile = str(p, 'report');
  const output = batch ? new BatchOutput(io, mode, json, reportFile !== undefined) : undefined;
  const progress = batch && io.stderr.isTTY === true && !json && inputs.length >= 5;
  const settings: FileSettings = { options, mode, dryRun, limits: io.readLimits ?? {} };
  const done = (input: string, i: number, file: Outcome[]): void => {
    if (!output) {
      outcomes.push(...file);
      return;
    }
    // The progress line is cleared for the input's report, then shows how far the batch has come.
    if (progress) io.stderr.write('\r\x1b[K');
    output.add(file);
    if (progress) io.stderr.write(`[${i + 1}/${inputs.length}] ${input}`);
  };
  const jobs = jobsOf(p, inputs, io);
  try {
    if (jobs.pool) await runBatch(inputs, targetOf, settings, jobs.workers, io, done);
    else if (html !== undefined && original) {
      // One input (a batch with --html was refused). Its page is made and written before its result: a page that
      // cannot be made (--max-items) or written leaves the input and the target as they were.
      const input = inputs[0] as string;
      const target = targetOf(input);
      let r: FileResult;
      try {
        r = processBytes(io.readFile(input, settings.limits.maxBytes), input, target, settings, true);
      } catch (e) {
        r = { outcomes: [failedInput(input, e)] };
      }
      const kept = r.outcomes.find((o): o is Extract<Outcome, { result: Kb977203CommandResult }> => 'result' in o);
      if (kept?.doc) {
        try {
          const { renderComparison } = await import('../render/render-sequence.js');
          const maxItems = maxItemsOf(p);
          const page = renderComparison(original, kept.doc, { source: `${kept.input} with KB977203${dryRun ? ' (dry run)' : ''}`, ...(maxItems !== undefined && { maxItems }) });
          io.writeFileAtomic(html, Buffer.from(page, 'utf8'));
        } catch (e) {
          if (!(e instanceof TaskSequenceError)) throw e;
          return fail(e, html, 0, r.outcomes);
        }
      }
      try {
        done(input, 0, commitFile(r, target, io));
      } catch (e) {
        done(input, 0, [failedInput(input, e)]);
      }
    } else {
      inputs.forEach((input, i) => done(input, i, processInput(input, targetOf, settings, io)));
    }
    if (progress) io.stderr.write('\r\x1b[K');
    if (reportFile !== undefined) {
      const rows = output?.fleetRows ?? outcomes.map((o) => rowOf(o, mode));
      try {
        io.writeFileAtomic(reportFile, Buffer.from(/\.json$/i.test(reportFile) ? fleetJson(rows) : fleetCsv(rows), 'utf8'));
      } catch (e) {
        if (!(e instanceof TaskSequenceError)) throw e;
        return fail(e, reportFile, 0, output ?? outcomes);
      }
    }
    if (output) {
      output.finish();
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
    for (const o of outcomes) writeHuman(o, io);
  }
  return mode === 'check' && results.some((r) => r.report.changed) ? EXIT.failed : EXIT.ok;
}

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

/** `--jobs` (checked by {@link checkUsage}): how many threads, and whether to use a pool at all. */
function jobsOf(p: Parsed, inputs: string[], io: CliIo): { pool: boolean; workers: number } {
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
async function runBatch(inputs: string[], targetOf: TargetOf, settings: FileSettings, workers: number, io: CliIo, done: (input: string, i: number, outcomes: Outcome[]) => void): Promise<void> {
  let fellBack = false;
  await runPool<Outcome[] | FileReply>(inputs.length, {
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
function processInput(input: string, targetOf: TargetOf, settings: FileSettings, io: CliIo): Outcome[] {
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

/** The preset's options from the command line (the preset validates them). */
function optionsFrom(p: Parsed): Partial<Kb977203Options> {
  const options: Partial<Kb977203Options> = {};
  if (str(p, 'certfix-package') !== undefined) options.certfixPackage = str(p, 'certfix-package') as string;
  const set = <K extends keyof Kb977203Options>(key: K, flagName: string): void => {
    const v = str(p, flagName);
    if (v !== undefined) options[key] = v as Kb977203Options[K];
  };
  set('certfixProgram', 'certfix-program');
  set('certfixPackageName', 'certfix-package-name');
  set('certfixPackageDescription', 'certfix-package-description');
  set('certfixPackageVersion', 'certfix-package-version');
  set('scenario', 'scenario');
  set('clientVersion', 'client-version');
  set('msp', 'msp');
  set('drive', 'drive');
  set('source', 'source');
  set('clientPackage', 'client-package');
  set('certfixStepName', 'certfix-step-name');
  set('restartStepName', 'restart-step-name');
  if (flag(p, 'force')) options.force = true;
  return options;
}
