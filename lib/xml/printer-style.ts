/**
 * What the printer prints afresh, and in what form: the document's writing style (learnt from its text once), its
 * newline, references for what its single-byte encoding cannot hold, and whether another document's text can be copied
 * into it. The walk over the tree, and what it copies, is printer.ts's.
 */
import type { XmlElement as Element, XmlNode as Node, XmlDocument } from './types.js';
import { cdataSection, escapeText, type Newline, withNewline } from './escape-text.js';
import { type Source, sourceOf } from './origin.js';
import { styleOf, type WriteStyle } from './style.js';
import type { TextEncodingInfo } from './encoding-name.js';
import { firstUnencodable, referenceUnencodable, type SingleByteEncoding, singleByteOf } from './single-byte.js';
import type { Out } from './print-out.js';
import { Fault, unknownKind } from './print-faults.js';

/** The printer's means of printing afresh (see the module comment); what a fault throws is the printer's to say. */
export abstract class PrintStyle {
  private styleCache: WriteStyle | undefined;

  constructor(
    protected readonly doc: XmlDocument,
    /** The encoding the text is written in: a single-byte one has references for what it cannot hold. */
    encoding: TextEncodingInfo | undefined,
    /** How an LF printed afresh is written; default the document's. */
    private readonly newlineOption: Newline | undefined,
  ) {
    this.singleByte = singleByteOf(encoding);
    this.own = sourceOf(doc);
  }

  protected readonly singleByte: SingleByteEncoding | undefined;

  /** Sources other than the document's own, and whether their text can be copied into it (see {@link copyable}). */
  private foreign: Map<Source, boolean> | undefined;

  /** The document's own source, if it was read: its nodes are copied as written. */
  protected readonly own: Source | undefined;

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
      // A text with no line end between elements that is to write them as its holder does (an embedded sequence on
      // one line, in a CR LF file) is compared as that newline.
      const mine = this.style.newline === '' ? (this.newlineOption ?? '') : this.style.newline;
      const theirs = src.tally.style().newline;
      const sameLineEnds = this.own === undefined || (mine !== '' && theirs !== '' ? mine === theirs : src.cr === this.own.cr);
      fits = sameLineEnds && (this.singleByte === undefined || firstUnencodable(src.text, this.singleByte) === undefined);
      this.foreign.set(src, fits);
    }
    return fits ? src : undefined;
  }

  /** Escaped text or an attribute value, with references for the characters a single-byte document cannot hold. */
  protected readonly encodable = (escaped: string): string => referenceUnencodable(escaped, this.singleByte);

  protected get style(): WriteStyle {
    return (this.styleCache ??= styleOf(this.doc));
  }

  /** White space printed afresh (repeats are many, and share one string). */
  private readonly blanks = new Map<string, string>();

  /** White space as written afresh: each LF as the document's newline, a CR as `&#xD;` (so it reads back). */
  protected blank(value: string): string {
    if (value.indexOf('\n') === -1 && value.indexOf('\r') === -1) return value;
    if (value.length > 64) return escapeText(value, this.style, this.newline);
    let s = this.blanks.get(value);
    if (s === undefined) this.blanks.set(value, (s = escapeText(value, this.style, this.newline)));
    return s;
  }

  /** How an LF in a value printed afresh is written: as the document writes its lines. */
  protected get newline(): Newline {
    return this.newlineOption ?? (this.style.newline === '' ? '\n' : this.style.newline);
  }

  protected freshLeaf(node: Exclude<Node, Element>): string {
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
  protected lines(value: unknown): string {
    return typeof value === 'string' ? withNewline(value, this.newline) : String(value);
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

  /** What to throw for `fault`: the printer decides (itself, or OUTPUT_MALFORMED with the node's path). */
  abstract fault(fault: Fault): Error;
}
