/**
 * One shape for every problem: an {@link Issue} has a typed `code`, a severity, a message and, where there is one, a
 * place (step path, line and column, file). Reader warnings, transform diagnostics and lint findings are issues; a
 * thrown {@link TaskSequenceError} carries its issues. The JSON output of the command line uses the same shape.
 */
import type { ERROR_CODES, NOTICE_CODES } from './error-codes.js';
import { MESSAGE_ESCAPED } from './unprintable.js';

/**
 * Characters a message never holds as they are (see unprintable.ts, the list a rendered page's `<U+…>` is made from
 * too): the controls, tab and line ends (a newline would split the message's line, an escape sequence drives the
 * terminal it is printed on), the bidirectional controls and marks (which show text in another order than it has),
 * and the characters that print as nothing, so that a name shown with one looks like the name without it.
 */
const UNPRINTABLE = new RegExp(`[${MESSAGE_ESCAPED}]`, 'gu');

/**
 * `text` with every {@link UNPRINTABLE} character written as its JSON escape (`\n`, `\u001b`): what cmts prints for
 * people (an error's one line, a usage error) can hold a file name or a value read from a file, and neither may drive
 * the terminal or split the line.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    // Beyond the BMP (a tag character), the escape of each half, as JSON writes a pair: `\udb40\udc41`.
    if (c.length === 2) return `\\u${c.charCodeAt(0).toString(16)}\\u${c.charCodeAt(1).toString(16)}`;
    const json = JSON.stringify(c);
    return json.length === 4 || json.length === 8 ? json.slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A code from {@link ERROR_CODES}: a problem that stops the work and is thrown. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A code from {@link NOTICE_CODES}. */
export type NoticeCode = keyof typeof NOTICE_CODES;

/**
 * A lint rule id (`kb977203/patch-quoted`, `name-too-long`): lower case, so it can never be mistaken for (or
 * misspell) one of the SCREAMING_SNAKE codes.
 */
export type LintRuleId = Lowercase<string>;

/** What an {@link Issue} can be about: an error code, a notice code, or a lint rule id. */
export type IssueCode = ErrorCode | NoticeCode | LintRuleId;

/** 1-based line and column of an offset. */
export interface LinePos {
  line: number;
  col: number;
}

/** An option that is a limit: `value`, or `fallback` when none is given; `INVALID_ARGUMENT` unless a positive whole number. */
export function limitOption(name: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1) throw new TaskSequenceError('INVALID_ARGUMENT', `${name} must be a positive whole number, not ${String(n)}.`);
  return n;
}

/** Maps offsets to lines and columns by binary search over line starts, computed once and only when first asked. */
export class LineCounter {
  private starts: Uint32Array | undefined;
  constructor(private readonly text: string) {}

  /** Line and column (both 1-based; the column counts UTF-16 code units) of `offset`. */
  linePos(offset: number): LinePos {
    const starts = (this.starts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (starts[lo] as number) + 1 };
  }
}

/**
 * Where each line starts. A line ends as XML 1.0 (section 2.11) ends it: at CR LF, at LF, or at a CR alone (a file
 * saved with classic Mac line ends is many lines, not one). Counted first, then written into a typed array of exactly
 * that size (a string is far shorter than 2^32): pushed onto an array, the 67 million line starts of 64 MiB of line
 * ends took 1 GB of heap and 18 s to place one error.
 */
function computeLineStarts(text: string): Uint32Array {
  const lf = text.indexOf('\r') === -1;
  const isStart = (i: number): boolean => {
    const c = text.charCodeAt(i - 1);
    return c === 0x0a || (c === 0x0d && text.charCodeAt(i) !== 0x0a);
  };
  let n = 1;
  if (lf) for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  else for (let i = 1; i <= text.length; i++) if (isStart(i)) n++;
  const starts = new Uint32Array(n);
  n = 1;
  if (lf) for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  else for (let i = 1; i <= text.length; i++) if (isStart(i)) starts[n++] = i;
  return starts;
}

/** Severity of an {@link Issue}. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One problem or note, whatever found it: the reader, a transform, the linter, or a thrown error. Plain data, the same
 * in the API and in `--json` output.
 */
