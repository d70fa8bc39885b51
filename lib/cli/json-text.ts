/**
 * JSON text for the command line's output, as `JSON.stringify(value, null, 2)` writes it, at any depth and within the
 * length a string may have.
 *
 * Why not `JSON.stringify` alone: it recurses, and a model read with a raised `--max-depth` nests deeper than the call
 * stack holds (5,000 nested groups made `cmts convert --to json` and `cmts inspect --json` fail with "Maximum call
 * stack size exceeded"). And JSON indents every line by its depth, so a chain of groups N deep takes text in N²: past
 * the longest string V8 makes, the failure was "Invalid string length". Here `JSON.stringify` still writes every
 * value it can (it is fast, and the usual case); a value it cannot is written by an explicit stack instead, the same
 * text, and a text that would be longer than a string can be is refused with `INPUT_TOO_LARGE` before it is joined.
 */
import { constants } from 'node:buffer';
import { textTooLong } from '../errors.js';

/** The longest string V8 makes (2^29 − 24 characters on 64-bit builds). */
export const MAX_TEXT_LENGTH = constants.MAX_STRING_LENGTH;

/** `JSON.stringify(value, null, 2)`, at any depth; `INPUT_TOO_LARGE` for a text longer than a string can be. */
export function jsonText(value: unknown, maxLength = MAX_TEXT_LENGTH): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, null, 2);
  } catch (e) {
    // Too deep for the call stack, or too long for a string: both are written (or refused) below.
    if (!(e instanceof RangeError)) throw e;
    return deepJsonText(value, maxLength);
  }
  if (text === undefined) throw new TypeError('The value has no JSON text (undefined, a function or a symbol).');
  if (text.length > maxLength) throw tooLong(maxLength);
  return text;
}

function tooLong(maxLength: number): Error {
  return textTooLong('Its JSON text', maxLength);
}

/** What a value is written as: nothing (left out of an object), a literal, or a container to open. */
type Item = { kind: 'skip' } | { kind: 'literal'; text: string } | { kind: 'object'; value: object; keys: string[] } | { kind: 'array'; value: unknown[] };

/** A value after `toJSON`, classified as JSON.stringify treats it. */
function itemOf(holderKey: string, raw: unknown): Item {
  let value = raw;
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint') && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(holderKey);
  }
  // Boxed primitives are written as their primitive.
  if (value instanceof Number) value = Number(value);
  else if (value instanceof String) value = String(value);
  else if (value instanceof Boolean) value = value.valueOf();
  switch (typeof value) {
    case 'string':
      return { kind: 'literal', text: JSON.stringify(value) };
    case 'number':
      return { kind: 'literal', text: Number.isFinite(value) ? String(value) : 'null' };
    case 'boolean':
      return { kind: 'literal', text: value ? 'true' : 'false' };
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'undefined':
    case 'function':
    case 'symbol':
      return { kind: 'skip' };
    default:
      if (value === null) return { kind: 'literal', text: 'null' };
      return Array.isArray(value) ? { kind: 'array', value } : { kind: 'object', value: value as object, keys: Object.keys(value as object) };
  }
}

/** An object or array being written: the next entry to write, and whether one has been written yet. */
interface Open {
  item: Extract<Item, { kind: 'object' | 'array' }>;
  next: number;
  wrote: boolean;
}

/** The same text by an explicit stack (exported for its tests, which hold it to JSON.stringify). */
export function deepJsonText(value: unknown, maxLength = MAX_TEXT_LENGTH): string {
  const parts: string[] = [];
  let length = 0;
  const put = (s: string): void => {
    if ((length += s.length) > maxLength) throw tooLong(maxLength);
    parts.push(s);
  };
  // The indentation of each depth, made once: a line costs its indentation however it is made.
  const indents: string[] = [''];
  const indent = (depth: number): string => {
    while (indents.length <= depth) indents.push(`${indents[indents.length - 1] as string}  `);
    return indents[depth] as string;
  };
  const open: Open[] = [];
  // The containers being written, to refuse a cycle as JSON.stringify does rather than write for ever.
  const onPath = new Set<object>();
  /** Writes a literal, or opens a container (its entries are written as the loop below comes back to it). */
  const begin = (item: Item): void => {
    if (item.kind === 'skip') return;
    if (item.kind === 'literal') return put(item.text);
    if (onPath.has(item.value)) throw new TypeError('Converting circular structure to JSON');
    onPath.add(item.value);
    put(item.kind === 'array' ? '[' : '{');
    open.push({ item, next: 0, wrote: false });
  };
  const top = itemOf('', value);
  if (top.kind === 'skip') throw new TypeError('The value has no JSON text (undefined, a function or a symbol).');
  begin(top);
  while (open.length > 0) {
    const at = open[open.length - 1] as Open;
    const depth = open.length;
    const { item } = at;
    const count = item.kind === 'array' ? item.value.length : item.keys.length;
    if (at.next >= count) {
      open.pop();
      onPath.delete(item.value);
      if (at.wrote) put(`\n${indent(depth - 1)}`);
      put(item.kind === 'array' ? ']' : '}');
      continue;
    }
    const i = at.next++;
    if (item.kind === 'array') {
      const entry = itemOf(String(i), item.value[i]);
      put(`${at.wrote ? ',' : ''}\n${indent(depth)}`);
      at.wrote = true;
      // In an array, what an object would leave out is null.
      begin(entry.kind === 'skip' ? { kind: 'literal', text: 'null' } : entry);
    } else {
      const key = item.keys[i] as string;
      const entry = itemOf(key, (item.value as Record<string, unknown>)[key]);
      if (entry.kind === 'skip') continue;
      put(`${at.wrote ? ',' : ''}\n${indent(depth)}${JSON.stringify(key)}: `);
      at.wrote = true;
      begin(entry);
    }
  }
  return parts.join('');
}
