/**
 * The command line: `cmts <command> …`. Each command is a function of its arguments and an injected {@link CliIo}
 * returning the exit status (see {@link EXIT}). Commands are loaded only when called, so `cmts --version` loads
 * nothing else.
 */
import { packageVersion } from '../package-info.js';
import { shownValue, UsageError } from './args.js';
import { reportCommandLineUsage, reportUsage } from './start-command.js';
import { didYouMean } from './did-you-mean.js';
import type { CliIo } from './io.js';

import { EXIT } from './exit.js';

// Exit statuses, the same for every command (README, Exit status): 0 success; 1 findings, an input that failed, or
// changes needed; 2 a usage error or trouble.
export { EXIT };

/** A command: its one-line summary and how to load it. */
export interface CommandEntry {
  summary: string;
  load: () => Promise<{ run: (argv: string[], io: CliIo) => number | Promise<number>; HELP: string; OPTIONS?: Record<string, unknown> }>;
}

/** Every command, by name. */
export const COMMANDS: Record<string, CommandEntry> = {
  kb977203: { summary: 'wire the KB977203 fix into task sequences', load: () => import('./kb977203.js') },
  inspect: { summary: 'show task sequences as a tree (or the model as JSON)', load: () => import('./inspect.js') },
  lint: { summary: 'check task sequences against KB977203 and console rules', load: () => import('./lint.js') },
  diff: { summary: 'compare two task sequences (or two folders) by meaning', load: () => import('./diff.js') },
  convert: { summary: 'convert between XML, the JSON model and the YAML text form', load: () => import('./convert.js') },
  transform: { summary: 'run one transform (options from a JSON file)', load: () => import('./transform.js') },
  render: { summary: 'document task sequences (or changes) as HTML or Markdown', load: () => import('./render.js') },
  completion: { summary: 'print a shell completion script (bash, powershell or pwsh)', load: () => import('./completion.js') },
  build: { summary: 'compile a sequence written as code (YAML) to importable XML', load: () => import('./build.js') },
};

/** The top-level help text, a manual page like each command's. */
export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'NAME',
    '    cmts - author ConfigMgr task sequences as files',
    '',
    'SYNOPSIS',
    '    cmts <command> [options]',
    '    cmts help <command>',
    '    cmts --help | --version',
    '',
    'DESCRIPTION',
    '    The commands (cmts <command> --help, or cmts help <command>, shows each one\'s manual page):',
    ...Object.entries(COMMANDS).map(([name, c]) => `      ${name.padEnd(width)}  ${c.summary}`),
    '    The commands that read task sequences take files, folders, globs and - for standard input; a file given',
    '    twice, under two names or as - too (cmts lint - ts.xml < ts.xml), is one input, under the first name given.',
    '    Every command prints data on standard output, reports and errors on standard error, and never writes over',
    '    an input unless told to (--in-place). The commands that take --json (inspect, lint, diff, transform,',
    '    kb977203) then print one JSON report {"results": [...], "summary": {...}} whatever happens, errors and usage',
    '    errors included (schemas/<command>.report.schema.json).',
    '',
    'OPTIONS',
    '    -h, --help     show this help (cmts <command> --help for a command)',
    '    -v, --version  show the version',
    '',
    'EXAMPLES',
    '    cmts inspect ts.xml',
    '    cmts help lint',
    '    cmts --version',
    '',
    'EXIT STATUS',
    '    The same for every command: 0 success; 1 findings, a failed input or changes needed; 2 a usage error',
    '    or trouble. Without a command, cmts prints this help on standard error and exits 2.',
    '',
  ].join('\n');
}

/** The command called `name`; only the table's own names (`cmts constructor` is an unknown command, not Object's). */
function commandNamed(name: string): CommandEntry | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function unknownCommand(name: string, io: CliIo, argv: string[]): number {
  return reportCommandLineUsage(`unknown command ${shownValue(name, '"')}.${didYouMean(name, Object.keys(COMMANDS))}`, argv, io);
}

/** Runs the command line `argv` (without `node` and the script). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'help' && rest.length > 0) {
    const [name, ...extra] = rest as [string, ...string[]];
    // A usage error of the command line like any other: with its pointer to the help, and under --json the envelope.
    if (extra.length) return reportCommandLineUsage(`help takes one command, not ${rest.length} words.`, argv, io);
    // `cmts help help` and `cmts help --help` ask for this help, as `cmts help` does.
    if (name === 'help' || name === '--help' || name === '-h') {
      io.stdout.write(mainHelp());
      return EXIT.ok;
    }
    const command = commandNamed(name);
    if (!command) return unknownCommand(name, io, argv);
    return (await command.load()).run(['--help'], io);
  }
  // `cmts -h inspect`, `cmts --help inspect`: the command's help, as `cmts help inspect` gives it.
  if ((first === '-h' || first === '--help') && rest.length === 1) {
    const command = commandNamed(rest[0] as string);
    if (command) return (await command.load()).run(['--help'], io);
  }
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout).write(mainHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = commandNamed(first);
  if (!command) {
    if (first.startsWith('-')) {
      // `cmts --json lint ts.xml`: options are the command's, and follow it. Said with the command line that works.
      const named = rest.find((word) => commandNamed(word) !== undefined);
      const hint = named === undefined ? didYouMean(first.replace(/^-+/, ''), ['help', 'version'], (c) => `--${c}`) : ` Options follow the command: cmts ${named} ${shownValue(first.split('=')[0] as string, '')} …`;
      return reportCommandLineUsage(`unknown option ${first}.${hint}`, argv, io);
    }
    return unknownCommand(first, io, argv);
  }
  const mod = await command.load();
  try {
    return await mod.run(rest, io);
  } catch (e) {
    // A usage error a command did not catch itself (from the shared input and output checks) is still one.
    if (e instanceof UsageError) return reportUsage(first, e.message, io);
    throw e;
  }
}
