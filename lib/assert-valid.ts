/**
 * Checking a value with one compiled validator: what {@link ./schemas.ts} does for every schema by name, for a module
 * that needs one schema and should not load the others (the command line starts faster without them).
 */
import { TaskSequenceError } from './errors.js';
import type { SchemaError, SchemaValidator } from './generated/validator.js';

/** Validation problems as `path: message` lines. */
export function describeErrors(errors: readonly SchemaError[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(top level)' : e.instancePath.slice(1).replace(/\//g, '.');
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String(e.params.additionalProperty)})`
        : e.keyword === 'enum'
          ? `: ${((e.params.allowedValues as unknown[] | undefined) ?? []).join(', ')}`
          : '';
    const description = e.keyword === 'pattern' ? (e.parentSchema as { description?: string } | undefined)?.description : undefined;
    const got = e.keyword === 'pattern' || e.keyword === 'enum' ? ` (got ${JSON.stringify(e.data)})` : '';
    return description ? `${where}: ${description}${got}` : `${where}: ${e.message ?? 'is invalid'}${extra}${got}`;
  });
}

/** Throws `OPTIONS_INVALID` naming every problem (`what` is plural: "… are invalid") (each also an issue of the error) unless `validate` accepts `value`. */
export function assertValidWith<T>(validate: SchemaValidator<T>, value: unknown, what: string): asserts value is T {
  if (validate(value)) return;
  const problems = describeErrors(validate.errors);
  throw new TaskSequenceError('OPTIONS_INVALID', `${what} are invalid: ${problems.join('; ')}.`, {
    issues: problems.map((message) => ({ code: 'OPTIONS_INVALID', severity: 'error', message })),
  });
}
