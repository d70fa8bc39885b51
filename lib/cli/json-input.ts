/**
 * Reading a JSON file a command is given (an options file, a model for `convert --to xml`): a text that is not JSON is
 * refused with the line and column where it stops being JSON, as an XML input is. V8's own message names no place for
 * most mistakes ("Unexpected token", "Unexpected end of JSON input") and quotes the text around it, bytes of any kind
 * included, so the place is found by a scan of the text JSON.parse refused, and the reason said in its own words.
 */
import { type ErrorCode, LineCounter, TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { jsonCostOf } from '../text-cost.js';
import { checkHeapBeforeParsing } from '../xml/heap-guard.js';

/** Where a text stops being JSON, and why. */
interface JsonSyntaxError {
  at: number;
  why: string;
  /** A key said twice in one object: JSON that `JSON.parse` takes, keeping the last. */
  duplicate?: true;
}

/** A character as a message shows it: itself when it prints, else its code point (a control byte never reaches a terminal). */
function shown(c: string): string {
  const code = c.codePointAt(0) as number;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0) ? `'${c}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The first place `s` breaks JSON's grammar, or has a key twice in one object, found in one pass with a stack of the
 * open objects and arrays (and each open object's keys so far).
 */
function syntaxError(s: string): JsonSyntaxError | undefined {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const keys: Set<string>[] = [];
  let want: 'value' | 'first value' | 'key' | 'first key' | 'after' = 'value';
  /** Past a string at `i` (its opening quote), or why it is not one. */
  const string = (): JsonSyntaxError | undefined => {
    for (i++; i < s.length; ) {
      const c = s[i] as string;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(s)) return { at: i, why: 'a backslash in a string that starts no escape JSON has' };
        i = ESCAPE.lastIndex;
      } else if (c < ' ') return { at: i, why: `${shown(c)} inside a string (JSON writes it as an escape)` };
      else i++;
    }
    return { at: i, why: 'the text ends inside a string' };
  };
  for (;;) {
    while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
    if (i >= s.length) return want === 'after' && stack.length === 0 ? undefined : { at: i, why: 'the text ends before the JSON does' };
    const c = s[i] as string;
    if (want === 'after') {
      const open = stack[stack.length - 1];
      if (open === undefined) return { at: i, why: `${shown(c)} after the end of the JSON value` };
      const close = open === '{' ? '}' : ']';
      if (c === ',') want = open === '{' ? 'key' : 'value';
      else if (c === close) {
        if (stack.pop() === '{') keys.pop();
      }
      else return { at: i, why: `expected ',' or '${close}', not ${shown(c)}` };
      i++;
      continue;
    }
    if ((want === 'first key' && c === '}') || (want === 'first value' && c === ']')) {
      if (stack.pop() === '{') keys.pop();
      i++;
      want = 'after';
      continue;
    }
    if (want === 'key' || want === 'first key') {
      if (c !== '"') return { at: i, why: `expected a property name in double quotes, not ${shown(c)}` };
      const start = i;
      const bad = string();
      if (bad) return bad;
      const raw = s.slice(start, i);
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      const own = keys[keys.length - 1] as Set<string>;
      if (own.has(key)) return { at: start, why: `the key ${shownValue(key, '"')} a second time in one object (a JSON reader keeps only the last, so the first would be lost)`, duplicate: true };
      own.add(key);
      while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
      if (s[i] !== ':') return { at: i, why: i < s.length ? `expected ':' after the property name, not ${shown(s[i] as string)}` : 'the text ends before the JSON does' };
      i++;
      want = 'value';
      continue;
    }
    want = 'after';
    if (c === '{' || c === '[') {
      stack.push(c);
      if (c === '{') keys.push(new Set());
      want = c === '{' ? 'first key' : 'first value';
      i++;
    } else if (c === '"') {
      const bad = string();
      if (bad) return bad;
    } else if (s.startsWith('true', i) || s.startsWith('null', i)) i += 4;
    else if (s.startsWith('false', i)) i += 5;
    else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(s)) return { at: i, why: `${shown(c)} where a value was expected` };
      i = NUMBER.lastIndex;
    }
  }
}

/**
 * The value of the JSON text `text` (a leading byte order mark skipped), read from `file`; a text that is not JSON
 * throws `code`, naming `file` and the line and column where the text stops being JSON.
 */
export function parseJsonInput(text: string, file: string, code: ErrorCode): unknown {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  // JSON.parse cannot be watched as it goes: a text within the byte limit whose value would not fit in the heap the
  // process has is refused before (one object of 750,000 keys, 9 MB, needed 478 MiB), not left to abort it.
  try {
    checkHeapBeforeParsing(jsonCostOf(body), body.length);
  } catch (e) {
    if (e instanceof TaskSequenceError) e.file = file;
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (e) {
    const found = syntaxError(body);
    if (found === undefined) throw new TaskSequenceError(code, `${file} is not valid JSON: ${(e as Error).message}.`, { file });
    throw refusal(text, file, code, found, bom);
  }
  // JSON.parse keeps the last of a key said twice and drops the first without a word (an attribute, a package
  // property, an option): such a text is refused, as a YAML text with a key twice is, at the second.
  const duplicate = syntaxError(body);
  if (duplicate?.duplicate) throw refusal(text, file, code, duplicate, bom);
  return value;
}

/** The error for `text` (from `file`), which breaks off where `found` says (`bom`: the offset of the text after one). */
function refusal(text: string, file: string, code: ErrorCode, found: JsonSyntaxError, bom: number): TaskSequenceError {
  const at = found.at + bom;
  const what = found.duplicate ? `${file} has ${found.why}` : `${file} is not valid JSON: ${found.why}`;
  return new TaskSequenceError(code, `${what}.`, { file, range: [at, at], linePos: new LineCounter(text).linePos(at) });
}
