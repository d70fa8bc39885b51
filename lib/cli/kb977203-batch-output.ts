/**
 * A `cmts kb977203` batch's output, written input by input: each report (and diff) for people with a summary table at
 * the end, or one `--json` document streamed record by record; what it keeps of each input is its counts and rows.
 */
import type { FleetRow } from '../presets/kb977203-fleet.js';
import { printable } from '../errors.js';
import type { CliIo } from './io.js';
import { type ErrorRecord, printJson } from './json-report.js';
import { count, type Counts, jsonOf, type Mode, type Outcome, overriddenWithoutFix, rowOf, writeHuman } from './kb977203-output.js';

/** An outcome as a row of the table printed after a batch: file, result, changes, notes. */
function tableRow(o: Outcome, mode: Mode): string[] {
  // A file's name can hold a control character (a newline, an escape sequence): shown escaped, a row stays one line.
  const input = printable(o.input);
  if ('error' in o) return [input, 'FAILED', '-', o.error.code];
  if ('notApplicable' in o) return [input, 'not applicable', '-', o.notApplicable.code];
  const r = o.result.report;
  const warnings = r.diagnostics.filter((d) => d.severity !== 'info').length;
  const done = mode === 'revert' ? 'reverted' : 'patched';
  // As the report and the fleet report say it: a revert that finds nothing of KB977203 has nothing in place.
  const attention = mode === 'revert' ? 'nothing to revert' : overriddenWithoutFix(o.result, mode) ? 'needs attention' : 'in place';
  return [input, r.changed ? (o.result.dryRun ? (mode === 'check' ? 'needs changes' : 'would change') : done) : attention, String(r.changes.length), warnings ? `${warnings} warning(s)` : ''];
}

/** The table printed after a batch. */
function summaryTable(rows: string[][], s: Counts): string {
  const head = ['file', 'result', 'changes', 'notes'];
  // Widths by a loop, not Math.max(...spread): a batch of many thousand files would overflow the arguments.
  const widths = head.map((h) => h.length);
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] as number, c.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return `\n${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n${s.files} sequence(s), ${s.notApplicable} not applicable, ${s.failed} failed.\n`;
}

/**
 * A batch's output, written as each input is done (in input order), so that what the batch holds does not grow with
 * what it prints: of each input it keeps the counts, its row of the summary table and, for `--report`, its fleet
 * row, never its report or diff. People get each report (and diff) at once and the table at the end; `--json`
 * streams the very text one `JSON.stringify(…, null, 2)` of `{ results, summary }` would print.
 */
export class BatchOutput {
  readonly counts: Counts = { files: 0, changed: 0, notApplicable: 0, failed: 0 };
  /** The fleet report's rows (only when one is asked for). */
  readonly fleetRows: FleetRow[] | undefined;
  private readonly table: string[][] = [];
  private records = 0;
  private finished = false;

  constructor(
    private readonly io: CliIo,
    private readonly mode: Mode,
    private readonly json: boolean,
    fleet: boolean,
  ) {
    this.fleetRows = fleet ? [] : undefined;
  }

  /** One input's outcomes: written now, counted, and kept as rows. */
  add(outcomes: Outcome[]): void {
    for (const o of outcomes) {
      count(this.counts, o);
      this.fleetRows?.push(rowOf(o, this.mode));
      if (this.json) {
        this.record(jsonOf(o));
        // Errors go to standard error under --json too, as every command's do: a log of the run shows them.
        if ('error' in o) this.io.stderr.write(`cmts kb977203: ${o.error.format()}\n`);
      } else {
        this.table.push(tableRow(o, this.mode));
        writeHuman(o, this.io, this.mode);
      }
    }
  }

  /** Whether a JSON document has been begun on standard output and not yet ended. */
  get jsonBegun(): boolean {
    return this.json && this.records > 0 && !this.finished;
  }

  /**
   * Ends the output, once: the summary table, or the JSON's summary; `error` (a file of the run's own, or a bug met
   * on the way) is the last record.
   */
  finish(error?: ErrorRecord): void {
    if (this.finished) return;
    this.finished = true;
    const summary = error ? { ...this.counts, failed: this.counts.failed + 1 } : this.counts;
    if (!this.json) {
      this.io.stderr.write(summaryTable(this.table, this.counts));
      return;
    }
    if (error) this.record(error);
    if (this.records === 0) printJson(this.io.stdout, { results: [], summary });
    else this.io.stdout.write(`\n  ],\n  "summary": ${indented(summary, '  ')}\n}\n`);
  }

  private record(value: unknown): void {
    this.io.stdout.write(`${this.records++ === 0 ? '{\n  "results": [\n    ' : ',\n    '}${indented(value, '    ')}`);
  }
}

/** `value` as JSON.stringify(value, null, 2) prints it at this indent inside a larger value. */
function indented(value: unknown, indent: string): string {
  // A string's own line ends are escaped in JSON: every line end here is the layout's.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}
