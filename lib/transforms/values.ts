/**
 * Checks on values that transforms write into a sequence (option values and values taken from the document), by what
 * they mean: text that XML 1.0 can carry, no separators of the string they go into, console and WMI lengths.
 */
import { refusalAt } from '../assert-valid.js';
import { printable, TaskSequenceError } from '../errors.js';
import { assertValid, type SchemaFile } from '../schemas.js';
import { shownValue } from '../shown-value.js';
import { nestingOf } from '../nesting.js';

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

/**
 * What to do instead of a character outside printable ASCII, by what the value is (see {@link TextRules.ascii}).
 * Every one has an ASCII spelling: a path through 8.3 short names or another share, a program by another name.
 */
export const ASCII_ADVICE = {
  path: 'Give the path in printable ASCII: the 8.3 short name of a folder or file with other characters (dir /x shows it), or a share whose name is ASCII',
  program: 'Give the program a name in printable ASCII in its package, and use that name here',
  command: 'Write the command in printable ASCII: 8.3 short names (dir /x shows them) for paths with other characters',
} as const;

/** What {@link checkText} also refuses, by where the value goes. */
export interface TextRules {
  /** A `;` would split a PATCH list or DependentProgram. */
  noSemicolon?: boolean;
  /** A `"` would end the quoted PATCH value and start another property. */
  noQuote?: boolean;
  /**
   * Only printable ASCII (U+0020–U+007E), for a value spliced into a command line, an action line, the quoted PATCH
   * property or DependentProgram; the text says what to do instead ({@link ASCII_ADVICE}).
   *
   * Why ASCII, not a list of dangerous characters: on its way to msiexec or a program, such a value can be converted
   * to the computer's ANSI (or OEM) code page, and Windows then maps a character the code page lacks to a "best fit"
   * unless the converting program asked it not to (WC_NO_BEST_FIT_CHARS). Microsoft's published best-fit tables
   * (WindowsBestFit, for the ANSI code pages) turn U+FF02 into `"`, U+FF1B into `;`, U+FF05 into `%`, U+3000 and
   * U+2000–U+2006 into a space, U+02BA and U+030E into `"`, U+2329 into `<`, and more; they differ by code page, and
   * the published set covers the ANSI code pages only. No documentation says which conversions ConfigMgr 2007's
   * ccmsetup, the task sequence engine and msiexec make on each system locale, so no list of characters can be shown
   * complete, while ASCII is the same in every code page. And no ConfigMgr value here needs more: KB977203's paths are
   * a drive or share, a package ID and fixed folder and file names, a folder or share with other characters can be
   * named in ASCII (its 8.3 short name, another share), and the program is one the administrator names (by default
   * CCMCertFix). Values that are XML text only (step names, descriptions, messages, variable values, ReferencesInfo
   * names) take any character XML can carry.
   */
  ascii?: (typeof ASCII_ADVICE)[keyof typeof ASCII_ADVICE];
  maxLength?: number;
}

