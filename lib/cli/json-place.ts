/**
 * Where in an options file a schema refusal is: the refusal names the value at fault by a JSON pointer (see
 * `problemPointerOf` in assert-valid.ts), and the file's text is walked down that pointer to the key (or, in an
 * array, the element) it names, so the error gets the line and column of that place, as a syntax error does. A
 * wrong type in `--config` (`"force": "yes"`) was said with no place at all.
 */
import { problemPointerOf } from '../assert-valid.js';
import { LineCounter, type TaskSequenceError } from '../errors.js';

/** Gives `error` (an `OPTIONS_INVALID` of assertValidWith) the place in `text`, the JSON it was read from, that it names. */
export function placeInJson(error: TaskSequenceError, text: string): void {
  const pointer = problemPointerOf(error);
  if (pointer === undefined || error.range !== undefined) return;
  const at = offsetOfPointer(text, pointer);
  if (at === undefined) return;
  error.range = [at, at];
  error.linePos = new LineCounter(text).linePos(at);
}

/**
 * `error`, a fault of the preset's options read from the JSON file `file` (`text`), said as the file says them: "the
 * drive option" as `the key "drive"`, and placed at the key it is about — the one a schema refusal points at, else
 * the first key the message names — when `given` says the file's value of that key is the one at fault. `cmts
 * kb977203 --config` and `cmts transform kb977203 --options` say a file's fault alike.
 */
export function asFileKeys(error: TaskSequenceError, file: string, text: string, given: (key: string) => boolean): TaskSequenceError {
  const named = [...error.message.matchAll(/\b[Tt]he (\w+) option\b/g)].map((m) => m[1] as string);
  error.message = error.message.replace(/\b([Tt])he (\w+) option\b/g, (_m, t: string, key: string) => `${t}he key "${key}"`);
  error.file = file;
  const pointer = problemPointerOf(error);
  if (pointer !== undefined) {
    if (given(pointer.split('/')[1] ?? '')) placeInJson(error, text);
    return error;
  }
  const key = named.find(given);
  const at = key === undefined || error.range !== undefined ? undefined : offsetOfPointer(text, `/${key}`);
  if (at !== undefined) {
    error.range = [at, at];
    error.linePos = new LineCounter(text).linePos(at);
  }
  return error;
}

/**
 * The offset in `text` (JSON that parses, with no key twice in an object; a byte order mark first is skipped) of the
 * key of the member `pointer` names, or of the element when it is one of an array; undefined for the whole value or
 * a pointer that names nothing in the text. Iterative, so no nesting overflows the stack.
 */
export function offsetOfPointer(text: string, pointer: string): number | undefined {
  if (!pointer.startsWith('/')) return undefined;
  const want = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let d = 0; d < want.length; d++) {
    i = skipSpace(text, i);
    const segment = want[d] as string;
    const last = d === want.length - 1;
    if (text[i] === '{') {
      i = skipSpace(text, i + 1);
      for (;;) {
        if (text[i] !== '"') return undefined;
        const keyAt = i;
        const keyEnd = endOfString(text, i);
        i = skipSpace(text, keyEnd) + 1;
        if ((JSON.parse(text.slice(keyAt, keyEnd)) as string) === segment) {
          if (last) return keyAt;
          break;
        }
        i = skipSpace(text, endOfValue(text, skipSpace(text, i)));
        if (text[i] !== ',') return undefined;
        i = skipSpace(text, i + 1);
      }
    } else if (text[i] === '[') {
      const index = /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1;
      if (index === -1) return undefined;
      i = skipSpace(text, i + 1);
      for (let k = 0; k < index; k++) {
        if (text[i] === ']') return undefined;
        i = skipSpace(text, endOfValue(text, i));
        if (text[i] !== ',') return undefined;
        i = skipSpace(text, i + 1);
      }
      if (text[i] === ']') return undefined;
      if (last) return i;
    } else return undefined;
  }
  return undefined;
}

function skipSpace(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  return i;
}

/** Past the string whose opening quote is at `i`. */
function endOfString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** Past the value that starts at `i`: a string, an object or array (its nesting counted, not recursed), or a literal. */
function endOfValue(text: string, i: number): number {
  if (text[i] === '"') return endOfString(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    while (i < text.length && !',}] \t\r\n'.includes(text[i] as string)) i++;
    return i;
  }
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = endOfString(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    i++;
    if (depth === 0) return i;
  }
  return i;
}
