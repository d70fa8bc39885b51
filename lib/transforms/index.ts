/**
 * The transform registry: each transform by name, with the JSON Schema its options are validated against.
 */
import { TaskSequenceError } from '../errors.js';
import { assertValid, type SchemaFile } from '../schemas.js';
import { addClientPatch, type AddClientPatchOptions } from './add-client-patch.js';
import { addReference, type AddReferenceOptions } from './add-reference.js';
import type { Transform } from './context.js';
import { insertStepsAfter, type InsertStepsAfterOptions } from './insert-steps-after.js';
import { setDependentProgram, type SetDependentProgramOptions } from './set-dependent-program.js';

/** Options of each registered transform. */
export interface TransformOptions {
  'add-client-patch': AddClientPatchOptions;
  'insert-steps-after': InsertStepsAfterOptions;
  'set-dependent-program': SetDependentProgramOptions;
  'add-reference': AddReferenceOptions;
}

/** A registered transform's name. */
export type TransformName = keyof TransformOptions;

/** Every registered transform: its factory and its options schema (in `schemas/`). */
export const TRANSFORMS: { [K in TransformName]: { create: (options: TransformOptions[K]) => Transform; schema: SchemaFile } } = {
  'add-client-patch': { create: addClientPatch, schema: 'add-client-patch.options.schema.json' },
  'insert-steps-after': { create: insertStepsAfter, schema: 'insert-steps-after.options.schema.json' },
  'set-dependent-program': { create: setDependentProgram, schema: 'set-dependent-program.options.schema.json' },
  'add-reference': { create: addReference, schema: 'add-reference.options.schema.json' },
};

/**
 * Creates a registered transform after validating its options against its schema (throws `OPTIONS_INVALID`). The
 * options' type follows from the name, so a misspelled option does not compile; an unknown name throws
 * `INVALID_ARGUMENT` listing the known ones.
 *
 * @example
 * ```ts
 * const report = doc.apply(createTransform('add-reference', { packageId: 'CM100010' }));
 * ```
 */
export function createTransform<K extends TransformName>(name: K, options: TransformOptions[K]): Transform {
  return transformFromJson(name, options);
}

/** Whether `name` is a registered transform. */
export function isTransformName(name: string): name is TransformName {
  return Object.hasOwn(TRANSFORMS, name);
}

/**
 * {@link createTransform} for names and options that arrive as data (a command line, a JSON file): both are checked
 * at run time only.
 */
export function transformFromJson(name: string, options: unknown): Transform {
  if (!isTransformName(name)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `There is no transform named "${name}"; the transforms are ${Object.keys(TRANSFORMS).join(', ')}.`);
  }
  const entry = TRANSFORMS[name];
  assertValid(entry.schema, options, `Options of ${name}`);
  return (entry.create as (o: unknown) => Transform)(options);
}

export { addClientPatch, addReference, insertStepsAfter, setDependentProgram };
export type { AddClientPatchOptions, AddReferenceOptions, InsertStepsAfterOptions, SetDependentProgramOptions };
export { TransformContext, type Change, type AlreadyInPlace, type Transform } from './context.js';
export { stepMatches, type NewStep } from './insert-steps-after.js';
