/**
 * Checks on values that transforms write into a sequence (option values and values taken from the document), by what
 * they mean: text that XML 1.0 can carry, no separators of the string they go into, console and WMI lengths.
 */
import { TaskSequenceError } from '../errors.js';

/** A ConfigMgr package ID: a three-character site code and five hexadecimal digits, upper case (ABC00010). */
export const PACKAGE_ID = /^[A-Z0-9]{3}[0-9A-F]{5}$/;

/** The ConfigMgr console's and WMI provider's limits on what a task sequence holds. */
export const CONSOLE_LIMITS = {
  /** Step and group names: the console shows 50 characters… */
  stepName: 50,
  /** …and the provider refuses more than 100. */
  stepNameMax: 100,
  /** Step and group descriptions (the WMI property's limit). */
  description: 255,
  /** Restart Computer's message. */
  restartMessage: 512,
  /** Set Task Sequence Variable's value. */
  variableValue: 4001,
  /** Task sequence variable names. */
  variableName: 256,
  /** The policy a Current Branch sequence becomes (bytes). */
  policyBytes: 2 * 1024 * 1024,
} as const;

/** What {@link checkText} also refuses, by where the value goes. */
export interface TextRules {
  /** A `;` would split a PATCH list or DependentProgram. */
  noSemicolon?: boolean;
  /** A `"` would end the quoted PATCH value and start another property. */
  noQuote?: boolean;
  maxLength?: number;
}

/**
 * Why `value` cannot be written where the rules say, or undefined: control characters (U+0000–U+001F, U+007F),
 * U+FFFE/U+FFFF and lone surrogates are refused everywhere (XML cannot carry them, or ConfigMgr would split on them).
 */
export function textProblem(value: string, rules: TextRules = {}): string | undefined {
  const control = /[\u0000-\u001f\u007f]/.exec(value);
  if (control) return `a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  if (/[\ufffe\uffff]/.test(value)) return 'U+FFFE or U+FFFF, which are not characters';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) return 'a lone surrogate (broken UTF-16)';
  if (rules.noSemicolon && value.includes(';')) return 'a ";", which separates entries where this value goes';
  if (rules.noQuote && value.includes('"')) return 'a double quote, which would end the quoted value and start another property';
  if (rules.maxLength !== undefined && value.length > rules.maxLength) return `${value.length} characters (at most ${rules.maxLength})`;
  if (value.trim() === '') return 'nothing but white space';
  return undefined;
}

/** Throws `INVALID_ARGUMENT` naming `what` when {@link textProblem} finds one; undefined passes. */
export function checkText(what: string, value: string | undefined, rules: TextRules = {}): void {
  if (value === undefined) return;
  const problem = textProblem(value, rules);
  if (problem !== undefined) throw new TaskSequenceError('INVALID_ARGUMENT', `The ${what} ${JSON.stringify(value)} has ${problem}.`);
}

/**
 * Options as plain data: own, enumerable data properties only. A getter could answer a schema check one way and the
 * transform another; an inherited property is not the caller's. Throws `OPTIONS_INVALID` for a non-object or a getter.
 */
export function plainOptions(options: unknown, what: string): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TaskSequenceError('OPTIONS_INVALID', `The ${what} options must be an object.`);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const d = Object.getOwnPropertyDescriptor(options, key) as PropertyDescriptor;
    if (!('value' in d)) throw new TaskSequenceError('OPTIONS_INVALID', `The ${what} option ${key} is an accessor; options must be plain values.`);
    // Nested objects (step lists) are copied as JSON, which drops getters' indirection the same way.
    out[key] = typeof d.value === 'object' && d.value !== null ? JSON.parse(JSON.stringify(d.value)) : d.value;
  }
  return out;
}
