/**
 * Argument parsing shared by the commands (node:util parseArgs, strict): unknown options (with "did you mean"),
 * missing values, an option given twice and an option without the one it depends on are usage errors, reported
 * with a pointer to the command's help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ReadOptions } from '../read.js';
import { SHOWN_VALUE_CHARS, shownValue } from '../shown-value.js';
import { didYouMean } from './did-you-mean.js';

/** A usage error: the command prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}

// A value from the command line is shown as an options file's is (quoted, escaped, cut after SHOWN_VALUE_CHARS).
export { SHOWN_VALUE_CHARS, shownValue };

/** Option specs, as parseArgs takes them. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/**
 * The word of `argv` in which node:util found the unknown one-letter option `letter`, as a long option's name when it
 * is one written with one dash (`-json`, PowerShell's way): node:util reads it as the letters -j -s -o -n and names
 * only the first it does not know, `-j`, a word the user never typed.
 */
function oneDashName(argv: string[], letter: string, options: OptionSpecs): string | undefined {
  const shorts = new Map(Object.values(options).flatMap((o) => (o.short === undefined ? [] : [[o.short, o.type] as const])));
  for (const word of argv) {
    if (word === '--') break;
    if (!/^-[^-]/.test(word) || word.length < 3) continue;
    // As node:util reads the letters: known flags are passed over, one taking a value takes the rest of the word.
    for (const c of word.slice(1)) {
      const type = shorts.get(c);
      if (type === 'string') break;
      if (type === undefined) {
        const name = word.slice(1).split('=')[0] as string;
        if (c === letter && name.length > 1) return name;
        break;
      }
    }
  }
  return undefined;
}

function unknownOption(message: string, options: OptionSpecs, argv: string[]): string {
  const m = /Unknown option '(-{1,2})([^']*)'/.exec(message);
  if (!m) return message.replace(/\. To specify a positional argument.*$/s, '.');
  const [, dashes, letters] = m as unknown as [string, string, string];
  const name = (dashes === '-' && letters.length === 1 && oneDashName(argv, letters, options)) || letters;
  const longs = Object.keys(options);
  // A one-letter option has no near miss worth naming; a long one (or a long name given with one dash) does.
  // A word no option could be (a dot, a slash, a space in it) is a file whose name starts with a dash: node:util's
  // hint of how to give one was dropped with the rest of its message, so it is said here.
  // (The name is said once more only when short: a long word given by mistake can be a whole file or a password.)
  if (/[^A-Za-z0-9-]/.test(name)) return `Unknown option '${dashes}${name}'. A file whose name starts with - is given as ${name.length <= SHOWN_VALUE_CHARS ? `./${dashes}${name}` : './ and its name'}, or after --.`;
  const hint = name.length > 1 ? didYouMean(name, longs, (c) => `--${c}`) : '';
  return `Unknown option '${dashes}${name}'.${hint}`;
}

/**
 * node:util's refusal of an option's value in cmts's words, on one line and by the option's long name: its own text
 * runs three sentences over three lines ("argument is ambiguous…"), which a usage error showed as literal `\n`.
 */
function badValue(message: string, options: OptionSpecs): string {
  const m = /^Option '(?:-[^-], )?(-{1,2})([^' ]+)/.exec(message);
  if (!m) return message;
  const [, dashes, given] = m as unknown as [string, string, string];
  const long = dashes === '--' ? given : (Object.keys(options).find((k) => options[k]?.short === given) ?? given);
  if (message.includes('argument is ambiguous')) return `--${long} needs a value, not the option that follows it; to give one that starts with -, write --${long}=<value>.`;
  if (message.includes('argument missing')) return `--${long} needs a value.`;
  if (message.includes('does not take an argument')) return `--${long} takes no value.`;
  return message;
}

/** Parses `argv` for `options`; throws {@link UsageError} on anything it refuses, including an option given twice. */
export function parse(argv: string[], options: OptionSpecs): Parsed {
  let result: ReturnType<typeof parseArgs> & { tokens?: { kind: string; name?: string }[] };
  try {
    result = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    const { code, message } = e as { code?: unknown; message: string };
    throw new UsageError(code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? badValue(message, options) : unknownOption(message, options, argv));
  }
  const counts = new Map<string, number>();
  for (const t of (result.tokens ?? []) as { kind: string; name?: string; rawName?: string; value?: string; inlineValue?: boolean }[]) {
    if (t.kind !== 'option' || t.name === undefined) continue;
    // `-o=out.xml` gave the value "=out.xml" (a file of that name): a short option's value follows a space.
    if (t.inlineValue === true && t.rawName !== undefined && !t.rawName.startsWith('--') && t.value?.startsWith('=') === true) {
      const value = t.value.slice(1);
      // A value that starts with - cannot follow a short option after a space, quoted or not (the shell takes the quotes
      // away, and `-o -x.json` is refused as an option where a value should be): only the long form gives it, or, for a
      // file, a name that starts with ./ instead. What to type is quoted as a shell quotes it, in single quotes (the
      // value refused is in double quotes, as every refused value is).
      const ways = value.startsWith('-') && value !== '-'
        ? `--${t.name}=${value}${t.name === 'output' ? `, or ${t.rawName} ./${value}` : ''}`
        : `${t.rawName} ${shownValue(value)}, or --${t.name}=${value}`;
      throw new UsageError(`${t.rawName}${t.value} gives ${t.rawName} the value ${shownValue(t.value, '"')}: write ${ways}.`);
    }
    if (options[t.name]?.multiple) continue;
    counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    if (counts.get(t.name) === 2) throw new UsageError(`--${t.name} is given twice; give it once.`);
  }
  // These name a file or folder of their own: `-` there made one named `-`, where elsewhere it is a standard stream.
  for (const name of NOT_A_STREAM) {
    if (result.values[name] === '-') throw new UsageError(`--${name} names a ${name === 'out-dir' ? 'folder' : 'file'}: "-" (standard output) cannot be one; give a name (./- for a file named "-").`);
  }
  // An empty argument (a script's empty variable) names no file: read as one, it failed as "Cannot read : no such file".
  for (const name of FILES_READ) {
    if (result.values[name] === '') throw new UsageError(`--${name} needs a name: "" names no file.`);
  }
  return { values: result.values as Parsed['values'], positionals: result.positionals };
}

