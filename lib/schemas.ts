/**
 * The JSON Schemas of `schemas/` as modules: each compiled to a standalone ajv validator at generation time
 * (`scripts/generate.mjs` writes `lib/generated/`), imported like any other code. Nothing is read from disk and no
 * schema is compiled at run time, so the package works bundled.
 */
import type { SchemaTypes } from './generated/schema-types.js';
import { SCHEMA_OBJECTS } from './generated/schemas.js';
import type { SchemaError, SchemaValidator } from './generated/validator.js';
import { VALIDATORS } from './generated/validators.js';
import { assertValidWith } from './assert-valid.js';

export { describeErrors } from './assert-valid.js';

/** A schema file name in `schemas/` (`kb977203.options.schema.json`, …). */
export type SchemaFile = keyof SchemaTypes;

export type { SchemaError, SchemaTypes, SchemaValidator };

/** Whether `file` names one of the package's schemas. */
export function isSchemaFile(file: string): file is SchemaFile {
  return Object.hasOwn(VALIDATORS, file);
}

/**
 * The compiled validator of a schema file: a type guard for the schema's type.
 *
 * @example
 * ```ts
 * const validate = validatorFor('kb977203.options.schema.json');
 * if (!validate(json)) console.error(describeErrors(validate.errors));
 * ```
 */
export function validatorFor<F extends SchemaFile>(file: F): SchemaValidator<SchemaTypes[F]> {
  return VALIDATORS[file];
}

/** A schema as an object (what `schemas/<file>` holds). */
export function loadSchema(file: SchemaFile): Record<string, unknown> {
  return SCHEMA_OBJECTS[file];
}

/** Throws `OPTIONS_INVALID` naming every problem (each also an issue of the error) unless `value` matches the schema. */
export function assertValid<F extends SchemaFile>(file: F, value: unknown, what: string): asserts value is SchemaTypes[F] {
  assertValidWith(validatorFor(file), value, what);
}
