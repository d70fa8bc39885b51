/**
 * A catalog setting in words, as Markdown table cells for the step reference page (docs/steps.md): what value it
 * takes, its default, when it is required, and the catalog's notes. The words come from the same data and constants
 * the builders, `set` and the settings schemas check values with, so the page says what they do.
 */
import { oneLineReason } from './one-line.js';
import type { StepTypeData, VariableData } from './types.js';
import { integerRange, listedCharacters, mustBeGiven } from './value-problem.js';

/**
 * Catalog text as Markdown prose: the characters that would start markup (emphasis, code, links, HTML such as the
 * notes' `<referenceList>`) escaped, an `_` only where it could open emphasis (`SMS_ImagePackage` stays as it is), and
 * line ends made spaces, as a table cell is one line.
 */
export function mdText(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*<>[\]~]|(?<![A-Za-z0-9])_/g, '\\$&');
}

/** A value as Markdown code (`(empty)` for the empty text), fenced with more backticks than it holds in a row. */
export function mdCode(s: string): string {
  if (s === '') return '(empty)';
  const text = s.replace(/[\r\n]+/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A Markdown table row; a `|` in a cell (code spans too) is escaped, as GitHub's tables read it. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** Setting names of `entry` in `words` (a rule, a `requiredWhen`) as code: `needs \`packageId\` with \`programName\``. */
export function withSettingsAsCode(entry: StepTypeData, words: string): string {
  const names = new Set(entry.variables.map((v) => v.setting));
  return words
    .split(/\b/)
    .map((w) => (names.has(w) ? mdCode(w) : mdText(w)))
    .join('');
}

/** What a setting that names a task sequence variable takes (`VariableData.form`). */
const FORM_WORDS: Readonly<Record<NonNullable<VariableData['form']>, string>> = {
  variableName: 'name of a variable the step sets',
  setVariable: 'name of a variable the step sets, or empty',
  variableRef: 'name of a variable the step reads, or empty',
};

/** What a value of `v` is, with its range, length, form and allowed values. */
export function valueWords(v: VariableData): string {
  const parts: string[] = [];
  switch (v.valueType) {
    case 'boolean':
      parts.push('boolean');
      break;
    case 'integer': {
      const [min, max] = integerRange(v);
      parts.push(`integer, ${min} to ${max}`);
      break;
    }
    case 'enum':
      parts.push(`one of ${(v.allowed ?? []).map(mdCode).join(', ')}`);
      break;
    case 'packageId':
      parts.push('package ID');
      break;
    case 'packageIdList':
      parts.push('list of package IDs');
      break;
    case 'list':
      parts.push(`list of texts (without ${mdText(listedCharacters(`,${v.forbidden ?? ''}`))})`);
      break;
    case 'codes':
      parts.push('exit codes (list of integers)');
      break;
    case 'driveLetter':
      parts.push('drive letter');
      break;
    case 'guid':
      parts.push('GUID');
      break;
    case 'secret':
      parts.push('secret text');
      break;
    case 'base64Script':
      parts.push('PowerShell script (text; Base64 in the file)');
      break;
    case 'dynamicRules':
      parts.push('Set Dynamic Variables rules (`DynamicRule[]`)');
      break;
    case 'array':
      parts.push('items (fields below)');
      break;
    default:
      parts.push(v.form === undefined ? 'text' : FORM_WORDS[v.form]);
  }
  if (v.maxLength !== undefined) parts.push(`at most ${v.maxLength} characters`);
  if (v.valueType === 'string' && v.forbidden !== undefined) parts.push(`without ${mdText(listedCharacters(v.forbidden))}`);
  if ((v.valueType === 'string' || v.valueType === 'secret') && oneLineReason(v) !== undefined) parts.push('one line');
  if (v.allowedNote !== undefined) parts.push(`values: ${mdText(v.allowedNote)}`);
  return parts.join(', ');
}

/** The console's default of `v`, with the release from which builders write it unasked and the catalog's note. */
export function defaultWords(v: VariableData): string {
  const parts: string[] = [];
  if (v.default !== undefined) parts.push(mdCode(v.default));
  if (v.writtenFrom !== undefined && v.default !== undefined) parts.push(`(written from ${mdText(v.writtenFrom)})`);
  if (v.defaultNote !== undefined) {
    // `1 (observed)` after the default `1` says only `observed`; a note that says more is given whole.
    const only = v.default === undefined || !v.defaultNote.startsWith(v.default) ? undefined : /^\s*\(([^()]*)\)$/.exec(v.defaultNote.slice(v.default.length))?.[1];
    parts.push(`— ${mdText(only ?? v.defaultNote)}`);
  }
  return parts.join(' ');
}

/** The catalog's `requiredWhen` in words with setting names: `if DestinationDisk is set` → when `destinationDisk` is given. */
function requiredWhenWords(entry: StepTypeData, v: VariableData): string | undefined {
  if (v.requiredWhen === undefined) return undefined;
  const m = /^if (\w+) is (set|null)$/.exec(v.requiredWhen);
  const other = m && entry.variables.find((x) => !x.arrayOf && x.property === m[1]);
  if (!m || !other) return mdText(v.requiredWhen);
  return `when ${mdCode(other.setting)} is ${m[2] === 'set' ? 'given' : 'not given'}`;
}

/** Whether `v` is required: **yes** (to be given), always written (with its default, or empty), or when. */
export function requiredWords(entry: StepTypeData, v: VariableData): string {
  const parts: string[] = [];
  if (mustBeGiven(v)) parts.push(v.arrayOf === undefined ? '**yes**' : '**yes**, in each item');
  else if (v.required) parts.push(v.default !== undefined ? 'written with its default' : 'written, empty if not given');
  const when = requiredWhenWords(entry, v);
  if (when !== undefined) parts.push(when);
  return parts.join('; ');
}

/** The catalog's notes on `v`, the release that first writes it when later than its step type's, and its evidence. */
export function noteWords(v: VariableData): string {
  const parts: string[] = [];
  if (v.notes !== undefined) parts.push(mdText(v.notes));
  if (v.since !== undefined) parts.push(`Since ${mdText(v.sinceNote ?? v.since)}`);
  if (v.evidence !== 'observed') parts.push(`Evidence: ${mdText(v.evidence)}`);
  return parts.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)).join(' ');
}
