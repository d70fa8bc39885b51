/**
 * Typed values of step variables: text as written ⇄ booleans, numbers, lists, decoded scripts, parsed rules. A
 * decoding is accepted only when encoding it gives back the exact text, so a typed view never changes a value it
 * merely read.
 */
import { shownValue } from '../shown-value.js';
import { formatDynamicRules, hasKnownConditions, isDynamicRules, parseDynamicRules, type WrittenDynamicRule } from './dynamic-rules.js';
import type { ValueType, VariableData } from './types.js';


/**
 * The largest value of a catalog integer: steps.json types every integer variable `uint` (a UInt32 in the SDK's WMI
 * classes), so one with no maximum of its own stops here, and none goes below 0. Past it the engine reads another
 * number, or none.
 */
export const UINT32_MAX = 4_294_967_295;

/** A typed setting value. */
export type SettingValue = string | number | boolean | readonly string[] | readonly number[] | readonly WrittenDynamicRule[];

/** Decodes a PowerShell script stored as Base64 of UTF-16LE text with a byte order mark. */
export function decodeScript(base64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return undefined;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length % 2 !== 0) return undefined;
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe;
  return bytes.subarray(bom ? 2 : 0).toString('utf16le');
}

/** Encodes a script the way the console stores it: UTF-16LE with a byte order mark, in Base64. */
export function encodeScript(script: string): string {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(script, 'utf16le')]).toString('base64');
}

/** The text the console writes for a typed value. */
export function encodeValue(valueType: ValueType, value: SettingValue): string {
  /* eslint-disable @typescript-eslint/no-base-to-string -- String(value) prints whatever else a caller passed */
  switch (valueType) {
    case 'boolean':
      return value === true ? 'true' : value === false ? 'false' : String(value);
    case 'list':
    case 'packageIdList':
      return Array.isArray(value) ? value.join(',') : String(value);
    case 'codes':
      return Array.isArray(value) ? value.join(' ') : String(value);
    case 'base64Script':
      return typeof value === 'string' ? encodeScript(value) : String(value);
    case 'dynamicRules':
      return Array.isArray(value) ? formatDynamicRules(value as WrittenDynamicRule[]) : String(value);
    default:
      return String(value);
  }
  /* eslint-enable @typescript-eslint/no-base-to-string */
}

function decodeLoose(valueType: ValueType, text: string): SettingValue | undefined {
  switch (valueType) {
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'integer':
    case 'array':
      return /^-?\d+$/.test(text) ? wholeNumber(text) : undefined;
    case 'list':
    case 'packageIdList':
      return text === '' ? [] : text.split(',');
    case 'codes':
      if (!/^-?\d+( -?\d+)*$/.test(text)) return undefined;
      // Exit codes only (see hasShape): a larger code is read as verbatim text, which builds again as written.
      return text.split(' ').every((c) => isExitCode(wholeNumber(c))) ? text.split(' ').map(Number) : undefined;
    case 'base64Script':
      return decodeScript(text);
    case 'dynamicRules':
      return parseDynamicRules(text);
    default:
      return text;
  }
}

/**
 * Whether a variable's text says no value: nothing but white space, or a script of nothing (a script is written as
 * Base64 of its UTF-16 text with a byte order mark, so an empty one is `//4=`). The choice rules count such a setting
 * as not given, and `set` removes the variable of one it empties.
 */
export function isEmptyText(valueType: ValueType, text: string): boolean {
  if (text.trim() === '') return true;
  if (valueType !== 'base64Script') return false;
  const script = decodeValue(valueType, text.trim());
  return typeof script === 'string' && script.trim() === '';
}

/** The typed value of a variable's text, or undefined when the text has no lossless typed form. */
export function decodeValue(valueType: ValueType, text: string): SettingValue | undefined {
  const value = decodeLoose(valueType, text);
  return value !== undefined && encodeValue(valueType, value) === text ? value : undefined;
}

/**
 * The typed value a view reads from a variable's (or the action line's) text: its lossless decoding, for an enum one
 * of the allowed values, and for Set Dynamic Variables rules ones whose conditions are of the known expression types
 * (a closed type, as an enum's is: `hasKnownConditions`); else undefined, and the text is kept as written
 * (`verbatim`). A value past a limit (`min`, `maxLength`, …) is still read, so that lint and the typed views see it;
 * the builders and `set` refuse to write one (`valueProblem` in value-problem.ts).
 */
export function readValue(data: VariableData, text: string): SettingValue | undefined {
  if (!isAllowed(data, text)) return undefined;
  const value = decodeValue(data.valueType, text);
  return data.valueType === 'dynamicRules' && value !== undefined && !hasKnownConditions(value as WrittenDynamicRule[]) ? undefined : value;
}

/**
 * An integer JavaScript holds exactly (at most `Number.MAX_SAFE_INTEGER` either side of 0): past 2^53 a number is
 * already rounded when a script passes it (2^60 + 1 was written as 1152921504606847000). Such a value is given as
 * verbatim text, and a file's is read as verbatim.
 */
