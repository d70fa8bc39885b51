/**
 * JSON text for the command line's output, as `JSON.stringify(value, null, 2)` writes it, at any depth and within the
 * length a string may have; lines nested deeper than {@link JSON_INDENT_LEVELS} levels are indented as that level.
 *
 * Why not `JSON.stringify` alone: it recurses, and a model read with a raised `--max-depth` nests deeper than the call
 * stack holds (5,000 nested groups made `cmts convert --to json` and `cmts inspect --json` fail with "Maximum call
 * stack size exceeded"). Here `JSON.stringify` still writes every value it can (it is fast, and the usual case); a
 * value too deep for it is written by an explicit stack instead, the same text. A text longer than a string can be is
 * refused with `INPUT_TOO_LARGE` (see `text-length.ts`): at once when `JSON.stringify` finds it so, and as the
 * explicit stack passes the limit.
 */
import { MAX_TEXT_LENGTH, TextLength, textTooLong } from '../text-length.js';
import { nestsDeeperThan } from '../nesting.js';

const WHAT = 'Its JSON text';

/**
 * The deepest level of objects and arrays {@link jsonText} indents; deeper lines are indented as this level. Each line
 * is indented by its level, so a model of N nested groups (two levels each) took text in N²: 5,000 groups made a
 * 451 MB `inspect --json` report in 1 GB of memory, 20,000 passed the longest string. Whitespace means nothing to a
 * JSON reader, and 64 levels (about 30 nested groups) is past any real sequence, so the text grows with the values.
 */
export const JSON_INDENT_LEVELS = 64;

/**
 * `JSON.stringify(value, null, 2)`, at any depth, its indentation stopping at `indentLevels` (default
 * {@link JSON_INDENT_LEVELS}); `INPUT_TOO_LARGE` for a text longer than `maxLength`.
 */
export function jsonText(value: unknown, maxLength = MAX_TEXT_LENGTH, indentLevels = JSON_INDENT_LEVELS): string {
  if (nestsDeeperThan(value, indentLevels)) return deepJsonText(value, maxLength, indentLevels);
  let text: string | undefined;
  try {
    text = JSON.stringify(value, null, 2);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // Too deep for the call stack: written below. Anything else it refuses is a string too long ("Invalid string
    // length"), which the explicit stack would only find again, later.
    if (!/call stack/i.test(e.message)) throw textTooLong(WHAT, maxLength);
    return deepJsonText(value, maxLength, indentLevels);
  }
  if (text === undefined) throw new TypeError('The value has no JSON text (undefined, a function or a symbol).');
  if (text.length > maxLength) throw textTooLong(WHAT, maxLength);
  return text;
}

/** What a value is written as: nothing (left out of an object), a literal, or a container to open. */
type Item = { kind: 'skip' } | { kind: 'literal'; text: string } | { kind: 'object'; value: object; keys: string[] } | { kind: 'array'; value: unknown[]; length: number };

/** Whether `v` has the internal slot `valueOf` of `proto` reads (a Number, String, Boolean or BigInt object). */
function unboxed(proto: { valueOf(): unknown }, v: object): { value: unknown } | undefined {
  try {
    return { value: proto.valueOf.call(v) };
  } catch {
    return undefined;
  }
}

/** A value after `toJSON` and unboxing, classified as JSON.stringify treats it (ECMA-262 SerializeJSONProperty). */
function itemOf(holderKey: string, raw: unknown): Item {
  let value = raw;
  if ((typeof value === 'object' && value !== null) || typeof value === 'function' || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, holderKey);
  }
  if (typeof value === 'object' && value !== null) {
    // A Number or String object is written as ToNumber or ToString of it; a Boolean or BigInt object as its slot.
    if (unboxed(Number.prototype, value)) value = Number(value);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a String object: ToString of it, as the spec says
    else if (unboxed(String.prototype, value)) value = String(value);
    else value = (unboxed(Boolean.prototype, value) ?? unboxed(BigInt.prototype, value) ?? { value }).value;
  }
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
      // An array's length and an object's keys are read once, when it is opened, as JSON.stringify reads them.
      return Array.isArray(value) ? { kind: 'array', value, length: value.length } : { kind: 'object', value: value as object, keys: Object.keys(value as object) };
  }
}

/** An object or array being written: the next entry to write, and whether one has been written yet. */
interface Open {
  item: Extract<Item, { kind: 'object' | 'array' }>;
  next: number;
  wrote: boolean;
}

/**
 * The same text as `JSON.stringify(value, null, 2)`, by an explicit stack (exported for its tests, which hold it to
 * JSON.stringify), except that lines deeper than `indentLevels` (default: no limit) are indented as that level. When
 * {@link jsonText} falls back to it, getters and `toJSON` methods run a second time.
 */
export function deepJsonText(value: unknown, maxLength = MAX_TEXT_LENGTH, indentLevels = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  const length = new TextLength(WHAT, maxLength);
  const put = (s: string): void => {
    length.add(s.length);
    parts.push(s);
  };
  // The indentation of each depth, made once: a line costs its indentation however it is made.
  const indents: string[] = [''];
  const indent = (depth: number): string => {
    const level = Math.min(depth, indentLevels);
    while (indents.length <= level) indents.push(`${indents[indents.length - 1] as string}  `);
    return indents[level] as string;
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
    const count = item.kind === 'array' ? item.length : item.keys.length;
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
