/**
 * The transform registry. Each transform is a pair: `check` (what it would change, pure: the document is not
 * touched) and `apply` (the same plan, then the edits), with a JSON Schema for its options. Every refusal is thrown
 * while planning, before the first edit.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type Issue, TaskSequenceError } from '../errors.js';
import type { SchemaFile } from '../schemas.js';
import { addClientPatch, type AddClientPatchOptions, checkAddClientPatchOptions, planAddClientPatch } from './add-client-patch.js';
import { addReference, type AddReferenceOptions, checkAddReferenceOptions, planAddReferenceTransform } from './add-reference.js';
import { type AlreadyInPlace, type Change, fromPlan, type Plan, type Transform, TransformContext } from './context.js';
import { checkInsertStepsAfterOptions, insertStepsAfter, type InsertStepsAfterOptions, planInsertStepsAfter } from './insert-steps-after.js';
import { checkSetDependentProgramOptions, planSetDependentProgram, setDependentProgram, type SetDependentProgramOptions } from './set-dependent-program.js';
import { validOptions } from './values.js';
import { shownValue } from '../shown-value.js';
import { checkDocument } from '../model/node-data.js';
import { describeValue } from '../model/child-nodes.js';

/** Options of each registered transform. */
export interface TransformOptions {
  'add-client-patch': AddClientPatchOptions;
  'insert-steps-after': InsertStepsAfterOptions;
  'set-dependent-program': SetDependentProgramOptions;
  'add-reference': AddReferenceOptions;
}

/** A registered transform's name. */
export type TransformName = keyof TransformOptions;

/** A registered transform: its factory, its planner, its options schema (in `schemas/`) and what it does. */
export interface TransformEntry<O> {
  create: (options: O) => Transform;
  plan: (doc: TaskSequenceDocument, options: O) => Plan;
  schema: SchemaFile;
  description: string;
  /**
   * The checks of the options that need no document, beyond the schema's (a package ID's form, a value spliced into a
   * command line): `cmts transform` makes them once for its options file, before any input, and places a refusal there.
   */
  checkOptions?: (options: O) => void;
}

/** Every registered transform. */
export const TRANSFORMS: { [K in TransformName]: TransformEntry<TransformOptions[K]> } = {
  'add-client-patch': { create: addClientPatch, plan: planAddClientPatch, checkOptions: checkAddClientPatchOptions, schema: 'add-client-patch.options.schema.json', description: 'adds an .msp to PATCH in Setup Windows and ConfigMgr steps' },
  'insert-steps-after': { create: insertStepsAfter, plan: planInsertStepsAfter, checkOptions: checkInsertStepsAfterOptions, schema: 'insert-steps-after.options.schema.json', description: 'inserts steps right after every step that matches' },
  'set-dependent-program': { create: setDependentProgram, plan: planSetDependentProgram, checkOptions: checkSetDependentProgramOptions, schema: 'set-dependent-program.options.schema.json', description: 'sets "Run another program first" (DependentProgram)' },
  'add-reference': { create: addReference, plan: planAddReferenceTransform, checkOptions: checkAddReferenceOptions, schema: 'add-reference.options.schema.json', description: "lists a package in the referenceList (and the container's References)" },
};

/** What a transform did, or (from {@link checkTransform}) would do. */
export interface TransformReport {
  /** The transform's (or preset's) name. */
  transform: string;
  changed: boolean;
  changes: Change[];
  alreadyInPlace: AlreadyInPlace[];
  diagnostics: Issue[];
}

/** Whether a name is a registered transform. */
export function isTransformName(name: string): name is TransformName {
  return Object.prototype.hasOwnProperty.call(TRANSFORMS, name);
}

function validated<O>(name: string, entry: TransformEntry<O>, options: unknown): O {
  return validOptions(name, entry.schema, options);
}

/**
 * Creates a registered transform after validating its options against its schema (throws `OPTIONS_INVALID`). The
 * options' type follows from the name, so a misspelled option does not compile; for a name and options read as data
 * (a command line, a JSON file), see {@link transformFromJson}.
 *
 * @example
 * ```ts
 * const report = doc.apply(createTransform('add-reference', { packageId: 'CM100010' }));
 * ```
 */
export function createTransform<K extends TransformName>(name: K, options: TransformOptions[K]): Transform {
  return transformFromJson(name, options);
}

/** {@link createTransform} for a name and options read as data: both checked at run time (an unknown name is `INVALID_ARGUMENT`). */
export function transformFromJson(name: string, options: unknown): Transform {
  // Each factory checks its options against the schema itself (a script may call it directly): not checked twice here.
  return registered(name).create(options);
}

/** The registered transform `name`; `INVALID_ARGUMENT` for any other name, or a name that is no string. */
function registered(name: unknown): TransformEntry<unknown> {
  if (typeof name === 'string' && isTransformName(name)) return TRANSFORMS[name] as TransformEntry<unknown>;
  // Shown cut and escaped: a name read as data can be a whole file's text, or hold a line end.
  const shown = typeof name === 'string' ? `named ${shownValue(name, '"')}` : `given by ${describeValue(name)}`;
  throw new TaskSequenceError('INVALID_ARGUMENT', `There is no transform ${shown}; the transforms are ${Object.keys(TRANSFORMS).join(', ')}.`);
}

function report(name: string, plan: Plan): TransformReport {
  const changes = plan.edits.map((e) => e.change);
  return { transform: name, changed: changes.length > 0, changes, alreadyInPlace: plan.already, diagnostics: plan.diagnostics };
}

/** What a transform entry (a registered transform, or a preset such as KB977203) would change, changing nothing. */
export function checkWith<O>(name: string, entry: TransformEntry<O>, doc: TaskSequenceDocument, options: unknown): TransformReport {
  checkDocument(typeof name === 'string' ? name : 'The transform', doc);
  return report(name, entry.plan(doc, validated(name, entry, options)));
}

/** Applies a transform entry in place and reports what it did; a refusal leaves the document untouched. */
export function applyWith<O>(name: string, entry: TransformEntry<O>, doc: TaskSequenceDocument, options: unknown): TransformReport {
  checkDocument(typeof name === 'string' ? name : 'The transform', doc);
  const plan = entry.plan(doc, validated(name, entry, options));
  fromPlan(() => plan)(doc, new TransformContext());
  return report(name, plan);
}

/**
 * What a registered transform would change, without changing anything; throws what `apply` would refuse. The options'
 * type follows from the name, as for {@link createTransform}; for a name and options read as data, see
 * {@link transformFromJson} and `doc.check`.
 */
export function checkTransform<K extends TransformName>(name: K, doc: TaskSequenceDocument, options: TransformOptions[K]): TransformReport {
  return checkWith(name, registered(name) as TransformEntry<TransformOptions[K]>, doc, options);
}

/**
 * Applies a registered transform in place and reports what it did; a refusal leaves the document untouched. The
 * options' type follows from the name, as for {@link createTransform}.
 */
export function applyTransform<K extends TransformName>(name: K, doc: TaskSequenceDocument, options: TransformOptions[K]): TransformReport {
  return applyWith(name, registered(name) as TransformEntry<TransformOptions[K]>, doc, options);
}

export { addClientPatch, addReference, insertStepsAfter, setDependentProgram };
export type { AddClientPatchOptions, AddReferenceOptions, InsertStepsAfterOptions, SetDependentProgramOptions };
export { TransformContext, type Change, type AlreadyInPlace, type Transform, type Plan, type Edit } from './context.js';
export { stepMatches, type NewStep } from './insert-steps-after.js';
