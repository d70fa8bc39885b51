/**
 * Whether a node read from source still says what its source says: its kind, tag, attributes (names, order,
 * decoded values) and value. The source text is never changed, so comparing with it is exact for every edit of the
 * plain node, whether made in place, by replacing a property's object, or by changing `kind`; and it needs no
 * snapshot kept per node. Each check reads only the node's own markup, so the writer stays linear.
 */
import { isSpace } from './chars.js';
import { predefinedCodeAt } from './entities.js';
import { contentValueAt, instructionValueAt, leafKindAt } from './origin.js';
import type { XmlElement as Element, XmlLeaf as Leaf } from './types.js';

/** Whether raw text means itself: it has no reference and (an attribute value) nothing normalisation changes. */
function literal(raw: string, attribute: boolean): boolean {
  if (!attribute) return raw.indexOf('&') === -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x26 || c === 0x09 || c === 0x0a || c === 0x0d) return false;
  }
  return true;
}

/** The code point of the reference at `amp` (`&…;`, already known to be well-formed), and where it ends. */
function referenceAt(text: string, amp: number): { cp: number; end: number } {
  const semi = text.indexOf(';', amp + 1);
  let cp = 0;
  if (text.charCodeAt(amp + 1) === 0x23 /* # */) {
    const hex = text.charCodeAt(amp + 2) === 0x78; /* x */
    for (let i = amp + (hex ? 3 : 2); i < semi; i++) {
      const d = text.charCodeAt(i);
      cp = cp * (hex ? 16 : 10) + (d <= 0x39 ? d - 0x30 : (d | 0x20) - 0x57);
    }
  } else {
    // The reader accepted no other name than the five predefined ones.
    cp = predefinedCodeAt(text, amp);
  }
  return { cp, end: semi + 1 };
}

/**
 * Whether `value` is what the raw text at `[from, to)` decodes to (as element text, or as an attribute value, which is
 * also normalised), compared as it is decoded: no decoded string is made.
 */
function decodesTo(value: unknown, text: string, from: number, to: number, attribute: boolean): boolean {
  if (typeof value !== 'string') return false;
  // Decoding and normalisation never lengthen; a reference always shortens. So a value as long as the raw text is
  // either the raw text itself with nothing to decode, or (an attribute) the raw text with tabs and line ends as spaces.
  if (value.length === to - from && text.startsWith(value, from)) return literal(value, attribute);
  if (value.length > to - from || (value.length === to - from && !attribute)) return false;
  let j = 0;
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c === 0x26) {
      const { cp, end } = referenceAt(text, i);
      if (cp > 0xffff) {
        if (value.codePointAt(j) !== cp) return false;
        j += 2;
      } else {
        if (value.charCodeAt(j) !== cp) return false;
        j++;
      }
      i = end;
    } else if (attribute && (c === 0x09 || c === 0x0a || c === 0x0d)) {
      // Attribute-value normalisation: a literal tab or line end (CR LF counting as one) is a space.
      if (value.charCodeAt(j) !== 0x20) return false;
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

/** Whether `value` is what a value element's content at `[from, to)` (text and CDATA sections) says. */
export function contentSays(value: unknown, text: string, from: number, to: number): boolean {
  if (typeof value !== 'string') return false;
  const lt = text.indexOf('<', from);
  if (lt === -1 || lt >= to) return decodesTo(value, text, from, to, false);
  return contentValueAt(text, from, to) === value;
}

/** Whether a leaf read at `start` (ending at `end`) still has its kind, value and (an instruction) target. */
export function leafSays(node: Leaf, text: string, start: number, end: number): boolean {
  const kind = leafKindAt(text, start);
  if (node.kind !== kind) return false;
  switch (kind) {
    case 'text':
      return decodesTo(node.value, text, start, end, false);
    case 'comment':
      return sameSlice(node.value, text, start + 4, end - 3);
    case 'cdata':
      return sameSlice(node.value, text, start + 9, end - 3);
    case 'instruction': {
      const target = (node as { target: unknown }).target;
      return typeof target === 'string' && nameEndsAt(text, start + 2, target) && sameSlice(node.value, text, instructionValueAt(start + 2 + target.length, end), end - 2);
    }
  }
}

function sameSlice(value: unknown, text: string, from: number, to: number): boolean {
  return typeof value === 'string' && value.length === to - from && text.startsWith(value, from);
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
