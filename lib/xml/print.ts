/**
 * The writer: copies the source text of every node that still matches what was read, and prints only what was edited
 * or added. With no edit the output is the input text; with one edit exactly one region differs.
 */
import type { XmlElement as Element, XmlNode as Node, XmlDocument } from './types.js';
import { cdataSection, decodeEntities, escapeAttribute, escapeText, type Newline, normalizeAttributeRaw, withNewline } from './entities.js';
import { contentEndAt, endOf, isSourcedElement, isSourcedValueElement, type Source, sourceOf, startOf, startTagEndAt } from './origin.js';
import { contentSays, leafSays, startTagSays, tagSays } from './unchanged.js';
import { type EmptyForm, styleOf, type WriteStyle } from './style.js';
import { isBlank, isXmlName } from './chars.js';
import { readDeclaration } from './declaration.js';
import { declarationDisagreement, type TextEncodingInfo } from './codec.js';
import { firstUnencodable, referenceUnencodable, type SingleByteEncoding } from './single-byte.js';
import { LineCounter } from '../errors.js';
import { anchor, Out } from './print-out.js';
import { badChar, checkFreshLeaf, checkJoin, Fault, outputError, outputMalformed, unknownKind, xpathStep } from './print-faults.js';

/** Options for {@link printDocument}. */
export interface PrintOptions {
  /** Raw text to write instead of a node (used to put an edited embedded sequence back into its CDATA). */
  overrides?: Map<Node, string>;
  /**
   * The encoding the text is to be written in ({@link printCheckedDocument} only): a reader must find it again from
   * the bytes, so the declaration may not name another, and UTF-16 with no byte order mark must start with `<`.
   */
  encoding?: TextEncodingInfo;
  /**
   * The encoding of the document that holds this text (an embedded sequence; {@link printCheckedDocument} only): a
   * character a single-byte one has no byte for is printed as a reference, as in that document's own values, and
   * refused where none can stand. Unlike {@link PrintOptions.encoding}, the text's own declaration is not held to it
   * (a sequence held in an object.xml may say `utf-16`: the outer document's bytes are what is decoded).
   */
  heldIn?: TextEncodingInfo;
  /**
   * The text is held inside another document (an embedded sequence; {@link printCheckedDocument} only): as the reader
   * allows there, an XML declaration may follow white space and comments before the root. Default false.
   */
  embedded?: boolean;
  /**
   * How an LF in a value printed afresh is written; default: as the document writes its lines (`\r\n` when most of
   * its line ends between elements are CR LF), else as an LF. A reader gives an LF for either.
   */
  newline?: Newline;
  /**
   * The deepest nesting of elements the text may have ({@link printCheckedDocument} only): the `maxDepth` of the reader
   * that is to read it back, which refuses deeper text. Deeper is refused with `XML_TOO_DEEP`. Default: no limit.
   */
  maxDepth?: number;
}

/**
 * The output of a document, its copy of the source anchored at the start: white space before the first node (which
 * the reader keeps with no place in the file, as all white space between elements) is then copied as written while
 * it still says what it said, as it is after an element. Printed afresh, a CR before the root in a file of LFs was
 * written as an LF.
 */
function startOut(doc: XmlDocument): Out {
  const out = new Out();
  const src = sourceOf(doc);
  if (src) anchor(out, src, 0);
  return out;
}

/** Prints a document tree back to text. */
export function printDocument(doc: XmlDocument, options: PrintOptions = {}): string {
  const printer = new Printer(doc, options.overrides, false, undefined, options.newline);
  const out = startOut(doc);
  doc.children.forEach((child, i) => printer.node(child, out, i));
  return out.finish();
}

/**
 * Prints a document that is about to be written, judging as it goes that the text is well-formed XML; throws
 * `OUTPUT_MALFORMED` (with the line and column in the output) where it is not. Only what is printed afresh needs
 * judging: what is copied was read from a well-formed text and still says what it said there, so a copied element is
 * a whole element and a copied leaf a whole leaf. What is judged: the names, characters, comments and instructions
 * printed; one root element with only white space, comments and instructions around it; an XML declaration only at
 * the very start; and text joined to text, where `]]` and `>` would meet. (A property test holds this judge to the
 * parser's own on printed text.)
 */
