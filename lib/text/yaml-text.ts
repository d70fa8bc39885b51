/**
 * The YAML library's writer and composer walk nested collections by recursion, which exhausts the call stack a few
 * hundred groups deep. The writer side is made depth-proof by writing the text in slices of bounded depth and
 * joining them; the reading side measures the nesting on the library's token stream (flat, no recursion needed) and
 * refuses text nested deeper than a limit before the composer sees it.
 */
import { Scalar, stringify, type CST } from 'yaml';
import { MAX_TEXT_LENGTH, TextLength } from '../text-length.js';

const OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/**
 * A string of only spaces, tabs and line ends, over more than one line (" \n \n"): the library writes it as a block
 * scalar without an indentation indicator, whose lines of spaces read back as empty lines. Written double-quoted.
 */
const WHITESPACE_LINES = /^[\t \n]*\n[\t \n]*$/;
const quoteWhitespaceLines = (_key: unknown, v: unknown): unknown => (typeof v === 'string' && WHITESPACE_LINES.test(v) ? Object.assign(new Scalar(v), { type: Scalar.QUOTE_DOUBLE }) : v);
const writeYaml = (v: unknown): string => stringify(v, quoteWhitespaceLines, OPTIONS);

/** Collections nested in one slice: well within what the library's writer handles on any stack. */
const SLICE_DEPTH = 64;

/**
 * Items of a list written in one piece. The library's writer builds a node per value, hundreds of bytes each, before
 * it writes: a sequence of 2.5 million steps (63 MiB of XML) ran `cmts convert --to yaml` out of heap and aborted the
 * process. A longer list is cut out like a deep collection and written this many items at a time; a block list's text
 * is its items' texts one after the other, so the pieces join as they are.
 */
const LIST_CHUNK = 2000;

type Value = unknown;
const isCollection = (v: Value): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

/**
 * The collection `value` with each non-empty collection `depth` levels below it replaced by a fresh stand-in string,
 * copied (the caller's data is not changed); `cut` gets each replaced collection and its stand-in.
 */
function slice(value: Record<string, unknown> | unknown[], depth: number, standIn: () => string, cut: (v: Value, mark: string) => void, chunk = Infinity): Value {
  const copyOf = (v: Record<string, unknown> | unknown[]) => (Array.isArray(v) ? [...v] : { ...v });
  const root = copyOf(value);
  const stack: { node: Record<string, unknown> | unknown[]; level: number }[] = [{ node: root, level: 1 }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const node = frame.node as Record<string | number, unknown>;
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (!isCollection(child)) continue;
      if (frame.level >= depth || (Array.isArray(child) && child.length > chunk)) {
        const mark = standIn();
        cut(child, mark);
        node[key] = mark;
      } else {
        const copy = copyOf(child);
        node[key] = copy;
        stack.push({ node: copy, level: frame.level + 1 });
      }
    }
  }
  return root;
}

/** Every string in `value` (keys and values), without recursion: the stand-ins must differ from all of them. */
function* strings(value: Value): Generator<string> {
  const stack: Value[] = [value];
  for (let v = stack.pop(); v !== undefined || stack.length > 0; v = stack.pop()) {
    if (typeof v === 'string') yield v;
    else if (typeof v === 'object' && v !== null) {
      for (const [k, c] of Object.entries(v)) {
        yield k;
        stack.push(c);
      }
    }
  }
}

/**
 * `value` (plain data: objects, arrays, strings, numbers, booleans) as the YAML library writes it with
 * `{ lineWidth: 0, minContentWidth: 0 }`, at any depth. Each slice is written by the library and nested in its
 * parent where the parent's text has the stand-in: a collection under a key starts on the next line, two columns
 * right of the key; a collection in a list starts after the item's `- `, its further lines two columns right of the
 * dash. Blank lines (in block scalars) stay empty, as the library writes them. A list longer than `listChunk` is
 * written that many items at a time, so the library never holds more than that many of its items' nodes at once.
 */
