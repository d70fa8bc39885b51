/**
 * `cmts kb977203`: apply the KB977203 preset to an exported task sequence and write the result atomically.
 */
import { writeTaskSequenceText } from '../write.js';
import { TaskSequenceError } from '../errors.js';
import { applyKb977203, type Kb977203Options, type Kb977203Report } from '../presets/kb977203.js';
import { flag, type OptionSpecs, type Parsed, startCommand, str, UsageError } from './args.js';
import type { CliIo } from './io.js';
import { EXIT } from './exit.js';
import { unifiedDiff } from './text-diff.js';
import { expandInputs } from './inputs.js';
import { loadInput } from './load.js';
import { basename, join } from 'node:path';
import { assertValid } from '../schemas.js';

/** The command's --help text. */
export const HELP = `Usage: cmts kb977203 <input>... (-o <output> | --out-dir <folder> | --in-place) --certfix-package <ID> [options]

Wires Microsoft's KB977203 fix into an exported task sequence (a bare <sequence>, a ConfigMgr 2007
<SmsTaskSequencePackage> export or a Current Branch object.xml), written back in the same container and encoding:
  - PATCH="<drive>\\_SMSTaskSequence\\OSD\\<client package>\\i386\\hotfix\\KB977203\\<msp>" in each
    Setup Windows and ConfigMgr step's installation properties (R4-R10; left alone if KB977384 is listed, R2);
  - Install Software (CCMCertFix) and Restart Computer (installed OS, no notification) right after each
    Setup Windows and ConfigMgr step (R13, R14); the CCMCertFix package in <referenceList> if there is one;
  - "Run another program first" = CCMCertFix, where the container can hold it (R12).
Applying it again changes nothing. R1-R15 are described in docs/kb977203-requirements.md (in the package).

Options:
  <input>...                 files, folders (their .xml and .zip files) or globs (*, ?, **); a Current Branch
                             export .zip is patched inside (every SMS_TaskSequencePackage/<ID>/object.xml),
                             all its other parts copied byte for byte
  -o, --output <file>        write the result here ('-' for standard output); one input only
      --out-dir <folder>     write each result to the folder under its own name
      --in-place             overwrite each input (atomically)
      --config <file.json>   options from a JSON file (schemas/kb977203.options.schema.json keys,
                             e.g. {"certfixPackage": "ABC00010", "drive": "D:"}); flags override it
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

Exit status: 0 success (also when everything was already in place), 1 bad input or a refused option
(with several files: the others are still processed, a summary table follows, and the status is 1 if any
failed), 2 usage error. Nothing is written for a file unless its whole run succeeds.
`;