export function printCheckedDocument(doc: XmlDocument, what: string, options: PrintOptions = {}): string {
  const printer = new Printer(doc, options.overrides, true, options.encoding ?? options.heldIn, options.newline);
  if (options.maxDepth !== undefined) printer.maxDepth = options.maxDepth;
  const out = startOut(doc);
  let roots = 0;
  // Where a declaration may stand: only the very start, or (embedded) anywhere before the root after white space and
  // comments only.
  let prologue = true;
  let text: string;
  try {
    const items = doc.children as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const child = printer.nodeOrFault(item, undefined, i, out);
      printer.declarationAt = out.length === 0 || (options.embedded === true && prologue) ? out.length : -1;
      if ('tag' in child || (child.kind !== 'text' && child.kind !== 'comment')) prologue = false;
      // Raw text written instead of a node (an edited embedded sequence) is text or CDATA, whatever the node now says.
      if (options.overrides?.has(child)) throw new Fault(out.length, roots ? 'Text after the root element (the edited embedded sequence).' : 'Text before the root element (the edited embedded sequence).', child);
      if ('tag' in child) {
        if (++roots > 1) throw new Fault(out.length, 'A second root element; a document has exactly one.', child);
      } else if (child.kind === 'cdata') throw new Fault(out.length, 'CDATA section outside the root element.', child);
      else if (child.kind === 'text' && !isBlank(child.value)) throw new Fault(out.length, roots ? 'Text after the root element.' : 'Text before the root element.', child);
      else if (child.kind === 'text' && copiesReference(child, printer)) throw new Fault(out.length, 'A character reference outside the root element (only literal white space may stand there).', child);
      // Only literal white space may stand there, and a reader gives a literal CR as a line end: it would read back as an LF.
      else if (child.kind === 'text' && child.value.includes('\r')) throw new Fault(out.length, 'A carriage return outside the root element cannot be written: only literal white space may stand there, and a reader takes a literal CR for a line end.', child);
      printer.node(child, out, i);
    }
    if (!roots) throw new Fault(out.length, 'The document has no root element.');
    text = out.finish();
    if (options.encoding) {
      // Held to the declaration also when the document was read as a string that already disagreed with its encoding
      // (one naming an encoding cmts cannot write): its bytes would be refused, or read as other text, when read back.
      const why = declarationDisagreement(text, options.encoding);
      if (why) throw new Fault(0, why);
    }
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    const { line, col } = new LineCounter(out.finish()).linePos(e.at);
    if (e.code === 'XML_TOO_DEEP') throw outputError('XML_TOO_DEEP', `${what} would nest elements deeper than ${printer.maxDepth} levels (line ${line}, column ${col} of the output), which a reader with the limit it was read with (maxDepth) refuses. Nothing is written.`, printer.pathOf(e), e.node);
    if (e.code === 'ENCODING_INVALID') throw outputError('ENCODING_INVALID', `${what} cannot be written in its encoding (line ${line}, column ${col} of the output): ${e.message} Nothing is written.`, printer.pathOf(e), e.node);
    throw outputMalformed(`${what} would not be well-formed XML (line ${line}, column ${col} of the output): ${e.message} Nothing is written.`, printer.pathOf(e), e.node);
  }
  return text;
}

/**
 * Whether a blank text would be copied from a source that wrote it with a reference (`&#32;` read inside an element):
 * only literal white space may stand outside the root.
 */
function copiesReference(node: Extract<Node, { kind: 'text' }>, printer: Printer): boolean {
  // What the printer writes afresh (a node of another document that ends its lines otherwise) is literal white space.
  const src = printer.copyable(sourceOf(node));
  if (!src) return false;
  const start = startOf(node);
  const end = endOf(node);
  const amp = src.text.indexOf('&', start);
  return amp !== -1 && amp < end && leafSays(node, src, start, end);
}



