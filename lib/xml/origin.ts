/**
 * Hidden links from model nodes to the source text they were read from. The reader creates its nodes from the
 * classes below, which keep where the node starts (and, for an element, ends) in private fields: off the enumerable
 * properties, so the model stays plain data (a node copied with `structuredClone`, spread or JSON has no origin and
 * is printed as new), and with no second object per node.
 *
 * Nothing else is remembered: what a node said when it was read — its tag, attributes, value, kind — is read again
 * from the source text when it is needed (see `start-tag-end-at.ts`), which the text can always answer because it is
 * never changed. Values are what XML says: line ends one LF, attribute values normalised, references decoded. (A
 * snapshot of every element's attributes and every leaf's value was the first design; it made the tree a third
 * larger. A WeakMap before that cost over half of the read time in inserts and ephemeron work for the garbage
 * collector.)
 */
import type { XmlNode as Node, XmlDocument } from './types.js';
import { lf } from './entities.js';
import { attributesAt, contentEndAt, contentValueAt, instructionValueAt, leafEnd, leafKindAt, nameAt, startTagEndAt } from './start-tag-end-at.js';
import type { Tally } from './style.js';

/** The text one parse read from; shared by every node of that parse. */
export interface Source {
  readonly text: string;
  /**
   * Whether the text holds a CR. With none, no value read from it had a line end to normalise, and the writer's
   * checks of whether a value still says what the text says need not look for one.
   */
  readonly cr: boolean;
  /** What the reader counted of the text's writing style as it read (see `xml/style.ts`). */
  readonly tally: Tally;
  /**
   * The document the parse made of the text (set once it is made): where a node read from this text may still stand,
   * so that an edit of another document can refuse a node that is still in this one. Held strongly: a node kept
   * after its document is dropped keeps the document, as it keeps the text.
   */
  home: XmlDocument | undefined;
}

/** Where a text, comment, CDATA or processing instruction node came from, and what it said there. */
export interface LeafOrigin {
  src: Source;
  start: number;
  end: number;
  value: string;
  target?: string;
}

/** Where an element came from: the spans of its tags and what its start tag and content said. */
export interface ElementOrigin {
  src: Source;
  tag: string;
  start: number;
  /** Offset just past the start tag's `>`. */
  startTagEnd: number;
  /** Offset of the end tag's `<` (equals `end` for a self-closing element). */
  contentEnd: number;
  end: number;
  selfClosing: boolean;
  /** Attribute names and values as read, flattened: `[name0, value0, name1, value1, …]`. */
  attrs: string[];
  /** The decoded value as read, for value elements (`action`, `variable`). */
  value: string | undefined;
}

/** Where the whole document came from. */
export interface DocumentOrigin {
  src: Source;
  start: number;
  end: number;
}

/** Any node's origin. */
export type Origin = LeafOrigin | ElementOrigin | DocumentOrigin;

/** Base of every node the reader creates: the source and where the node starts in it. */
class Spanned {
  readonly #src: Source;
  readonly #start: number;
  constructor(src: Source, start: number) {
    this.#src = src;
    this.#start = start;
  }
  static src(n: object): Source | undefined {
    // A plain-data tree can hold anything where a node should be: what is no object has no source.
    return typeof n === 'object' && n !== null && #src in n ? n.#src : undefined;
  }
  static start(n: object): number {
    return (n as Spanned).#start;
  }
}

/** A text, comment or CDATA node read from source; its end and its value as read are found in the source. */
export class SourcedLeaf extends Spanned {
  constructor(
    src: Source,
    start: number,
    readonly kind: 'text' | 'comment' | 'cdata',
    public value: string,
  ) {
    super(src, start);
  }
}

/** A processing instruction read from source. */
export class SourcedInstruction extends Spanned {
  readonly kind = 'instruction' as const;
  constructor(
    src: Source,
    start: number,
    public target: string,
    public value: string,
  ) {
    super(src, start);
  }
}

