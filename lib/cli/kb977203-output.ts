/**
 * What `cmts kb977203` prints and writes about each task sequence: the report for people, the JSON, the fleet report
 * rows and the counts (a batch's output as a whole is kb977203-batch-output.ts), and library messages spoken with the
 * command's flag names.
 */
import type { TaskSequenceDocument } from '../document.js';
import { printable, type TaskSequenceError } from '../errors.js';
import type { Kb977203Report } from '../presets/kb977203.js';
import { type FleetRow, fleetRow, identity } from '../presets/kb977203-fleet.js';
import { propertiesOverriddenWithoutFix } from '../presets/kb977203-overrides.js';
import { limitFlagNames } from './args.js';
import { alreadyLine, changeLines } from './change-line.js';
import type { CliIo } from './io.js';
import { issueLine } from './issue-line.js';
import { errorRecord } from './json-report.js';
import { shownOnTerminal } from './text-diff.js';

/** The JSON printed by `--json` for one file. */
export interface Kb977203CommandResult {
  input: string;
  output: string | null;
  dryRun: boolean;
  written: boolean;
  report: Kb977203Report;
  diff?: string;
}

/** What the command was asked to do. */
export type Mode = 'apply' | 'check' | 'revert';

/** Codes that mean "the KB does not apply to this sequence" rather than "this sequence is broken". */
export const NOT_APPLICABLE = new Set(['NOT_CONFIGMGR_2007', 'MISSING_SETUP_WINDOWS_STEP', 'MISSING_CAPTURE_STEP']);

/** A sequence's file, name, package ID and container: all a batch keeps of its document for the summary. */
export type Identity = ReturnType<typeof identity>;

/**
 * One task sequence's outcome: its result, not applicable (with why), or the error that stopped its file. The
 * document itself is kept only when asked for (`--html` on one input), so a batch's memory does not grow with it.
 */
export type Outcome =
  | { input: string; result: Kb977203CommandResult; id: Identity; doc?: TaskSequenceDocument }
  | { input: string; notApplicable: TaskSequenceError; id: Identity }
  | { input: string; error: TaskSequenceError };

