/**
 * JSON Schemas from the package's `schemas/` folder, validated with ajv. The build compiles them to standalone code
 * (`dist/validators/<file>.cjs`, see `schemas-compile.ts`), used whenever it was compiled from the schema text now on disk;
 * otherwise ajv is loaded and the schema compiled the first time it is needed, once per process. Either way ajv's
 * compiler stays off the command line's start-up path.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { TaskSequenceError } from './errors.js';
import { packageRoot } from './package-info.js';
import { AJV_OPTIONS } from './schemas-compile.js';

let ajv: AjvClass | undefined;
const compiled = new Map<string, ValidateFunction>();
/** The build's precompiled validator for a schema file, if it was compiled from the same schema text. */
function precompiled(file: string, text: string): ValidateFunction | undefined {
  let mod: { validate?: ValidateFunction; __source?: string };
  try {
    mod = createRequire(import.meta.url)(join(packageRoot(), 'dist', 'validators', `${file}.cjs`)) as typeof mod;
  } catch {
    return undefined;
  }
  return mod.__source === text ? mod.validate : undefined;
}

/** The path of a schema file in `schemas/`. */
export function schemaPath(file: string): string {
  return join(packageRoot(), 'schemas', file);
}

/** A schema file's JSON. */
export function loadSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaPath(file), 'utf8')) as Record<string, unknown>;
}

function getAjv(): AjvClass {
  if (!ajv) {
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv') as typeof AjvClass;
    ajv = new Ajv({ ...AJV_OPTIONS });
  }
  return ajv;
}

/** The compiled validator of a schema file (compiled once per process). */
export function validatorFor(file: string): ValidateFunction {
  let v = compiled.get(file);
  if (!v) {
    const text = readFileSync(schemaPath(file), 'utf8');
    v = precompiled(file, text) ?? getAjv().compile(JSON.parse(text) as Record<string, unknown>);
    compiled.set(file, v);
  }
  return v;
}

/** Validation problems as `path: message` lines. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(top level)' : e.instancePath.slice(1).replace(/\//g, '.');
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === 'enum'
          ? `: ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`
          : '';
    const description = e.keyword === 'pattern' ? (e.parentSchema as { description?: string } | undefined)?.description : undefined;
    const got = e.keyword === 'pattern' || e.keyword === 'enum' ? ` (got ${JSON.stringify(e.data)})` : '';
    return description ? `${where}: ${description}${got}` : `${where}: ${e.message ?? 'is invalid'}${extra}${got}`;
  });
}

/** Throws `OPTIONS_INVALID` naming every problem unless `value` matches the schema in `file`. */
export function assertValid(file: string, value: unknown, what: string): void {
  const v = validatorFor(file);
  if (!v(value)) throw new TaskSequenceError('OPTIONS_INVALID', `${what} are invalid: ${describeErrors(v.errors).join('; ')}.`);
}
