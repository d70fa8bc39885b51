/**
 * The printer behind `print.ts`: walks a tree with an explicit stack, copies the source text of every node that still
 * says what it was read as, and prints the rest afresh in the document's style; as a checking printer it also judges
 * what it prints (see `print-faults.ts`).
 */
import type { XmlElement as Element, XmlNode as Node, XmlDocument } from './types.js';
import { cdataSection, escapeText, type Newline } from './escape-text.js';
import { endOf, isSourcedElement, isSourcedValueElement, type Source, sourceOf, startOf } from './origin.js';
import { contentEndAt, startTagEndAt } from './start-tag-end-at.js';
import { contentSays, leafSays, startTagSays, tagSays } from './unchanged.js';
import { isBlank } from './chars.js';
import type { TextEncodingInfo } from './encoding-name.js';
import { anchor, type Out } from './print-out.js';
import { badChar, checkDeclarationPlace, checkEncodable, checkFreshLeaf, checkJoin, checkStartTag, Fault, faultPath, outputMalformed } from './print-faults.js';
import { editedStartTag, freshStartTag } from './print-start-tag.js';
import { type EditedSpans, UneditedCopies } from './edited-spans.js';
import { PrintStyle } from './printer-style.js';
import { BAD, COPY, copyLayoutBefore, LEAVE, type Work } from './print-work.js';
import { OpenElements } from './open-elements.js';

export class Printer extends PrintStyle {
  /** The elements whose children are being printed, outermost first. */
  private readonly open = new OpenElements();

  private readonly overrides: Map<Node, string> | undefined;
  /** The output length at which a checking printer allows an XML declaration (-1: nowhere but the start). */
  declarationAt = 0;
  /** The deepest nesting a checking printer allows (see {@link PrintOptions.maxDepth}). */
  maxDepth = Infinity;

  constructor(
    doc: XmlDocument,
    overrides: Map<Node, string> | undefined,
    /** Judge what is printed (see {@link printCheckedDocument}). */
    private readonly checking = false,
    /** The encoding the text is written in: a single-byte one has references for what it cannot hold. */
    encoding?: TextEncodingInfo,
    /** How an LF printed afresh is written (see {@link PrintOptions.newline}); default the document's. */
    newlineOption?: Newline,
  ) {
    super(doc, encoding, newlineOption);
    // No lookup per node when there is nothing to look up.
    this.overrides = overrides?.size ? overrides : undefined;
  }

  /**
   * Where the document's edits since it was read are, when its caller knows them all (see {@link copyUnedited}):
   * every other element of its own text is copied whole, unlooked at.
   */
  private edited: UneditedCopies | undefined;

  /**
   * Copies, whole and unlooked at, every element of the document's own text that `spans` say no edit touched (and
   * that stands where it was read): for a caller that made every edit since the read itself and named each one. An
   * edit not named there is not written.
   */
  copyUnedited(spans: EditedSpans): void {
    // Raw text written in a node's place (an embedded sequence) is looked up per node: never skipped over.
    if (this.overrides === undefined && this.own !== undefined) this.edited = new UneditedCopies(this.own, spans);
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
      else if (work === LEAVE) {
        this.edited?.leave(this.open.size);
        this.open.pop();
      }
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
    if (this.checking && node.kind === 'instruction') checkDeclarationPlace(node, out.length, this.declarationAt, () => this.freshLeaf(node));
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
    // White space extends the copy of the source it matches (it has no origin: see `xml/parse-tree.ts`); elsewhere it is
    // written as any text is, each LF as the document's newline.
    if (node.kind === 'text' && isBlank(node.value)) {
      if (!out.extendOver(node.value) && !copyLayoutBefore(node.value, out, todo, this)) out.push(this.blank(node.value));
      if (src) anchor(out, src, endOf(node));
    } else {
      if (this.checking) {
        checkFreshLeaf(node, out.length);
        if (node.kind === 'comment') checkEncodable(this.singleByte, node.value, 'a comment', node, out.length);
        else if (node.kind === 'instruction') checkEncodable(this.singleByte, node.target + node.value, 'a processing instruction', node, out.length);
      }
      out.push(this.freshLeaf(node));
      if (src) anchor(out, src, endOf(node));
    }
  }

  private element(node: Element, out: Out, todo: Work[]): void {
    // Every element above this one is open (its children are being printed), so their number is this one's depth, as
    // the reader counts the elements still open at a start tag.
    if (this.checking && this.open.size >= this.maxDepth) throw new Fault(out.length, `<${node.tag}> is nested deeper than ${this.maxDepth} levels.`, node, undefined, -1, 'XML_TOO_DEEP');
    const src = isSourcedElement(node) ? this.copyable(sourceOf(node)) : undefined;
    const start = src ? startOf(node) : 0;
    if (this.edited && src === this.own && src && this.edited.copies(node, this.open.size)) {
      out.copy(src, start, endOf(node));
      return;
    }
    if (this.checking && !('value' in node) && !Array.isArray((node as { children: unknown }).children)) throw new Fault(out.length, `<${node.tag}> has neither children (an array) nor a value.`, node);
    const empty = 'value' in node ? node.value === '' : node.children.length === 0;
    if (!src || !tagSays(node, src.text, start)) {
      if (this.checking) checkStartTag(node, out.length, this.singleByte);
      out.push(freshStartTag(node, empty, this.style, this.encodable));
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
      if (this.checking) checkStartTag(node, out.length, this.singleByte);
    }
    if (startTagEnd === end) {
      if (empty) {
        if (attrsSame) out.copy(src, start, end);
        else {
          out.push(editedStartTag(node, src, startTagEnd, true, this.style, this.encodable));
          anchor(out, src, end);
        }
        return;
      }
      out.push(editedStartTag(node, src, startTagEnd, false, this.style, this.encodable));
      todo.push(end, end, src, COPY, `</${node.tag}>`);
      this.content(node, undefined, 0, 0, out, todo);
      return;
    }
    if (attrsSame) out.copy(src, start, startTagEnd);
    else {
      out.push(editedStartTag(node, src, startTagEnd, false, this.style, this.encodable));
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
    this.open.push(node);
    this.edited?.enter(node, this.open.size);
    todo.push(LEAVE);
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
   * What to throw for `fault`: itself for a checking printer (its caller places it in the output), else
   * `OUTPUT_MALFORMED` with the path of the node at fault.
   */
  fault(fault: Fault): Error {
    if (this.checking) return fault;
    return outputMalformed(`${fault.message} Nothing is written.`, this.pathOf(fault), fault.node);
  }

  /** The XPath of the node `fault` is about, in the tree being printed (see {@link faultPath}). */
  pathOf(fault: Fault): string {
    return faultPath(this.doc, this.open, fault);
  }
}
