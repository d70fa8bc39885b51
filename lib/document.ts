/**
 * A task sequence document: the container it came in, its encoding, the typed `<sequence>` tree and the package
 * properties the container has. Read with `readTaskSequence`, written with `writeTaskSequence`.
 */
import { type ContainerKind, getProperty, listProperties, setProperty } from './containers/index.js';
import type { Embedded } from './containers/embedded.js';
import { type Diagnostic, LineCounter, type LinePos } from './errors.js';
import type { Element, Node, Sequence, XmlDocument } from './model/types.js';
import type { TextEncodingInfo } from './xml/codec.js';
import { type LeafOrigin, originOf } from './xml/origin.js';

/** Everything the reader found, handed to the document's constructor. */
export interface DocumentParts {
  container: ContainerKind;
  encoding: TextEncodingInfo;
  xml: XmlDocument;
  root: Element;
  sequence: Sequence;
  embedded: Embedded | undefined;
  warnings: Diagnostic[];
  file: string | undefined;
}

/** A task sequence read from a file or string. */
export class TaskSequenceDocument {
  /** `sequence` (bare), `sms-package` (ConfigMgr 2007 export) or `cim-instance` (Current Branch object.xml). */
  readonly container: ContainerKind;
  /** The encoding and BOM the document is written back with. */
  readonly encoding: TextEncodingInfo;
  /** The whole file as a tree (for a bare sequence, the `<sequence>` is its root element). */
  readonly xml: XmlDocument;
  /** The `<sequence>`: steps, groups, variables and references. Edit it in place. */
  readonly sequence: Sequence;
  /** Non-fatal findings of the reader. */
  readonly warnings: Diagnostic[];
  /** The file it was read from, when known. */
  readonly file: string | undefined;
  /** @internal The sequence's own document when it is held as text inside the container. */
  readonly embedded: Embedded | undefined;
  private readonly root: Element;
  private lines: LineCounter | undefined;

  constructor(parts: DocumentParts) {
    this.container = parts.container;
    this.encoding = parts.encoding;
    this.xml = parts.xml;
    this.root = parts.root;
    this.sequence = parts.sequence;
    this.embedded = parts.embedded;
    this.warnings = parts.warnings;
    this.file = parts.file;
  }

  /** The document tree that holds the `<sequence>` (the embedded one for object.xml). */
  get sequenceXml(): XmlDocument {
    return this.embedded?.xml ?? this.xml;
  }

  /** Whether the container has package properties (a bare `<sequence>` has none). */
  get hasProperties(): boolean {
    return this.container !== 'sequence';
  }

  /** Package properties by name (`Name`, `Description`, `DependentProgram`, `ProgramFlags`, …) as written. */
  properties(): Record<string, string> {
    return listProperties(this.container, this.root);
  }

  /** One package property, or undefined when absent (or when the container has none). */
  getProperty(name: string): string | undefined {
    return getProperty(this.container, this.root, name);
  }

  /**
   * Line and column in the file of a node that was read from it (for a sequence embedded in object.xml, in the
   * outer file); undefined for a node created since.
   */
  positionOf(node: Node): LinePos | undefined {
    const o = originOf(node);
    const outer = originOf(this.xml);
    if (!o || !outer) return undefined;
    let offset = o.start;
    if (this.embedded && o.src !== outer.src) {
      const h = originOf(this.embedded.holder) as LeafOrigin | undefined;
      if (!h) return undefined;
      // CDATA maps one to one after '<![CDATA['; entity-escaped text does not, so point at where the text starts.
      offset = this.embedded.holder.kind === 'cdata' ? h.start + 9 + o.start : h.start;
    }
    this.lines ??= new LineCounter(outer.src.text);
    return this.lines.linePos(offset);
  }

  /** Sets a package property; throws `UNSUPPORTED_CONTAINER` for a bare `<sequence>`. */
  setProperty(name: string, value: string): void {
    setProperty(this.container, this.xml, this.root, name, value);
  }
}
