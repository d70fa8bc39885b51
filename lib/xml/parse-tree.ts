/**
 * The tree a parse builds (see `xml/parse.ts`): the elements still open, the children each gathers, and the nodes made
 * as each closes. A check (`check`) builds nothing and keeps only what it needs to judge nesting.
 */
import type { Attributes, XmlElement as Element, XmlNode as Node } from './types.js';
import { type Source, SourcedElement, SourcedInstruction, SourcedLeaf, SourcedValueElement } from './origin.js';
import type { RecentStrings } from './recent-strings.js';

/** An element whose end tag is still to come. Frames are reused (a free list), so a parse makes one per level. */
export class Frame {
  tag = '';
  kind: Element['kind'] = 'element';
  attributes: Attributes = {};
  /** Where this element's children start on the shared child stack. */
  childStart = 0;
  start = 0;
  valueKind = false;
  /**
   * The first text or CDATA child of a value element (`action`, `variable`), held as the element's value: no leaf is
   * made for it unless a second child shows the element is not a value element after all.
   */
  pending: string | undefined = undefined;
  pendingKind: 'text' | 'cdata' = 'text';
  pendingStart = 0;
}

// Memory: the tree is most of what a read costs, so the builder avoids what it can. Children gather on one shared
// stack and each element gets an exactly sized copy (an array grown by push keeps up to 16 spare slots); a value
// element's text makes no leaf (see `recent-strings.ts`).

const VALUE_KINDS = new Set(['action', 'variable']);

/** Builds one parse's tree as its markup is read, in document order. */
export class TreeBuilder {
  /** The elements open, innermost last. */
  readonly stack: Frame[] = [];
  /** The nodes outside the root element, and the root. */
  readonly topChildren: Node[] = [];
  root: Element | undefined = undefined;
  /** Whether the root element has closed. */
  rootSeen = false;
  private readonly scratch: Node[] = [];
  private readonly free: Frame[] = [];
  private readonly source: Source;
  private readonly check: boolean;
  private readonly recent: RecentStrings;

  constructor(source: Source, check: boolean, recent: RecentStrings) {
    this.source = source;
    this.check = check;
    this.recent = recent;
  }

  /**
   * Adds a leaf. White space between elements (`blank`), a third of all nodes, is made a plain `{ kind, value }` with no
   * origin: it means what it says in any place, so the writer needs no origin to copy it (see `xml/print.ts`).
   */
  leaf(kind: 'text' | 'comment' | 'cdata', value: string, start: number, blank = false): void {
    const stack = this.stack;
    if (this.check && stack.length) return;
    // No read at index -1 (outside the root): V8 throws away optimised code that reads past an array's end.
    const top = stack.length ? stack[stack.length - 1] : undefined;
    if (top?.valueKind && kind !== 'comment' && top.pending === undefined && this.scratch.length === top.childStart) {
      top.pending = value;
      top.pendingKind = kind;
      top.pendingStart = start;
      return;
    }
    this.flushPending(top);
    (stack.length ? this.scratch : this.topChildren).push(blank ? { kind: 'text', value } : (new SourcedLeaf(this.source, start, kind, value) as Node));
  }

  /** Adds the processing instruction at `start` (none inside the root in a check). */
  instruction(start: number, target: string, value: string): void {
    const stack = this.stack;
    if (this.check && stack.length) return;
    if (stack.length) this.flushPending(stack[stack.length - 1]);
    (stack.length ? this.scratch : this.topChildren).push(new SourcedInstruction(this.source, start, target, value));
  }

  /**
   * Opens the element `<tag>` of `kind` at `start`, child of the innermost open element, and closes it at `end` at
   * once if it is empty (`selfClosing`, `<tag/>`).
   */
  open(tag: string, kind: Element['kind'], attributes: Attributes, start: number, selfClosing: boolean, end: number): void {
    const frame = this.free.pop() ?? new Frame();
    frame.tag = tag;
    frame.kind = kind;
    frame.attributes = attributes;
    frame.childStart = this.scratch.length;
    frame.start = start;
    frame.valueKind = !this.check && VALUE_KINDS.has(kind);
    frame.pending = undefined;
    if (selfClosing) this.close(frame, end);
    else this.stack.push(frame);
  }

  /** Makes the element of frame `f`, taken off the stack, ending at `end`, a child of the element it is in. */
  close(f: Frame, end: number): void {
    const stack = this.stack;
    const scratch = this.scratch;
    this.free.push(f);
    if (!stack.length) this.rootSeen = true;
    if (this.check) return;
    let node: Element;
    if (f.valueKind && scratch.length === f.childStart) {
      node = new SourcedValueElement(this.source, f.start, end, f.kind, f.tag, f.attributes, f.pending === undefined ? '' : this.recent.get(f.pending));
    } else {
      const kids = scratch.length > f.childStart ? scratch.slice(f.childStart) : [];
      scratch.length = f.childStart;
      if (f.valueKind && kids.every((c) => c.kind === 'text' || c.kind === 'cdata')) {
        // Joined, not concatenated: a flat string costs less to keep than a chain of pieces.
        node = new SourcedValueElement(this.source, f.start, end, f.kind, f.tag, f.attributes, this.recent.get(kids.map((c) => (c as { value: string }).value).join('')));
      } else {
        node = new SourcedElement(this.source, f.start, end, f.valueKind ? 'element' : f.kind, f.tag, f.attributes, kids);
      }
    }
    if (stack.length) {
      this.flushPending(stack[stack.length - 1]);
      scratch.push(node);
    } else {
      this.topChildren.push(node);
      this.root = node;
    }
  }

  /** Makes the leaf held as a value element's value a child after all (a second child came). */
  private flushPending(f: Frame | undefined): void {
    if (f?.pending === undefined) return;
    this.scratch.push(new SourcedLeaf(this.source, f.pendingStart, f.pendingKind, f.pending) as Node);
    f.pending = undefined;
  }
}
