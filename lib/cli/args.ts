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
