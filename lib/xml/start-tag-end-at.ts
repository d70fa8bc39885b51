/**
 * What a node read from source said, read back from the text when it is asked for: where a leaf and an element's
 * start tag and content end, a node's name and kind, where an instruction's value starts, and element content and
 * attributes decoded as the reader decoded them. The text is one the reader judged well-formed, so these scan it
 * without checking; the nodes keep only offsets into it (see `origin.ts`).
 */
import { decodeEntities, lf, normalizeAttributeRaw } from './entities.js';

const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The end of the leaf that starts at `start`, found from what the source says there. */
export function leafEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== 0x3c) {
    // Text runs to the next markup: the reader made one text node of every run.
    const lt = text.indexOf('<', start);
    return lt === -1 ? text.length : lt;
  }
  const c1 = text.charCodeAt(start + 1);
  if (c1 === 0x3f /* ? */) return text.indexOf('?>', start + 2) + 2;
  if (text.charCodeAt(start + 2) === 0x2d /* <!- */) return text.indexOf('-->', start + 4) + 3;
  return text.indexOf(']]>', start + 9) + 3;
}

/** Offset just past the `>` of the start tag at `start` (the source is well-formed: quotes are matched). */
export function startTagEndAt(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === 0x3e) return at + 1;
    if (c === 0x22 || c === 0x27) at = text.indexOf(c === 0x22 ? '"' : "'", at + 1);
    at++;
  }
}

/** Offset of the end tag's `<` of an element spanning `[start, end)`; `end` when it is self-closing. */
export function contentEndAt(text: string, startTagEnd: number, end: number): number {
  return startTagEnd === end ? end : text.lastIndexOf('<', end - 1);
}

/**
 * The value of element content as read: its literal line ends each one LF (XML 1.0 §2.11), then text decoded and
 * CDATA sections as written (the content has no other markup). A CR written as a reference stays a CR.
 */
export function contentValueAt(text: string, from: number, to: number): string {
  const parts: string[] = [];
  let at = from;
  while (at < to) {
    // The next '<' is a CDATA section or the end tag at `to`: the search never runs past this element.
    const lt = text.indexOf('<', at);
    const textEnd = lt === -1 || lt >= to ? to : lt;
    if (textEnd > at) {
      const raw = lf(text.slice(at, textEnd));
      parts.push(raw.indexOf('&') === -1 ? raw : decodeEntities(raw));
    }
    if (textEnd === to) break;
    const close = text.indexOf(']]>', textEnd + 9);
    parts.push(lf(text.slice(textEnd + 9, close)));
    at = close + 3;
  }
  return parts.join('');
}

/** Attribute names and values of the start tag at `start`, decoded as the reader decoded them, flattened. */
export function attributesAt(text: string, start: number): string[] {
  const out: string[] = [];
  // XML white space only: `\s` also matches U+1680 and U+FEFF, which a name may hold.
  const re = /[ \t\r\n]+([^ \t\r\n=/>]+)[ \t\r\n]*=[ \t\r\n]*(["'])/y;
  let at = start + 1;
  while (!isSpaceCode(text.charCodeAt(at)) && text.charCodeAt(at) !== 0x3e && text.charCodeAt(at) !== 0x2f) at++;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return out;
    const quote = m[2] as string;
    const valueEnd = text.indexOf(quote, re.lastIndex);
    const raw = normalizeAttributeRaw(text.slice(re.lastIndex, valueEnd));
    out.push(m[1] as string, raw.indexOf('&') === -1 ? raw : decodeEntities(raw));
    at = valueEnd + 1;
  }
}

/** The name that starts at `from` (a tag or an instruction's target), up to white space, `>`, `/` or `?`. */
export function nameAt(text: string, from: number): string {
  let at = from;
  for (let c = text.charCodeAt(at); !isSpaceCode(c) && c !== 0x3e && c !== 0x2f && c !== 0x3f && at < text.length; c = text.charCodeAt(++at));
  return text.slice(from, at);
}

/**
 * Where the value of the instruction whose target ends at `afterTarget` (and which ends at `end`) starts: after the one
 * white-space character that separates it from the target, when there is any value. A CR LF there is one character,
 * the LF it is read as (XML 1.0 §2.11), so a CRLF file and its LF copy give the same value.
 */
export function instructionValueAt(text: string, afterTarget: number, end: number): number {
  if (afterTarget >= end - 2) return afterTarget;
  return text.charCodeAt(afterTarget) === 0x0d && text.charCodeAt(afterTarget + 1) === 0x0a && afterTarget + 1 < end - 2 ? afterTarget + 2 : afterTarget + 1;
}

/** The kind a leaf had when read, from the markup it starts with. */
export function leafKindAt(text: string, start: number): 'text' | 'comment' | 'cdata' | 'instruction' {
  if (text.charCodeAt(start) !== 0x3c) return 'text';
  if (text.charCodeAt(start + 1) === 0x3f) return 'instruction';
  return text.charCodeAt(start + 2) === 0x2d ? 'comment' : 'cdata';
}
