/**
 * `cmts transform <name>`: run one registered transform, with its options from a JSON file, on task sequences.
 */
import { checkWritten } from './std-stream.js';
import { printable, TaskSequenceError } from '../errors.js';
import { applyWith, checkWith, TRANSFORMS, type TransformEntry, type TransformReport } from '../transforms/index.js';
import { PRESETS } from '../presets/index.js';
import { validOptions } from '../transforms/values.js';
import { flag, type OptionSpecs, type Parsed, shownValue, str, UsageError, readLimitHelp, READ_LIMIT_OPTIONS, withLimitFlags } from './args.js';
import { reportUsage, startCommand } from './start-command.js';
import { errorRecord, errorText, inputFailure, printErrorJson, printJson } from './json-report.js';
import { planTargets, type TargetOf } from './output-targets.js';
import { inputsOrFail } from './inputs.js';
import { alreadyLine, changeLines } from './change-line.js';
import { issueLine } from './issue-line.js';
import { parseJsonInput } from './json-input.js';
import { asFileKeys, placeInJson } from './json-place.js';
import { signalTurn } from './write-signals.js';
import type { CliIo } from './io.js';
import { loadInput } from './load.js';
import { EXIT } from './exit.js';
import { appendAll } from '../arrays.js';
import { optionsText } from './text-input.js';

/** Every transform and preset by name. */
const ENTRIES: Record<string, TransformEntry<never>> = { ...TRANSFORMS, ...PRESETS };

function entryOf(name: string): TransformEntry<never> | undefined {
  return Object.prototype.hasOwnProperty.call(ENTRIES, name) ? ENTRIES[name] : undefined;
}

/** The command's --help text. */
export const HELP = `NAME
    cmts transform - run one transform (or preset) on task sequences, with its options from a JSON file

SYNOPSIS
    cmts transform <name> <input>... --options <file.json> (-o <output> | --out-dir <folder> | --in-place)
    cmts transform <name> <input>... --options <file.json> --check

DESCRIPTION
    Runs one transform on task sequences, written back in the same container and encoding. An input is a file,
    a folder (its .xml and .zip files), a glob (*, ?, **; a name that exists is that file) or - for standard
    input; an export .zip is changed inside, its other parts copied byte for byte. The options come from a JSON
    file checked against schemas/<name>.options.schema.json. Every refusal comes before the first edit, and
    nothing is written for a file unless its whole run succeeds; applying a transform again changes nothing.
    What changed (or, with --check, would change) is listed on standard error, as cmts kb977203 lists it: each
    change with the requirement it meets ([R4]) and the value before and after, when the transform gives them. The
    transforms:
${Object.entries(ENTRIES)
  .map(([name, t]) => `      ${name.padEnd(24)}${t.description}`)
  .join('\n')}

OPTIONS
    --options <file.json>    the transform's options (required)
    -o, --output <file>      write the result here, in an existing folder ('-' for standard output); one
                             input only
    --out-dir <folder>       write each result to the folder (created if missing) under its own name
    --in-place               overwrite each input (atomically); one that another program changed after cmts
                             read it is left as it is now, not written (INPUT_CHANGED, exit 1)
    --check                  write nothing; exit 0 when nothing would change, 1 when something would
    --json                   print {"results": [{"input", "report", "written"} | {"input", "error"}],
                             "summary"} on standard output (schemas/transform.report.schema.json), errors and
                             usage errors included
${readLimitHelp('    ', 29)}
    -h, --help               show this help

EXAMPLES
    cmts transform add-reference ts.object.xml --options ref.json --in-place
        (ref.json: {"packageId": "ABC00010"})
    cmts transform add-reference exports/ --options ref.json --check --json
    cmts transform set-dependent-program ts.xml --options dependent.json -o ts.dependent.xml
        (dependent.json: {"packageId": "ABC00010", "programName": "CCMCertFix"})

EXIT STATUS
    0 done (or, with --check, nothing to change); 1 an input failed or was refused (nothing written for it),
    or with --check changes are needed; 2 usage error (including an output that would overwrite an input
    without --in-place) or a folder that cannot be listed.
`;