/** Prints one node (and its subtree) the way {@link printDocument} would inside `doc`. */
export function printNode(node: Node, doc: XmlDocument, options: Pick<PrintOptions, 'newline'> = {}): string {
  const out = new Out();
  new Printer(doc, undefined, false, undefined, options.newline).node(node, out);
  return out.finish();
}

/**
 * What is left to write: a node, literal text, or a span of the source to copy (pushed as end, start, source, COPY).
 * The markers are told apart by identity, so the loop asks no node what properties it has.
 */
type Work = Node | string | Source | number | typeof LEAVE | typeof COPY | typeof BAD;

/** On `todo` after an element's children (itself under it): the element is no longer open. */
const LEAVE = { leave: true } as const;

/** On `todo` above a span to copy: the source, the start and the end are under it. */
const COPY = { copy: true } as const;

/** On `todo` in place of a child that is no node: its parent and its index are under it. */
const BAD = { bad: true } as const;

class Printer {
  private styleCache: WriteStyle | undefined;
  /** The elements whose children are being printed. */
  private readonly open = new Set<Node>();

  private readonly overrides: Map<Node, string> | undefined;
  /** The output length at which a checking printer allows an XML declaration (-1: nowhere but the start). */
  declarationAt = 0;
  /** The deepest nesting a checking printer allows (see {@link PrintOptions.maxDepth}). */
  maxDepth = Infinity;

  constructor(
    private readonly doc: XmlDocument,
    overrides: Map<Node, string> | undefined,
    /** Judge what is printed (see {@link printCheckedDocument}). */
    private readonly checking = false,
    /** The encoding the text is written in: a single-byte one has references for what it cannot hold. */
    encoding?: TextEncodingInfo,
    /** How an LF printed afresh is written (see {@link PrintOptions.newline}); default the document's. */
    private readonly newlineOption?: Newline,
  ) {
    // No lookup per node when there is nothing to look up.
    this.overrides = overrides?.size ? overrides : undefined;
    const e = encoding?.encoding;
    this.singleByte = e === 'iso-8859-1' || e === 'windows-1252' || e === 'us-ascii' ? e : undefined;
    this.own = sourceOf(doc);
  }

  private readonly singleByte: SingleByteEncoding | undefined;

  /** Sources other than the document's own, and whether their text can be copied into it (see {@link copyable}). */
  private foreign: Map<Source, boolean> | undefined;

  /** The document's own source, if it was read: its nodes are copied as written. */
  private readonly own: Source | undefined;

  /**
   * `src`, or undefined when its text cannot be copied as it is into this document: a node read from another
   * document (a step copied across) whose text ends its lines otherwise (CR LF in an LF document, or LF in a CR LF
   * one: a copy would mix them), or holds a character this single-byte document has no byte for, which a copy would
   * hold raw, and the encoder refuse. Printed afresh instead, such a node has this document's line ends and references
   * for those characters. Each source is looked at once, so the cost stays linear; a document's own text was decoded
   * from its encoding.
   */
  copyable(src: Source | undefined): Source | undefined {
    if (src === undefined || src === this.own) return src;
    this.foreign ??= new Map();
    let fits = this.foreign.get(src);
    if (fits === undefined) {
      // Compared as the two texts end their lines between elements; where either has no such line end (one line),
      // by whether its text holds a CR at all.
      const mine = this.style.newline;
      const theirs = src.tally.style().newline;
      const sameLineEnds = this.own === undefined || (mine !== '' && theirs !== '' ? mine === theirs : src.cr === this.own.cr);
      fits = sameLineEnds && (this.singleByte === undefined || firstUnencodable(src.text, this.singleByte) === undefined);
      this.foreign.set(src, fits);
    }
    return fits ? src : undefined;
  }

