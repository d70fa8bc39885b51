/**
 * The start every command shares: parse the command line, answer --help, check what the options need of each other,
 * and report a usage error (also as the command's JSON report under --json) with a pointer to the help.
 */
import { parseArgs } from 'node:util';
import { printable, TaskSequenceError } from '../errors.js';
import { setWorkAfterRead } from '../xml/heap-guard.js';
import { workAfterRead } from './work-after-read.js';
import { flag, type OptionSpecs, parse, type Parsed, type ReadLimits, readLimitsOf, UsageError } from './args.js';
import { type JsonErrors, printErrorJson } from './json-report.js';
import { EXIT } from './exit.js';

/** What a command declares for {@link startCommand}. */
export interface CommandSpec {
  name: string;
  help: string;
  options: OptionSpecs;
  /** Options that mean something only with another: `{ whitespace: 'json' }` refuses --whitespace without --json. */
  requires?: Record<string, string>;
  /** Further usage checks; throw {@link UsageError}. Default: at least one positional argument. */
  check?: (p: Parsed) => void;
  /**
   * For a command with `--json`: its summary with every count zero. Under `--json`, a usage error (and any error
   * that stops the run before its inputs) is then printed as that command's report, with one error record.
   */
  jsonSummary?: Record<string, number>;
  /** The positional arguments that name inputs (default: all of them); a usage error's record names these. */
  inputsOf?: (positionals: string[]) => string[];
}

/** The outside world {@link startCommand} needs (a subset of CliIo, to keep this module free of it). */
interface Streams {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Set by {@link startCommand} from --max-bytes/--max-nodes/--max-depth; the loaders read with these limits. */
  readLimits?: ReadLimits;
  /** Set by {@link startCommand} under `--json`: errors are then also printed as the command's JSON report. */
  jsonErrors?: JsonErrors;
}

/** Throws {@link UsageError} for an option given without the option it depends on. */
export function checkRequires(p: Parsed, requires: Record<string, string>): void {
  for (const [option, partner] of Object.entries(requires)) {
    if (p.values[option] !== undefined && p.values[partner] === undefined) throw new UsageError(`--${option} means something only with --${partner}.`);
  }
}

/**
 * Prints a usage error the way every command does; returns the exit status 2. Under `--json` the error is also
 * printed on standard output as the command's report, one record with the code `USAGE_ERROR`. The message is the same
 * in both, on one line: its unprintable characters escaped (see `printable`).
 */
export function reportUsage(name: string, said: string, io: Streams): number {
  // A message can hold a path or a word from the command line (an option's value is shown by shownValue already):
  // printed as it is, a newline in it would split the message, an escape sequence drive the terminal.
  const message = printable(said);
  io.stderr.write(`cmts ${name}: ${message}\nRun 'cmts ${name} --help' for the options.\n`);
  if (io.jsonErrors) printErrorJson(io.stdout, io.jsonErrors, new TaskSequenceError('USAGE_ERROR', message));
  return EXIT.usage;
}

/**
 * Prints a usage error of the command line as a whole (no command, or an unknown one); returns the exit status 2.
 * Under `--json` it is also printed as a report with one `USAGE_ERROR` record and `{"failed": 1}` as the summary,
 * the envelope every command uses.
 */
export function reportCommandLineUsage(said: string, argv: string[], io: Streams): number {
  const message = printable(said);
  io.stderr.write(`cmts: ${message}\nRun 'cmts --help' for the commands.\n`);
  if (wantsJson(argv)) printErrorJson(io.stdout, { summary: {}, input: '' }, new TaskSequenceError('USAGE_ERROR', message));
  return EXIT.usage;
}

/**
 * Whether `--json` is on the command line, read from the words themselves (before a `--`), so that a command line
 * the parser refuses still gets its error as JSON.
 */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  // `--json=true` too: a usage error (the flag takes no value), but one asked of a run that wants its report as JSON.
  return (end === -1 ? argv : argv.slice(0, end)).some((word) => word === '--json' || word.startsWith('--json='));
}

/** The positional arguments of a command line the strict parser refused (unknown options read as flags). */
function loosePositionals(argv: string[], options: OptionSpecs): string[] {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: false }).positionals;
  } catch {
    return [];
  }
}

/**
 * The start every command shares: parse, answer --help, report usage errors. Returns the parsed arguments, or the
 * exit status when the command is already done (0 after --help, 2 after a usage error).
 */
export function startCommand(spec: CommandSpec, argv: string[], io: Streams): Parsed | number {
  const inputsOf = spec.inputsOf ?? ((positionals: string[]) => positionals);
  if (spec.jsonSummary && wantsJson(argv)) io.jsonErrors = { summary: spec.jsonSummary, input: inputsOf(loosePositionals(argv, spec.options)).join(' ') };
  try {
    const p = parse(argv, spec.options);
    if (io.jsonErrors) io.jsonErrors.input = inputsOf(p.positionals).join(' ');
    if (flag(p, 'help')) {
      io.stdout.write(spec.help);
      return 0;
    }
    if (spec.requires) checkRequires(p, spec.requires);
    // Handed over on the command's own io (made per run), so every load reads within them without each call
    // site passing them on.
    if ('max-bytes' in spec.options) io.readLimits = readLimitsOf(p);
    // What the command does after each read, for the reader's watch on the heap (see xml/heap-guard.ts).
    if ('max-bytes' in spec.options) setWorkAfterRead(workAfterRead(spec.name));
    if (spec.check) spec.check(p);
    else if (p.positionals.length === 0) throw new UsageError('Give the input file(s), or - for standard input.');
    return p;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return reportUsage(spec.name, e.message, io);
  }
}
