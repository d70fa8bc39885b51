/**
 * `cmts kb977203`: apply the KB977203 preset to an exported task sequence and write the result atomically.
 */
import { writeTaskSequenceText } from '../write.js';
import { TaskSequenceError } from '../errors.js';
import { applyKb977203, checkKb977203, type Kb977203Options, type Kb977203Report } from '../presets/kb977203.js';
import { revertKb977203 } from '../presets/kb977203-revert.js';
import { type FleetRow, fleetCsv, fleetJson, fleetRow, identity } from '../presets/kb977203-fleet.js';
import type { TaskSequenceDocument } from '../document.js';
import { flag, type OptionSpecs, type Parsed, reportUsage, startCommand, str, UsageError } from './args.js';
import { errorRecord, printJson } from './json-report.js';
import { planTargets, type TargetOf } from './output-targets.js';
import type { CliIo } from './io.js';
import { EXIT } from './exit.js';
import { unifiedDiff } from './text-diff.js';
import { expandInputs } from './inputs.js';
import { loadInput, loadOne } from './load.js';
import { assertValid } from '../schemas.js';
import { renderComparison } from '../render/render-sequence.js';

/** The command's --help text. */
export const HELP = `Usage: cmts kb977203 <input>... (-o <output> | --out-dir <folder> | --in-place) --certfix-package <ID> [options]
       cmts kb977203 <input>... --check --certfix-package <ID> [options]
       cmts kb977203 <input>... --revert (-o <output> | --out-dir <folder> | --in-place) --certfix-package <ID>

Wires Microsoft's KB977203 fix into an exported task sequence (a bare <sequence>, a ConfigMgr 2007
<SmsTaskSequencePackage> export or a Current Branch object.xml), written back in the same container and encoding:
  - PATCH="<drive>\\_SMSTaskSequence\\OSD\\<client package>\\i386\\hotfix\\KB977203\\<msp>" in each
    Setup Windows and ConfigMgr step's installation properties (R4-R10; left alone if KB977384 is listed, R2);
  - Install Software (CCMCertFix) and Restart Computer (installed OS, no notification) right after each
    Setup Windows and ConfigMgr step (R13, R14); the CCMCertFix package in <referenceList> if there is one;
  - "Run another program first" = CCMCertFix, where the container can hold it (R12).
It reconciles rather than appends: a stale or wrong KB977203 PATCH entry (the other service pack's .msp with
--client-version, a %_SMSTSMDataPath% path with --drive or --source, another package ID) is replaced where it
stands; CCMCertFix steps already after Setup are adopted; the new steps run exactly when Setup runs (its disable
flag and condition carried over, or Setup wrapped in a group when its condition tests what Setup changes).
Applying it again changes nothing. KB977203 is a ConfigMgr 2007 fix: a Current Branch object.xml or export
.zip, a sequence version other than 3.00, or steps 2007 does not have are refused unless --force.

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
      --certfix-step-name <n> name of the inserted Install Software step (up to 100; over 50 warned)
      --restart-step-name <n> name of the inserted Restart Computer step
      --force                apply where cmts would refuse: a different "Run another program first" (the
                             steps running it are rewired), a sequence that is not ConfigMgr 2007, a step
                             that installs the hotfix (R1); the report warns loudly
      --check                write nothing; exit 0 when everything is in place, 1 when changes are needed
                             (listed on standard error), for a nightly job over exported sequences
      --revert               remove what the preset adds (its PATCH entry, its steps, DependentProgram, the
                             reference); on a file it wrote from one without PATCH, gives back the original
      --report <out.csv|out.json>  one row per task sequence: file, name, package ID, container, status
                             (changed / already in place / not applicable / failed), what changed, the reason
      --dry-run              write nothing; print the change as a diff on standard output
      --html <file>          also write the change as an HTML review page, even with --dry-run (one input
                             holding one task sequence; the page is cmts render's comparison)
      --json                 print the report as JSON on standard output (schemas/kb977203.report.schema.json)
  -h, --help                 show this help

Examples:
  cmts kb977203 refresh.xml -o refresh.patched.xml --certfix-package ABC00010 --client-version sp2 --drive C:
  cmts kb977203 exports/ --out-dir patched/ --certfix-package ABC00010 --report fleet.csv
  cmts kb977203 exports/ --check --certfix-package ABC00010 --client-version sp2 --drive C:

Exit status: 0 success (also when everything was already in place; with --check, only then), 1 bad input,
a refused option, a refused sequence (an error finding such as R1, or not ConfigMgr 2007, without --force),
or with --check changes needed; with several files the others are still processed, a sequence the KB does
not apply to is skipped as "not applicable" (not a failure), a summary table follows, and the status is 1 if
any failed; 2 usage error. Nothing is written for a file unless its whole run succeeds.

R1-R15 are described in docs/kb977203-requirements.md (in the package).
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
  'certfix-step-name': { type: 'string' },
  'restart-step-name': { type: 'string' },
  force: { type: 'boolean' },
  check: { type: 'boolean' },
  revert: { type: 'boolean' },
  report: { type: 'string' },
  'dry-run': { type: 'boolean' },
  html: { type: 'string' },
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

type Mode = 'apply' | 'check' | 'revert';

/** Codes that mean "the KB does not apply to this sequence" rather than "this sequence is broken". */
const NOT_APPLICABLE = new Set(['NOT_CONFIGMGR_2007', 'MISSING_SETUP_WINDOWS_STEP']);

/** One task sequence's outcome. */
type Outcome =
  | { input: string; result: Kb977203CommandResult; doc: TaskSequenceDocument }
  | { input: string; notApplicable: TaskSequenceError; doc: TaskSequenceDocument }
  | { input: string; error: TaskSequenceError };

/** Flag names for the library's option names, so messages say what to type. */
const FLAGS: Record<string, string> = {
  certfixPackage: '--certfix-package',
  certfixProgram: '--certfix-program',
  scenario: '--scenario',
  clientVersion: '--client-version',
  msp: '--msp',
  drive: '--drive',
  source: '--source',
  clientPackage: '--client-package',
  certfixStepName: '--certfix-step-name',
  restartStepName: '--restart-step-name',
  force: '--force',
};

/** A library message with "the clientVersion option" spoken as "--client-version". */
export function withFlagNames(message: string): string {
  return message.replace(/\b[Tt]he (\w+) option\b/g, (m, name: string) => FLAGS[name] ?? m);
}

function cliError(e: TaskSequenceError): TaskSequenceError {
  e.message = withFlagNames(e.message);
  return e;
}

/** Runs the preset (or its check or revert) on every sequence of one file; writes the file when that is asked for. */
function processFile(file: string, target: string | undefined, options: Kb977203Options, mode: Mode, dryRun: boolean, io: CliIo): Outcome[] {
  const input = loadInput(io, file);
  const outcomes: Outcome[] = [];
  for (const { label, doc, warnings } of input.docs) {
    const before = dryRun ? writeTaskSequenceText(doc) : '';
    let report: Kb977203Report;
    try {
      report = mode === 'check' ? checkKb977203(doc, options) : mode === 'revert' ? revertKb977203(doc, options) : applyKb977203(doc, options);
    } catch (e) {
      if (e instanceof TaskSequenceError && NOT_APPLICABLE.has(e.code) && mode !== 'revert') {
        outcomes.push({ input: label, notApplicable: cliError(e), doc });
        continue;
      }
      throw e;
    }
    // Reader and container warnings reach the user with the report (standard error, and --json).
    report.diagnostics.push(...doc.warnings, ...warnings());
    for (const d of report.diagnostics) d.message = withFlagNames(d.message);
    const result = { input: label, output: mode === 'check' ? null : (target ?? null), dryRun: dryRun || mode === 'check', written: false, report, ...(dryRun ? { diff: unifiedDiff(before, writeTaskSequenceText(doc), label) } : {}) };
    outcomes.push({ input: label, result, doc });
  }
  const results = outcomes.flatMap((o) => ('result' in o ? [o.result] : []));
  const changed = results.some((r) => r.report.changed);
  if (mode === 'check' || dryRun || target === undefined || results.length === 0 || (!changed && target === file)) return outcomes;
  const out = input.write();
  // Belt and braces: what we write must read back, or nothing is written.
  if (changed) input.verify(out);
  if (target === '-') io.stdout.write(out);
  else io.writeFileAtomic(target, out);
  for (const r of results) r.written = true;
  return outcomes;
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
  if (flag(p, 'check') && flag(p, 'revert')) throw new UsageError('Give --check or --revert, not both.');
  if (flag(p, 'check') && targets > 0) throw new UsageError('--check writes nothing: leave out -o, --out-dir and --in-place.');
  if (targets > 1) throw new UsageError('Give one of -o <output>, --out-dir <folder> or --in-place.');
  if (targets === 0 && !flag(p, 'dry-run') && !flag(p, 'check')) throw new UsageError('Give -o <output>, --out-dir <folder> or --in-place (or --dry-run or --check to write nothing).');
  const report = str(p, 'report');
  if (report !== undefined && !/\.(csv|json)$/i.test(report)) throw new UsageError('--report writes a .csv or a .json file: give a name ending in one of them.');
}

/** Runs `cmts kb977203`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand({ name: 'kb977203', help: HELP, options: OPTIONS, check: checkUsage }, argv, io);
  if (typeof p === 'number') return p;
  let inputs: string[];
  const json = flag(p, 'json');
  const dryRun = flag(p, 'dry-run');
  const mode: Mode = flag(p, 'check') ? 'check' : flag(p, 'revert') ? 'revert' : 'apply';
  const fail = (e: TaskSequenceError, input: string): number => {
    if (e.file === undefined) e.file = input;
    cliError(e);
    io.stderr.write(`cmts kb977203: ${e.format()}\n`);
    if (json) printJson(io.stdout, { results: [errorRecord(input, e)], summary: { files: 1, changed: 0, notApplicable: 0, failed: 1 } });
    return EXIT.failed;
  };
  let options: Kb977203Options;
  try {
    inputs = expandInputs(p.positionals, io);
    options = loadOptions(p, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('kb977203', e.message, io);
    if (!(e instanceof TaskSequenceError)) throw e;
    return fail(e, p.positionals.join(' '));
  }
  const batch = inputs.length > 1 || p.positionals.some((a) => /[*?]/.test(a) || io.isDirectory(a));
  const html = str(p, 'html');
  if (batch && html !== undefined) return reportUsage('kb977203', '--html writes one review page: give one input (or run cmts render --compare per file).', io);
  // The sequence as it was, for the review page: read before anything is written (--in-place replaces it).
  let original: TaskSequenceDocument | undefined;
  try {
    if (html !== undefined) original = loadOne(io, inputs[0] as string).doc;
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    return fail(e, inputs[0] as string);
  }
  let targetOf: TargetOf;
  try {
    targetOf = planTargets(inputs, { output: str(p, 'output'), outDir: str(p, 'out-dir'), inPlace: flag(p, 'in-place') }, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsage('kb977203', e.message, io);
    throw e;
  }

  const outcomes: Outcome[] = [];
  const progress = batch && io.stderr.isTTY === true && !json && inputs.length >= 5;
  inputs.forEach((input, i) => {
    if (progress) io.stderr.write(`\r\x1b[K[${i + 1}/${inputs.length}] ${input}`);
    try {
      outcomes.push(...processFile(input, targetOf(input), options, mode, dryRun, io));
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      if (e.file === undefined) e.file = input;
      outcomes.push({ input, error: cliError(e) });
    }
  });
  if (progress) io.stderr.write('\r\x1b[K');
  const reportFile = str(p, 'report');
  if (reportFile !== undefined) {
    const rows = outcomes.map((o) => rowOf(o, mode));
    try {
      io.writeFileAtomic(reportFile, Buffer.from(/\.json$/i.test(reportFile) ? fleetJson(rows) : fleetCsv(rows), 'utf8'));
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      return fail(e, reportFile);
    }
  }

  if (!batch) {
    // A single named file: not applicable is a failure with its reason.
    const input = inputs[0] as string;
    const bad = outcomes.find((o): o is Extract<Outcome, { error: TaskSequenceError }> => 'error' in o);
    if (bad) return fail(bad.error, input);
    const results = outcomes.flatMap((o) => ('result' in o ? [o.result] : []));
    if (results.length === 0) {
      const na = outcomes.find((o): o is Extract<Outcome, { notApplicable: TaskSequenceError }> => 'notApplicable' in o);
      if (na) return fail(na.notApplicable, input);
    }
    const done = outcomes.find((o): o is Extract<Outcome, { result: Kb977203CommandResult }> => 'result' in o);
    if (html !== undefined && original && done) {
      try {
        io.writeFileAtomic(html, Buffer.from(renderComparison(original, done.doc, { source: `${done.input} with KB977203${dryRun ? ' (dry run)' : ''}` }), 'utf8'));
      } catch (e) {
        if (!(e instanceof TaskSequenceError)) throw e;
        return fail(e, html);
      }
    }
    if (json) printJson(io.stdout, { results: outcomes.map(jsonOf), summary: summaryOf(outcomes) });
    else {
      for (const o of outcomes) writeHuman(o, io);
    }
    return mode === 'check' && results.some((r) => r.report.changed) ? EXIT.failed : EXIT.ok;
  }

  if (json) printJson(io.stdout, { results: outcomes.map(jsonOf), summary: summaryOf(outcomes) });
  else {
    for (const o of outcomes) writeHuman(o, io);
    io.stderr.write(summaryTable(outcomes, mode));
  }
  const failed = outcomes.some((o) => 'error' in o);
  const needed = mode === 'check' && outcomes.some((o) => 'result' in o && o.result.report.changed);
  return failed || needed ? EXIT.failed : EXIT.ok;
}

function jsonOf(o: Outcome): unknown {
  if ('error' in o) return errorRecord(o.input, o.error);
  if ('notApplicable' in o) return { input: o.input, notApplicable: { code: o.notApplicable.code, message: o.notApplicable.message } };
  return o.result;
}

function writeHuman(o: Outcome, io: CliIo): void {
  if ('error' in o) io.stderr.write(`cmts kb977203: ${o.error.format()}\n`);
  else if ('notApplicable' in o) io.stderr.write(`KB977203 on ${o.input}: not applicable (${o.notApplicable.code}): ${o.notApplicable.message}\n`);
  else {
    io.stderr.write(humanReport(o.result));
    if (o.result.diff !== undefined) io.stdout.write(o.result.diff);
  }
}

function rowOf(o: Outcome, mode: Mode): FleetRow {
  if ('error' in o) return { ...identity(o.input, undefined), status: 'failed', changes: [], reason: `${o.error.code}: ${o.error.message}` };
  if ('notApplicable' in o) return { ...identity(o.input, o.doc), status: 'not applicable', changes: [], reason: `${o.notApplicable.code}: ${o.notApplicable.message}` };
  const r = o.result.report;
  const status = !r.changed ? 'already in place' : mode === 'revert' ? 'reverted' : o.result.dryRun ? 'would change' : 'changed';
  return fleetRow(o.input, o.doc, r, status);
}

function summaryOf(outcomes: Outcome[]): { files: number; changed: number; notApplicable: number; failed: number } {
  return {
    files: outcomes.length,
    changed: outcomes.filter((o) => 'result' in o && o.result.report.changed).length,
    notApplicable: outcomes.filter((o) => 'notApplicable' in o).length,
    failed: outcomes.filter((o) => 'error' in o).length,
  };
}

/** The table printed after a batch. */
function summaryTable(outcomes: Outcome[], mode: Mode): string {
  const rows = outcomes.map((o) => {
    if ('error' in o) return [o.input, 'FAILED', '-', o.error.code];
    if ('notApplicable' in o) return [o.input, 'not applicable', '-', o.notApplicable.code];
    const r = o.result.report;
    const warnings = r.diagnostics.filter((d) => d.severity !== 'info').length;
    const done = mode === 'revert' ? 'reverted' : 'patched';
    return [o.input, r.changed ? (o.result.dryRun ? (mode === 'check' ? 'needs changes' : 'would change') : done) : 'in place', String(r.changes.length), warnings ? `${warnings} warning(s)` : ''];
  });
  const head = ['file', 'result', 'changes', 'notes'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  const s = summaryOf(outcomes);
  return `\n${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n${s.files} sequence(s), ${s.notApplicable} not applicable, ${s.failed} failed.\n`;
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
  set('certfixStepName', 'certfix-step-name');
  set('restartStepName', 'restart-step-name');
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
  if (r.dryRun && r.output === null && !('diff' in r)) lines.push(report.changed ? `check: ${report.changes.length} change(s) needed; nothing written.` : 'check: everything in place.');
  else if (r.dryRun) lines.push(report.changed ? `dry run: ${report.changes.length} change(s) would be made; nothing written.` : 'dry run: already in place; nothing would change.');
  else if (!report.changed) lines.push(r.written ? `already in place; wrote an unchanged copy to ${r.output}.` : 'already in place; nothing to write.');
  else lines.push(`wrote ${r.output === '-' ? 'standard output' : r.output} (${report.changes.length} change(s)).`);
  return `${lines.join('\n')}\n`;
}
