/**
 * The transform registry: each transform by name, with the JSON Schema its options are validated against.
 */
import { assertValid } from '../schemas.js';
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
export const TRANSFORMS: { [K in TransformName]: { create: (options: TransformOptions[K]) => Transform; schema: string } } = {
  'add-client-patch': { create: addClientPatch, schema: 'add-client-patch.options.schema.json' },
  'insert-steps-after': { create: insertStepsAfter, schema: 'insert-steps-after.options.schema.json' },
  'set-dependent-program': { create: setDependentProgram, schema: 'set-dependent-program.options.schema.json' },
  'add-reference': { create: addReference, schema: 'add-reference.options.schema.json' },
};

/** Creates a registered transform after validating its options against its schema (throws `OPTIONS_INVALID`). */
export function createTransform<K extends TransformName>(name: K, options: unknown): Transform {
  const entry = TRANSFORMS[name];
  assertValid(entry.schema, options, `Options of ${name}`);
  return (entry.create as (o: unknown) => Transform)(options);
}

export { addClientPatch, addReference, insertStepsAfter, setDependentProgram };
export type { AddClientPatchOptions, AddReferenceOptions, InsertStepsAfterOptions, SetDependentProgramOptions };
export { TransformContext, type Change, type AlreadyInPlace, type Transform } from './context.js';
export { stepMatches, type NewStep } from './insert-steps-after.js';