/** `U+XXXX` for the character at the start of `text` (a whole surrogate pair counts as one). */
function codePoint(text: string): string {
  return `U+${(text.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `value` as a JSON string for a message, with what JSON leaves raw and a terminal would act on (C1 controls, the
 * Unicode line and paragraph separators, bidirectional overrides) escaped too, as {@link printable} does.
 */
export function quotedForMessage(value: string): string {
  return printable(JSON.stringify(value));
}

/**
 * Why `value` cannot be written where the rules say, or undefined: control characters (U+0000–U+001F, U+007F and
 * the C1 controls U+0080–U+009F), U+FFFE/U+FFFF and lone surrogates are refused everywhere (XML cannot carry them or
 * discourages them, U+0085 is a line end to XML 1.1, or ConfigMgr would split on them).
 */
export function textProblem(value: string, rules: TextRules = {}): string | undefined {
  const control = /[\u0000-\u001f\u007f-\u009f]/.exec(value);
  if (control) return `a control character (${codePoint(control[0])})`;
  if (/[\ufffe\uffff]/.test(value)) return 'U+FFFE or U+FFFF, which are not characters';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) return 'a lone surrogate (broken UTF-16)';
  if (rules.noSemicolon && value.includes(';')) return 'a ";", which separates entries where this value goes';
  if (rules.noQuote && value.includes('"')) return 'a double quote, which would end the quoted value and start another property';
  const other = rules.ascii === undefined ? null : /[^\u0020-\u007e]/u.exec(value);
  if (other && rules.ascii !== undefined) {
    return `${codePoint(other[0])}, a character that is not printable ASCII: where this value goes, Windows may convert it to a code page without it and write a look-alike ("best fit"), which can be a quote, a separator or a space. ${rules.ascii}`;
  }
  if (rules.maxLength !== undefined && value.length > rules.maxLength) return `${value.length} characters (at most ${rules.maxLength})`;
  if (value.trim() === '') return 'nothing but white space';
  return undefined;
}

/**
 * Runs `check`, a check of one option's value; a refusal it throws is marked as one of the value at `pointer` (a JSON
 * pointer into the options: `/msp`, `/steps/2/programName`), so that a command that read the options from a file
 * places it there (see {@link refusalAt}), once, rather than blaming each task sequence it was run on.
 */
export function checkedAt(pointer: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    throw e instanceof TaskSequenceError ? refusalAt(e, pointer) : e;
  }
}

/** Throws `INVALID_ARGUMENT` naming `what` when {@link textProblem} finds one; undefined passes. */
export function checkText(what: string, value: string | undefined, rules: TextRules = {}): void {
  if (value === undefined) return;
  const problem = textProblem(value, rules);
  if (problem !== undefined) throw new TaskSequenceError('INVALID_ARGUMENT', `The ${what} ${shownValue(value, '"')} has ${problem}.`);
}

/** How deep an option's value may nest: far past any option's (a condition's nested groups), far short of the stack's. */
const MAX_OPTION_DEPTH = 1000;

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
    // Nested objects (step lists) are copied as JSON, which drops getters' indirection the same way. JSON's copy
    // recurses: a value nested deeper than any option is (or one that holds itself) is refused first, not left to
    // overflow the stack (an options file 10,000 levels deep was an internal error).
    // Defined, not assigned: assigning a "__proto__" key (JSON.parse makes one an own property) would set the
    // copy's prototype, and the schema and the transform would take its properties for the caller's options.
    const given: unknown = d.value;
    const nesting = typeof given === 'object' && given !== null ? nestingOf(given, MAX_OPTION_DEPTH) : 'within';
    if (nesting === 'itself') throw new TaskSequenceError('OPTIONS_INVALID', `The ${what} option ${key} contains itself (an object among its own contents); no option does.`);
    if (nesting === 'deeper') {
      throw new TaskSequenceError('OPTIONS_INVALID', `The ${what} option ${key} is nested more than ${MAX_OPTION_DEPTH} levels deep (or contains itself further down); no option is.`);
    }
    let value = given;
    try {
      if (typeof value === 'object' && value !== null) value = JSON.parse(JSON.stringify(value));
    } catch (e) {
      // What JSON cannot copy though it nests little: a BigInt (TypeError), say.
      if (e instanceof TypeError || e instanceof RangeError) throw new TaskSequenceError('OPTIONS_INVALID', `The ${what} option ${key} cannot be copied as JSON: ${e.message}.`);
      throw e;
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Options as plain data ({@link plainOptions}), checked against the transform's schema: throws `OPTIONS_INVALID`.
 * Every way to make a transform goes through it, the factories a script calls as much as the registry.
 */
export function validOptions<O>(name: string, schema: SchemaFile, options: unknown): O {
  const plain = plainOptions(options, name);
  assertValid(schema, plain, `Options of ${name}`);
  return plain as unknown as O;
}

/**
 * The longest path Windows opens without the `\\?\` prefix: MAX_PATH is 260 characters with the terminating null
 * ("Maximum Path Length Limitation", Win32 file I/O). Windows Installer and ccmsetup take PATCH paths as they are, so
 * an .msp path longer than this names a file the client installation cannot open.
 */
export const MAX_PATH_CHARS = 259;

/** Why a path is too long for Windows to open, in words, or undefined when it fits in MAX_PATH. */
export function pathTooLong(path: string): string | undefined {
  if (path.length <= MAX_PATH_CHARS) return undefined;
  return `${path.length} characters long, more than the ${MAX_PATH_CHARS} Windows' MAX_PATH allows (260 with the terminating null), so the client installation cannot open it`;
}
