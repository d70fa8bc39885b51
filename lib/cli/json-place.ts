/**
 * Where in an options file (or a JSON model) a schema refusal is: the refusal names the value at fault by a JSON
 * pointer, and each problem behind it by its own (see `problemPointerOf` and `issuePointersOf` in assert-valid.ts);
 * the file's text is walked once, down to every key (or, in an array, element) they name, so the error and each of
 * its problems get the line and column of their place, as a syntax error does. A wrong type in `--config`
 * (`"force": "yes"`) was said with no place at all, and then the problems after the first were.
 */
import { issuePointersOf, problemPointerOf } from '../assert-valid.js';
import { type Issue, LineCounter, TaskSequenceError } from '../errors.js';

/**
 * `error` (an `OPTIONS_INVALID` of assertValidWith, or a refusal marked by refusalAt) with the place in `text`, the
 * JSON it was read from, that it names, and each issue behind it with its own: a new error, as the issues of one are
 * fixed when it is made. An error placed already, or that names no place, is given back as it is.
 */
export function placeInJson(error: TaskSequenceError, text: string): TaskSequenceError {
  const pointer = problemPointerOf(error);
  if (pointer === undefined || error.range !== undefined) return error;
  const behind = error.issues.slice(1);
  const each = issuePointersOf(error) ?? [];
  // One walk for all of them: a model of 10,000 wrong steps has 10,000 problems, each walked to alone the whole text.
  const offsets = offsetsOfPointers(text, [pointer, ...each.slice(0, behind.length)]);
  const lines = new LineCounter(text);
  const at = offsets[0];
  const issues = behind.map((issue, k): Issue => {
    const offset = offsets[k + 1];
    if (offset === undefined) return issue;
    // In the order an issue's JSON has them: the place before the file.
    const { file, ...rest } = issue;
    return { ...rest, ...lines.linePos(offset), ...(file !== undefined && { file }) };
  });
  return new TaskSequenceError(error.code, error.message, {
    ...(at !== undefined && { range: [at, at], linePos: lines.linePos(at) }),
    ...(error.file !== undefined && { file: error.file }),
    ...(error.path !== undefined && { path: error.path }),
    issues,
  });
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
  if (pointer !== undefined) return given(pointer.split('/')[1] ?? '') ? placeInJson(error, text) : error;
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
 * a pointer that names nothing in the text.
 */
export function offsetOfPointer(text: string, pointer: string): number | undefined {
  return offsetsOfPointers(text, [pointer])[0];
}

/** The pointers sought below a value: those that end at it (by their index) and, by key, those that go on. */
interface Sought {
  ends: number[];
  below: Map<string, Sought>;
}

/** The pointers as a tree of their keys (`~1` and `~0` read as `/` and `~`); the whole value's (`''`) and others not starting with `/` are left out. */
function soughtOf(pointers: readonly string[]): Sought {
  const root: Sought = { ends: [], below: new Map() };
  pointers.forEach((pointer, k) => {
    if (!pointer.startsWith('/')) return;
    let node = root;
    for (const raw of pointer.slice(1).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      let next = node.below.get(key);
      if (next === undefined) node.below.set(key, (next = { ends: [], below: new Map() }));
      node = next;
    }
    node.ends.push(k);
  });
  return root;
}

/**
 * {@link offsetOfPointer} for each of `pointers`, in one walk of `text`: only into the objects and arrays on the way
 * to one of them, every other value skipped without a look inside, so the cost is the text's length and the pointers'
 * (an array index is matched as written, `01` naming nothing). Iterative, so no nesting overflows the stack.
 */
export function offsetsOfPointers(text: string, pointers: readonly string[]): (number | undefined)[] {
  const out = new Array<number | undefined>(pointers.length).fill(undefined);
  const open: { sought: Sought; array: boolean; index: number }[] = [];
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  /** Past a value (or an empty object or array): at the next member of the innermost one open, or none at the end. */
  const nextMember = (): (typeof open)[number] | undefined => {
    for (;;) {
      i = skipSpace(text, i);
      const top = open[open.length - 1];
      const c = text[i];
      if (top === undefined || (c !== ',' && c !== '}' && c !== ']')) return undefined;
      i = skipSpace(text, i + 1);
      if (c === ',') return top;
      open.pop();
    }
  };
  // What is sought in the value at `i`.
  let sought: Sought | undefined = soughtOf(pointers);
  for (;;) {
    const c = text[i];
    let top: (typeof open)[number] | undefined;
    if (sought !== undefined && sought.below.size > 0 && (c === '{' || c === '[')) {
      top = { sought, array: c === '[', index: 0 };
      open.push(top);
      i = skipSpace(text, i + 1);
      if (text[i] === '}' || text[i] === ']') top = nextMember();
    } else {
      i = endOfValue(text, i);
      top = nextMember();
    }
    if (top === undefined) return out;
    // At a member of `top`: its element `index`, or a key.
    const at = i;
    if (top.array) sought = top.sought.below.get(String(top.index++));
    else {
      if (text[i] !== '"') return out;
      const end = endOfString(text, i);
      const raw = text.slice(i + 1, end - 1);
      sought = top.sought.below.get(raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw);
      i = skipSpace(text, skipSpace(text, end) + 1);
    }
    for (const k of sought?.ends ?? []) out[k] = at;
  }
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