const OPTIONS: OptionSpecs = {
  options: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  'in-place': { type: 'boolean' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' },
};

function checkUsage(p: Parsed): void {
  const [name, ...inputs] = p.positionals;
  if (name === undefined) throw new UsageError('Give the transform name and the input file(s).');
  if (!entryOf(name)) throw new UsageError(`Unknown transform ${shownValue(name, '"')}; the transforms are ${Object.keys(ENTRIES).join(', ')}.`);
  if (inputs.length === 0) throw new UsageError('Give the input file(s).');
  if (str(p, 'options') === undefined) throw new UsageError('--options <file.json> is required.');
  // Standard input is read once: the second reader failed as the input's INVALID_ARGUMENT (status 1) after the first.
  if (str(p, 'options') === '-' && inputs.includes('-')) throw new UsageError('--options - and the input - both name standard input, which is read once: give one of them as a file.');
  const targets = [str(p, 'output') !== undefined, flag(p, 'in-place'), str(p, 'out-dir') !== undefined, flag(p, 'check')].filter(Boolean).length;
  // Two given is said as convert and render say it ("…, not both"): "Give one of" read as if none was.
  if (targets > 1) throw new UsageError('Give only one of -o <output>, --out-dir <folder>, --in-place or --check, not several.');
  if (targets !== 1) throw new UsageError('Give one of -o <output>, --out-dir <folder>, --in-place or --check.');
}

/** One sequence's outcome. */
type Outcome = { input: string; report: TransformReport; written: boolean } | { input: string; error: TaskSequenceError };

/** Runs `cmts transform`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const p = startCommand({ name: 'transform', help: HELP, options: OPTIONS, check: checkUsage, jsonSummary: { files: 0, changed: 0, failed: 0 }, inputsOf: (positionals) => positionals.slice(1) }, argv, io);
  if (typeof p === 'number') return p;
  const [nameArg, ...args] = p.positionals;
  const name = nameArg as string;
  const entry = entryOf(name) as TransformEntry<never>;
  const check = flag(p, 'check');
  // A folder that cannot be listed is trouble with the command line, as for every command (exit 2), not a failed input;
  // so are inputs that name nothing, said before the options file is read (as kb977203 does with --config): read
  // first, its error made the run exit 1, as if an input had failed.
  const listed = inputsOrFail('transform', args, io);
  if (typeof listed === 'number') return listed;
  const inputs = listed;
  let options: unknown;
  try {
    const file = str(p, 'options') as string;
    const text = optionsText(io, file);
    options = parseJsonInput(text, file, 'OPTIONS_INVALID');
    // Checked against the schema once, before any input: checked per input, a refusal of the options file named each
    // task sequence as the file at fault, once per input.
    try {
      validOptions(name, entry.schema, options);
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      e.file ??= file;
      throw placeInJson(e, text);
    }
    // The checks beyond the schema that need no document (the preset's drive with source, a drive that is no drive
    // letter; a package ID's form, a value spliced into PATCH or a command line) once too, as kb977203 --config makes
    // them: run per input, they were blamed on each task sequence, once per input, with no place in the options file.
    try {
      entry.checkOptions?.(options as never);
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      // Said with the file's keys (`"drive"`) and placed at the key, as kb977203 --config says it.
      const given = options as object;
      throw asFileKeys(e, file, text, (key) => Object.hasOwn(given, key));
    }
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('transform', e.message, io);
    if (!(e instanceof TaskSequenceError)) throw e;
    io.stderr.write(errorText('transform', e));
    if (io.jsonErrors) printErrorJson(io.stdout, io.jsonErrors, e);
    return EXIT.failed;
  }
  let targetOf: TargetOf = () => undefined;
  if (!check) {
    try {
      targetOf = planTargets(inputs, { output: str(p, 'output'), outDir: str(p, 'out-dir'), inPlace: flag(p, 'in-place'), alsoRead: [{ option: '--options', path: str(p, 'options') as string }], json: flag(p, 'json') }, io);
    } catch (e) {
      if (e instanceof UsageError) return reportUsage('transform', e.message, io);
      throw e;
    }
  }
  const outcomes: Outcome[] = [];
  // Each input's report (or error) is said as soon as it is done, as kb977203 says it: said after the whole batch, a
  // long run showed nothing, errors included, until its end, and one stopped (Ctrl-C) left no account of the files it
  // had changed. The --json report still comes at the end.
  const say = (o: Outcome): void => {
    outcomes.push(o);
    if ('error' in o) {
      io.stderr.write(errorText('transform', o.error));
      return;
    }
    const lines = [`${name} on ${o.input}:`];
    // Through the lines cmts kb977203 prints them with: a change's requirement and its value before and after, when
    // the transform gives them (the preset, add-client-patch, set-dependent-program); `transform kb977203` left them out.
    for (const c of o.report.changes) for (const line of changeLines(c, check ? 'would change' : 'changed')) lines.push(`  ${line}`);
    for (const a of o.report.alreadyInPlace) lines.push(`  ${alreadyLine(a)}`);
    // Placed as cmts kb977203 places them (`file:line:col:`, through the same line): the preset's diagnostics about a
    // step, and reader warnings, carry their place in the file; `transform kb977203` printed them without it.
    for (const d of o.report.diagnostics) lines.push(`  ${issueLine(d, o.input)}`);
    if (!o.report.changed) lines.push('  nothing to change.');
    io.stderr.write(`${lines.map(printable).join('\n')}\n`);
  };
  for (const file of inputs) {
    try {
      const input = loadInput(io, file);
      // Plan (and refuse) every sequence of the file before editing any of them.
      for (const { doc } of input.docs) checkWith(name, entry, doc, options);
      const reports = input.docs.map(({ label, doc }) => ({ label, report: check ? checkWith(name, entry, doc, options) : applyWith(name, entry, doc, options) }));
      // Reader warnings and what writing the container back leaves undone (an export's ReferencesInfo.xml left as it
      // was) reach the user with the report, as for cmts kb977203: asked after every edit, since they depend on it.
      input.docs.forEach(({ doc, warnings }, i) => appendAll(appendAll((reports[i] as (typeof reports)[number]).report.diagnostics, doc.issues), warnings()));
      const target = targetOf(file);
      const changed = reports.some((r) => r.report.changed);
      if (check && changed) input.checkCopies();
      let written = false;
      if (!check && target !== undefined && (changed || target !== file || file === '-')) {
        const out = input.write();
        if (changed) input.verify(out, target);
        if (target === '-') {
          io.stdout.write(out);
          checkWritten(io.stdout);
        } else io.writeFileAtomic(target, out);
        written = true;
      }
      for (const r of reports) say({ input: r.label, report: r.report, written });
    } catch (e) {
      // A transform's refusal of a limit names the flag that sets it, as the reader's does.
      const error = withLimitFlags(inputFailure(e));
      if (error.file === undefined) error.file = file;
      say({ input: file, error });
    }
    // A signal that came while this input's result was written stops the run here (see atomic-write.ts).
    const turn = signalTurn();
    if (turn) await turn;
  }
  if (flag(p, 'json')) {
    printJson(io.stdout, {
      results: outcomes.map((o) => ('error' in o ? errorRecord(o.input, o.error) : o)),
      summary: { files: outcomes.length, changed: outcomes.filter((o) => 'report' in o && o.report.changed).length, failed: outcomes.filter((o) => 'error' in o).length },
    });
  }
  const failed = outcomes.some((o) => 'error' in o);
  const needed = check && outcomes.some((o) => 'report' in o && o.report.changed);
  return failed || needed ? EXIT.failed : EXIT.ok;
}
