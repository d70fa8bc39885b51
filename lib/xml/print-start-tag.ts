/**
 * Start tags the writer prints afresh: a new element's, in the document's style, and an edited one's, which keeps the
 * spelling and spacing of every attribute that did not change (so one edited attribute is one changed region).
 */
import { decodeEntities, normalizeAttributeRaw } from './entities.js';
import { escapeAttribute } from './escape-text.js';
import { endOf, isSourcedElement, type Source, sourceOf, startOf, startTagEndOf } from './origin.js';
import type { EmptyForm, WriteStyle } from './style.js';
import type { XmlElement as Element } from './types.js';

/** Escaped text or an attribute value made writable in the document's encoding (see the printer's `encodable`). */
export type Encodable = (escaped: string) => string;

/**
 * How ConfigMgr writes an empty element of these tags (`<variable …></variable>`, `<reference …/>`), which a document
 * with no example of its own gets rather than the form most of its tags use: a new document's only empty element is
 * its `<sequence></sequence>`, which made every new reference `<reference …></reference>`.
 */
const CONFIGMGR_EMPTY: ReadonlyMap<string, EmptyForm> = new Map([
  ['variable', 'pair'],
  ['reference', '/>'],
]);

/** How an empty element with `tag` is written where the document gives no example of its own. */
export function emptyForm(style: WriteStyle, tag: string): EmptyForm {
  return style.emptyByTag.get(tag) ?? CONFIGMGR_EMPTY.get(tag) ?? style.emptyDefault;
}

/** The start tag of an element printed afresh (its end tag too when it is `empty` and written as a pair). */
export function freshStartTag(node: Element, empty: boolean, style: WriteStyle, encodable: Encodable): string {
  const q = style.quote;
  let s = `<${node.tag}`;
  for (const name in node.attributes) s += ` ${name}=${q}${encodable(escapeAttribute(node.attributes[name] as string, q))}${q}`;
  if (!empty) return `${s}>`;
  const form = emptyForm(style, node.tag);
  return form === 'pair' ? `${s}></${node.tag}>` : s + form;
}

/** Reprints an edited start tag, keeping the spelling and spacing of every attribute that did not change. */
export function editedStartTag(node: Element, src: Source, startTagEnd: number, selfClose: boolean, style: WriteStyle, encodable: Encodable): string {
  const text = src.text;
  const start = startOf(node);
  const spans = scanAttributes(text, start + 1 + node.tag.length, startTagEnd);
  const byName = new Map(spans.map((a) => [a.name, a]));
  const q = spans[0]?.quote ?? style.quote;
  let s = `<${node.tag}`;
  for (const name in node.attributes) {
    const value = node.attributes[name] as string;
    const a = byName.get(name);
    if (!a) s += ` ${name}=${q}${encodable(escapeAttribute(value, q))}${q}`;
    else if (a.value === value) s += text.slice(a.wsStart, a.valueEnd + 1);
    else s += text.slice(a.wsStart, a.valueStart) + encodable(escapeAttribute(value, a.quote)) + a.quote;
  }
  const tailStart = spans.length ? (spans[spans.length - 1] as AttributeSpan).valueEnd + 1 : start + 1 + node.tag.length;
  let tail = text.slice(tailStart, startTagEnd);
  if (startTagEnd === endOf(node) && !selfClose) tail = tail.replace(/[ \t\r\n]*\/>$/, '>');
  return s + tail;
}

/**
 * The value attribute `name` of `node` was read with, from its start tag in the text; undefined for an element made
 * since, or one that was read without it. An edit's look back at the file (see setEnabled), not the writer's.
 */
export function attributeAsRead(node: Element, name: string): string | undefined {
  const src = isSourcedElement(node) ? sourceOf(node) : undefined;
  if (!src) return undefined;
  return scanAttributes(src.text, startOf(node) + 1 + node.tag.length, startTagEndOf(node)).find((a) => a.name === name)?.value;
}

interface AttributeSpan {
  name: string;
  value: string;
  /** Offset of the whitespace before the name. */
  wsStart: number;
  /** Offset just after the opening quote. */
  valueStart: number;
  /** Offset of the closing quote. */
  valueEnd: number;
  quote: '"' | "'";
}

/** Re-scans the attributes of a start tag already known to be well-formed (the edit path only). */
function scanAttributes(text: string, from: number, to: number): AttributeSpan[] {
  const spans: AttributeSpan[] = [];
  // XML white space only: `\s` also matches U+1680 and U+FEFF, which a name may hold (the scan then stopped short,
  // and the attributes after such a name were printed twice).
  const re = /([ \t\r\n]+)([^ \t\r\n=/>]+)[ \t\r\n]*=[ \t\r\n]*(["'])/y;
  let at = from;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || m.index >= to) break;
    const quote = m[3] as '"' | "'";
    const valueStart = re.lastIndex;
    const valueEnd = text.indexOf(quote, valueStart);
    spans.push({ name: m[2] as string, value: decodeForCompare(text.slice(valueStart, valueEnd)), wsStart: at, valueStart, valueEnd, quote });
    at = valueEnd + 1;
  }
  return spans;
}

/** The value as the parser decoded it, to tell an unchanged attribute from an edited one. */
function decodeForCompare(raw: string): string {
  const normalised = normalizeAttributeRaw(raw);
  return normalised.indexOf('&') === -1 ? normalised : decodeEntities(normalised);
}