  /** Escaped text or an attribute value, with references for the characters a single-byte document cannot hold. */
  private encodable(escaped: string): string {
    return this.singleByte ? referenceUnencodable(escaped, this.singleByte) : escaped;
  }

  private get style(): WriteStyle {
    return (this.styleCache ??= styleOf(this.doc));
  }

  /** White space printed afresh (repeats are many, and share one string). */
  private readonly blanks = new Map<string, string>();

  /** White space as written afresh: each LF as the document's newline, a CR as `&#xD;` (so it reads back). */
  private blank(value: string): string {
    if (value.indexOf('\n') === -1 && value.indexOf('\r') === -1) return value;
    if (value.length > 64) return escapeText(value, this.style, this.newline);
    let s = this.blanks.get(value);
    if (s === undefined) this.blanks.set(value, (s = escapeText(value, this.style, this.newline)));
    return s;
  }

  /** How an LF in a value printed afresh is written: as the document writes its lines. */
  private get newline(): Newline {
    return this.newlineOption ?? (this.style.newline === '' ? '\n' : this.style.newline);
  }

  /**
   * Prints `root` and its subtree. Iterative (an explicit stack of what is left to write), so no depth the reader
   * allows can overflow the call stack.
   */
  node(root: Node, out: Out, index = -1): void {
    const todo: Work[] = [this.nodeOrFault(root, undefined, index, out)];
    while (todo.length) {
      const work = todo.pop() as Exclude<Work, number | Source>;
      if (typeof work === 'string') out.push(work);
      else if (work === COPY) out.copy(todo.pop() as Source, todo.pop() as number, todo.pop() as number);
      else if (work === LEAVE) this.open.delete(todo.pop() as Node);
      else if (work === BAD) {
        const parent = todo.pop() as Element & { children: unknown[] };
        const index = todo.pop() as number;
        this.nodeOrFault(parent.children[index], parent, index, out);
      } else this.one(work as Node, out, todo);
    }
  }

  /** Writes what `node` starts with; what follows its children goes on `todo` first, then the children in reverse. */
  private one(node: Node, out: Out, todo: Work[]): void {
    const override = this.overrides?.get(node);
    if (override !== undefined) {
      // The raw text is text or CDATA: written for a node that now says it is something else, it would read back as
      // another tree than the one written.
      if (this.checking && ('tag' in node || (node.kind !== 'text' && node.kind !== 'cdata'))) {
        throw new Fault(out.length, `The node that holds the embedded sequence is now ${'tag' in node ? 'an element' : `a ${node.kind}`}; the edited sequence can only be written as text or CDATA.`, node);
      }
      out.push(override);
      return;
    }
    if ('tag' in node) {
      this.element(node, out, todo);
      return;
    }
    if (this.checking && node.kind === 'instruction') this.checkDeclarationPlace(node, out);
    const src = this.copyable(sourceOf(node));
    if (src) {
      const start = startOf(node);
      const end = endOf(node);
      if (leafSays(node, src, start, end)) {
        if (this.checking && node.kind === 'text') checkJoin(node, src.text, start, out);
        out.copy(src, start, end);
        return;
      }
    }
    // White space extends the copy of the source it matches (it has no origin: see `xml/parse.ts`); elsewhere it is
    // written as any text is, each LF as the document's newline.
    if (node.kind === 'text' && isBlank(node.value)) {
      if (!out.extendOver(node.value)) out.push(this.blank(node.value));
      if (src) anchor(out, src, endOf(node));
    } else {
      if (this.checking) {
        checkFreshLeaf(node, out.length);
        if (node.kind === 'comment') this.checkEncodable(node.value, 'a comment', node, out);
        else if (node.kind === 'instruction') this.checkEncodable(node.target + node.value, 'a processing instruction', node, out);
      }
      out.push(this.freshLeaf(node));
      if (src) anchor(out, src, endOf(node));
    }
  }

