/**
 * What the checking writer refuses, and how it says where: the fault it finds as it prints (an offset in the output
 * and the node at fault), the checks of what it prints afresh (leaves, start tags, a declaration), the error it throws
 * with the node's XPath, and the node an error was about, for a caller that can place it in the file the node was
 * read from.
 */
import { TaskSequenceError } from '../errors.js';
import { INVALID_CHAR, isXmlName } from './chars.js';
import { readDeclaration } from './declaration.js';
import type { Out } from './print-out.js';
import { firstUnencodable, type SingleByteEncoding } from './single-byte.js';
import type { XmlDocument, XmlElement as Element, XmlNode as Node } from './types.js';

/** The node each `OUTPUT_MALFORMED` error of the printer is about (see {@link faultNodeOf}). */
const faultNodes = new WeakMap<TaskSequenceError, object>();

/** `OUTPUT_MALFORMED` with `path` as data, remembering the node at fault (if it is one) for {@link faultNodeOf}. */
export function outputMalformed(message: string, path: string, node: unknown): TaskSequenceError {
  return outputError('OUTPUT_MALFORMED', message, path, node);
}

/** An error of the printer with `path` as data, remembering the node at fault (if it is one) for {@link faultNodeOf}. */
export function outputError(code: 'OUTPUT_MALFORMED' | 'ENCODING_INVALID' | 'XML_TOO_DEEP', message: string, path: string, node: unknown): TaskSequenceError {
  const error = new TaskSequenceError(code, message, { path });
  if (typeof node === 'object' && node !== null) faultNodes.set(error, node);
  return error;
}

/**
 * The node an `OUTPUT_MALFORMED` (or `ENCODING_INVALID`, `XML_TOO_DEEP`) error of the printer is about (the element,
 * for one of its attributes), so a caller that knows where the node was read can place the error in its file;
 * undefined for another error, or when the fault is the document's (no root element) or a child that is no node.
 */
export function faultNodeOf(error: unknown): Node | undefined {
  return error instanceof TaskSequenceError ? (faultNodes.get(error) as Node | undefined) : undefined;
}

/** What an XPath step calls a node: its tag (`*` for one that is no name), or the node test of its kind. */
function xpathType(n: unknown): string {
  if (typeof n !== 'object' || n === null) return 'node()';
  if ('tag' in n) return typeof n.tag === 'string' && isXmlName(n.tag) ? n.tag : '*';
  const { kind, target } = n as { kind?: unknown; target?: unknown };
  if (kind === 'text' || kind === 'cdata') return 'text()';
  if (kind === 'comment') return 'comment()';
  if (kind === 'instruction') return typeof target === 'string' && isXmlName(target) ? `processing-instruction('${target}')` : 'processing-instruction()';
  return 'node()';
}

/**
 * One step of an XPath to `list[index]`: `tag[n]` for an element (the n-th child element of that tag), `text()[n]`
 * (adjacent text and CDATA are one text node in XPath), `comment()[n]`, `processing-instruction('target')[n]`, and
 * `node()[n]` for anything else; `*[n]` for an element whose tag is no name.
 */
function xpathStep(list: readonly unknown[], index: number): string {
  const own = xpathType(list[index]);
  let n = 0;
  let previous = '';
  for (let i = 0; i <= index; i++) {
    const t = xpathType(list[i]);
    const element = typeof list[i] === 'object' && list[i] !== null && 'tag' in (list[i] as object);
    // Counted as XPath counts: every node for node(), every element for *, and a run of text and CDATA once.
    if ((own === 'node()' || t === own || (own === '*' && element)) && !(own === 'text()' && previous === 'text()')) n++;
    previous = t;
  }
  return `${own}[${n}]`;
}

/**
 * Where a checking printer found that its output would not be well-formed, and why: the offset in the output, and the
 * node at fault (with the attribute, when it is one of its attributes), from which the error's path is made.
 */