/** What every element read from source remembers besides its start: its end (the matching end tag is not local). */
class Tagged extends Spanned {
  readonly #end: number;
  constructor(src: Source, start: number, end: number) {
    super(src, start);
    this.#end = end;
  }
  static is(n: object): boolean {
    return typeof n === 'object' && n !== null && #end in n;
  }
  static end(n: object): number {
    return (n as Tagged).#end;
  }
}

/** An element with children read from source. */
export class SourcedElement extends Tagged {
  constructor(
    src: Source,
    start: number,
    end: number,
    readonly kind: string,
    public tag: string,
    public attributes: Record<string, string>,
    public children: Node[],
  ) {
    super(src, start, end);
  }
}

/** An element with a text value (`action`, `variable`) read from source. */
export class SourcedValueElement extends Tagged {
  constructor(
    src: Source,
    start: number,
    end: number,
    readonly kind: string,
    public tag: string,
    public attributes: Record<string, string>,
    public value: string,
  ) {
    super(src, start, end);
  }
}

/** A document read from source: it spans the whole text. */
export class SourcedDocument extends Spanned {
  readonly kind = 'document' as const;
  constructor(
    src: Source,
    public children: Node[],
  ) {
    super(src, 0);
  }
}

// Accessors for the writer's hot path: no object is made per call.

/** The text a node was read from, or undefined for a node created since. */
export const sourceOf = (n: Node | XmlDocument): Source | undefined => Spanned.src(n);
/** Start offset of a node read from source (only meaningful when {@link sourceOf} is defined). */
export const startOf = (n: Node | XmlDocument): number => Spanned.start(n);
/** End offset of a node read from source. */
export function endOf(n: Node | XmlDocument): number {
  if (Tagged.is(n)) return Tagged.end(n);
  const text = (Spanned.src(n) as Source).text;
  return n.kind === 'document' && !('tag' in n) ? text.length : leafEnd(text, Spanned.start(n));
}
/** Whether a node is an element read from source. */
export const isSourcedElement = (n: Node): boolean => Tagged.is(n);
/** Whether an element read from source was read as a value element (text content only). */
export const isSourcedValueElement = (n: Node): boolean => n instanceof SourcedValueElement;
/** Offset just past the start tag of an element read from source. */
export const startTagEndOf = (n: Node): number => startTagEndAt((Spanned.src(n) as Source).text, Spanned.start(n));
/** Offset of the end tag of an element read from source (its end, when self-closing). */
export function contentEndOf(n: Node): number {
  const text = (Spanned.src(n) as Source).text;
  return contentEndAt(text, startTagEndAt(text, Spanned.start(n)), Tagged.end(n));
}

/** The origin of a node read from source, as a plain object; undefined for a node created since. */
export function originOf(node: Node | XmlDocument): Origin | undefined {
  const src = Spanned.src(node);
  if (!src) return undefined;
  const text = src.text;
  const start = Spanned.start(node);
  const end = endOf(node);
  if (node.kind === 'document' && !('tag' in node)) return { src, start, end };
  if (Tagged.is(node)) {
    const startTagEnd = startTagEndAt(text, start);
    const contentEnd = contentEndAt(text, startTagEnd, end);
    return {
      src,
      tag: nameAt(text, start + 1),
      start,
      startTagEnd,
      contentEnd,
      end,
      selfClosing: startTagEnd === end,
      attrs: attributesAt(text, start),
      value: node instanceof SourcedValueElement ? contentValueAt(text, startTagEnd, contentEnd) : undefined,
    };
  }
  const kind = leafKindAt(text, start);
  if (kind === 'instruction') {
    const target = nameAt(text, start + 2);
    return { src, start, end, value: lf(text.slice(instructionValueAt(text, start + 2 + target.length, end), end - 2)), target };
  }
  if (kind === 'text') return { src, start, end, value: contentValueAt(text, start, end) };
  return { src, start, end, value: lf(text.slice(start + (kind === 'comment' ? 4 : 9), end - 3)) };
}

/** `[start, end]` offsets of a node in the text it was read from, if it was read. */
export function sourceRange(node: Node | XmlDocument): [number, number] | undefined {
  return Spanned.src(node) ? [Spanned.start(node), endOf(node)] : undefined;
}