  /** An instruction named `xml` (in any case) is a declaration, allowed only as the document's very first text. */
  private checkDeclarationPlace(node: Extract<Node, { kind: 'instruction' }>, out: Out): void {
    if (typeof node.target !== 'string' || node.target.toLowerCase() !== 'xml') return;
    const first = (out.length === 0 || out.length === this.declarationAt) && node.target === 'xml';
    if (!first) throw new Fault(out.length, `${node.target === 'xml' ? 'An XML declaration is' : `The name <?${node.target} is reserved: a processing instruction target`} allowed only at the very start of the document.`, node);
    if (!readDeclaration(this.freshLeaf(node))) {
      throw new Fault(out.length, 'The XML declaration is not well-formed: it is <?xml version="1.x" [encoding="…"] [standalone="yes|no"]?>, in that order, with matching quotes.', node);
    }
  }

  /**
   * Refuses markup printed afresh that holds a character the document's single-byte encoding has no byte for, where no
   * character reference can stand for it (a name, a comment, an instruction): found here, the refusal has a place.
   */
  private checkEncodable(text: string, what: string, node: Node, out: Out, attribute?: string): void {
    const cp = this.singleByte === undefined ? undefined : firstUnencodable(text, this.singleByte);
    if (cp === undefined) return;
    const hex = cp.toString(16).toUpperCase();
    const message = `Character U+${hex.padStart(4, '0')} cannot be written in ${(this.singleByte as string).toUpperCase()}, the document's encoding, and ${what} cannot hold a character reference; convert the document to UTF-8.`;
    throw new Fault(out.length, message, node, attribute, -1, 'ENCODING_INVALID');
  }

  /** Judges the names and values of a start tag printed afresh. */
  private checkStartTag(node: Element, out: Out): void {
    if (typeof node.tag !== 'string' || !isXmlName(node.tag)) throw new Fault(out.length, `${JSON.stringify(node.tag)} is not an XML name, so it cannot be an element's tag.`, node);
    this.checkEncodable(node.tag, 'a name', node, out);
    // null or a number has no names to print: written, the element lost every attribute it had without a word.
    const attributes: unknown = node.attributes;
    if (typeof attributes !== 'object' || attributes === null) throw new Fault(out.length, `The attributes of <${node.tag}> are ${attributes === null ? 'null' : typeof attributes}, not an object of names and values (give {} for none).`, node);
    for (const name in node.attributes) {
      if (!isXmlName(name)) throw new Fault(out.length, `${JSON.stringify(name)} is not an XML name, so it cannot be an attribute of <${node.tag}>.`, node, name);
      this.checkEncodable(name, 'a name', node, out, name);
      const fault = badChar(node.attributes[name], out.length, node, name);
      if (fault) throw fault;
    }
  }

  private freshLeaf(node: Exclude<Node, Element>): string {
    switch (node.kind) {
      case 'text':
        return this.encodable(escapeText(node.value, this.style, this.newline));
      case 'comment':
        return `<!--${this.lines(node.value)}-->`;
      case 'cdata':
        return cdataSection(node.value, this.singleByte, this.newline);
      case 'instruction':
        // One space separates any value from the target, and the reader takes exactly one character as the separator:
        // a value reads back as it was given, also one that starts with white space of its own.
        return `<?${node.target}${node.value === '' ? '' : ' '}${this.lines(node.value)}?>`;
      default:
        // A plain-data node can say any kind; one with no tag and none of the four has no markup to print.
        throw this.fault(new Fault(0, unknownKind(node), node));
    }
  }

  /**
   * A comment's or instruction's value with each LF as the document's newline. Neither can hold a reference, so a CR
   * is refused by the checking printer (see `checkFreshLeaf`); printed unjudged, it is written as it is. A value
   * that is no string is printed as it is too, for the checking printer to refuse.
   */
  private lines(value: unknown): string {
    return typeof value === 'string' ? withNewline(value, this.newline) : String(value);
  }

