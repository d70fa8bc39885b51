/**
 * Hidden links from model nodes to the source text they were read from. The reader creates its nodes from the
 * classes below, which keep the span and a snapshot of what was read in private fields: off the enumerable
 * properties, so the model stays plain data (a node copied with `structuredClone`, spread or JSON has no origin and
 * is printed as new), and with no second object per node. (A WeakMap was the first choice; on a 10,000-step file its
 * inserts and the ephemeron work it gives the garbage collector took over half of the read time. A separate origin
 * object per node then cost about a quarter of the memory the model holds.)
 */
import type { XmlNode as Node, XmlDocument } from './types.js';

/** The text one parse read from; shared by every node of that parse. */
export interface Source {
  readonly text: string;
}

/** Where a text, comment, CDATA or processing instruction node came from, and what it said there. */
export interface LeafOrigin {
  src: Source;
  start: number;
  end: number;
  value: string;
  target?: string;
}

/** Where an element came from: the spans of its tags and a snapshot of its attributes and value. */
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

/** Base of every node the reader creates: the source and the span. */
class Spanned {
  readonly #src: Source;
  readonly #start: number;
  readonly #end: number;
  constructor(src: Source, start: number, end: number) {
    this.#src = src;
    this.#start = start;
    this.#end = end;
  }
  static src(n: object): Source | undefined {
    return #src in n ? n.#src : undefined;
  }
  static start(n: object): number {
    return (n as Spanned).#start;
  }
  static end(n: object): number {
    return (n as Spanned).#end;
  }
}

/** A text, comment or CDATA node read from source. */
export class SourcedLeaf extends Spanned {
  readonly #value: string;
  constructor(
    src: Source,
    start: number,
    end: number,
    readonly kind: 'text' | 'comment' | 'cdata',
    public value: string,
  ) {
    super(src, start, end);
    this.#value = value;
  }
  static original(n: object): string | undefined {
    return #value in n ? n.#value : undefined;
  }
}

/** A processing instruction read from source. */
export class SourcedInstruction extends Spanned {
  readonly kind = 'instruction' as const;
  readonly #value: string;
  readonly #target: string;
  constructor(
    src: Source,
    start: number,
    end: number,
    public target: string,
    public value: string,
  ) {
    super(src, start, end);
    this.#value = value;
    this.#target = target;
  }
  static original(n: object): { value: string; target: string } | undefined {
    return #value in n ? { value: n.#value, target: n.#target } : undefined;
  }
}

/** What every element read from source remembers. */
class Tagged extends Spanned {
  readonly #tag: string;
  readonly #startTagEnd: number;
  readonly #contentEnd: number;
  readonly #attrs: string[];
  constructor(src: Source, start: number, end: number, tag: string, startTagEnd: number, contentEnd: number, attrs: string[]) {
    super(src, start, end);
    this.#tag = tag;
    this.#startTagEnd = startTagEnd;
    this.#contentEnd = contentEnd;
    this.#attrs = attrs;
  }
  static is(n: object): boolean {
    return #tag in n;
  }
  static tag(n: object): string {
    return (n as Tagged).#tag;
  }
  static startTagEnd(n: object): number {
    return (n as Tagged).#startTagEnd;
  }
  static contentEnd(n: object): number {
    return (n as Tagged).#contentEnd;
  }
  static attrs(n: object): string[] {
    return (n as Tagged).#attrs;
  }
}

/** An element with children read from source. */
export class SourcedElement extends Tagged {
  constructor(
    src: Source,
    span: { start: number; startTagEnd: number; contentEnd: number; end: number },
    attrs: string[],
    readonly kind: string,
    public tag: string,
    public attributes: Record<string, string>,
    public children: Node[],
  ) {
    super(src, span.start, span.end, tag, span.startTagEnd, span.contentEnd, attrs);
  }
}

/** An element with a text value (`action`, `variable`) read from source. */
export class SourcedValueElement extends Tagged {
  readonly #value: string;
  constructor(
    src: Source,
    span: { start: number; startTagEnd: number; contentEnd: number; end: number },
    attrs: string[],
    readonly kind: string,
    public tag: string,
    public attributes: Record<string, string>,
    public value: string,
  ) {
    super(src, span.start, span.end, tag, span.startTagEnd, span.contentEnd, attrs);
    this.#value = value;
  }
  static original(n: object): string | undefined {
    return #value in n ? n.#value : undefined;
  }
}

/** A document read from source. */
export class SourcedDocument extends Spanned {
  readonly kind = 'document' as const;
  constructor(
    src: Source,
    end: number,
    public children: Node[],
  ) {
    super(src, 0, end);
  }
}

// Accessors for the writer's hot path: no object is made per call.

/** The text a node was read from, or undefined for a node created since. */
export const sourceOf = (n: Node | XmlDocument): Source | undefined => Spanned.src(n);
/** Start offset of a node read from source (only meaningful when {@link sourceOf} is defined). */
export const startOf = (n: Node | XmlDocument): number => Spanned.start(n);
/** End offset of a node read from source. */
export const endOf = (n: Node | XmlDocument): number => Spanned.end(n);
/** Whether a node is an element read from source. */
export const isSourcedElement = (n: Node): boolean => Tagged.is(n);
/** The tag an element was read with. */
export const readTagOf = (n: Node): string => Tagged.tag(n);
/** Offset just past the start tag of an element read from source. */
export const startTagEndOf = (n: Node): number => Tagged.startTagEnd(n);
/** Offset of the end tag of an element read from source (its end, when self-closing). */
export const contentEndOf = (n: Node): number => Tagged.contentEnd(n);
/** Attributes as read, flattened `[name, value, …]`. */
export const readAttrsOf = (n: Node): string[] => Tagged.attrs(n);
/** The value a text, comment, CDATA or value element had when read. */
export const readValueOf = (n: Node): string | undefined => SourcedLeaf.original(n) ?? SourcedValueElement.original(n) ?? SourcedInstruction.original(n)?.value;
/** The target a processing instruction had when read. */
export const readTargetOf = (n: Node): string | undefined => SourcedInstruction.original(n)?.target;

/** The origin of a node read from source, as a plain object; undefined for a node created since. */
export function originOf(node: Node | XmlDocument): Origin | undefined {
  const src = Spanned.src(node);
  if (!src) return undefined;
  const start = Spanned.start(node);
  const end = Spanned.end(node);
  if (node.kind === 'document') return { src, start, end };
  if (Tagged.is(node)) {
    const startTagEnd = Tagged.startTagEnd(node);
    return {
      src,
      tag: Tagged.tag(node),
      start,
      startTagEnd,
      contentEnd: Tagged.contentEnd(node),
      end,
      selfClosing: startTagEnd === end,
      attrs: Tagged.attrs(node),
      value: SourcedValueElement.original(node),
    };
  }
  const leaf = node as Node;
  const target = readTargetOf(leaf);
  return target === undefined ? { src, start, end, value: readValueOf(leaf) as string } : { src, start, end, value: readValueOf(leaf) as string, target };
}

/** `[start, end]` offsets of a node in the text it was read from, if it was read. */
export function sourceRange(node: Node | XmlDocument): [number, number] | undefined {
  return Spanned.src(node) ? [Spanned.start(node), Spanned.end(node)] : undefined;
}
