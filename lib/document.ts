/**
 * TaskSequenceDocument: the hub a script holds. It has the container, the encoding, the typed `<sequence>` and what
 * the reader noticed, and the methods a script needs: query steps and groups, walk, apply transforms (or check what
 * they would change), clone, and write back. Read one with `readTaskSequence`.
 */
import { type ContainerKind, getProperty, listProperties, SEQUENCE_HOLDER, setProperty } from './containers/index.js';
import { holdReferences } from './containers/container-references.js';
import type { Embedded } from './containers/embedded.js';
import { HeldOffsets } from './containers/held-text.js';
import { type Issue, LineCounter, type LinePos, TaskSequenceError } from './errors.js';
import { type Applicable, applyTransforms, type ApplyReport, checkTransforms } from './apply-transforms.js';
import { checkString } from './model/argument-checks.js';
import { checkedFilter, type ItemFilter, itemMatches, type LocatedGroup, type LocatedStep, selectGroups, selectSteps } from './item-query.js';
import { listItems, type Located } from './model/query.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES } from './read-limits.js';
import type { Element, Group, Node, Sequence, SequenceItem, Step, SubTaskSequence, XmlDocument } from './model/types.js';
import { visit as walk, type Visitor } from './visit.js';
import { writeTaskSequence, writeTaskSequenceText } from './write.js';
import type { TextEncodingInfo } from './xml/encoding-name.js';
import { sourceOf, startOf } from './xml/origin.js';

/** Everything the reader found, handed to the document's constructor. */
export interface DocumentParts {
  container: ContainerKind;
  encoding: TextEncodingInfo;
  xml: XmlDocument;
  root: Element;
  sequence: Sequence;
  embedded: Embedded | undefined;
  warnings: Issue[];
  file: string | undefined;
  /** Reads bytes again with the options this document was read with (how {@link TaskSequenceDocument.clone} copies). */
  reread: (bytes: Uint8Array) => TaskSequenceDocument;
  /** The bytes the document was read from, if it was read from bytes. */
  bytes?: Uint8Array | undefined;
  /**
   * The `maxDepth` it was read with: its text is written no deeper, so that a read with the same options takes it;
   * default the reader's, 256.
   */
  maxDepth?: number;
  /** The `maxNodes` it was read with: an edit adds no more markup items than that; default the reader's, 3,000,000. */
  maxNodes?: number;
}

/**
 * A task sequence read from bytes or a string.
 *
 * @example
 * ```ts
 * const doc = readTaskSequence(bytes);
 * for (const { path } of doc.steps({ type: STEP_TYPES.restartComputer })) console.log(path);
 * const report = doc.apply(createTransform('add-reference', { packageId: 'CM100010' }));
 * const out = doc.toBytes(); // same encoding, BOM and line ends as read; only the edit differs
 * ```
 */
export class TaskSequenceDocument {
  /** `sequence` (bare), `sms-package` (ConfigMgr 2007 export) or `cim-instance` (Current Branch object.xml). */
  readonly container: ContainerKind;
  /** The encoding and BOM the document is written back with. */
  readonly encoding: TextEncodingInfo;
  /** The whole file as a tree (for a bare sequence, the `<sequence>` is its root element). */
  readonly xml: XmlDocument;
  /** The `<sequence>`: steps, groups, variables and references. Edit it in place. */
  readonly sequence: Sequence;
  /** Everything the reader noticed that did not stop it (warnings, with line and column). */
  readonly issues: Issue[];
  /** The file it was read from, when known. */
  readonly file: string | undefined;
  /** @internal The sequence's own document when it is held as text inside the container. */
  readonly embedded: Embedded | undefined;
  private readonly root: Element;
  private readonly reread: (bytes: Uint8Array) => TaskSequenceDocument;
  private lines: LineCounter | undefined;
  /** Where the embedded sequence's offsets are in the file, made when a position is first asked (see positionOf). */
  private heldOffsets: HeldOffsets | undefined;
  /**
   * The bytes read: while they still say what was read, an unedited document is written as those bytes rather than a
   * copy. Held strongly, on purpose: a WeakRef keeps its target alive until the end of the current job (ECMAScript
   * AddToKeptObjects), so a synchronous loop over many files kept every file's bytes until the loop ended (a batch of
   * 2,000 files of 100 KB held 196 MiB of inputs). Held here, they go with the document.
   */
  readonly #bytes: Uint8Array | undefined;
  readonly #maxDepth: number;
  readonly #maxNodes: number;