  private element(node: Element, out: Out, todo: Work[]): void {
    // Every element above this one is open (its children are being printed), so their number is this one's depth, as
    // the reader counts the elements still open at a start tag.
    if (this.checking && this.open.size >= this.maxDepth) throw new Fault(out.length, `<${node.tag}> is nested deeper than ${this.maxDepth} levels.`, node, undefined, -1, 'XML_TOO_DEEP');
    const src = isSourcedElement(node) ? this.copyable(sourceOf(node)) : undefined;
    const start = src ? startOf(node) : 0;
    if (this.checking && !('value' in node) && !Array.isArray((node as { children: unknown }).children)) throw new Fault(out.length, `<${node.tag}> has neither children (an array) nor a value.`, node);
    const empty = 'value' in node ? node.value === '' : node.children.length === 0;
    if (!src || !tagSays(node, src.text, start)) {
      if (this.checking) this.checkStartTag(node, out);
      out.push(this.freshStartTag(node, empty));
      // After an element read from source, printed afresh, the copy goes on where it ended (see `anchor`).
      if (empty) {
        if (src) anchor(out, src, endOf(node));
        return;
      }
      if (src) todo.push(endOf(node), endOf(node), src, COPY);
      todo.push(`</${node.tag}>`);
      this.content(node, undefined, 0, 0, out, todo);
      return;
    }
    const text = src.text;
    const end = endOf(node);
    let startTagEnd = startTagSays(node, text, start);
    const attrsSame = startTagEnd !== -1;
    if (!attrsSame) {
      startTagEnd = startTagEndAt(text, start);
      if (this.checking) this.checkStartTag(node, out);
    }
    if (startTagEnd === end) {
      if (empty) {
        if (attrsSame) out.copy(src, start, end);
        else {
          out.push(this.startTag(node, src, startTagEnd, true));
          anchor(out, src, end);
        }
        return;
      }
      out.push(this.startTag(node, src, startTagEnd, false));
      todo.push(end, end, src, COPY, `</${node.tag}>`);
      this.content(node, undefined, 0, 0, out, todo);
      return;
    }
    if (attrsSame) out.copy(src, start, startTagEnd);
    else {
      out.push(this.startTag(node, src, startTagEnd, false));
      anchor(out, src, startTagEnd);
    }
    const contentEnd = contentEndAt(text, startTagEnd, end);
    todo.push(end, contentEnd, src, COPY);
    this.content(node, src, startTagEnd, contentEnd, out, todo);
  }