const OPTIONS: OptionSpecs = {
  output: { type: 'string', short: 'o' },
  'in-place': { type: 'boolean' },
  'out-dir': { type: 'string' },
  config: { type: 'string' },
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

/** The JSON printed by `--json` for one file. */
export interface Kb977203CommandResult {
  input: string;
  output: string | null;
  dryRun: boolean;
  written: boolean;
  report: Kb977203Report;
  diff?: string;
}

/** One file's outcome in a batch. */
type Outcome = { input: string; result: Kb977203CommandResult } | { input: string; error: TaskSequenceError };

/** Patches one file (every task sequence of an export .zip); throws on anything that stops it, writing nothing then. */
function processFile(file: string, target: string | undefined, options: Kb977203Options, dryRun: boolean, io: CliIo): Kb977203CommandResult[] {
  const input = loadInput(io, file);
  const results: Kb977203CommandResult[] = [];
  for (const { label, doc, warnings } of input.docs) {
    const before = dryRun ? writeTaskSequenceText(doc) : '';
    const report = applyKb977203(doc, options);
    report.diagnostics.push(...warnings());
    results.push({ input: label, output: target ?? null, dryRun, written: false, report, ...(dryRun ? { diff: unifiedDiff(before, writeTaskSequenceText(doc), label) } : {}) });
  }
  const changed = results.some((r) => r.report.changed);
  if (dryRun || target === undefined || (!changed && target === file)) return results;
  const out = input.write();
  // Belt and braces: what we write must read back, or nothing is written.
  if (changed) input.verify(out);
  if (target === '-') io.stdout.write(out);
  else io.writeFileAtomic(target, out);
  for (const r of results) r.written = true;
  return results;
}

/** Options from `--config <file.json>` (validated by the options schema), then the flags over them. */
function loadOptions(p: Parsed, io: CliIo): Kb977203Options {
  const config = str(p, 'config');
  let base: Partial<Kb977203Options> = {};
  if (config !== undefined) {
    const text = Buffer.from(io.readFile(config)).toString('utf8').replace(/^\uFEFF/, '');
    try {
      base = JSON.parse(text) as Partial<Kb977203Options>;
    } catch (e) {
      throw new TaskSequenceError('OPTIONS_INVALID', `${config} is not valid JSON: ${(e as Error).message}.`, { file: config });
    }
    try {
      // certfixPackage may come from the flags instead, so a placeholder satisfies `required` here; every key the
      // file does give is checked, and the merged options are validated again by the preset.
      assertValid('kb977203.options.schema.json', { certfixPackage: 'ABC00000', ...base }, `The options in ${config}`);
    } catch (e) {
      if (e instanceof TaskSequenceError) e.file = config;
      throw e;
    }
  }
  return { ...base, ...optionsFrom(p) } as Kb977203Options;
}

function checkUsage(p: Parsed): void {
  if (p.positionals.length === 0) throw new UsageError('Give the input file(s).');
  if (str(p, 'certfix-package') === undefined && str(p, 'config') === undefined) throw new UsageError('--certfix-package is required: the package that holds CCMCertFix.exe (R11).');
  const targets = [str(p, 'output') !== undefined, flag(p, 'in-place'), str(p, 'out-dir') !== undefined].filter(Boolean).length;
  if (targets > 1) throw new UsageError('Give one of -o <output>, --out-dir <folder> or --in-place.');
  if (targets === 0 && !flag(p, 'dry-run')) throw new UsageError('Give -o <output>, --out-dir <folder> or --in-place (or --dry-run to write nothing).');
}

/** Runs `cmts kb977203`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand({ name: 'kb977203', help: HELP, options: OPTIONS, check: checkUsage }, argv, io);
  if (typeof p === 'number') return p;
  let inputs: string[];
  const json = flag(p, 'json');
  const dryRun = flag(p, 'dry-run');
  const fail = (e: TaskSequenceError, input: string): number => {
    if (e.file === undefined) e.file = input;
    io.stderr.write(`cmts kb977203: ${e.format()}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ input, error: e.toJSON() }, null, 2)}\n`);
    return EXIT.failed;
  };
  let options: Kb977203Options;
  try {
    inputs = expandInputs(p.positionals, io);
    options = loadOptions(p, io);
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    return fail(e, p.positionals.join(' '));
  }
  const batch = inputs.length > 1 || p.positionals.some((a) => /[*?]/.test(a) || io.isDirectory(a));
  const outDir = str(p, 'out-dir');
  if (batch && str(p, 'output') !== undefined && str(p, 'output') !== '-') {
    io.stderr.write(`cmts kb977203: -o names one file; for ${inputs.length} inputs use --out-dir <folder> or --in-place.\n`);
    return EXIT.usage;
  }
  const targetOf = (input: string): string | undefined =>
    flag(p, 'in-place') ? input : outDir !== undefined ? join(outDir, basename(input)) : str(p, 'output');
  if (outDir !== undefined) {
    const seen = new Map<string, string>();
    for (const input of inputs) {
      const t = targetOf(input) as string;
      if (seen.has(t)) {
        io.stderr.write(`cmts kb977203: ${seen.get(t)} and ${input} would both be written to ${t}.\n`);
        return EXIT.usage;
      }
      seen.set(t, input);
    }
  }

  if (!batch) {
    const input = inputs[0] as string;
    try {
      const results = processFile(input, targetOf(input), options, dryRun, io);
      if (json) io.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : { results, summary: summaryOf(results.map((result) => ({ input: result.input, result }))) }, null, 2)}\n`);
      else {
        for (const result of results) {
          io.stderr.write(humanReport(result));
          if (result.diff !== undefined) io.stdout.write(result.diff);
        }
      }
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      return fail(e, input);
    }
  }

  const outcomes: Outcome[] = [];
  const progress = io.stderr.isTTY === true && !json && inputs.length >= 5;
  inputs.forEach((input, i) => {
    if (progress) io.stderr.write(`\r\x1b[K[${i + 1}/${inputs.length}] ${input}`);
    try {
      for (const result of processFile(input, targetOf(input), options, dryRun, io)) outcomes.push({ input: result.input, result });
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      if (e.file === undefined) e.file = input;
      outcomes.push({ input, error: e });
    }
  });
  if (progress) io.stderr.write('\r\x1b[K');
  const failed = outcomes.filter((o) => 'error' in o).length;
  if (json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          results: outcomes.map((o) => ('error' in o ? { input: o.input, error: o.error.toJSON() } : o.result)),
          summary: summaryOf(outcomes),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    for (const o of outcomes) {
      if ('error' in o) io.stderr.write(`cmts kb977203: ${o.error.format()}\n`);
      else {
        io.stderr.write(humanReport(o.result));
        if (o.result.diff !== undefined) io.stdout.write(o.result.diff);
      }
    }
    io.stderr.write(summaryTable(outcomes));
  }
  return failed ? EXIT.failed : EXIT.ok;
}

function summaryOf(outcomes: Outcome[]): { files: number; changed: number; failed: number } {
  return { files: outcomes.length, changed: outcomes.filter((o) => 'result' in o && o.result.report.changed).length, failed: outcomes.filter((o) => 'error' in o).length };
}

/** The table printed after a batch. */
function summaryTable(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) => {
    if ('error' in o) return [o.input, 'FAILED', '-', o.error.code];
    const r = o.result.report;
    const warnings = r.diagnostics.filter((d) => d.severity !== 'info').length;
    return [o.input, r.changed ? (o.result.dryRun ? 'would change' : 'patched') : 'in place', String(r.changes.length), warnings ? `${warnings} warning(s)` : ''];
  });
  const head = ['file', 'result', 'changes', 'notes'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  const failed = outcomes.filter((o) => 'error' in o).length;
  return `\n${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n${outcomes.length} file(s), ${failed} failed.\n`;
}

/** The preset's options from the command line (the preset validates them). */
function optionsFrom(p: Parsed): Partial<Kb977203Options> {
  const options: Partial<Kb977203Options> = {};
  if (str(p, 'certfix-package') !== undefined) options.certfixPackage = str(p, 'certfix-package') as string;
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