export class Fault extends Error {
  constructor(
    readonly at: number,
    message: string,
    readonly node?: unknown,
    readonly attribute?: string,
    /** The node's index among its parent's children, when the node is no object (so it cannot be looked for). */
    readonly index = -1,
    /** Well-formed text that the document's encoding cannot hold is `ENCODING_INVALID`, as the encoder says it. */
    readonly code: 'OUTPUT_MALFORMED' | 'ENCODING_INVALID' | 'XML_TOO_DEEP' = 'OUTPUT_MALFORMED',
  ) {
    super(message);
  }
}

/**
 * A fault for the first character XML does not allow in `value`, if any, or for a value that is no string (a number,
 * null or none would print as `5`, `null` or `undefined`, which read back as a string or, after an instruction's
 * target, as part of the target).
 */
export function badChar(value: unknown, at: number, node: Node, attribute?: string): Fault | undefined {
  if (typeof value !== 'string') return new Fault(at, `A value is ${value === null ? 'null' : typeof value}, not a string, so it cannot be written as XML.`, node, attribute);
  if (!INVALID_CHAR.test(value)) return undefined;
  const i = value.search(INVALID_CHAR);
  return new Fault(at, `Character U+${value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML.`, node, attribute);
}

export function unknownKind(node: { kind: unknown }): string {
  return `${JSON.stringify(node.kind) ?? 'undefined'} is no kind of node: an element has a tag, and a leaf is a text, comment, cdata or instruction.`;
}

/** Judges a leaf printed afresh: its kind, its characters, and what a comment or an instruction may not hold. */
export function checkFreshLeaf(node: Exclude<Node, Element>, at: number): void {
  const kind: unknown = node.kind;
  if (kind !== 'text' && kind !== 'comment' && kind !== 'cdata' && kind !== 'instruction') throw new Fault(at, unknownKind(node), node);
  const fault = badChar(node.value, at, node);
  if (fault) throw fault;
  if (node.kind === 'comment' && typeof node.value === 'string' && (node.value.includes('--') || node.value.endsWith('-'))) {
    throw new Fault(at, "'--' is not allowed inside a comment.", node);
  }
  // A reader takes a literal CR for a line end (XML 1.0 §2.11) and gives an LF, and a comment or an instruction
  // cannot hold the reference (`&#xD;`) that text and CDATA write for one: written, it would read back as another
  // value than the one given. Refused rather than made an LF without a word.
  if ((node.kind === 'comment' || node.kind === 'instruction') && typeof node.value === 'string' && node.value.includes('\r')) {
    throw new Fault(at, `A ${node.kind === 'comment' ? 'comment' : 'processing instruction'} cannot hold a carriage return (U+000D): a reader takes it for a line end, and no character reference can stand for it there.`, node);
  }
  if (node.kind === 'instruction') {
    if (typeof node.target !== 'string' || !isXmlName(node.target)) throw new Fault(at, `${JSON.stringify(node.target)} is not an XML name, so it cannot be a processing instruction's target.`, node);
    if (typeof node.value === 'string' && node.value.includes('?>')) throw new Fault(at, "'?>' is not allowed inside a processing instruction.", node);
  }
}

/**
 * Text copied from its source after other text: where the two meet they must not spell `]]>`, which text may not
 * hold (text printed afresh has every `>` escaped, so only a copy can start one).
 */
export function checkJoin(node: Node, text: string, start: number, out: Out): void {
  const c0 = text.charCodeAt(start);
  const meets = c0 === 0x3e ? out.charBack(1) === 0x5d && out.charBack(2) === 0x5d : c0 === 0x5d && text.charCodeAt(start + 1) === 0x3e && out.charBack(1) === 0x5d;
  if (meets) throw new Fault(out.length, "']]>' is not allowed in text (two texts that now meet spell it).", node);
}

/**
 * Refuses markup printed afresh that holds a character the document's single-byte encoding has no byte for, where no
 * character reference can stand for it (a name, a comment, an instruction): found here, the refusal has a place.
 */
export function checkEncodable(singleByte: SingleByteEncoding | undefined, text: string, what: string, node: Node, at: number, attribute?: string): void {
  const cp = singleByte === undefined ? undefined : firstUnencodable(text, singleByte);
  if (cp === undefined) return;
  const hex = cp.toString(16).toUpperCase();
  const message = `Character U+${hex.padStart(4, '0')} cannot be written in ${(singleByte as string).toUpperCase()}, the document's encoding, and ${what} cannot hold a character reference; convert the document to UTF-8.`;
  throw new Fault(at, message, node, attribute, -1, 'ENCODING_INVALID');
}

