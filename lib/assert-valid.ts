/**
 * Checking a value with one compiled validator: what {@link ./schemas.ts} does for every schema by name, for a module
 * that needs one schema and should not load the others (the command line starts faster without them).
 */
import { describeValue } from './model/child-nodes.js';
import { printable, TaskSequenceError } from './errors.js';
import { SHOWN_VALUE_CHARS, shownValue } from './shown-value.js';
import type { SchemaError, SchemaValidator } from './generated/validator.js';

/** A value from the checked JSON as a problem shows it: a string quoted, anything else as its JSON; both cut (see shownValue). */
function shownData(data: unknown): string {
  if (typeof data === 'string') return shownValue(data, '"');
  if (typeof data === 'bigint') return `${data}n`;
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch {
    // A value JSON cannot hold (a cycle, a getter that throws): said by what it is.
  }
  return json === undefined ? describeValue(data) : shownValue(json, '');
}

/** Whether `path` is `base` or lies under it (a JSON pointer or a schema path). */
function under(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/** The constant a `const` (or one-value `enum`) problem asked for, when it is one. */
function asked(e: SchemaError): unknown {
  if (e.keyword === 'const') return e.params.allowedValue;
  const values = e.keyword === 'enum' ? (e.params.allowedValues as unknown[] | undefined) : undefined;
  return values?.length === 1 ? values[0] : undefined;
}

/**
 * The problems of a failed `oneOf` as one problem each: ajv reports every branch's problems and then the `oneOf`
 * itself, about ten for one wrong step of four classes. A branch whose discriminating property (a `const` on a
 * property of the value, such as a step's `type`) the value matches is the one meant: its problems alone are kept.
 * When the value matches no branch's discriminator, one `enum` problem on that property names the values it can
 * take. Otherwise the branch with the fewest problems is kept, and with a tie the `oneOf` problem alone. Inner
 * `oneOf`s come before the outer ones in ajv's list, so each is collapsed before the one around it sees it.
 */
function collapseOneOf(errors: readonly SchemaError[]): SchemaError[] {
  // One pass: ajv lists a oneOf's branch problems right before the oneOf's own, so they are the last ones kept when
  // it comes, taken off the end (each problem once: thousands of wrong steps cost their number, not its square).
  const out: SchemaError[] = [];
  for (const one of errors) {
    if (one.keyword !== 'oneOf' || Array.isArray(one.params.passingSchemas)) {
      out.push(one);
      continue;
    }
    const inBranch = (e: SchemaError) => under(e.schemaPath, one.schemaPath) && under(e.instancePath, one.instancePath);
    let start = out.length;
    while (start > 0 && inBranch(out[start - 1] as SchemaError)) start--;
    const branches = new Map<string, SchemaError[]>();
    for (const e of out.splice(start)) {
      const branch = e.schemaPath.slice(one.schemaPath.length + 1).split('/')[0] as string;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    out.push(...branchMeant(one, [...branches.values()]));
  }
  return out;
}

/** The problems kept of a failed `oneOf` (see {@link collapseOneOf}), from each branch's problems. */
function branchMeant(one: SchemaError, branches: SchemaError[][]): SchemaError[] {
  if (branches.length === 0) return [one];
  // A discriminator: a constant asked of a property right under the value.
  const mismatch = (e: SchemaError) => asked(e) !== undefined && e.instancePath.startsWith(`${one.instancePath}/`) && !e.instancePath.slice(one.instancePath.length + 1).includes('/');
  const meant = branches.filter((list) => !list.some(mismatch));
  if (meant.length === 1) return meant[0] as SchemaError[];
  const discriminators = branches.map((list) => list.find(mismatch));
  const first = discriminators[0];
  if (meant.length === 0 && first !== undefined && discriminators.every((d) => d?.instancePath === first.instancePath)) {
    const allowedValues = discriminators.map((d) => asked(d as SchemaError));
    return [{ ...first, keyword: 'enum', schemaPath: one.schemaPath, params: { allowedValues }, message: 'must be equal to one of the allowed values' }];
  }
  const sizes = branches.map((list) => list.length);
  const fewest = Math.min(...sizes);
  return sizes.filter((n) => n === fewest).length === 1 ? (branches[sizes.indexOf(fewest)] as SchemaError[]) : [one];
}

/**
 * The problems a message names, in order: a failed `oneOf` as the problems of the branch meant (see collapseOneOf),
 * and without ajv's `if` problems ('must match "then" schema'), each of which only follows the problems of the
 * branch its `if` chose, listed before it. The first is where the value is wrong.
 */
export function problemsOf(errors: readonly SchemaError[] | null | undefined): SchemaError[] {
  const all = collapseOneOf(errors ?? []);
  const own = all.filter((e) => e.keyword !== 'if');
  // One problem once: a value that is no object is so for the `if` around a schema and for the schema it chose.
  const seen = new Set<string>();
  return (own.length > 0 ? own : all).filter((e) => {
    const key = `${e.instancePath}\0${e.keyword}\0${e.message ?? ''}\0${JSON.stringify(e.params)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Validation problems as `path: message` lines (see {@link problemsOf}). A value, a property name and a path segment
 * from the checked JSON are each shown cut after SHOWN_VALUE_CHARS characters, their control characters escaped: an
 * options file can hold a whole file's text where a package ID goes, and the message quoted all of it.
 */
export function describeErrors(errors: readonly SchemaError[] | null | undefined): string[] {
  return problemsOf(errors).map((e) => {
    const where = e.instancePath === '' ? '(top level)' : e.instancePath.slice(1).split('/').map((key) => (key.length > SHOWN_VALUE_CHARS ? shownValue(key, '"') : printable(key))).join('.');
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${shownValue(String(e.params.additionalProperty), '')})`
        : e.keyword === 'enum'
          ? `: ${((e.params.allowedValues as unknown[] | undefined) ?? []).join(', ')}`
          : '';
    // A pattern's or an object's required shape says more in the schema's own words than ajv's (`must NOT have fewer
    // than 1 properties`); without the description's full stop, which the value given or the message's own end follows
    // (`upper case (ABC00010). (got "ABC0001").` was two sentence ends).
    const description = e.keyword === 'pattern' || e.keyword === 'minProperties' ? (e.parentSchema as { description?: string } | undefined)?.description?.replace(/\.$/, '') : undefined;
    const got = e.keyword === 'pattern' || e.keyword === 'enum' || e.keyword === 'const' ? ` (got ${shownData(e.data)})` : '';
    // ajv says each missing one of a setting's dependencies with all of them (`must have properties a, b, c when
    // property d is present`, once per missing one): each is said once, by itself.
    if (e.keyword === 'dependencies') return `${where}: ${printable(String(e.params.missingProperty))} is needed with ${printable(String(e.params.property))}`;
    // ajv's `must be equal to constant` names no constant: `version: must be 1 (got 99)`, as an enum names its values.
    const message = e.keyword === 'const' ? `must be ${shownData(e.params.allowedValue)}` : (e.message ?? 'is invalid');
    return description ? `${where}: ${description}${got}` : `${where}: ${message}${extra}${got}`;
  });
}

/**
 * How many problems an `OPTIONS_INVALID` message names; the rest are counted. Every one is an issue of the error. A
 * file can hold thousands of wrong items (steps, say), each with several problems: the message named them all, a
 * line of megabytes on standard error.
 */
export const SHOWN_PROBLEMS = 10;

/**
 * The problems as a message names them: the first {@link SHOWN_PROBLEMS}, then how many more there are, or, when the
 * check stopped before the end (`stopped`), that there are more than those.
 */
function problemList(problems: readonly string[], stopped: boolean): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('; ');
  const more = problems.length - SHOWN_PROBLEMS;
  const rest = stopped ? '; the check stopped there, with values left unchecked' : '';
  return more > 0 ? `${shown}; and ${more} more (each an issue of the error)${rest}` : `${shown}${rest}`;
}

/**
 * Throws `OPTIONS_INVALID` naming the problems (`what` is plural: "… are invalid"; the first {@link SHOWN_PROBLEMS}
 * in the message, each one an issue of the error) unless `validate` accepts `value`.
 */
export function assertValidWith<T>(validate: SchemaValidator<T>, value: unknown, what: string): asserts value is T {
  if (validate(value)) return;
  const problems = describeErrors(validate.errors);
  // A check that stops at a number of problems (validateModelJson, past its size) says so.
  const stopped = (validate as { stopped?: unknown }).stopped === true;
  const error = new TaskSequenceError('OPTIONS_INVALID', `${what} are invalid: ${problemList(problems, stopped)}.`, {
    issues: problems.map((message) => ({ code: 'OPTIONS_INVALID', severity: 'error', message })),
  });
  // Each problem's pointer, in the order of the issues: a reader of the JSON's text places every one, not the first alone.
  const each = problemsOf(validate.errors).map((e) => (e.keyword === 'additionalProperties' ? `${e.instancePath}${pointerOf([String(e.params.additionalProperty)])}` : e.instancePath));
  if (each.length > 0) pointers.set(error, { at: each[0] as string, issues: each });
  throw error;
}

/**
 * Where a refusal of {@link assertValidWith} (or one marked by {@link refusalAt}) is in the value checked: `at`, the
 * JSON pointer of the value (or the unknown key) it names first, and `issues`, one for each issue behind the error,
 * in their order.
 */
const pointers = new WeakMap<TaskSequenceError, { at: string; issues: readonly string[] }>();

/** The JSON pointer of the value at `keys` from the top: `['a', 0, 'b/c']` → `/a/0/b~1c` ('' for none). */
export function pointerOf(keys: readonly (string | number)[]): string {
  return keys.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * `error`, a refusal of the value at `pointer` (a JSON pointer into the value checked), marked so for
 * {@link problemPointerOf}: a check that goes past the schema's (a name that is no XML name), or that says the schema's
 * refusal with another code, is placed in the file as the schema's own refusals are.
 */
export function refusalAt(error: TaskSequenceError, pointer: string, issues: readonly string[] = []): TaskSequenceError {
  pointers.set(error, { at: pointer, issues });
  return error;
}

/**
 * Where in the value checked the first problem of an `OPTIONS_INVALID` error of {@link assertValidWith} is, as a JSON
 * pointer (`/force`, `/steps/2/name`; an unknown key's own pointer); undefined for any other error. A command that
 * read the value from a file places the error there with it (see `cli/json-place.ts`).
 */
export function problemPointerOf(error: TaskSequenceError): string | undefined {
  return pointers.get(error)?.at;
}

/**
 * The JSON pointer of each issue behind a refusal of {@link assertValidWith} (`error.issues.slice(1)`, in their
 * order: each problem of the schema's); undefined for any other error.
 */
export function issuePointersOf(error: TaskSequenceError): readonly string[] | undefined {
  return pointers.get(error)?.issues;
}