/** Options whose value is a file or folder written besides the output, never a standard stream. */
const NOT_A_STREAM = ['html', 'out-dir'] as const;

/** Options whose value is a file the run reads (its options), a standard stream with `-`. */
const FILES_READ = ['options', 'config'] as const;

/** A string option's value. */
export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean option's value (false when absent). */
export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

/** The read limits a command's options set; see {@link READ_LIMIT_OPTIONS}. */
export type ReadLimits = Pick<ReadOptions, 'maxBytes' | 'maxNodes' | 'maxDepth'>;

/**
 * `--max-bytes N`, `--max-nodes N` and `--max-depth N`, for every command that reads task sequences: spread into the
 * command's options, and {@link startCommand} checks them and hands them to the loaders through `io.readLimits`.
 */
export const READ_LIMIT_OPTIONS: OptionSpecs = { 'max-bytes': { type: 'string' }, 'max-nodes': { type: 'string' }, 'max-depth': { type: 'string' } };

/**
 * The help lines for {@link READ_LIMIT_OPTIONS}, the same in every command: `indent` before the option, its text
 * at `column`.
 */
export function readLimitHelp(indent: string, column: number): string {
  // An option wider than the column gets its text on the next line, as the commands' own long options do.
  const line = (option: string, text: string) => {
    const head = `${indent}${option}`;
    return head.length < column ? head.padEnd(column) + text : `${head}\n${' '.repeat(column)}${text}`;
  };
  return [
    line('--max-bytes <n>', 'refuse a task sequence over n bytes before reading it (default 67108864, 64 MiB)'),
    line('--max-nodes <n>', 'refuse one with over n markup items: tags, comments (default 3000000)'),
    line('--max-depth <n>', 'refuse one with elements nested over n levels deep (default 256)'),
  ].join('\n');
}

/** The command line's flag for each of the library's limit options. */
const LIMIT_FLAGS: Record<string, string> = { maxBytes: '--max-bytes', maxNodes: '--max-nodes', maxDepth: '--max-depth', maxItems: '--max-items' };

/** A library message about one of its limits spoken with the flag that sets it: "(option maxNodes)" is "(--max-nodes)", "raise maxBytes" "raise --max-bytes". */
export function limitFlagNames(message: string): string {
  return message.replace(/\b(option|raise) (max[A-Z][A-Za-z]*)\b/g, (m, word: string, name: string) => {
    const flag = Object.hasOwn(LIMIT_FLAGS, name) ? LIMIT_FLAGS[name] : undefined;
    if (flag === undefined) return m;
    return word === 'option' ? flag : `raise ${flag}`;
  });
}

/** An error whose message is spoken with {@link limitFlagNames}; changed in place, returned for chaining. */
export function withLimitFlags<E extends { message: string }>(e: E): E {
  e.message = limitFlagNames(e.message);
  return e;
}

function positiveInteger(p: Parsed, name: string): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  // Digits only: parseInt would take "10k" as 10, Number would take "1e3" and " 5".
  const n = /^[0-9]+$/.test(v) ? Number(v) : NaN;
  // Digits past the largest exact number are a whole number still: what is wrong with them is their size.
  if (n > Number.MAX_SAFE_INTEGER) throw new UsageError(`--${name} takes a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, not ${shownValue(v, '"')}.`);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} takes a positive whole number, not ${shownValue(v, '"')}.`);
  return n;
}

/** The limits --max-bytes/--max-nodes/--max-depth give (only those given); throws {@link UsageError} for a bad value. */
export function readLimitsOf(p: Parsed): ReadLimits {
  const maxBytes = positiveInteger(p, 'max-bytes');
  const maxNodes = positiveInteger(p, 'max-nodes');
  const maxDepth = positiveInteger(p, 'max-depth');
  return { ...(maxBytes !== undefined && { maxBytes }), ...(maxNodes !== undefined && { maxNodes }), ...(maxDepth !== undefined && { maxDepth }) };
}

/** `--max-items N` (a page's steps and groups), for the commands that render; undefined when not given. */
export function maxItemsOf(p: Parsed): number | undefined {
  return positiveInteger(p, 'max-items');
}
