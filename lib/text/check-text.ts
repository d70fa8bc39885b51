/**
 * The text form's schema (schemas/sequence-text.schema.json) checked on data a script gives {@link buildSequence}
 * rather than on YAML {@link fromYaml} read: the sequence's own fields first, then each item as the builder comes to
 * it. One item at a time, each with its groups' steps left out, because the validator recurses (as the YAML library
 * does) and a script's data may nest groups far deeper than a call stack goes: the builder walks them with a stack of
 * its own. So the builder takes exactly what the schema takes, at any depth, for the cost of one check of each item.
 */
import { TaskSequenceError } from '../errors.js';
import { describeValue } from '../model/child-nodes.js';
import { problemsOf } from '../assert-valid.js';
import { describeErrors, validatorFor } from '../schemas.js';
import { eachNestedOperand, operandAlone, operandsNestDeeperThan, WHOLE_OPERAND_DEPTH } from './check-operands.js';
import { INVALID_CHAR, isXmlName } from '../xml/chars.js';
import type { TextItem, TextSequence } from './text-types.js';

/** A path in the text (keys and list indexes from its top) as a JSON pointer's segments are joined: `steps/0/name`. */
const pointer = (path: readonly (string | number)[]): string => path.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Validates `value` (the sequence, or one item at `path` inside a sequence of its own) with the text's schema; throws
 * `NOT_A_TASK_SEQUENCE` naming the problems at their place in the whole text. `at` is where `value`'s problems start
 * in the validated data (`/steps/0` for an item), replaced by `path`.
 */
function validate(value: unknown, at: string, path: () => readonly (string | number)[]): void {
  const validator = validatorFor('sequence-text.schema.json');
  let valid: boolean;
  try {
    valid = validator(value);
  } catch (e) {
    // A condition nested by hand deeper than the validator's recursion goes, or holding itself.
    if (!(e instanceof RangeError)) throw e;
    throw new TaskSequenceError('INVALID_ARGUMENT', `The text is not a task sequence: ${pointer(path()) || 'its top'} holds values nested deeper than can be checked, or a value that contains itself.`, { path: pointer(path()) });
  }
  if (valid) return;
  const prefix = pointer(path());
  const errors = problemsOf((validator.errors ?? []).map((e) => ({ ...e, instancePath: `${prefix ? `/${prefix}` : ''}${e.instancePath.slice(at.length)}` })));
  const first = errors[0]?.instancePath.slice(1);
  throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not a task sequence: ${describeErrors(errors).slice(0, 5).join('; ')}.`, { path: first || prefix });
}

/** `value` with its `steps` left out of the check when they are a list: the builder checks each item when it comes to it. */
function withoutSteps<T extends object>(value: T): T {
  return Array.isArray((value as { steps?: unknown }).steps) ? { ...value, steps: [] } : value;
}

/**
 * Throws unless `text` is a text form's sequence, its items aside: `INVALID_ARGUMENT` for what is no object,
 * `NOT_A_TASK_SEQUENCE` (with the path of the first problem) for what the schema refuses.
 */
export function checkTextSequence(text: unknown): asserts text is TextSequence {
  if (typeof text !== 'object' || text === null || Array.isArray(text)) throw new TaskSequenceError('INVALID_ARGUMENT', `buildSequence takes the text form of a sequence (an object with steps); it was given ${describeValue(text)}.`);
  validate(withoutSteps(text), '', () => []);
  refuseUnwritable(withoutSteps(text), () => []);
}

/**
 * Throws `OUTPUT_MALFORMED` for a string of `value` (at `path` in the text) that XML cannot write (see unwritableAt);
 * the place is made only then (made for every item, a chain of groups cost its depth squared).
 */
function refuseUnwritable(value: unknown, path: () => readonly (string | number)[]): void {
  const bad = unwritableAt(value) && unwritableAt(value, path());
  if (bad) throw new TaskSequenceError('OUTPUT_MALFORMED', `The text is not a task sequence: ${bad.what}; nothing is written.`, { path: pointer(bad.path) });
}

/** Throws as {@link checkTextSequence} unless `item`, at `path` in the text, is a step or group (its steps aside). */
export function checkTextItem(item: unknown, path: () => readonly (string | number)[]): asserts item is TextItem {
  const one = typeof item === 'object' && item !== null && !Array.isArray(item) ? withoutSteps(item) : item;
  const condition = (one as { condition?: unknown } | null)?.condition;
  if (Array.isArray(condition) && operandsNestDeeperThan(condition, WHOLE_OPERAND_DEPTH)) {
    // Deeper than the validator recurses: the item with its top operands alone, then each operand below on its own.
    validate({ steps: [{ ...(one as object), condition: condition.map(operandAlone) }] }, '/steps/0', path);
    eachNestedOperand(condition, (alone, at) => validate({ steps: [{ group: 'g', condition: [alone] }] }, '/steps/0/condition/0', () => [...path(), 'condition', ...at()]));
  } else validate({ steps: [one] }, '/steps/0', path);
  // Valid, so plain data with no loop: walked for what XML cannot hold only then.
  refuseUnwritable(one, path);
}

/** Throws `INVALID_ARGUMENT` unless `options`, given to `fn`, is an object (or was left out). */
export function checkBuildOptions(fn: string, options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes an object of options (or none); it was given ${describeValue(options)}.`);
}

