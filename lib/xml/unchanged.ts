/**
 * Whether a node read from source still says what its source says: its kind, tag, attributes (names, order,
 * decoded values) and value (each literal line end one LF, as the reader gives it). The source text is never changed,
 * so comparing with it is exact for every edit of the plain node, whether made in place, by replacing a property's
 * object, or by changing `kind`; and it needs no snapshot kept per node. Each check reads only the node's own markup,
 * so the writer stays linear.
 */
import { isSpace } from './chars.js';
import { predefinedCodeAt } from './entities.js';
import type { Source } from './origin.js';
import { contentValueAt, instructionValueAt, leafKindAt } from './start-tag-end-at.js';
import type { XmlElement as Element, XmlLeaf as Leaf } from './types.js';

/**
 * Whether raw text means itself: it has no reference and nothing normalisation changes (in text, no CR, which a
 * reader makes a line end, looked for only when the text read holds one: `cr`; in an attribute value, no tab or line
 * end either, which it makes a space).
 */
function literal(raw: string, attribute: boolean, cr: boolean): boolean {
  if (!attribute) return raw.indexOf('&') === -1 && (!cr || raw.indexOf('\r') === -1);
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x26 || c === 0x09 || c === 0x0a || c === 0x0d) return false;
  }
  return true;
}

/**
 * The code point of the reference at `amp` (`&…;`, already known to be well-formed) that ends at `semi` (its `;`).
 * A number, not an object with the end too: returned from a call the optimiser did not inline, an object was made
 * per reference, most of what a write of an unedited 20 MB sequence allocated.
 */
function referenceCodeAt(text: string, amp: number, semi: number): number {
  if (text.charCodeAt(amp + 1) !== 0x23 /* # */) {
    // The reader accepted no other name than the five predefined ones.
    return predefinedCodeAt(text, amp);
  }
  let cp = 0;
  const hex = text.charCodeAt(amp + 2) === 0x78; /* x */
  for (let i = amp + (hex ? 3 : 2); i < semi; i++) {
    const d = text.charCodeAt(i);
    cp = cp * (hex ? 16 : 10) + (d <= 0x39 ? d - 0x30 : (d | 0x20) - 0x57);
  }
  return cp;
}

/**
 * Whether `value` is what the raw text at `[from, to)` decodes to (as element text, whose line ends are one LF each,
 * or as an attribute value, which is normalised), compared as it is decoded: no decoded string is made.
 */
function decodesTo(value: unknown, text: string, from: number, to: number, attribute: boolean, cr = true): boolean {
  if (typeof value !== 'string') return false;
  // Decoding and normalisation never lengthen. So a value as long as the raw text and spelt the same is the raw text
  // itself exactly when there is nothing to decode or normalise; a longer one is never what the text says.
  if (value.length === to - from && text.startsWith(value, from)) return literal(value, attribute, cr);
  if (value.length > to - from) return false;
  let j = 0;
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c === 0x26) {
      const semi = text.indexOf(';', i + 1);
      const cp = referenceCodeAt(text, i, semi);
      if (cp > 0xffff) {
        if (value.codePointAt(j) !== cp) return false;
        j += 2;
      } else {
        if (value.charCodeAt(j) !== cp) return false;
        j++;
      }
      i = semi + 1;
    } else if (c === 0x0d || (attribute && (c === 0x09 || c === 0x0a))) {
      // A literal line end (CR LF counting as one) is an LF in text (XML 1.0 §2.11); in an attribute value it and a
      // tab are a space (§3.3.3).
      if (value.charCodeAt(j) !== (attribute ? 0x20 : 0x0a)) return false;
      j++;
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    } else {
      if (value.charCodeAt(j) !== c) return false;
      j++;
      i++;
    }
  }
  return j === value.length;
}

/**
 * How many characters of the source text from `at` say `value` with no reference (white space between elements,
 * written from its value), each LF of the value said by an LF, a CR LF or a CR alone; -1 when they do not. So white
 * space read from a CRLF file, whose value says LF, is still found where it was read and copied as written.
 */
export function layoutLength(src: Source, at: number, value: string): number {
  const text = src.text;
  // A text with no CR says a value exactly where it spells it (nearly every LF file's case, with no more to look at).
  if (!src.cr) return text.startsWith(value, at) ? value.length : -1;
  if (text.charCodeAt(at) === 0x0d) {
    // Indentation in a CRLF file (nearly all of its white space): a CR LF, then what the value says after its LF.
    if (value.charCodeAt(0) === 0x0a && text.startsWith(value, at + 1) && value.indexOf('\r') === -1) return value.length + 1;
  } else if (text.startsWith(value, at)) return value.indexOf('\r') === -1 ? value.length : -1;
  let i = at;
  for (let j = 0; j < value.length; j++) {
    const v = value.charCodeAt(j);
    const c = text.charCodeAt(i);
    if (v === 0x0a && c === 0x0d) i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    else if (v === c && v !== 0x0d) i++;
    else return -1;
  }
  return i - at;
}

/**
 * Where white space that says `value` (see {@link layoutLength}) starts when it ends at `end` in `src`, or -1 when the
 * text before `end` does not say it. Walked back once: an LF of the value is a CR LF, an LF or a CR there (a CR LF
 * taken whole, as the reader reads it), and the span found is checked forwards. Trying each possible length instead
 * cost a pass per LF of the value, the square of a long run of blank lines.
 */
