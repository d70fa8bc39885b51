/**
 * `cmts convert`: XML → the JSON model, and JSON → a bare `<sequence>` ConfigMgr can import. Both directions are
 * validated against `schemas/task-sequence.schema.json`.
 */
import { basename, join } from 'node:path';
import { TaskSequenceError } from '../errors.js';
import { fromModelJson, toModelJson } from '../model/json.js';
import { sequenceToXml } from '../model/to-xml.js';
import { readTaskSequence } from '../read.js';
import { assertValid } from '../schemas.js';
import { flag, type OptionSpecs, type Parsed, startCommand, str, UsageError } from './args.js';
import { inputsOrFail } from './inputs.js';
import { loadOne } from './load.js';
import type { CliIo } from './io.js';
import { EXIT } from './exit.js';

/** The command's --help text. */
export const HELP = `Usage: cmts convert <input>... --to json|xml [-o <output> | --out-dir <folder>] [--whitespace]

  --to json   a task sequence (any container, any encoding) → its model as JSON
  --to xml    model JSON (from --to json) → a bare <sequence> (UTF-8, CRLF) that ConfigMgr can import

Options:
  <input>...             files, folders or globs
  -o, --output <file>    write here (default: standard output); one input only
      --out-dir <folder> write each result to the folder, named after its input (.json / .xml)
      --whitespace       with --to json: keep the file's layout (whitespace text nodes)
  -h, --help             show this help

Exit status: 0 success, 1 if any input could not be converted, 2 usage error.
`;

const OPTIONS: OptionSpecs = {
  to: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  whitespace: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function convertOne(input: string, to: 'json' | 'xml', p: Parsed, io: CliIo): Uint8Array {
  if (to === 'json') {
    const json = toModelJson(loadOne(io, input).doc, { whitespace: flag(p, 'whitespace') });
    assertValid('task-sequence.schema.json', json, 'The JSON produced');
    return Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8');
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(io.readFile(input)).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `${input} is not JSON: ${(e as Error).message}.`, { file: input });
  }
  const xml = sequenceToXml(fromModelJson(value).sequence);
  // What we write must read back as the same sequence.
  readTaskSequence(xml, { file: '(result)' });
  return Buffer.from(xml, 'utf8');
}

/** Runs `cmts convert`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand(
    {
      name: 'convert',
      help: HELP,
      options: OPTIONS,
      check: (q) => {
        if (str(q, 'to') !== 'json' && str(q, 'to') !== 'xml') throw new UsageError('Give --to json or --to xml.');
        if (q.positionals.length === 0) throw new UsageError('Give the input file(s).');
        if (str(q, 'output') !== undefined && str(q, 'out-dir') !== undefined) throw new UsageError('Give -o or --out-dir, not both.');
      },
    },
    argv,
    io,
  );
  if (typeof p === 'number') return p;
  const to = str(p, 'to') as 'json' | 'xml';
  const inputs = inputsOrFail('convert', p.positionals, io);
  if (typeof inputs === 'number') return inputs;
  const outDir = str(p, 'out-dir');
  const output = str(p, 'output');
  if (inputs.length > 1 && output !== undefined) {
    io.stderr.write('cmts convert: -o names one file; for several inputs use --out-dir <folder>.\n');
    return EXIT.usage;
  }
  let failed = 0;
  for (const input of inputs) {
    try {
      const out = convertOne(input, to, p, io);
      if (outDir !== undefined) io.writeFileAtomic(join(outDir, `${basename(input).replace(/\.(xml|json)$/i, '')}.${to}`), out);
      else if (output !== undefined && output !== '-') io.writeFileAtomic(output, out);
      else io.stdout.write(out);
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      if (e.file === undefined) e.file = input;
      failed++;
      io.stderr.write(`cmts convert: ${e.format()}\n`);
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}