const hex = (c: string) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

/**
 * The first string of the text (value, or name of an attribute or reference field) that XML cannot write: a
 * character XML 1.0 does not allow (U+0000, a lone surrogate, …), or an attribute name that is not an XML name.
 * Found on the data with an explicit stack (the text may be deeply nested), in text order; `key` when it is the key
 * at `path` that is wrong, not its value. `prefix` is where `value` stands in the text (its paths start with it).
 */
export function unwritableAt(value: unknown, prefix: readonly (string | number)[] = []): { path: (string | number)[]; what: string; key: boolean } | undefined {
  // Each value keeps its key and its parent's frame; the path is made only for what is reported. A copy of the path
  // per value cost the depth squared: a condition 10,000 levels deep took 10 s, 20,000 took 58 s; now milliseconds.
  interface Frame {
    v: unknown;
    key: string | number | undefined;
    up: Frame | undefined;
    depth: number;
    names: boolean;
  }
  const pathOf = (frame: Frame, ...more: (string | number)[]): (string | number)[] => {
    const keys: (string | number)[] = [];
    for (let at: Frame | undefined = frame; at?.key !== undefined; at = at.up) keys.push(at.key);
    return [...prefix, ...keys.reverse(), ...more];
  };
  const stack: Frame[] = [{ v: value, key: undefined, up: undefined, depth: prefix.length, names: false }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { v, names } = frame;
    if (typeof v === 'string') {
      const bad = INVALID_CHAR.exec(v);
      if (bad) {
        const path = pathOf(frame);
        return { path, what: `${path.join('.')} holds U+${hex(bad[0])}, a character XML cannot hold`, key: false };
      }
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const entries = Object.entries(v);
    for (const [k] of entries) {
      if (names && !isXmlName(k)) return { path: pathOf(frame, k), what: `${JSON.stringify(k)} (${pathOf(frame).join('.')}) is not an XML name, so it cannot be an attribute`, key: true };
      const bad = INVALID_CHAR.exec(k);
      if (bad) return { path: pathOf(frame, k), what: `the key ${JSON.stringify(k)} holds U+${hex(bad[0])}, a character XML cannot hold`, key: true };
    }
    // Attribute maps and references become attributes; the package's names are the container's to check.
    const references = Array.isArray(v) && frame.depth === 1 && (frame.key ?? prefix[0]) === 'references';
    for (const [k, c] of entries.reverse()) stack.push({ v: c, key: Array.isArray(v) ? Number(k) : k, up: frame, depth: frame.depth + 1, names: k === 'attributes' || references });
  }
  return undefined;
}
