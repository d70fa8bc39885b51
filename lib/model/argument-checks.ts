/**
 * The checks the structural edits (`addItem`, `moveItem`, `insertAfter`, `removeItem`, `copyItemTo`) and the setters
 * (attributes, flags) make of what they are given, for a caller without TypeScript's (plain JavaScript, or data cast to the types): the wrong thing
 * (the document where its sequence is meant, no position, `null` for the items) is refused with `INVALID_ARGUMENT`
 * saying what was meant, not met later as a `TypeError` from deep inside the edit. Each check looks at the argument
 * alone, so it costs nothing that grows with the tree.
 */
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { isXmlName } from '../xml/chars.js';
import { describeValue } from './child-nodes.js';
import { isSequenceItem } from './query.js';
import type { Node, Sequence, SequenceItem } from './types.js';

function isElementLike(value: unknown): value is { kind: string; attributes: object; children: unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; attributes?: unknown; children?: unknown };
  return typeof v.kind === 'string' && typeof v.attributes === 'object' && v.attributes !== null && Array.isArray(v.children);
}

/** Refuses anything but a `<sequence>` element: the document's `sequence`, not the document. */
export function checkSequence(fn: string, sequence: unknown, argument = 'first'): asserts sequence is Sequence {
  if (isElementLike(sequence) && sequence.kind === 'sequence') return;
  const hint = typeof sequence === 'object' && sequence !== null && 'sequence' in sequence ? ' Give the document\'s sequence (doc.sequence), not the document.' : '';
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a sequence (doc.sequence) as its ${argument} argument; it was given ${describeValue(sequence)}.${hint}`);
}

/** Refuses anything but a step, group or sub task sequence. */
export function checkItem(fn: string, item: unknown, what = 'item'): asserts item is SequenceItem {
  if (isElementLike(item) && isSequenceItem(item as Node)) return;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a step or group as its ${what}; it was given ${describeValue(item)}.`);
}

/** Refuses anything but an array of steps and groups. */
export function checkItems(fn: string, items: unknown): asserts items is SequenceItem[] {
  if (!Array.isArray(items)) throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes an array of steps or groups to insert; it was given ${describeValue(items)}.`);
  items.forEach((item, i) => checkItem(fn, item, `item ${i}`));
}

/** Refuses a position that is none of `{ before }`, `{ after }`, `{ first }`, `{ last }`, `{ parent, index }`. */
export function checkPosition(fn: string, position: unknown): void {
  const keys = typeof position === 'object' && position !== null && !Array.isArray(position) ? Object.keys(position) : [];
  const only = (k: string): boolean => keys.length === 1 && keys[0] === k;
  const target = (position as Record<string, unknown> | null | undefined)?.[keys[0] ?? ''];
  if ((only('before') || only('after')) && isElementLike(target) && isSequenceItem(target as Node)) return;
  if ((only('first') || only('last')) && isElementLike(target) && (target.kind === 'sequence' || target.kind === 'group')) return;
  if (keys.length === 2 && keys.includes('parent') && keys.includes('index')) {
    const parent = (position as { parent: unknown }).parent;
    if (isElementLike(parent) && (parent.kind === 'sequence' || parent.kind === 'group')) return;
  }
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a position: { before: item }, { after: item }, { first: group or sequence }, { last: group or sequence } or { parent: group or sequence, index }; it was given ${keys.length ? `{ ${keys.join(', ')} } (${describeValue(target)})` : describeValue(position)}.`);
}

/** Refuses anything but an element: a node with a kind and an attributes object (a step, a variable, the sequence…). */
export function checkElement(fn: string, element: unknown): asserts element is { kind: string; attributes: Record<string, string> } {
  if (typeof element === 'object' && element !== null && typeof (element as { kind?: unknown }).kind === 'string') {
    const attributes = (element as { attributes?: unknown }).attributes;
    if (typeof attributes === 'object' && attributes !== null) return;
  }
  const hint = typeof element === 'object' && element !== null && 'sequence' in element ? ' Give one of its nodes (doc.sequence, a step), not the document.' : '';
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes an element (a step, group or other node with attributes) as its first argument; it was given ${describeValue(element)}.${hint}`);
}

/** Refuses an attribute name that is no string or no XML name: written, it was refused only by the writer, or became "null". */
export function checkAttributeName(fn: string, name: unknown): asserts name is string {
  if (typeof name === 'string' && isXmlName(name)) return;
  const why = typeof name === 'string' ? `${shownValue(name, '"')} is no XML name` : `it was given ${describeValue(name)}`;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes an attribute name (an XML name); ${why}.`);
}

/** Refuses a value that is no string: the model holds strings, and the writer refused any other value only later. */
export function checkString(fn: string, value: unknown, what = 'the value'): asserts value is string {
  if (typeof value === 'string') return;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a string as ${what}; it was given ${describeValue(value)}.`);
}

/** Refuses a flag that is no boolean: a string `'false'` is truthy, and enabled what it was meant to disable. */
export function checkFlag(fn: string, value: unknown): asserts value is boolean {
  if (typeof value === 'boolean') return;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes true or false; it was given ${describeValue(value)}.`);
}

/** Refuses anything but a node with children (a step, for the variable and action functions). */
export function checkStepLike(fn: string, step: unknown): asserts step is { kind: string; attributes: Record<string, string>; children: unknown[] } {
  if (isElementLike(step)) return;
  const hint = typeof step === 'object' && step !== null && 'sequence' in step ? ' Give one of its steps, not the document.' : '';
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a step as its first argument; it was given ${describeValue(step)}.${hint}`);
}

/** Refuses a variable key that is neither a string (a property or variable name) nor `{ name, property }` strings. */
export function checkVariableKey(fn: string, key: unknown): void {
  if (typeof key === 'string') return;
  const k = key as { name?: unknown; property?: unknown } | null;
  if (typeof k === 'object' && k !== null && typeof k.name === 'string' && typeof k.property === 'string') return;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a variable's key: a property or variable name, or { name, property } (strings); it was given ${describeValue(key)}.`);
}

/** Refuses anything but a `<condition>` node (the operands' array `createGroup` takes, a step, null). */
export function checkConditionNode(fn: string, condition: unknown, orUndefined = ''): void {
  if (typeof condition === 'object' && condition !== null && 'kind' in condition && condition.kind === 'condition' && 'children' in condition && Array.isArray(condition.children)) return;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a condition (buildCondition(…operands), conditionOf(item))${orUndefined}; it was given ${describeValue(condition)}.`);
}

/**
 * Refuses options that are no object, and any of `flags` given as something other than true or false: a builder read
 * `null.name` with a TypeError, and took `{ disabled: 'false' }` (a truthy string) for true; toModelJson kept the white
 * space `{ whitespace: 'false' }` was to leave out. Builders, buildStep and toModelJson share it.
 */
export function checkOptionFlags(fn: string, options: unknown, flags: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes an object of options ({ name, … }); it was given ${describeValue(options)}.`);
  }
  for (const flag of flags) {
    const value = (options as Record<string, unknown>)[flag];
    if (value !== undefined && typeof value !== 'boolean') throw new TaskSequenceError('INVALID_ARGUMENT', `${fn}: ${flag} is true or false; it was given ${describeValue(value)}.`);
  }
}