function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** The whole number a text of digits is, when JavaScript holds it exactly (see {@link isWholeNumber}). */
function wholeNumber(text: string): number | undefined {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The range of a success code: an exit code is 32 bits, written signed (`-2147024891`) or unsigned (`3247440400`, as
 * exports write 0xC1900210), so from the least Int32 to the greatest UInt32.
 */
export const EXIT_CODE_RANGE = { minimum: -2147483648, maximum: 4294967295 } as const;

/** What a success code must be, in words, for messages. */
const EXIT_CODE_WORDS = `a whole number from ${EXIT_CODE_RANGE.minimum} to ${EXIT_CODE_RANGE.maximum} (32 bits, signed or unsigned)`;

/** Whether a value is an exit code (see {@link EXIT_CODE_RANGE}). */
function isExitCode(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= EXIT_CODE_RANGE.minimum && (value as number) <= EXIT_CODE_RANGE.maximum;
}

/** A value a script passed, as a message shows it: its digits or text (cut when long), else its JavaScript type. */
function shownGiven(value: unknown): string {
  if (typeof value === 'number') return shownValue(String(value), '');
  if (typeof value === 'string') return shownValue(value, '"');
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

/**
 * Why `value` is not a list of success codes, naming the first code that is no exit code; undefined when it is
 * one. `where` is the setting or option the value was given as.
 */
export function codesProblem(where: string, value: unknown): string | undefined {
  if (!Array.isArray(value)) return `${where} must be a list of one or more exit codes, each ${EXIT_CODE_WORDS}, not ${shownGiven(value)}.`;
  if (value.length === 0) return `${where} must list one or more exit codes, each ${EXIT_CODE_WORDS}.`;
  const index = value.findIndex((c) => !isExitCode(c));
  return index < 0 ? undefined : `${where}[${index}] is ${shownGiven(value[index])}, which is no exit code: each success code is ${EXIT_CODE_WORDS}.`;
}

/** "a" or "an" before a value type's name, as it is said: "an integer", "an array", "a boolean". */
export function article(type: ValueType): string {
  return /^[aeiou]/i.test(type) ? 'an' : 'a';
}

/**
 * The message refusing a value that has not the value type's shape (see {@link hasShape}), given as `where`: for
 * success codes it names the code that is no exit code.
 */
export function shapeMessage(where: string, valueType: ValueType, value: unknown): string {
  return (valueType === 'codes' ? codesProblem(where, value) : undefined) ?? `${where} must be ${article(valueType)} ${valueType} value: ${shapeWords(valueType)}.`;
}

/** Whether a value is a plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/**
 * Whether a typed value has the value type's JavaScript shape and reads back as itself once encoded (checked before
 * encoding what a script passed): no list item with a comma, which would read back as two, nor a list of one empty
 * item, which reads back as no item; at least one success code, each an exit code (see {@link EXIT_CODE_RANGE});
 * integers JavaScript prints as digits.
 */
export function hasShape(valueType: ValueType, value: unknown): value is SettingValue {
  switch (valueType) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'array':
      return isWholeNumber(value);
    case 'list':
    case 'packageIdList':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && !v.includes(',')) && !(value.length === 1 && value[0] === '');
    case 'codes':
      return Array.isArray(value) && value.length > 0 && value.every(isExitCode);
    case 'dynamicRules':
      return isDynamicRules(value);
    default:
      return typeof value === 'string';
  }
}

/**
 * Whether a text is a value the catalog allows for a variable: for an `enum`, one of `allowed` in any case (consoles
 * differ in case) or empty (the console writes a setting it has no value for as an empty element), as the settings
 * schema says; any text for other types. A list the catalog does not know to be complete is not an `enum`: such a
 * setting is a `string` with its values in `allowedNote`, and takes any text.
 */
export function isAllowed(data: VariableData, text: string): boolean {
  if (data.valueType !== 'enum' || data.allowed === undefined || text === '') return true;
  const lower = text.toLowerCase();
  return data.allowed.some((a) => a.toLowerCase() === lower);
}

/**
 * The message refusing a value {@link isAllowed} refuses, naming `where` it was given and the allowed values: written
 * as given, it was a value no console offers, which the step's program does not know.
 */
export function allowedMessage(data: VariableData, value: string, where: string): string {
  return `${where} is ${shownValue(value, '"')}; the console allows ${(data.allowed ?? []).map((a) => JSON.stringify(a)).join(', ')} (in any case), or empty.`;
}

/** What a value of the type must be, in words, for messages. */
export function shapeWords(valueType: ValueType): string {
  switch (valueType) {
    case 'boolean':
      return 'true or false';
    case 'integer':
    case 'array':
      return 'a whole number JavaScript holds exactly (up to 2^53 - 1 either side of 0; give a larger one as verbatim text)';
    case 'list':
    case 'packageIdList':
      return 'a list of texts without commas (the items are written comma-separated), not one empty text';
    case 'codes':
      return `a list of one or more exit codes, each ${EXIT_CODE_WORDS}`;
    case 'dynamicRules':
      return 'a list of rules, each { conditions?: { type, parameters }[], variables: { name, value, secret }[] }';
    default:
      return 'a text';
  }
}