export function stringifyYaml(value: Value, sliceDepth = SLICE_DEPTH, listChunk = LIST_CHUNK, maxLength: number = MAX_TEXT_LENGTH): string {
  if (!isCollection(value)) return writeYaml(value);
  let nonce = 0;
  const all = new Set<string>();
  for (const s of strings(value)) if (s.includes('cmts-slice')) all.add(s);
  let prefix = 'cmts-slice-';
  while ([...all].some((s) => s.includes(prefix))) prefix = `cmts-slice-${++nonce}-`;
  let count = 0;
  const pending = new Map<string, Value>();
  const standIn = () => `${prefix}${count++}`;
  const cut = (v: Value, mark: string) => pending.set(mark, v);
  const texts = new Map<string, string>();
  /** A collection's text, a long list's `listChunk` items at a time; what is nested deeper, or long, is cut out. */
  const write = (v: Record<string, unknown> | unknown[]): string => {
    if (!Array.isArray(v) || v.length <= listChunk) return writeYaml(slice(v, sliceDepth, standIn, cut, listChunk));
    const pieces: string[] = [];
    for (let i = 0; i < v.length; i += listChunk) pieces.push(writeYaml(slice(v.slice(i, i + listChunk), sliceDepth, standIn, cut, listChunk)));
    return pieces.join('');
  };
  const root = write(value);
  // Slices are written in turn; each may cut deeper ones, which join the queue.
  for (const [mark, v] of pending) {
    texts.set(mark, write(v as Record<string, unknown> | unknown[]));
    pending.delete(mark);
  }
  const out: string[] = [];
  // Every line is indented by its depth, so a chain of groups N deep takes text in N²: a text longer than a string can
  // be (20,000 nested groups were; the join failed with "Invalid string length") is refused as it grows past it.
  const length = new TextLength('The text form', maxLength);
  // Each frame: a slice's lines, the next to write, the indentation every line gets (the column its text starts at),
  // and whether its first line continues the parent's `- ` line.
  const stack: { lines: string[]; next: number; indent: string; inline: boolean }[] = [{ lines: root.split('\n').slice(0, -1), next: 0, indent: '', inline: false }];
  const standInAt = new RegExp(`(: |- )(${prefix}\\d+)$`);
  for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
    const line = frame.lines[frame.next];
    if (line === undefined) {
      stack.pop();
      continue;
    }
    const lead = frame.inline && frame.next === 0 ? '' : line === '' ? '' : frame.indent;
    frame.next++;
    const found = standInAt.exec(line);
    const text = found ? texts.get(found[2] as string) : undefined;
    if (!found || text === undefined) {
      length.add(lead.length + line.length + 1);
      out.push(lead + line, '\n');
      continue;
    }
    const before = line.slice(0, found.index);
    // In a list the slice's first line follows the dash; under a key it starts on the next line, two columns right
    // of where the key starts.
    const inline = found[1] === '- ';
    const indent = ' '.repeat(inline ? frame.indent.length + before.length + 2 : frame.indent.length + (/^ *(?:- )*/.exec(before)?.[0].length ?? 0) + 2);
    length.add(lead.length + before.length + 2);
    out.push(lead + before + (inline ? '- ' : ':\n'));
    // A slice with none cut out of it (nearly all of a long list's pieces) is indented whole, not line by line.
    if (!text.includes(prefix)) {
      // Counted before it is made: its lines, each indented (none is longer than the text it is part of).
      length.add(text.length + indent.length * (text.match(/\n(?!\n|$)/g)?.length ?? 0) + (inline ? 0 : indent.length));
      out.push(indented(text, indent, inline));
    } else stack.push({ lines: text.split('\n').slice(0, -1), next: 0, indent, inline });
  }
  return out.join('');
}

/**
 * `text` (lines each ending in a line end) with `indent` before every line that is not empty, but the first when it
 * continues a line already written (`inline`).
 */
function indented(text: string, indent: string, inline: boolean): string {
  return (inline ? '' : indent) + text.replace(/\n(?!\n|$)/g, `\n${indent}`);
}

/**
 * The offset of the first collection (mapping or list, block or flow) nested deeper than `maxDepth` in the YAML
 * library's tokens, or undefined. The tokens are walked with an explicit stack.
 */
export function tooDeepAt(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  // Pushed last first, so that they are taken in document order and the first too deep is the one found (taken from
  // the end, the last was: a 32,000-line text was placed at its line 31,999, not at line 3).
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { token } = frame;
    let depth = frame.depth;
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      depth++;
      if (depth > maxDepth) return token.offset;
      for (let i = token.items.length - 1; i >= 0; i--) {
        const item = token.items[i] as (typeof token.items)[number];
        if (item.value) stack.push({ token: item.value, depth });
        if (item.key) stack.push({ token: item.key, depth });
      }
    } else if (token.type === 'document' && token.value) stack.push({ token: token.value, depth });
  }
  return undefined;
}
