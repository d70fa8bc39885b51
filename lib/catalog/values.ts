/**
 * Typed values of step variables: text as written ⇄ booleans, numbers, lists, decoded scripts, parsed rules. A
 * decoding is accepted only when encoding it gives back the exact text, so a typed view never changes a value it
 * merely read.
 */
import { type DynamicRule, formatDynamicRules, parseDynamicRules } from './dynamic-rules.js';
import type { ValueType } from './types.js';

/** A typed setting value. */
export type SettingValue = string | number | boolean | readonly string[] | readonly number[] | readonly DynamicRule[];

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
      return Array.isArray(value) ? formatDynamicRules(value as DynamicRule[]) : String(value);
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
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'list':
    case 'packageIdList':
      return text === '' ? [] : text.split(',');
    case 'codes':
      return /^-?\d+( -?\d+)*$/.test(text) ? text.split(' ').map(Number) : undefined;
    case 'base64Script':
      return decodeScript(text);
    case 'dynamicRules':
      return parseDynamicRules(text);
    default:
      return text;
  }
}

/** The typed value of a variable's text, or undefined when the text has no lossless typed form. */
export function decodeValue(valueType: ValueType, text: string): SettingValue | undefined {
  const value = decodeLoose(valueType, text);
  return value !== undefined && encodeValue(valueType, value) === text ? value : undefined;
}

/** Whether a typed value has the value type's JavaScript shape (used before encoding what a script passed). */
export function hasShape(valueType: ValueType, value: unknown): value is SettingValue {
  switch (valueType) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'array':
      return typeof value === 'number' && Number.isInteger(value);
    case 'list':
    case 'packageIdList':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'codes':
      return Array.isArray(value) && value.every((v) => Number.isInteger(v));
    case 'dynamicRules':
      return Array.isArray(value);
    default:
      return typeof value === 'string';
  }
}
