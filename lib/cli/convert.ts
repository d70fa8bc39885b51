/**
 * `cmts convert`: a task sequence → the JSON model, and the JSON model → XML in the container it came from (or a
 * bare `<sequence>` with --bare). Both directions are validated against `schemas/task-sequence.schema.json`, and
 * what is written is read back first.
 */
import { checkWritten } from './std-stream.js';
import { basename } from 'node:path';
import { printable, TaskSequenceError } from '../errors.js';
import { fromModelJson, type ModelJson, toModelJson } from '../model/json.js';
import { modelJsonToXml } from '../model/model-json-to-xml.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES } from '../read-limits.js';
import { toYaml } from '../text/to-text.js';
import { writeTaskSequence } from '../write.js';
import { assertValidWith } from '../assert-valid.js';
import { validateModelJson } from '../model/model-json-validator.js';
import { encodeText } from '../xml/encode-text.js';
import { flag, type OptionSpecs, type Parsed, type ReadLimits, shownValue, str, UsageError, readLimitHelp, READ_LIMIT_OPTIONS, withLimitFlags } from './args.js';
import { startCommand, reportUsage } from './start-command.js';
import { INPUT_EXTENSIONS, inputsOrFail } from './inputs.js';
import { signalTurn } from './write-signals.js';
import type { CliIo } from './io.js';
import { inputFailure, reportFailure } from './json-report.js';
import { parseJsonInput } from './json-input.js';
import { placeInJson } from './json-place.js';
import { jsonText } from './json-text.js';
import { loadOne } from './load.js';
import { EXIT } from './exit.js';
import { readBack } from './read-back.js';
import { planTargets, type TargetOf } from './output-targets.js';
import { textInput } from './text-input.js';
import { jsonCostOf } from '../text-cost.js';

/** The command's --help text. */
export const HELP = `NAME
    cmts convert - convert between task sequence XML, the JSON model and the YAML text form

SYNOPSIS
    cmts convert <input>... --to json [--whitespace] [-o <file> | --out-dir <folder>]
    cmts convert <input>... --to xml [--bare] [-o <file> | --out-dir <folder>]
    cmts convert <input>... --to yaml [-o <file> | --out-dir <folder>]

DESCRIPTION
    --to json   a task sequence (any container and encoding; .xml, an export .zip with one sequence, or - for
                standard input) → its model as JSON (schemas/task-sequence.schema.json): format
                ("cmts.task-sequence") and version (1), container, encoding, package properties (with their CIM
                types for an object.xml), the container's text around the sequence ("wrapper") and the
                sequence. A folder means its .xml and .zip files.
    --to xml    model JSON → XML in the container it came from, in its encoding: the wrapper gives the container
                back as it was (byte for byte when the JSON was made with --whitespace), with the sequence in
                its place and any property edited in the JSON set in place. With --whitespace the sequence's
                layout comes back too (a bare sequence's declaration and one-line layout included); what the
                model keeps no spelling of is written in the document's style: empty elements (<a/>, <a /> and
                <a></a> come back <a/>, a <variable> <a></a>), references (&#65; comes back A, a > in text
                &gt;), CDATA sections (escaped text), quotes and the spaces between attributes.
                JSON without a wrapper gets a container built from its properties. A folder means its .json files.
    --to yaml   a task sequence → the text form (sequence as code: steps by console name, settings by
                meaningful names; build it back with cmts build).

OPTIONS
    --to json|xml|yaml     the direction (required)
    -o, --output <file>    write here, in an existing folder ('-' or nothing: standard output); one input only
    --out-dir <folder>     write each result to the folder (created if missing) as <input name>.json / .xml / .yaml
    --whitespace           with --to json: keep the file's layout (whitespace text nodes, a bare sequence's
                           declaration), so --to xml gives its layout back (see --to xml for what it spells anew)
    --bare                 with --to xml: write a bare <sequence> whatever the container (a warning names the
                           package properties it leaves behind)
${readLimitHelp('    ', 27)}
    -h, --help             show this help

EXAMPLES
    cmts convert ts.xml --to json -o ts.json
    cmts convert ts.json --to xml -o ts.xml
    cmts convert exports/ --to json --out-dir json/
    cat ts.xml | cmts convert - --to json | jq '.properties'

EXIT STATUS
    0 every input converted; 1 an input could not be converted (nothing is written for it); 2 usage error
    (including an output that would overwrite an input).
`;

