/**
 * Errors and diagnostics. Every problem cmts reports has a SCREAMING_SNAKE `code`, a message that says what is wrong,
 * and, where the input has one, a place: `[start, end]` offsets into the decoded text and a 1-based line and column.
 */

/** Every error code cmts can report; the README has a table of them. */
export const ERROR_CODES = {
  INPUT_TOO_LARGE: 'The input is larger than the configured maximum size.',
  ENCODING_INVALID: 'The bytes are not valid text in the encoding their BOM (or lack of one) declares.',
  XML_MALFORMED: 'The input is not well-formed XML.',
  XML_DOCTYPE_FORBIDDEN: 'The input has a DOCTYPE or entity declaration; these are refused so no entity is ever expanded.',
  XML_UNDEFINED_ENTITY: 'The input uses an entity reference other than the five XML predefines and character references.',
  XML_TOO_DEEP: 'Elements are nested deeper than the configured limit.',
  OUTPUT_MALFORMED: 'An edit would make the written document not well-formed XML (a bad name, character or comment); nothing is written.',
  NOT_A_TASK_SEQUENCE: 'The XML is well-formed but is not a task sequence in any known container.',
  SEQUENCE_MISSING: 'The container was recognised but holds no <sequence>.',
  INVALID_ARGUMENT: 'An API call or option was given a value it cannot use.',
  STEP_NOT_FOUND: 'A step named by a transform or option does not exist.',
  UNSUPPORTED_CONTAINER: 'The operation needs a container the document does not have.',
  DEPENDENT_PROGRAM_CONFLICT: 'A different program is already set to run first.',
  MISSING_SETUP_WINDOWS_STEP: 'The scenario needs a Setup Windows and ConfigMgr step and the sequence has none.',
  VARIABLE_IN_PATH: 'A path for the PATCH property contains a %variable%, which can resolve to another drive.',
  OPTIONS_INVALID: 'Options do not match their schema.',
  NOT_CONFIGMGR_2007: 'The KB977203 preset was given a task sequence that is not ConfigMgr 2007 (the fix applies to 2007 SP1/SP2 only).',
  HOTFIX_INSTALL_STEP: 'A step installs the KB977203 hotfix itself, which stops the client service and fails the task sequence (R1).',
  INSTALL_PROPERTIES_INVALID: 'The Setup Windows and ConfigMgr installation properties cannot be used as they are (an unclosed quote, PATCH twice).',
  IO_ERROR: 'A file could not be read or written.',
  ZIP_INVALID: 'A .zip export is damaged or uses a zip feature cmts does not support (ZIP64, multi-disk, other compression).',
  ZIP_UNSAFE: 'A .zip export has an entry with an absolute or `..` path (in its name or Unicode path field), two entries with one name, encryption, overlapping entries or absurd sizes (a zip bomb).',
} as const;

/** A code from {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** 1-based line and column of an offset. */
export interface LinePos {
  line: number;
  col: number;
}

/** Maps offsets to lines and columns by binary search over line starts, computed once and only when first asked. */
export class LineCounter {
  private starts: number[] | undefined;
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

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Options for {@link TaskSequenceError}. */
export interface TaskSequenceErrorInit {
  /** `[start, end]` offsets into the decoded text the error is about. */
  range?: [number, number];
  /** Line and column of `range[0]`. */
  linePos?: LinePos;
  /** The file the error is about, when known. */
  file?: string;
}

/** The one error type cmts throws for unusable input or refused options. */
export class TaskSequenceError extends Error {
  override readonly name = 'TaskSequenceError';
  readonly code: ErrorCode;
  range: [number, number] | undefined;
  linePos: LinePos | undefined;
  file: string | undefined;

  constructor(code: ErrorCode, message: string, init: TaskSequenceErrorInit = {}) {
    super(message);
    this.code = code;
    this.range = init.range;
    this.linePos = init.linePos;
    this.file = init.file;
  }

  /** `file:line:col: CODE message`, the form the CLI prints. */
  format(): string {
    const where = [this.file, this.linePos?.line, this.linePos?.col].filter((p) => p !== undefined).join(':');
    return `${where ? `${where}: ` : ''}${this.code} ${this.message}`;
  }

  /** A plain object for `--json` output. */
  toJSON(): { code: ErrorCode; message: string; line?: number; col?: number; file?: string } {
    return {
      code: this.code,
      message: this.message,
      ...(this.linePos ? { line: this.linePos.line, col: this.linePos.col } : {}),
      ...(this.file !== undefined ? { file: this.file } : {}),
    };
  }
}

/** Severity of a {@link Diagnostic}. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem or note that does not stop the work: reader warnings, transform and lint findings share this shape. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Step path (`Group/Sub group/Step`) the diagnostic is about, when it is about a step. */
  path?: string;
  line?: number;
  col?: number;
}
