/**
 * Argument parsing shared by the commands (node:util parseArgs, strict): unknown options and missing values are
 * usage errors, reported with the command's help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A usage error: the command prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}

/** Option specs, as parseArgs takes them. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Parses `argv` for `options`; throws {@link UsageError} with parseArgs' message on anything it refuses. */
export function parse(argv: string[], options: OptionSpecs): Parsed {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/** A string option's value. */
export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean option's value (false when absent). */
export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

/** What a command declares for {@link startCommand}. */
export interface CommandSpec {
  name: string;
  help: string;
  options: OptionSpecs;
  /** Further usage checks; throw {@link UsageError}. Default: at least one positional argument. */
  check?: (p: Parsed) => void;
}

/** The outside world {@link startCommand} needs (a subset of CliIo, to keep this module free of it). */
interface Streams {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/**
 * The start every command shares: parse, answer --help, report usage errors. Returns the parsed arguments, or the
 * exit status when the command is already done (0 after --help, 2 after a usage error).
 */
export function startCommand(spec: CommandSpec, argv: string[], io: Streams): Parsed | number {
  try {
    const p = parse(argv, spec.options);
    if (flag(p, 'help')) {
      io.stdout.write(spec.help);
      return 0;
    }
    if (spec.check) spec.check(p);
    else if (p.positionals.length === 0) throw new UsageError('Give the input file(s).');
    return p;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`cmts ${spec.name}: ${e.message}\nRun 'cmts ${spec.name} --help' for the options.\n`);
    return 2;
  }
}