const OPTIONS: OptionSpecs = {
  to: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  whitespace: { type: 'boolean' },
  bare: { type: 'boolean' },
  ...READ_LIMIT_OPTIONS, help: { type: 'boolean', short: 'h' },
};

function toJson(input: string, p: Parsed, io: CliIo): Uint8Array {
  const json = toModelJson(loadOne(io, input).doc, { whitespace: flag(p, 'whitespace'), wrapper: true });
  // The schema's check at any depth (the generated validator recurses, and a deep model overflowed the call stack).
  assertValidWith(validateModelJson, json, 'The values of the JSON produced');
  return Buffer.from(`${jsonText(json)}\n`, 'utf8');
}

const sorted = (o: Record<string, string>): string => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function toXml(input: string, p: Parsed, io: CliIo): Uint8Array {
  try {
    return jsonToXml(input, p, io);
  } catch (e) {
    // A limit passed is named by its flag, as for an XML input.
    throw e instanceof TaskSequenceError ? withLimitFlags(e) : e;
  }
}

/**
 * Refuses a model nested deeper or holding more markup than a read of its XML would take, as that read would. Both are
 * counted from below (the elements of a package around its sequence, and end tags, are not), so nothing the read
 * would take is refused here; what passes is the read's to judge exactly.
 */
function checkModelSize(sequence: ModelJson['sequence'], limits: ReadLimits): void {
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxNodes = limits.maxNodes ?? DEFAULT_MAX_NODES;
  // The sequence is one level (the reader counts it, and in a package the elements around it count too).
  const todo: [node: unknown, depth: number][] = [[sequence, 1]];
  let nodes = 0;
  for (let entry = todo.pop(); entry; entry = todo.pop()) {
    const [node, depth] = entry;
    if (depth > maxDepth) throw new TaskSequenceError('XML_TOO_DEEP', `Elements are nested deeper than ${maxDepth} levels (option maxDepth).`);
    if ((node as { kind?: unknown }).kind !== 'text' && ++nodes > maxNodes) {
      throw new TaskSequenceError('INPUT_TOO_LARGE', `The JSON describes more than ${maxNodes} markup items (elements, comments, instructions); the limit is ${maxNodes} (option maxNodes), so it is refused before its XML costs memory.`);
    }
    const children = (node as { children?: unknown }).children;
    if (Array.isArray(children)) for (const c of children) todo.push([c, depth + 1]);
  }
}

