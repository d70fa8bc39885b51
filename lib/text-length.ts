/**
 * The longest text the library and the command line make, and the refusal of one that would be longer. A string
 * cannot be longer than V8's limit, and text indented by depth (the YAML text form; the inspect tree and JSON output
 * before their indentation stopped at a fixed level) grows with the square of how deep groups nest: 20,000 nested
 * groups failed with "Invalid string length" when the text was joined. The text is counted as it is made instead, and
 * refused as it passes the limit.
 */
import { constants } from 'node:buffer';
import { TaskSequenceError } from './errors.js';

/** The longest string V8 makes (2^29 − 24 characters on 64-bit builds). */
export const MAX_TEXT_LENGTH = constants.MAX_STRING_LENGTH;

/** The refusal of a text over `maxLength` characters; `what` starts the message ("Its tree"). */
export function textTooLong(what: string, maxLength: number): TaskSequenceError {
  return new TaskSequenceError(
    'INPUT_TOO_LARGE',
    `${what} would be over ${maxLength} characters, longer than a string can be: the sequence has too many items or findings, names or paths too long, or groups nested too deep.`,
  );
}

/** Counts the characters of a text as its parts are made; {@link add} refuses the part that passes the limit. */
export class TextLength {
  #used = 0;
  constructor(
    private readonly what: string,
    private readonly maxLength: number = MAX_TEXT_LENGTH,
  ) {}

  /** Counts `n` more characters; throws `INPUT_TOO_LARGE` once the text would be longer than the limit. */
  add(n: number): void {
    if ((this.#used += n) > this.maxLength) throw textTooLong(this.what, this.maxLength);
  }
}

/**
 * Makes a text with `make`, refusing one longer than a string can be as {@link textTooLong} does. For texts whose
 * parts are not counted as they are made (a rendered page: its length grows with lint findings, which no item limit
 * bounds), V8's own refusal is the first sign, thrown as a RangeError from whichever join or concatenation passed it.
 */
export function withinTextLimit(what: string, make: () => string): string {
  try {
    return make();
  } catch (e) {
    if (e instanceof RangeError && e.message === 'Invalid string length') throw textTooLong(what, MAX_TEXT_LENGTH);
    throw e;
  }
}
