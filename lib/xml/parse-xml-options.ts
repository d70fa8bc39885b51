/**
 * What the reader is asked and what it answers: the options of `parseXml` and `checkWellFormed`, with their defaults,
 * and a parse's result and warnings. Apart from the reader, whose module is its scanning loop, so that a caller can
 * name them (and the reader's faults can read the options) without loading it.
 */
import type { Issue, LineCounter } from '../errors.js';
import type { Source } from './origin.js';
import type { XmlElement as Element, XmlDocument } from './types.js';

/** Decides the kind of an element from its tag and its parent's kind (the model's classification). */
export type Classifier = (tag: string, parentKind: string, parentTag: string) => Element['kind'];

/** Options for {@link parseXml}. */
export interface ParseXmlOptions {
  /** Maximum element nesting depth; default 256. */
  maxDepth?: number;
  /**
   * Maximum markup items (`<`) read before the parse is refused with `INPUT_TOO_LARGE`, and apart from them, maximum
   * attributes; default 3,000,000. It bounds the tree's memory also where the caller could not count first (a
   * sequence embedded as escaped text).
   */
  maxNodes?: number;
  /** Kinds for elements; default: every element is `element`. */
  classify?: Classifier;
  /** Kind given to the parent of the root element, passed to `classify`; default `document`. */
  rootParentKind?: string;
  /** Where this text starts inside an outer text, for error positions (embedded sequences). */
  baseOffset?: number;
  /** Line counter over the outer text, for error positions (anything that finds a line and column for an offset). */
  lines?: Pick<LineCounter, 'linePos'>;
  /**
   * The text is held inside another document (an embedded sequence): an XML declaration after leading white space or
   * comments is kept with a warning instead of refused. Default false: a document is judged as XML 1.0 judges it.
   */
  embedded?: boolean;
}

/** Options for {@link checkWellFormed}. */
export type CheckOptions = Omit<ParseXmlOptions, 'classify' | 'rootParentKind'>;

/** A non-fatal finding of the parser. */
export interface ParseWarning extends Issue {
  offset: number;
}

/** What {@link parseXml} returns. */
export interface ParsedXml {
  document: XmlDocument;
  source: Source;
  root: Element;
  warnings: ParseWarning[];
}

/** The default of {@link ParseXmlOptions.classify}: every element is `element`. */
export const defaultClassify: Classifier = () => 'element';
