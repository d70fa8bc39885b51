/**
 * `cmts kb977203`: apply the KB977203 preset to an exported task sequence and write the result atomically.
 */
import { readTaskSequence } from '../read.js';
import { writeTaskSequence, writeTaskSequenceText } from '../write.js';
import { TaskSequenceError } from '../errors.js';
import { applyKb977203, type Kb977203Options, type Kb977203Report } from '../presets/kb977203.js';
import { flag, type OptionSpecs, parse, type Parsed, str, UsageError } from './args.js';
import type { CliIo } from './io.js';
import { EXIT } from './main.js';
import { unifiedDiff } from './text-diff.js';

export const HELP = `Usage: cmts kb977203 <input> (-o <output> | --in-place) --certfix-package <ID> [options]

Wires Microsoft's KB977203 fix into an exported task sequence (a bare <sequence>, a ConfigMgr 2007
<SmsTaskSequencePackage> export or a Current Branch object.xml), written back in the same container and encoding:
  - PATCH="<drive>\\_SMSTaskSequence\\OSD\\<client package>\\i386\\hotfix\\KB977203\\<msp>" in each
    Setup Windows and ConfigMgr step's installation properties (R4-R10; left alone if KB977384 is listed, R2);
  - Install Software (CCMCertFix) and Restart Computer (installed OS, no notification) right after each
    Setup Windows and ConfigMgr step (R13, R14); the CCMCertFix package in <referenceList> if there is one;
  - "Run another program first" = CCMCertFix, where the container can hold it (R12).
Applying it again changes nothing.

Options:
  -o, --output <file>        write the result here ('-' for standard output)
      --in-place             overwrite the input (atomically)
      --certfix-package <ID> package holding CCMCertFix.exe (required), e.g. ABC00010
      --certfix-program <p>  its program                                  [default: CCMCertFix]
      --scenario <s>         refresh | new-computer | replace-capture | replace-restore  [default: refresh]
                             (replace-capture: only "Run another program first", R15)
      --client-version <v>   sp1 | sp2: picks the .msp                     [default: sp2]
      --msp <file>           the .msp name when it differs by locale (R10)
      --drive <X:>           drive of the _SMSTaskSequence cache (R7)      [default: C:]
      --source <UNC>         UNC path to the client installation files, instead of the cache (R9)
      --client-package <ID>  client installation package, instead of each step's own (R5)
      --force                replace a different "Run another program first"
      --dry-run              write nothing; print the change as a diff on standard output
      --json                 print the report as JSON on standard output (schemas/kb977203.report.schema.json)
  -h, --help                 show this help

Exit status: 0 success (also when everything was already in place), 1 bad input or a refused option,
2 usage error. Nothing is written unless the whole run succeeds.
`;

