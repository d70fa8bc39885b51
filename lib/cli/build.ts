/**
 * `cmts build`: a sequence written as code (YAML, the text form) compiled to an importable task sequence in any
 * container. Nothing is written unless the whole text builds and the result reads back.
 */
import type { ContainerKind } from '../containers/index.js';
import { printable, TaskSequenceError } from '../errors.js';
import { fromYaml } from '../text/from-yaml.js';
import { writeTaskSequence } from '../write.js';
import { type OptionSpecs, READ_LIMIT_OPTIONS, shownValue, str, UsageError, withLimitFlags } from './args.js';
import { startCommand } from './start-command.js';
import type { CliIo } from './io.js';
import { planTargets } from './output-targets.js';
import { EXIT } from './exit.js';
import { readBack } from './read-back.js';
import { textInput } from './text-input.js';
import { yamlCostOf } from '../text-cost.js';

/** The command's --help text. */
export const HELP = `NAME
    cmts build - compile a task sequence written as code (YAML) to XML ConfigMgr imports

SYNOPSIS
    cmts build <sequence.yaml> [-o <output>] [--container sequence|sms-package|cim-instance]

DESCRIPTION
    Compiles the text form of a task sequence (YAML, schemas/sequence-text.schema.json; - for standard input)
    to XML ConfigMgr imports: steps by their console names, settings by the step catalog's names, groups and
    conditions nested. cmts convert --to yaml writes the text form of an existing sequence. Nothing is written
    unless the whole text builds and the result reads back as a task sequence.

OPTIONS
    -o, --output <file>       write here, in an existing folder, never onto the input [default: standard output]
    --container <kind>        sequence (a bare <sequence>, for ImportSequence), sms-package (ConfigMgr 2007
                              export) or cim-instance (Current Branch object.xml) [default: the text's container];
                              what that container has no place for is left out with a warning (PACKAGE_LEFT_BEHIND)
    --max-bytes <n>           refuse a text over n bytes before reading it (default 67108864, 64 MiB)
    --max-nodes <n>           refuse a text with over n places where a YAML item, tag, anchor or alias can
                              start (line ends and , : - ? [ { ! & *), counted before it is parsed (default
                              1500000, about 14 MB of text;
                              the YAML library needs up to 1.5 KB of memory for each: a text the
                              process's heap could not parse is refused too, naming the heap it needs)
    --max-depth <n>           refuse a text that nests mappings and lists over n levels deep (default 512)
    -h, --help                show this help

EXAMPLES
    cmts build osd.yaml -o osd.xml
    cmts build osd.yaml --container cim-instance -o object.xml
    cmts convert ts.xml --to yaml -o ts.yaml && cmts build ts.yaml -o ts-built.xml

EXIT STATUS
    0 the sequence was built; 1 the text does not build (nothing written); 2 usage error (including a folder
    given for the file, and -o naming the input).
`;

// The read limits' flags, which for a text mean its own limits (see fromYaml's options).
const OPTIONS: OptionSpecs = { output: { type: 'string', short: 'o' }, container: { type: 'string' }, ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' } };
const CONTAINERS = ['sequence', 'sms-package', 'cim-instance'];

/** Runs `cmts build`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand(
    {
      name: 'build',
      help: HELP,
      options: OPTIONS,
      check: (q) => {
        if (q.positionals.length !== 1) throw new UsageError('Give one YAML file.');
        // A folder is a usage error, as for every other command (read as a file, it failed with status 1, which for
        // build means "the text does not build").
        const only = q.positionals[0] as string;
        if (only !== '-' && io.isDirectory(only)) throw new UsageError(`${only} is a folder: build takes one YAML file (cmts convert --to yaml writes one from a task sequence).`);
        const c = str(q, 'container');
        if (c !== undefined && !CONTAINERS.includes(c)) throw new UsageError(`--container is one of ${CONTAINERS.join(', ')}, not ${shownValue(c, '"')}.`);
      },
    },
    argv,
    io,
  );
  if (typeof p === 'number') return p;
  const input = p.positionals[0] as string;
  // The shared output checks: -o into an existing folder, never onto the input (a UsageError is exit 2).
  const target = planTargets([input], { output: str(p, 'output'), hasOutDir: false }, io)(input);
  try {
    // --max-bytes/--max-nodes/--max-depth, checked by startCommand (only those given; the text's own defaults else).
    const { maxBytes, maxNodes, maxDepth } = io.readLimits ?? {};
    const text = textInput(io.readFile(input, maxBytes), input, 'NOT_A_TASK_SEQUENCE', yamlCostOf, 'ENCODING_INVALID');
    notTextForm(text, input);
    const container = str(p, 'container') as ContainerKind | undefined;
    const doc = fromYaml(text, { ...(container && { container }), ...(maxNodes !== undefined && { maxNodes }), ...(maxDepth !== undefined && { maxDepth }) });
    const bytes = writeTaskSequence(doc);
    // What we write must read back as a task sequence. The text's limits were its own: the XML a text within them
    // makes may be over the reader's defaults (about three times the text's bytes; a group per level of nesting),
    // and it is in memory already, so it is read back within what it is.
    readBack(bytes, input, { maxBytes: Math.max(bytes.length, 1), maxNodes: Number.MAX_SAFE_INTEGER, maxDepth: Number.MAX_SAFE_INTEGER });
    if (target !== undefined && target !== '-') io.writeFileAtomic(target, bytes);
    else io.stdout.write(bytes);
    // What the container asked for has no place for (PACKAGE_LEFT_BEHIND): written as asked, but said.
    for (const w of doc.issues) io.stderr.write(`${printable(`cmts build: ${input}: ${w.severity} ${w.code} ${w.message}`)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    if (e.file === undefined) e.file = input;
    io.stderr.write(`cmts build: ${withLimitFlags(e).format()}\n`);
    return EXIT.failed;
  }
}

/**
 * Throws NOT_A_TASK_SEQUENCE, saying what the input is and what build reads, for the inputs taken for the text form by
 * mistake: an XML export (convert reads XML, build does not), the JSON model that convert --to json writes, and an
 * empty text. Read as YAML, each was refused with a schema message ("(top level): must be object", "must have
 * required property 'steps'") or a YAML syntax error that told nothing of the slip.
 */
function notTextForm(text: string, input: string): void {
  const start = text.trimStart();
  const name = input === '-' ? '-' : input;
  const shown = input === '-' ? 'Standard input' : input;
  const convert = (what: string, to: string) => `${shown} is ${what}, not the YAML text form build reads: ${to}`;
  if (start === '' || /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:#[^\n]*)?$/.test(text)) {
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `${shown} is empty${start === '' ? '' : ' (comments only)'}: build reads a task sequence written as YAML (cmts convert <ts.xml> --to yaml writes one).`, { file: input });
  }
  if (start.startsWith('<')) {
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', convert('XML (a task sequence export?)', `run cmts convert ${name} --to yaml -o <file>.yaml and build that, or import the XML as it is.`), { file: input });
  }
  // The model JSON that convert --to json writes says its format near its start (the first key).
  if (start.startsWith('{') && /"format"\s*:\s*"cmts\.task-sequence"/.test(start.slice(0, 4096))) {
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', convert('the JSON model (format cmts.task-sequence, as convert --to json writes it)', `run cmts convert ${name} --to xml -o <file>.xml for the task sequence (and cmts convert <file>.xml --to yaml for its text form).`), { file: input });
  }
}