  /** Not for scripts: `readTaskSequence`, `createSequence` and the other readers and builders make documents from these parts. */
  constructor(parts: DocumentParts) {
    this.#bytes = parts.bytes;
    this.#maxDepth = parts.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.#maxNodes = parts.maxNodes ?? DEFAULT_MAX_NODES;
    this.container = parts.container;
    this.encoding = parts.encoding;
    this.xml = parts.xml;
    this.root = parts.root;
    this.sequence = parts.sequence;
    this.embedded = parts.embedded;
    this.issues = parts.warnings;
    this.file = parts.file;
    this.reread = parts.reread;
    // An object.xml's References array follows what addStep, copyItemTo and addPackageReference list, given only its
    // sequence.
    holdReferences(this);
  }

  /** @deprecated Use {@link TaskSequenceDocument.issues}. */
  get warnings(): Issue[] {
    return this.issues;
  }

  /**
   * The document as bytes, in the encoding (and with the BOM) it was read with. Unedited, these are the input's bytes:
   * while the bytes read are still held by the caller and unchanged, the very same memory (not a copy).
   */
  toBytes(): Uint8Array {
    return writeTaskSequence(this);
  }

  /** @internal The bytes the document was read from; whoever else holds them may have changed them since. */
  readBytes(): Uint8Array | undefined {
    return this.#bytes;
  }

  /**
   * @internal The deepest nesting of elements a read with this document's options takes (the `maxDepth` it was read
   * with): the writer refuses to write it deeper.
   */
  depthLimit(): number {
    return this.#maxDepth;
  }

  /** @internal The `maxNodes` this document was read with: an edit that would add more markup items is refused. */
  nodeLimit(): number {
    return this.#maxNodes;
  }

  /** The document as text (without a BOM). */
  toString(): string {
    return writeTaskSequenceText(this);
  }

  /** An independent copy, read back from this document's current bytes; editing one leaves the other alone. */
  clone(): TaskSequenceDocument {
    return this.reread(this.toBytes());
  }

  /** Steps and sub task sequences matching a query or predicate, in execution order. */
  steps<T extends Step | SubTaskSequence>(filter: (item: LocatedStep) => item is Located<T>): Located<T>[];
  steps(filter?: ItemFilter<Step | SubTaskSequence>): LocatedStep[];
  steps(filter?: ItemFilter<Step | SubTaskSequence>): LocatedStep[] {
    return selectSteps(this.sequence, filter);
  }

  /** Groups matching a query or predicate, in execution order. */
  groups(filter?: ItemFilter<Group>): LocatedGroup[] {
    return selectGroups(this.sequence, filter);
  }

  /** The first step, sub task sequence or group (in execution order) matching a query or predicate. */
  find(filter: ItemFilter<SequenceItem>): Located | undefined {
    checkedFilter('find', filter);
    return listItems(this.sequence).find((l) => itemMatches(l, filter));
  }

  /** Walks the `<sequence>` depth-first; see `visit` for what the visitor may return. False if stopped with BREAK. */
  visit(visitor: Visitor): boolean {
    return walk(this.sequence, visitor);
  }