/** Flag names for the library's option names, so messages say what to type. */
const FLAGS: Record<string, string> = {
  certfixPackage: '--certfix-package',
  certfixProgram: '--certfix-program',
  certfixPackageName: '--certfix-package-name',
  certfixPackageDescription: '--certfix-package-description',
  certfixPackageVersion: '--certfix-package-version',
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

/** A library message with "the clientVersion option" spoken as "--client-version", and its limits by their flags. */
export function withFlagNames(message: string): string {
  return limitFlagNames(message.replace(/\b[Tt]he (\w+) option\b/g, (m, name: string) => (Object.hasOwn(FLAGS, name) ? (FLAGS[name] as string) : m)));
}

/** The error with its message spoken with flag names (changed in place, returned for chaining). */
export function cliError(e: TaskSequenceError): TaskSequenceError {
  e.message = withFlagNames(e.message);
  return e;
}

/** An outcome as --json prints it. */
export function jsonOf(o: Outcome): unknown {
  if ('error' in o) return errorRecord(o.input, o.error);
  if ('notApplicable' in o) return { input: o.input, notApplicable: { code: o.notApplicable.code, message: o.notApplicable.message } };
  return o.result;
}

/** An outcome for people, on standard error (and a --dry-run diff on standard output). */
export function writeHuman(o: Outcome, io: CliIo, mode?: Mode): void {
  if ('error' in o) io.stderr.write(`cmts kb977203: ${o.error.format()}\n`);
  else if ('notApplicable' in o) io.stderr.write(`${printable(`KB977203 on ${o.input}: not applicable (${o.notApplicable.code}): ${o.notApplicable.message}`)}\n`);
  else {
    io.stderr.write(humanReport(o.result, mode));
    // The diff is an exact patch for a pipe or a file; on a terminal, what could drive it is shown escaped.
    if (o.result.diff !== undefined) io.stdout.write(io.stdout.isTTY === true ? shownOnTerminal(o.result.diff) : o.result.diff);
  }
}

/** An outcome as a row of the fleet report. */
export function rowOf(o: Outcome, mode: Mode): FleetRow {
  if ('error' in o) return { ...identity(o.input, undefined), status: 'failed', changes: [], reason: `${o.error.code}: ${o.error.message}` };
  if ('notApplicable' in o) return { ...o.id, status: 'not applicable', changes: [], reason: `${o.notApplicable.code}: ${o.notApplicable.message}` };
  const r = o.result.report;
  const status = !r.changed ? (mode === 'revert' ? 'nothing to revert' : overriddenWithoutFix(o.result, mode) ? 'needs attention' : 'already in place') : mode === 'revert' ? 'reverted' : o.result.dryRun ? 'would change' : 'changed';
  return { ...fleetRow(o.input, undefined, r, status), ...o.id };
}

/** Counts of sequences, changed, not applicable and failed (a type, not an interface: JSON summaries index it). */
export type Counts = { files: number; changed: number; notApplicable: number; failed: number };

/** Counts of sequences, changed, not applicable and failed. */
export function summaryOf(outcomes: Outcome[]): Counts {
  const counts = { files: 0, changed: 0, notApplicable: 0, failed: 0 };
  for (const o of outcomes) count(counts, o);
  return counts;
}

/**
 * Whether a result needs changes or attention: for `--check`, also a sequence whose Setup PATCH a Set Task Sequence
 * Variable step or a global variable overrides with a value without the fix (nothing to change in the field, but the
 * hotfix is not installed, so the check must not pass it).
 */
export function needsWork(r: Kb977203CommandResult): boolean {
  return r.report.changed || (isCheck(r) && propertiesOverriddenWithoutFix(r.report));
}

/** Whether the preset leaves a sequence as it is while a value without the fix overrides its Setup PATCH (not in place). */
export function overriddenWithoutFix(r: Kb977203CommandResult, mode: Mode): boolean {
  return mode !== 'revert' && !r.report.changed && propertiesOverriddenWithoutFix(r.report);
}

/** Whether a result is a `--check`'s (no output, no diff). */
function isCheck(r: Kb977203CommandResult): boolean {
  return r.dryRun && r.output === null && !('diff' in r);
}

/** Counts one outcome into `counts`. */
export function count(counts: Counts, o: Outcome): void {
  counts.files++;
  if ('error' in o) counts.failed++;
  else if ('notApplicable' in o) counts.notApplicable++;
  else if (needsWork(o.result)) counts.changed++;
}

const CONTAINER_NAMES = { sequence: 'bare <sequence>', 'sms-package': 'ConfigMgr 2007 export', 'cim-instance': 'Current Branch object.xml' } as const;

/** The report for people, on standard error. */
export function humanReport(r: Kb977203CommandResult, mode?: Mode): string {
  const { report } = r;
  const lines = [`KB977203 (${report.scenario}) on ${r.input} (${CONTAINER_NAMES[report.container]}):`];
  // A check or a dry run changes nothing: say what is needed, or what would change.
  const verb = r.dryRun ? (r.output === null && !('diff' in r) ? 'needed' : 'would change') : 'changed';
  for (const c of report.changes) for (const line of changeLines(c, verb)) lines.push(`  ${line}`);
  for (const a of report.alreadyInPlace) lines.push(`  ${alreadyLine(a)}`);
  // As `cmts lint` prints a finding: `file:line:col:` first for one placed in the file (about a step, a group or a
  // variable read from it), nothing before the severity for one about the package, the options or a step the preset builds.
  for (const d of report.diagnostics) lines.push(`  ${issueLine(d, r.input)}`);
  // A revert of a sequence that has nothing of KB977203 finds nothing to take out, rather than anything in place.
  const unchanged = mode === 'revert' ? 'nothing to revert' : 'already in place';
  if (isCheck(r) && !report.changed && needsWork(r)) lines.push('check: the installation properties Setup reads at run time lack the fix (KB977203_PROPERTIES_OVERRIDDEN above); nothing written.');
  else if (isCheck(r)) lines.push(report.changed ? `check: ${report.changes.length} change(s) needed; nothing written.` : 'check: everything in place.');
  else if (r.dryRun) lines.push(report.changed ? `dry run: ${report.changes.length} change(s) would be made; nothing written.` : `dry run: ${unchanged}; nothing would change.`);
  // Standard output is given even an unchanged copy: not written, it was cut short (its reader went away).
  else if (!report.changed && !r.written && r.output === '-') lines.push(`${unchanged}; standard output was closed before all of the unchanged copy was written.`);
  else if (!report.changed) lines.push(r.written ? `${unchanged}; wrote an unchanged copy to ${r.output}.` : `${unchanged}; nothing to write.`);
  else if (!r.written && r.output === '-') lines.push(`standard output was closed before all of the result was written (${report.changes.length} change(s)).`);
  else lines.push(`wrote ${r.output === '-' ? 'standard output' : r.output} (${report.changes.length} change(s)).`);
  // Each line as printable writes it: a step name or a value from the file may hold a control character.
  return `${lines.map(printable).join('\n')}\n`;
}
