/**
 * The command line: `cmts <command> …`. Each command is a function of its arguments and an injected {@link CliIo}
 * returning the exit status: 0 success, 1 bad input or a refused option, 2 a usage error. Commands are loaded only
 * when called, so `cmts --version` loads nothing else.
 */
import { packageVersion } from '../package-info.js';
import type { CliIo } from './io.js';

import { EXIT } from './exit.js';

export { EXIT };

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[], io: CliIo) => number }> }> = {
  kb977203: { summary: 'wire the KB977203 fix into task sequences', load: () => import('./kb977203.js') },
  inspect: { summary: 'show task sequences as a tree (or the model as JSON)', load: () => import('./inspect.js') },
  lint: { summary: 'check task sequences against KB977203 and console rules', load: () => import('./lint.js') },
  diff: { summary: 'compare two task sequences by meaning', load: () => import('./diff.js') },
  convert: { summary: 'convert between XML and the JSON model', load: () => import('./convert.js') },
};

/** The top-level help text. */
export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'cmts: author ConfigMgr task sequences as files',
    '',
    'Usage: cmts <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (cmts <command> --help for a command)',
    '  -v, --version  show the version',
    '',
    'Exit status: 0 success, 1 bad input or a refused option, 2 usage error.',
    '',
  ].join('\n');
}

/** Runs the command line `argv` (without `node` and the script). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout).write(mainHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.stderr.write(`cmts: unknown command ${JSON.stringify(first)}\n\n${mainHelp()}`);
    return EXIT.usage;
  }
  const mod = await command.load();
  return mod.run(rest, io);
}