/** Judges the names and values of a start tag printed afresh. */
export function checkStartTag(node: Element, at: number, singleByte: SingleByteEncoding | undefined): void {
  if (typeof node.tag !== 'string' || !isXmlName(node.tag)) throw new Fault(at, `${JSON.stringify(node.tag)} is not an XML name, so it cannot be an element's tag.`, node);
  checkEncodable(singleByte, node.tag, 'a name', node, at);
  // null or a number has no names to print: written, the element lost every attribute it had without a word.
  const attributes: unknown = node.attributes;
  if (typeof attributes !== 'object' || attributes === null) throw new Fault(at, `The attributes of <${node.tag}> are ${attributes === null ? 'null' : typeof attributes}, not an object of names and values (give {} for none).`, node);
  for (const name in node.attributes) {
    if (!isXmlName(name)) throw new Fault(at, `${JSON.stringify(name)} is not an XML name, so it cannot be an attribute of <${node.tag}>.`, node, name);
    checkEncodable(singleByte, name, 'a name', node, at, name);
    const fault = badChar(node.attributes[name], at, node, name);
    if (fault) throw fault;
  }
}

/**
 * An instruction named `xml` (in any case) is a declaration, allowed only as the document's very first text (or where
 * `declarationAt` says an embedded sequence's may stand) and only as the declaration's grammar says; `printed` is
 * the instruction as it would be printed.
 */
export function checkDeclarationPlace(node: Extract<Node, { kind: 'instruction' }>, at: number, declarationAt: number, printed: () => string): void {
  if (typeof node.target !== 'string' || node.target.toLowerCase() !== 'xml') return;
  const first = (at === 0 || at === declarationAt) && node.target === 'xml';
  if (!first) throw new Fault(at, `${node.target === 'xml' ? 'An XML declaration is' : `The name <?${node.target} is reserved: a processing instruction target`} allowed only at the very start of the document.`, node);
  if (!readDeclaration(printed())) {
    throw new Fault(at, 'The XML declaration is not well-formed: it is <?xml version="1.x" [encoding="…"] [standalone="yes|no"]?>, in that order, with matching quotes.', node);
  }
}

/**
 * The XPath of the node a fault is about, in `doc` as it is being printed (`open`: the elements whose children are
 * being printed, in order, the ancestors of the node): `/sequence/group[2]/step[1]/@name`. Made only for an error, so
 * it may look siblings up.
 */
export function faultPath(doc: XmlDocument, open: Iterable<Node>, fault: Fault): string {
  return xpathOf(doc.children, open, fault.node, fault.index, fault.attribute);
}

/**
 * The XPath of `node` under a parent whose children are `top`, through `open` (its ancestors below that parent, in
 * order): a step per ancestor, then the node's own, by `index` among its parent's children when given (-1: looked
 * up), then `@attribute`. Made only for an error, so it may look siblings up.
 */
export function xpathOf(top: readonly unknown[], open: Iterable<unknown>, node: unknown, index = -1, attribute?: string): string {
  let path = '';
  let siblings: readonly unknown[] = top;
  for (const element of open) {
    path += `/${xpathStep(siblings, siblings.indexOf(element))}`;
    siblings = Array.isArray((element as { children?: unknown }).children) ? (element as { children: unknown[] }).children : [];
  }
  if (node !== undefined || index !== -1) {
    const at = index !== -1 ? index : siblings.indexOf(node);
    // A node printed on its own (printNode) need not be among the document's children: it is then the whole path.
    path += `/${at === -1 ? xpathStep([node], 0) : xpathStep(siblings, at)}`;
  }
  if (attribute !== undefined) {
    const attributes = (node as Element).attributes;
    path += `/${isXmlName(attribute) ? `@${attribute}` : `@*[${Object.keys(attributes).indexOf(attribute) + 1}]`}`;
  }
  return path || '/';
}
