/**
 * Checking a value with one compiled validator: what {@link ./schemas.ts} does for every schema by name, for a module
 * that needs one schema and should not load the others (the command line starts faster without them).
 */
import { printable, TaskSequenceError } from './errors.js';
import { SHOWN_VALUE_CHARS, shownValue } from './shown-value.js';
import type { SchemaError, SchemaValidator } from './generated/validator.js';

/** A value from the checked JSON as a problem shows it: a string quoted, anything else as its JSON; both cut (see shownValue). */
function shownData(data: unknown): string {
  return typeof data === 'string' ? shownValue(data, '"') : shownValue(JSON.stringify(data) ?? String(data), '');
}

/**
 * Validation problems as `path: message` lines. A value, a property name and a path segment from the checked JSON
 * are each shown cut after SHOWN_VALUE_CHARS characters, their control characters escaped: an options file can hold
 * a whole file's text where a package ID goes, and the message quoted all of it.
 */
export function describeErrors(errors: readonly SchemaError[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(top level)' : e.instancePath.slice(1).split('/').map((key) => (key.length > SHOWN_VALUE_CHARS ? shownValue(key, '"') : printable(key))).join('.');
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${shownValue(String(e.params.additionalProperty), '')})`
        : e.keyword === 'enum'
          ? `: ${((e.params.allowedValues as unknown[] | undefined) ?? []).join(', ')}`
          : '';
    const description = e.keyword === 'pattern' ? (e.parentSchema as { description?: string } | undefined)?.description : undefined;
    const got = e.keyword === 'pattern' || e.keyword === 'enum' ? ` (got ${shownData(e.data)})` : '';
    return description ? `${where}: ${description}${got}` : `${where}: ${e.message ?? 'is invalid'}${extra}${got}`;
  });
}

/**
 * How many problems an `OPTIONS_INVALID` message names; the rest are counted. Every one is an issue of the error. A
 * file can hold thousands of wrong items (steps, say), each with several problems: the message named them all, a
 * line of megabytes on standard error.
 */
const SHOWN_PROBLEMS = 10;

/** The problems as a message names them: the first {@link SHOWN_PROBLEMS}, then how many more there are. */
function problemList(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('; ');
  const more = problems.length - SHOWN_PROBLEMS;
  return more > 0 ? `${shown}; and ${more} more (each an issue of the error)` : shown;
}

/**
 * Throws `OPTIONS_INVALID` naming the problems (`what` is plural: "… are invalid"; the first {@link SHOWN_PROBLEMS}
 * in the message, each one an issue of the error) unless `validate` accepts `value`.
 */
export function assertValidWith<T>(validate: SchemaValidator<T>, value: unknown, what: string): asserts value is T {
  if (validate(value)) return;
  const problems = describeErrors(validate.errors);
  throw new TaskSequenceError('OPTIONS_INVALID', `${what} are invalid: ${problemList(problems)}.`, {
    issues: problems.map((message) => ({ code: 'OPTIONS_INVALID', severity: 'error', message })),
  });
}