  /**
   * Runs transforms in order on this document and returns one report of what they changed. All or nothing: when one
   * throws (a transform of cmts refusing, or one of your own failing part-way through its edits), the document is put
   * back as it was, every node a script holds still in its place, and the error is thrown on.
   * One of cmts's own transforms given alone refuses before its first edit, so it costs no undo point (a walk of
   * the tree): a loop of single edits on a large sequence stays linear.
   */
  apply(...transforms: Applicable[]): ApplyReport {
    return applyTransforms(this, transforms);
  }

  /**
   * What {@link TaskSequenceDocument.apply} would report; this document is not changed. One of cmts's own transforms
   * given alone is checked by its plan (made before any edit, and the report itself); any other run is on a clone, a
   * write and a read of the whole document.
   */
  check(...transforms: Applicable[]): ApplyReport {
    return checkTransforms(this, transforms);
  }

  /** Whether the container has package properties (a bare `<sequence>` has none). */
  get hasProperties(): boolean {
    return this.container !== 'sequence';
  }

  /** Package properties by name (`Name`, `Description`, `DependentProgram`, `ProgramFlags`, …) as written. */
  properties(): Record<string, string> {
    return listProperties(this.container, this.root);
  }

  /**
   * One package property, or undefined when absent (or when the container has none). Throws `INVALID_ARGUMENT`, as
   * {@link TaskSequenceDocument.setProperty} does, for the one that holds the sequence (`SequenceData`, object.xml's
   * `Sequence`): its text as read says nothing of the edits since, and {@link TaskSequenceDocument.properties} leaves
   * it out. The sequence is `doc.sequence`; the file with it, `doc.toString()`.
   */
  getProperty(name: string): string | undefined {
    checkString('getProperty', name, 'the property name');
    if (this.container !== 'sequence' && name === SEQUENCE_HOLDER[this.container]) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `${name} holds the task sequence itself, not a package property: read doc.sequence (doc.toString() for the whole file) instead of getting it.`);
    }
    return getProperty(this.container, this.root, name);
  }

  /**
   * Sets a package property; throws `UNSUPPORTED_CONTAINER` for a bare `<sequence>`, `INVALID_ARGUMENT` for the one
   * that holds the sequence (`SequenceData`, object.xml's `Sequence`) and for a name with a ':' or that is no XML name.
   */
  setProperty(name: string, value: string): void {
    // Checked here: a null name threw a TypeError, and a value that is no string was refused only by the writer.
    checkString('setProperty', name, 'the property name');
    checkString('setProperty', value);
    setProperty(this.container, this.xml, this.root, name, value);
  }

  /** The document tree that holds the `<sequence>` (the embedded one for object.xml). */
  get sequenceXml(): XmlDocument {
    return this.embedded?.xml ?? this.xml;
  }

  /**
   * Line and column in the file of a node that was read from it (for a sequence embedded in object.xml, in the
   * outer file); undefined for a node created since, or read from another file.
   */
  positionOf(node: Node): LinePos | undefined {
    // Only where the nodes start is needed: `originOf` would read the start tag's attributes (or a holder's whole
    // text) again on every call, and the linter asks once per finding — once per attribute of a step with many.
    const src = sourceOf(node);
    const outer = sourceOf(this.xml);
    if (!src || !outer) return undefined;
    let offset = startOf(node);
    if (src !== outer) {
      // A node read from another text (a step a script moved in from another document) has no place in this file:
      // its offset there, read as one here, named a line and column that hold something else.
      if (!this.embedded || src !== sourceOf(this.embedded.xml)) return undefined;
      const holder = this.embedded.holder;
      if (!sourceOf(holder)) return undefined;
      // CDATA maps one to one after '<![CDATA['; in entity-escaped text the references before the node are counted.
      this.heldOffsets ??= new HeldOffsets(outer.text, this.embedded.segments);
      offset = this.heldOffsets.offsetInFile(offset);
    }
    this.lines ??= new LineCounter(outer.text);
    return this.lines.linePos(offset);
  }
}
