/**
 * Hidden links from model nodes to the source text they were read from. Kept in a private class field, off the
 * enumerable properties, so the model stays plain data: a node copied with `structuredClone`, spread or JSON has no
 * origin and is printed as new. (A WeakMap was the first choice; on a 10,000-step file its inserts and the
 * ephemeron work it gives the garbage collector took over half of the read time; a non-enumerable symbol property
 * defined per node still took a sixth.)
 */
import type { Node, XmlDocument } from '../model/types.js';

/** The text one parse read from; shared by every origin of that parse. */
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

/** Where an element came from: the spans of its tags and a snapshot of its attributes and content. */
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
  /** The children as read (the same node objects), for elements with children. */
  children: Node[] | undefined;
  /** The decoded value as read, for value elements (`action`, `variable`). */
  value: string | undefined;
}

/** Where the whole document came from. */
export interface DocumentOrigin {
  src: Source;
  start: number;
  end: number;
  children: Node[];
}

export type Origin = LeafOrigin | ElementOrigin | DocumentOrigin;

/** Base of every node the reader creates: the origin sits in a private field, invisible to JSON, spread and keys. */
class Sourced {
  readonly #origin: Origin;
  constructor(origin: Origin) {
    this.#origin = origin;
  }
  static originOf(node: object): Origin | undefined {
    return #origin in node ? (node as Sourced).#origin : undefined;
  }
}

/** A text, comment or CDATA node read from source. */
export class SourcedLeaf extends Sourced {
  constructor(
    origin: LeafOrigin,
    readonly kind: 'text' | 'comment' | 'cdata',
    public value: string,
  ) {
    super(origin);
  }
}

/** A processing instruction read from source. */
export class SourcedInstruction extends Sourced {
  readonly kind = 'instruction' as const;
  constructor(
    origin: LeafOrigin,
    public target: string,
    public value: string,
  ) {
    super(origin);
  }
}

/** An element with children read from source. */
export class SourcedElement extends Sourced {
  constructor(
    origin: ElementOrigin,
    readonly kind: string,
    public tag: string,
    public attributes: Record<string, string>,
    public children: Node[],
  ) {
    super(origin);
  }
}

/** An element with a text value (`action`, `variable`) read from source. */
export class SourcedValueElement extends Sourced {
  constructor(
    origin: ElementOrigin,
    readonly kind: string,
    public tag: string,
    public attributes: Record<string, string>,
    public value: string,
  ) {
    super(origin);
  }
}

/** A document read from source. */
export class SourcedDocument extends Sourced {
  readonly kind = 'document' as const;
  constructor(
    origin: DocumentOrigin,
    public children: Node[],
  ) {
    super(origin);
  }
}

/** The origin of a node read from source, or undefined for a node created since. */
export function originOf(node: Node | XmlDocument): Origin | undefined {
  return Sourced.originOf(node);
}

/** `[start, end]` offsets of a node in the text it was read from, if it was read. */
export function sourceRange(node: Node | XmlDocument): [number, number] | undefined {
  const o = originOf(node);
  return o ? [o.start, o.end] : undefined;
}