export function layoutStartBefore(src: Source, end: number, value: string): number {
  const text = src.text;
  let i = end;
  for (let j = value.length - 1; j >= 0; j--) {
    if (i === 0) return -1;
    const v = value.charCodeAt(j);
    const c = text.charCodeAt(i - 1);
    if (v === 0x0a && c === 0x0a) i -= text.charCodeAt(i - 2) === 0x0d ? 2 : 1;
    else if (v === 0x0a && c === 0x0d) i--;
    else if (v === c && v !== 0x0d) i--;
    else return -1;
  }
  return layoutLength(src, i, value) === end - i ? i : -1;
}

/** Whether `value` is what raw text at `[from, to)` that holds no reference (a comment, CDATA, an instruction) says. */
function saysLiterally(value: unknown, src: Source, from: number, to: number): boolean {
  if (typeof value !== 'string' || value.length > to - from) return false;
  return layoutLength(src, from, value) === to - from;
}

/** Whether `value` is what a value element's content at `[from, to)` of `src` (text and CDATA sections) says. */
export function contentSays(value: unknown, src: Source, from: number, to: number): boolean {
  if (typeof value !== 'string') return false;
  const text = src.text;
  const lt = text.indexOf('<', from);
  if (lt === -1 || lt >= to) return decodesTo(value, text, from, to, false, src.cr);
  return contentValueAt(text, from, to) === value;
}

/** Whether a leaf read at `start` (ending at `end`) of `src` still has its kind, value and (an instruction) target. */
export function leafSays(node: Leaf, src: Source, start: number, end: number): boolean {
  const text = src.text;
  const kind = leafKindAt(text, start);
  if (node.kind !== kind) return false;
  switch (kind) {
    case 'text':
      return decodesTo(node.value, text, start, end, false, src.cr);
    case 'comment':
      return saysLiterally(node.value, src, start + 4, end - 3);
    case 'cdata':
      return saysLiterally(node.value, src, start + 9, end - 3);
    case 'instruction': {
      const target = (node as { target: unknown }).target;
      return typeof target === 'string' && nameEndsAt(text, start + 2, target) && saysLiterally(node.value, src, instructionValueAt(text, start + 2 + target.length, end), end - 2);
    }
  }
}

/** Where the name written at `at` ends: at white space, `=`, `>`, `/` or `?` (the source is well-formed). */
function nameEnd(text: string, at: number): number {
  for (let c = text.charCodeAt(at); !isSpace(c) && c !== 0x3d && c !== 0x3e && c !== 0x2f && c !== 0x3f && at < text.length; c = text.charCodeAt(++at));
  return at;
}

/** Whether the name written at `at` is exactly `name`. */
function nameEndsAt(text: string, at: number, name: string): boolean {
  const n = name.length;
  for (let j = 0; j < n; j++) if (text.charCodeAt(at + j) !== name.charCodeAt(j)) return false;
  return nameEnd(text, at + n) === at + n;
}

/** Whether an element read at `start` still has the tag it was read with. */
export function tagSays(node: Element, text: string, start: number): boolean {
  return typeof node.tag === 'string' && nameEndsAt(text, start + 1, node.tag);
}

/**
 * Whether the element's attributes are those of its start tag at `start` — the same names in the same order with
 * the same decoded values — given its tag is unchanged. Returns the offset just past the start tag when they are,
 * and -1 when they are not.
 */
export function startTagSays(node: Element, text: string, start: number): number {
  let at = start + 1 + node.tag.length;
  const attributes = node.attributes;
  if (typeof attributes !== 'object' || attributes === null) return -1;
  for (const name in attributes) {
    let c = text.charCodeAt(at);
    while (isSpace(c)) c = text.charCodeAt(++at);
    // The name written must be exactly `name`; none written (the tag ends) means the node has an attribute more.
    if (name === '' || !nameEndsAt(text, at, name)) return -1;
    at += name.length;
    c = text.charCodeAt(at);
    while (isSpace(c)) c = text.charCodeAt(++at);
    c = text.charCodeAt(++at); // past '='
    while (isSpace(c)) c = text.charCodeAt(++at);
    const quote = c;
    const value = attributes[name];
    if (typeof value !== 'string') return -1;
    // Most values are written as they are: compared in one pass that also finds the closing quote. A reference, a
    // tab or a line end (which normalisation reads as a space) or a difference sends the value the general way.
    let i = at + 1;
    let j = 0;
    for (; j < value.length; j++, i++) {
      const d = text.charCodeAt(i);
      if (d !== value.charCodeAt(j) || d === 0x26 || d === quote || d === 0x09 || d === 0x0a || d === 0x0d) break;
    }
    if (j === value.length && text.charCodeAt(i) === quote) {
      at = i + 1;
      continue;
    }
    const close = text.indexOf(quote === 0x22 ? '"' : "'", at + 1);
    if (!decodesTo(value, text, at + 1, close, true)) return -1;
    at = close + 1;
  }
  while (isSpace(text.charCodeAt(at))) at++;
  const c = text.charCodeAt(at);
  // Anything but the end of the tag is an attribute the node no longer has.
  if (c === 0x3e) return at + 1;
  return c === 0x2f ? at + 2 : -1;
}