function jsonToXml(input: string, p: Parsed, io: CliIo): Uint8Array {
  // --max-bytes holds for the JSON file; --max-nodes and --max-depth for the sequence it describes, read back from the
  // XML written for it (which is as large as it is: that size was the JSON's to pass).
  const limits = io.readLimits ?? {};
  const readBackXml = (bytes: Uint8Array) => readBack(bytes, input, { ...limits, maxBytes: Math.max(bytes.length, 1) });
  const text = textInput(io.readFile(input, limits.maxBytes), input, 'NOT_A_TASK_SEQUENCE', jsonCostOf, 'ENCODING_INVALID');
  // An XML task sequence given to --to xml (the likeliest slip): said as what it is, not "'<' where a value was expected".
  if (/^\s*</.test(text)) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `${input === '-' ? 'Standard input' : input} is XML, not the JSON model --to xml reads: for XML, use --to json or --to yaml.`, { file: input });
  const value = parseJsonInput(text, input, 'TEXT_MALFORMED');
  let model: ModelJson;
  try {
    model = fromModelJson(value);
  } catch (e) {
    // Placed at the key or element it names, and each problem behind it at its own, as a schema refusal of an options
    // file is (one walk of the text for all of them).
    throw e instanceof TaskSequenceError ? placeInJson(e, text) : e;
  }
  // Held to --max-depth and --max-nodes before any XML is made of it: the XML is indented, so its size grows with the
  // square of the depth, and 50,000 levels of JSON (3.5 MB) ran the process out of memory before the read back could
  // refuse them.
  checkModelSize(model.sequence, limits);
  const bare = flag(p, 'bare');
  if (bare && model.container !== 'sequence') {
    // Asked for, so written; but a bare <sequence> is not the package, and nothing else would say what it lost.
    const names = Object.keys(model.properties);
    const what = names.length > 0 ? `package properties (${names.join(', ')}) and everything else around the sequence` : 'everything around the sequence';
    io.stderr.write(`${printable(`cmts convert: ${input}: warning PACKAGE_LEFT_BEHIND The sequence is written bare (--bare): its ${model.container} container's ${what} are left out.`)}\n`);
  }
  let bytes = encodeText(modelJsonToXml(model, { bare }), model.encoding);
  let back = readBackXml(bytes);
  if (!bare && model.wrapper) {
    // The wrapper is the container as read; properties edited in the JSON are set on it, each edit in place.
    const current = back.properties();
    const changed = Object.entries(model.properties).filter(([k, v]) => current[k] !== v);
    for (const [k, v] of changed) back.setProperty(k, v);
    if (changed.length) {
      bytes = writeTaskSequence(back);
      back = readBackXml(bytes);
    }
  }
  // What we write must read back as the same container and properties.
  const expected = bare ? 'sequence' : model.container;
  if (back.container !== expected || (!bare && sorted(back.properties()) !== sorted(model.properties))) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The XML written for ${input} does not read back with the same container and properties${bare ? '' : propertiesApart(back.properties(), model.properties)}.`, { file: input });
  }
  return bytes;
}

function targets(inputs: string[], p: Parsed, to: 'json' | 'xml' | 'yaml', io: CliIo): TargetOf | number {
  try {
    // Standard output without -o is standard output as -o - is: one result. Several would follow one another there,
    // two JSON or XML documents that no reader takes as one (and YAML texts that merge into one).
    if (str(p, 'output') === undefined && str(p, 'out-dir') === undefined && inputs.length > 1) {
      throw new UsageError(`Standard output holds one result; for ${inputs.length} inputs use --out-dir <folder>.`);
    }
    return planTargets(inputs, { output: str(p, 'output'), outDir: str(p, 'out-dir'), nameFor: (input) => `${basename(input).replace(/\.(xml|json|zip)$/i, '')}.${to}` }, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('convert', e.message, io);
    throw e;
  }
}

/** Runs `cmts convert`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const p = startCommand(
    {
      name: 'convert',
      help: HELP,
      options: OPTIONS,
      check: (q) => {
        const to = str(q, 'to');
        if (to !== 'json' && to !== 'xml' && to !== 'yaml') throw new UsageError(to === undefined ? 'Give --to json, --to xml or --to yaml.' : `--to ${shownValue(to, '"')}: give json, xml or yaml.`);
        if (flag(q, 'whitespace') && to !== 'json') throw new UsageError('--whitespace means something only with --to json.');
        if (flag(q, 'bare') && to !== 'xml') throw new UsageError('--bare means something only with --to xml.');
        if (q.positionals.length === 0) throw new UsageError('Give the input file(s), or - for standard input.');
      },
    },
    argv,
    io,
  );
  if (typeof p === 'number') return p;
  const to = str(p, 'to') as 'json' | 'xml' | 'yaml';
  const inputs = inputsOrFail('convert', p.positionals, io, to === 'xml' ? ['.json'] : INPUT_EXTENSIONS);
  if (typeof inputs === 'number') return inputs;
  const targetOf = targets(inputs, p, to, io);
  if (typeof targetOf === 'number') return targetOf;
  let failed = 0;
  for (const input of inputs) {
    try {
      const out = to === 'json' ? toJson(input, p, io) : to === 'yaml' ? Buffer.from(toYaml(loadOne(io, input).doc), 'utf8') : toXml(input, p, io);
      const target = targetOf(input);
      if (target === undefined || target === '-') {
        io.stdout.write(out);
        checkWritten(io.stdout);
      } else io.writeFileAtomic(target, out);
    } catch (e) {
      failed++;
      reportFailure('convert', input, inputFailure(e), io.stderr);
    }
    // A signal that came while this input's result was written stops the run here (see atomic-write.ts).
    const turn = signalTurn();
    if (turn) await turn;
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/**
 * What sets the properties read back apart from the JSON's, in words: the first one the JSON no longer has (a package
 * property taken out of `properties`: the container keeps its element, so it cannot be taken out so), else the first
 * with another value. '' when they agree.
 */
function propertiesApart(read: Readonly<Record<string, string>>, json: Readonly<Record<string, string>>): string {
  const gone = Object.keys(read).find((k) => !Object.hasOwn(json, k));
  if (gone !== undefined) return `: the JSON has no ${JSON.stringify(gone)} property, which the container holds (a package property cannot be taken out; set it to "" to empty it)`;
  const other = Object.keys(json).find((k) => read[k] !== json[k]);
  return other === undefined ? '' : `: ${JSON.stringify(other)} reads back as ${shownValue(read[other] ?? '(none)', '"')}, not as the JSON gives it`;
}