const OPTIONS: OptionSpecs = {
  output: { type: 'string', short: 'o' },
  'in-place': { type: 'boolean' },
  'certfix-package': { type: 'string' },
  'certfix-program': { type: 'string' },
  scenario: { type: 'string' },
  'client-version': { type: 'string' },
  msp: { type: 'string' },
  drive: { type: 'string' },
  source: { type: 'string' },
  'client-package': { type: 'string' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** The JSON printed by `--json`. */
export interface Kb977203CommandResult {
  input: string;
  output: string | null;
  dryRun: boolean;
  written: boolean;
  report: Kb977203Report;
  diff?: string;
}

/** Runs `cmts kb977203`. */
export function run(argv: string[], io: CliIo): number {
  let p: Parsed;
  let input: string;
  try {
    p = parse(argv, OPTIONS);
    const parsed = p;
    if (flag(p, 'help')) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'Give the input file.' : `Give one input file (got ${parsed.positionals.length}).`);
    input = parsed.positionals[0] as string;
    if (str(p, 'certfix-package') === undefined) throw new UsageError('--certfix-package is required: the package that holds CCMCertFix.exe (R11).');
    if (str(p, 'output') !== undefined && flag(p, 'in-place')) throw new UsageError('Give -o <output> or --in-place, not both.');
    if (str(p, 'output') === undefined && !flag(p, 'in-place') && !flag(p, 'dry-run')) throw new UsageError('Give -o <output> or --in-place (or --dry-run to write nothing).');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`cmts kb977203: ${e.message}\nRun 'cmts kb977203 --help' for the options.\n`);
    return EXIT.usage;
  }
  const json = flag(p, 'json');
  const dryRun = flag(p, 'dry-run');
  try {
    const options = optionsFrom(p);

    const bytes = io.readFile(input);
    const doc = readTaskSequence(bytes, { file: input });
    const before = dryRun ? writeTaskSequenceText(doc) : '';
    const report = applyKb977203(doc, options);
    const out = writeTaskSequence(doc);
    // Belt and braces: what we write must read back as a task sequence, or nothing is written.
    readTaskSequence(out, { file: '(result)' });
    const target = flag(p, 'in-place') ? input : str(p, 'output');
    let written = false;
    let diff: string | undefined;
    if (dryRun) {
      diff = unifiedDiff(before, writeTaskSequenceText(doc), input);
    } else if (target === '-') {
      io.stdout.write(out);
      written = true;
    } else if (target !== undefined && (report.changed || target !== input)) {
      io.writeFileAtomic(target, out);
      written = true;
    }
    const result: Kb977203CommandResult = { input, output: target ?? null, dryRun, written, report, ...(diff === undefined ? {} : { diff }) };
    if (json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.stderr.write(humanReport(result));
      if (diff !== undefined && target !== '-') io.stdout.write(diff);
    }
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    if (e.file === undefined) e.file = input;
    io.stderr.write(`cmts kb977203: ${e.format()}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ input, error: e.toJSON() }, null, 2)}\n`);
    return EXIT.failed;
  }
}

/** The preset's options from the command line (the preset validates them). */
function optionsFrom(p: Parsed): Kb977203Options {
  const options: Kb977203Options = { certfixPackage: str(p, 'certfix-package') as string };
  const set = <K extends keyof Kb977203Options>(key: K, flagName: string): void => {
    const v = str(p, flagName);
    if (v !== undefined) options[key] = v as Kb977203Options[K];
  };
  set('certfixProgram', 'certfix-program');
  set('scenario', 'scenario');
  set('clientVersion', 'client-version');
  set('msp', 'msp');
  set('drive', 'drive');
  set('source', 'source');
  set('clientPackage', 'client-package');
  if (flag(p, 'force')) options.force = true;
  return options;
}

const CONTAINER_NAMES = { sequence: 'bare <sequence>', 'sms-package': 'ConfigMgr 2007 export', 'cim-instance': 'Current Branch object.xml' } as const;

/** The report for people, on standard error. */
export function humanReport(r: Kb977203CommandResult): string {
  const { report } = r;
  const lines = [`KB977203 (${report.scenario}) on ${r.input} (${CONTAINER_NAMES[report.container]}):`];
  for (const c of report.changes) {
    lines.push(`  changed ${c.requirement ? `[${c.requirement}] ` : ''}${c.where}: ${c.what}`);
    if (c.before !== undefined) lines.push(`      before: ${c.before === '' ? '(empty)' : c.before}`);
    if (c.after !== undefined && c.before !== undefined) lines.push(`      after:  ${c.after}`);
  }
  for (const a of report.alreadyInPlace) lines.push(`  already ${a.requirement ? `[${a.requirement}] ` : ''}${a.where}: ${a.what}`);
  for (const d of report.diagnostics) lines.push(`  ${d.severity} ${d.code}${d.path ? ` ${d.path}` : ''}: ${d.message}`);
  if (r.dryRun) lines.push(report.changed ? `dry run: ${report.changes.length} change(s) would be made; nothing written.` : 'dry run: already in place; nothing would change.');
  else if (!report.changed) lines.push(r.written ? `already in place; wrote an unchanged copy to ${r.output}.` : 'already in place; nothing to write.');
  else lines.push(`wrote ${r.output === '-' ? 'standard output' : r.output} (${report.changes.length} change(s)).`);
  return `${lines.join('\n')}\n`;
}
