/**
 * The fleet report of the KB977203 preset over many inputs: one row per task sequence, as CSV (RFC 4180, for a
 * spreadsheet) or JSON (for scripts).
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Kb977203Report } from './kb977203.js';

/**
 * What happened to one task sequence: `needs attention` is one the preset leaves as it is, but whose Setup PATCH a
 * value of SMSClientInstallProperties without the fix overrides (`KB977203_PROPERTIES_OVERRIDDEN`, in its reason).
 */
export type FleetStatus = 'changed' | 'would change' | 'already in place' | 'needs attention' | 'not applicable' | 'failed' | 'reverted' | 'nothing to revert';

/** One row of the fleet report. */
export interface FleetRow {
  /** The input file (`file!part` for a sequence inside an export .zip). */
  file: string;
  /** The task sequence package's Name, when the container holds one. */
  name: string;
  /** The task sequence package's PackageID, when the container holds one. */
  packageId: string;
  /** `sequence`, `sms-package` or `cim-instance`; empty when the file could not be read. */
  container: string;
  status: FleetStatus;
  /** What changed (or would), one entry per change. */
  changes: string[];
  /** Why it was not applicable or failed (code and message), or the warnings. */
  reason: string;
}

/** A row for a sequence the preset ran on. */
export function fleetRow(file: string, doc: TaskSequenceDocument | undefined, report: Kb977203Report, status: FleetStatus): FleetRow {
  const warnings = report.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message}`);
  return { ...identity(file, doc), status, changes: report.changes.map((c) => `${c.requirement ? `[${c.requirement}] ` : ''}${c.where}: ${c.what}`), reason: warnings.join(' | ') };
}

/** The file, name, package ID and container of a sequence (empty strings where unknown). */
export function identity(file: string, doc: TaskSequenceDocument | undefined): Pick<FleetRow, 'file' | 'name' | 'packageId' | 'container'> {
  return { file, name: doc?.getProperty('Name') ?? '', packageId: doc?.getProperty('PackageID') ?? '', container: doc?.container ?? '' };
}

const COLUMNS = ['file', 'name', 'packageId', 'container', 'status', 'changes', 'reason'] as const;

function csvField(value: string): string {
  // A leading = + - @ would be read as a formula by spreadsheets: quote it with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV (header line, CRLF line ends, changes joined with `; `). */
export function fleetCsv(rows: FleetRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) lines.push(COLUMNS.map((c) => csvField(c === 'changes' ? r.changes.join('; ') : r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The rows as JSON, with a summary count per status. */
export function fleetJson(rows: FleetRow[]): string {
  const summary: Record<string, number> = {};
  for (const r of rows) summary[r.status] = (summary[r.status] ?? 0) + 1;
  return `${JSON.stringify({ rows, summary }, null, 2)}\n`;
}