export interface Issue {
  /** What it is: an {@link ErrorCode}, a {@link NoticeCode}, or the id of the lint rule that found it. */
  code: IssueCode;
  severity: Severity;
  /** What is wrong, in terms of the library (the command line adds its flag names). */
  message: string;
  /**
   * Step path (`Group/Sub group/Step`) the issue is about, when it is about a step. For `OUTPUT_MALFORMED` refused by
   * the XML writer, the XPath of the node at fault in the tree written (`/sequence[1]/group[2]/step[1]/@name`).
   */
  path?: string;
  /** 1-based line in the file, when the issue has a place in it. */
  line?: number;
  /** 1-based column (UTF-16 code units). */
  col?: number;
  /** The file, when known. */
  file?: string;
  /** The KB977203 requirement (R1…R15) the issue is about, for the preset's issues and rules. */
  requirement?: string;
}

/** @deprecated Use {@link Issue}; a diagnostic is an issue. */
export type Diagnostic = Issue;

/** Options for {@link TaskSequenceError}. */
export interface TaskSequenceErrorInit {
  /** `[start, end]` offsets into the decoded text the error is about. */
  range?: [number, number];
  /** Line and column of `range[0]`. */
  linePos?: LinePos;
  /** The file the error is about, when known. */
  file?: string;
  /** Step path the error is about (for `OUTPUT_MALFORMED` of the XML writer, the XPath of the node at fault). */
  path?: string;
  /** Further issues behind the error (each schema violation of `OPTIONS_INVALID`, say). */
  issues?: Issue[];
}

/**
 * The one error type cmts throws, for unusable input or refused options. Its `code`, `message` and place are its
 * first issue; `issues` lists that and any further ones behind it.
 *
 * @example
 * ```ts
 * try {
 *   readTaskSequence('<sequence>');
 * } catch (e) {
 *   if (e instanceof TaskSequenceError) console.error(e.code, e.linePos); // XML_MALFORMED { line: 1, col: 11 }
 * }
 * ```
 */
export class TaskSequenceError extends Error {
  override readonly name = 'TaskSequenceError';
  readonly code: ErrorCode;
  range: [number, number] | undefined;
  linePos: LinePos | undefined;
  file: string | undefined;
  path: string | undefined;
  private readonly more: Issue[];

  constructor(code: ErrorCode, message: string, init: TaskSequenceErrorInit = {}) {
    super(message);
    this.code = code;
    this.range = init.range;
    this.linePos = init.linePos;
    this.file = init.file;
    this.path = init.path;
    this.more = init.issues ?? [];
  }

  /** This error as an issue, followed by the issues behind it (each with this error's file, when they have none). */
  get issues(): Issue[] {
    const file = this.file;
    return [this.toJSON(), ...this.more.map((i) => (i.file === undefined && file !== undefined ? { ...i, file } : i))];
  }

  /**
   * `file:line:col: CODE message`, the form the CLI prints: one line, with control characters (of a file name, or of
   * a value read from a file that the message quotes) written as escapes, so that none drives the terminal it is
   * printed on or splits the line.
   */
  format(): string {
    const where = [this.file, this.linePos?.line, this.linePos?.col].filter((p) => p !== undefined).join(':');
    return printable(`${where ? `${where}: ` : ''}${this.code} ${this.message}`);
  }

  /** The error as an {@link Issue}: what `--json` output prints. */
  toJSON(): Issue & { code: ErrorCode } {
    return {
      code: this.code,
      severity: 'error',
      message: this.message,
      ...(this.path !== undefined ? { path: this.path } : {}),
      ...(this.linePos ? { line: this.linePos.line, col: this.linePos.col } : {}),
      ...(this.file !== undefined ? { file: this.file } : {}),
    };
  }
}

/** Whether `value` is a {@link TaskSequenceError} (also across copies of the package, as in a bundle beside an install). */
export function isTaskSequenceError(value: unknown): value is TaskSequenceError {
  return value instanceof TaskSequenceError || (value instanceof Error && value.name === 'TaskSequenceError' && 'code' in value);
}