  /**
   * The content of an element; `src` is set when the element was read from source with content at
   * `[from, to)`. Children go on `todo`.
   */
  private content(node: Element, src: Source | undefined, from: number, to: number, out: Out, todo: Work[]): void {
    if ('value' in node) {
      if (src && isSourcedValueElement(node) && contentSays(node.value, src, from, to)) {
        out.copy(src, from, to);
        return;
      }
      const wasCdata = src !== undefined && src.text.startsWith('<![CDATA[', from);
      const fault = this.checking ? badChar(node.value, out.length, node) : undefined;
      if (fault) throw fault;
      out.push(wasCdata ? cdataSection(node.value, this.singleByte, this.newline) : this.encodable(escapeText(node.value, this.style, this.newline)));
      return;
    }
    // An element inside itself (a plain-data tree can be made to hold itself) would be printed without end.
    if (this.open.has(node)) {
      throw this.fault(new Fault(out.length, `<${node.tag}> contains itself, so it has no end to print.`, node));
    }
    this.open.add(node);
    todo.push(node, LEAVE);
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child: unknown = children[i];
      // A child that is no node is refused where it would be printed, so the fault is placed in the output at its own
      // place, not at its parent's start tag: its index and parent go on `todo` under a marker.
      if (typeof child === 'object' && child !== null) todo.push(child as Node);
      else todo.push(i, node, BAD);
    }
  }

  /**
   * `value` when it is a node (an object); otherwise a fault. A string in `children` would be written as raw markup,
   * unjudged, and a number or null is no node at all.
   */
  nodeOrFault(value: unknown, parent: Element | undefined, index: number, out: Out): Node {
    if (typeof value === 'object' && value !== null) return value as Node;
    // The message is made only here: made for every child, it was a string per node printed.
    const message = `A child of ${parent ? `<${parent.tag}>` : 'the document'} is ${value === null ? 'null' : typeof value}, not a node, so it cannot be written.`;
    throw this.fault(new Fault(out.length, message, value, undefined, index));
  }

  /**
   * What to throw for `fault`: itself for a checking printer (its caller places it in the output), else
   * `OUTPUT_MALFORMED` with the path of the node at fault.
   */
  fault(fault: Fault): Error {
    if (this.checking) return fault;
    return outputMalformed(`${fault.message} Nothing is written.`, this.pathOf(fault), fault.node);
  }

  /**
   * The XPath of the node a fault is about, in the tree being printed (its ancestors are the elements still open, in
   * order): `/sequence/group[2]/step[1]/@name`. Made only for an error, so it may look siblings up.
   */
  pathOf(fault: Fault): string {
    let path = '';
    let siblings: unknown[] = this.doc.children;
    for (const open of this.open) {
      path += `/${xpathStep(siblings, siblings.indexOf(open))}`;
      siblings = Array.isArray((open as { children?: unknown }).children) ? (open as { children: unknown[] }).children : [];
    }
    if (fault.node !== undefined || fault.index !== -1) {
      const index = fault.index !== -1 ? fault.index : siblings.indexOf(fault.node);
      // A node printed on its own (printNode) need not be among the document's children: it is then the whole path.
      path += `/${index === -1 ? xpathStep([fault.node], 0) : xpathStep(siblings, index)}`;
    }
    if (fault.attribute !== undefined) {
      const attributes = (fault.node as Element).attributes;
      path += `/${isXmlName(fault.attribute) ? `@${fault.attribute}` : `@*[${Object.keys(attributes).indexOf(fault.attribute) + 1}]`}`;
    }
    return path || '/';
  }

  private emptyForm(tag: string): EmptyForm {
    // With no empty <variable> to learn from, write it as ConfigMgr does (`<variable …></variable>`).
    return this.style.emptyByTag.get(tag) ?? (tag === 'variable' ? 'pair' : this.style.emptyDefault);
  }

  private freshStartTag(node: Element, empty: boolean): string {
    const q = this.style.quote;
    let s = `<${node.tag}`;
    for (const name in node.attributes) s += ` ${name}=${q}${this.encodable(escapeAttribute(node.attributes[name] as string, q))}${q}`;
    if (!empty) return `${s}>`;
    const form = this.emptyForm(node.tag);
    return form === 'pair' ? `${s}></${node.tag}>` : s + form;
  }

  /** Reprints an edited start tag, keeping the spelling and spacing of every attribute that did not change. */
  private startTag(node: Element, src: Source, startTagEnd: number, selfClose: boolean): string {
    const text = src.text;
    const start = startOf(node);
    const spans = scanAttributes(text, start + 1 + node.tag.length, startTagEnd);
    const byName = new Map(spans.map((a) => [a.name, a]));
    const q = spans[0]?.quote ?? this.style.quote;
    let s = `<${node.tag}`;
    for (const name in node.attributes) {
      const value = node.attributes[name] as string;
      const a = byName.get(name);
      if (!a) s += ` ${name}=${q}${this.encodable(escapeAttribute(value, q))}${q}`;
      else if (a.value === value) s += text.slice(a.wsStart, a.valueEnd + 1);
      else s += text.slice(a.wsStart, a.valueStart) + this.encodable(escapeAttribute(value, a.quote)) + a.quote;
    }
    const tailStart = spans.length ? (spans[spans.length - 1] as AttributeSpan).valueEnd + 1 : start + 1 + node.tag.length;
    let tail = text.slice(tailStart, startTagEnd);
    if (startTagEnd === endOf(node) && !selfClose) tail = tail.replace(/[ \t\r\n]*\/>$/, '>');
    return s + tail;
  }
}

/** Why a node with no tag and a kind that is none of the four leaf kinds cannot be written. */

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

