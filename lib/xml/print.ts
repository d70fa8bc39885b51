/**
 * The writer: copies the source text of every node that still matches what was read, and prints only what was edited
 * or added. With no edit the output is the input text; with one edit exactly one region differs.
 */
import type { XmlNode as Node, XmlDocument } from './types.js';
import type { Newline } from './escape-text.js';
import { endOf, sourceOf, startOf } from './origin.js';
import { leafSays } from './unchanged.js';
import { isBlank } from './chars.js';
import { declarationDisagreement } from './declared-encoding.js';
import type { TextEncodingInfo } from './encoding-name.js';
import { LineCounter } from '../errors.js';
import { anchor, Out } from './print-out.js';
import { Fault, outputError, outputMalformed } from './print-faults.js';
import { Printer } from './printer.js';
import { EditedSpans, type EditScope } from './edited-spans.js';

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
  /**
   * Every edit of the document since it was read, each as where it may have changed the tree
   * ({@link printCheckedDocument} only): every other element of the document's own text is copied as read, not
   * looked at. Only for a caller that made all the edits itself: one not named is not written. Default: every node
   * is compared with what it was read as.
   */
  edited?: readonly EditScope[];
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
  const src = sourceOf(doc);
  if (options.edited && src) printer.copyUnedited(new EditedSpans(src, options.edited));
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
export function printNode(node: Node, doc: XmlDocument, options: Pick<PrintOptions, 'newline' | 'heldIn'> = {}): string {
  const out = new Out();
  new Printer(doc, undefined, false, options.heldIn, options.newline).node(node, out);
  return out.finish();
}
