/**
 * The checks of a step's or group's name, description and time-out, shared by every way cmts makes or renames one (`buildStep`
 * and `addStep`, the `create…Step` builders, `createGroup`, `renameItem`), so each refuses what the others refuse.
 */
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { LINE_ENDS } from '../unprintable.js';

/** The console's limit for step and group names (it shows no more; the SMS Provider takes 100, lint warns past 50). */
export const MAX_ITEM_NAME = 50;
/** The limit for step and group descriptions (the WMI property holds 255 characters). */
export const MAX_ITEM_DESCRIPTION = 255;

/** A value a script passed, as a message shows it. */
function shown(value: unknown): string {
  return typeof value === 'string' ? shownValue(value, '"') : value === null ? 'null' : typeof value;
}

/** A line end (see `LINE_ENDS` in unprintable.ts): what a text the console keeps on one line does not hold. */
export const LINE_END = new RegExp(`[${LINE_ENDS}]`);

/** {@link LINE_END} in words, for messages. */
export const LINE_END_WORDS = 'a line end (CR, LF, U+2028 or U+2029)';

/**
 * Throws `INVALID_ARGUMENT` unless `name` is a text of 1 to {@link MAX_ITEM_NAME} characters on one line: the console
 * shows and edits a name in a one-line box (written, `a\r\nb` became `name="a&#xD;&#xA;b"`). A file's such name is
 * read as written; lint's `catalog/line-break` reports it.
 */
export function checkItemName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_ITEM_NAME) {
    const length = typeof name === 'string' && name.length > 0 ? ` (it has ${name.length})` : '';
    throw new TaskSequenceError('INVALID_ARGUMENT', `A name must be 1 to ${MAX_ITEM_NAME} characters, not ${shown(name)}${length}.`);
  }
  if (LINE_END.test(name)) throw new TaskSequenceError('INVALID_ARGUMENT', `A name is one line (the console shows and edits it in a one-line box), not ${shown(name)}, which holds ${LINE_END_WORDS}.`);
}

/** The largest time-out WMI's `Action.Timeout` (UInt32 seconds) holds. */
export const MAX_TIMEOUT_SECONDS = 4_294_967_295;

/**
 * Throws `INVALID_ARGUMENT` unless `seconds` is a step's time-out: a whole number of seconds from 0 to
 * {@link MAX_TIMEOUT_SECONDS} (a fraction, NaN or 1e21 would be written as no number the engine reads, and one past a
 * UInt32 as one the console cannot hold).
 */
export function checkTimeoutSeconds(seconds: unknown): asserts seconds is number {
  if (typeof seconds === 'number' && Number.isSafeInteger(seconds) && seconds >= 0 && seconds <= MAX_TIMEOUT_SECONDS) return;
  throw new TaskSequenceError('INVALID_ARGUMENT', `A time-out (timeout) must be a whole number of seconds from 0 to ${MAX_TIMEOUT_SECONDS}, not ${typeof seconds === 'number' ? String(seconds) : shown(seconds)}.`);
}

/** Throws `INVALID_ARGUMENT` unless `description` is undefined or a text of at most {@link MAX_ITEM_DESCRIPTION} characters. */
export function checkItemDescription(description: unknown): asserts description is string | undefined {
  if (description === undefined) return;
  if (typeof description !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', `A description must be text, not ${shown(description)}.`);
  if (description.length > MAX_ITEM_DESCRIPTION) throw new TaskSequenceError('INVALID_ARGUMENT', `A description must be at most ${MAX_ITEM_DESCRIPTION} characters (it has ${description.length}).`);
}
