/**
 * Hidden links from model nodes to the source text they were read from. Kept in a WeakMap, off the enumerable
 * properties, so the model stays plain data: a node copied with `structuredClone` or JSON has no origin and is
 * printed as new.
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
  children?: Node[];
  /** The decoded value as read, for value elements (`action`, `variable`). */
  value?: string;
}

/** Where the whole document came from. */
export interface DocumentOrigin {
  src: Source;
  start: number;
  end: number;
  children: Node[];
}

export type Origin = LeafOrigin | ElementOrigin | DocumentOrigin;

const origins = new WeakMap<object, Origin>();

/** The origin of a node read from source, or undefined for a node created since. */
export function originOf(node: Node | XmlDocument): Origin | undefined {
  return origins.get(node);
}

/** Records where a node came from (used by the reader). */
export function setOrigin(node: Node | XmlDocument, origin: Origin): void {
  origins.set(node, origin);
}

/** `[start, end]` offsets of a node in the text it was read from, if it was read. */
export function sourceRange(node: Node | XmlDocument): [number, number] | undefined {
  const o = origins.get(node);
  return o ? [o.start, o.end] : undefined;
}
