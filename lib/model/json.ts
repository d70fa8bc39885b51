/**
 * The model as JSON (`cmts convert --to json`, `cmts inspect --json`) and back: the tree is already plain data, so
 * the JSON is the tree itself plus what the container said. Described by `schemas/task-sequence.schema.json`.
 */
import type { ContainerKind } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { assertValidWith } from '../assert-valid.js';
import { declarationDisagreement } from '../xml/declared-encoding.js';
import type { TextEncodingInfo } from '../xml/encoding-name.js';
import { readDeclaration } from '../xml/declaration.js';
import { SMS_PACKAGE_ORDER } from '../containers/index.js';
import { isXmlName } from '../xml/chars.js';
import { escapeAttribute, escapeText, heldText } from '../xml/escape-text.js';
import { type ContainerWrapper, containerWrapper, wrapSequence } from './json-wrapper.js';
import { isBlank } from './format.js';
import { validateModelJson } from './model-json-validator.js';
import { plainCopy } from './plain-copy.js';
import { shownValue } from '../shown-value.js';
import { printSequence } from './to-xml.js';
import { checkWellFormed } from '../xml/parse.js';
import { checkDocumentTree } from '../visit.js';
import { checkOptionFlags } from './argument-checks.js';
import { describeValue } from './child-nodes.js';
import type { Element, Node, Sequence } from './types.js';

/** The JSON form of a task sequence. */
export interface ModelJson {
  format: 'cmts.task-sequence';
  version: 1;
  container: ContainerKind;
  encoding: TextEncodingInfo;
  /** Package properties of the container, in file order (empty for a bare sequence). */
  properties: Record<string, string>;
  /** `cim-instance` only: each property's CIM `TYPE` (`string`, `uint32`, …), to write it back with its type. */
  propertyTypes?: Record<string, string>;
  /** The container's text around the sequence (see `json-wrapper.ts`), so XML comes back in the same container. */
  wrapper?: ContainerWrapper;
  sequence: Sequence;
}

/** Options of {@link toModelJson}. */
export interface ToJsonOptions {
  /** Keep whitespace-only text (the file's layout); default false. */
  whitespace?: boolean;
  /** Carry the container's text around the sequence (`wrapper`), to write the same container back; default false. */
  wrapper?: boolean;
}

/**
 * The nodes without whitespace-only text, copied at every level. Iterative (an explicit stack of lists to fill)
 * because nesting goes as deep as the reader's `maxDepth` allows, far past what the call stack holds.
 */
function strip(nodes: Node[]): Node[] {
  const out: Node[] = [];
  const work: Array<[from: Node[], into: Node[]]> = [[nodes, out]];
  for (let entry = work.pop(); entry; entry = work.pop()) {
    const [from, into] = entry;
    for (const n of from) {
      // XML white space only (not String.trim's, which takes a no-break space for white space and lost it).
      if (isBlank(n)) continue;
      if (!('children' in n)) {
        into.push(n);
        continue;
      }
      const children: Node[] = [];
      into.push({ ...n, children });
      work.push([n.children, children]);
    }
  }
  return out;
}

/**
 * The document as JSON-ready data (a deep copy: editing it does not touch the document). Throws `INVALID_ARGUMENT` for
 * a sequence with a node that contains itself (put among its own descendants by hand).
 */
export function toModelJson(doc: TaskSequenceDocument, options: ToJsonOptions = {}): ModelJson {
  // A value that is no string or a child that is no node (set by hand) is refused, typed, before the copy (its layout
  // is stripped by kind), in the package's properties too.
  checkDocumentTree(doc, 'toModelJson');
  if (typeof options !== 'object' || options === null) throw new TaskSequenceError('INVALID_ARGUMENT', `toModelJson takes an object of options (or none); it was given ${describeValue(options)}.`);
  // Flags only: the string 'false' (an option read as text) is truthy, and kept the whitespace it was to leave out.
  checkOptionFlags('toModelJson', options, ['whitespace', 'wrapper']);
  const sequence = plainCopy(doc.sequence);
  const properties = doc.properties();
  const wrapper = options.wrapper ? containerWrapper(doc, options.whitespace) : undefined;
  return {
    format: 'cmts.task-sequence',
    version: 1,
    container: doc.container,
    encoding: { ...doc.encoding },
    properties,
    ...(doc.container === 'cim-instance' ? { propertyTypes: cimPropertyTypes(doc, properties) } : {}),
    ...(wrapper ? { wrapper } : {}),
    sequence: options.whitespace ? sequence : { ...sequence, children: strip(sequence.children) },
  };
}

function cimPropertyTypes(doc: TaskSequenceDocument, properties: Record<string, string>): Record<string, string> {
  const root = doc.xml.children.find((c): c is Element => c.kind !== 'text' && 'tag' in c && 'attributes' in c);
  const out: Record<string, string> = {};
  if (!root || !('children' in root)) return out;
  for (const c of root.children) {
    if (c.kind === 'text' || !('tag' in c) || c.tag !== 'PROPERTY') continue;
    const name = c.attributes.NAME;
    const type = c.attributes.TYPE;
    if (name !== undefined && type !== undefined && name in properties) out[name] = type;
  }
  return out;
}

/** Options of {@link modelJsonToXml}. */
export interface ToXmlOptions {
  /** Write a bare `<sequence>` whatever the container; default false. */
  bare?: boolean;
}

const SMS_NAMESPACES = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"';

/**
 * The model as XML text in its container: a bare `<sequence>`; with a `wrapper`, the container it was read from, as
 * it was (`properties` are not applied to it here: `cmts convert` sets the ones that differ on the result); without one, a ConfigMgr 2007 `<SmsTaskSequencePackage>` with each property as
 * an element and the sequence in `<SequenceData>`, or a Current Branch object.xml `<INSTANCE>` with each property
 * (and its type) and the sequence in the `Sequence` property's CDATA. Throws `OUTPUT_MALFORMED` for a sequence that
 * would read back as another tree; one a reader refuses is returned, for the caller's read-back to place the fault.
 */
export function modelJsonToXml(model: ModelJson, options: ToXmlOptions = {}): string {
  try {
    return containerXml(model, options, true);
  } catch (e) {
    // A sequence a reader refuses is left to the caller's read-back, which places the fault in the whole file (`cmts
    // convert` reports it as the JSON file's failure); one that reads back as another tree is refused here.
    if (!(e instanceof TaskSequenceError) || e.code !== 'OUTPUT_MALFORMED') throw e;
    // A lone surrogate is no character of any encoding: written, it became U+FFFD, which the read-back of the bytes
    // passed, a value changed without a word. So it is refused here, as the printer found it.
    let text: string;
    try {
      text = printSequence(model.sequence, {}, false);
    } catch {
      // What even the unjudged printer cannot print (a value that is no string) is the judged print's refusal.
      throw e;
    }
    if (!text.isWellFormed() || wellFormed(text)) throw e;
    return containerXml(model, options, false);
  }
}

function wellFormed(text: string): boolean {
  try {
    checkWellFormed(text, { maxNodes: Number.MAX_SAFE_INTEGER, maxDepth: Number.MAX_SAFE_INTEGER });
    return true;
  } catch {
    return false;
  }
}

/**
 * `text` (a container or bare sequence made afresh) with an XML declaration naming `info`'s encoding when a reader
 * would not otherwise find that encoding (a single-byte one is found only by its declaration): its own declaration
 * replaced, else one put before it. Without it a windows-1252 sequence's bytes were read back as UTF-8 and refused.
 */
function declared(text: string, info: TextEncodingInfo, nl: string): string {
  if (declarationDisagreement(text, info) === undefined) return text;
  const declaration = `<?xml version="1.0" encoding="${info.encoding}"?>`;
  const own = readDeclaration(text);
  return own ? declaration + text.slice(own.length) : declaration + nl + text;
}

function containerXml(model: ModelJson, options: ToXmlOptions, checked: boolean): string {
  const nl = '\r\n' as const;
  // A bare sequence's wrapper is its own (its declaration, its kept layout), so it holds with --bare too.
  if (model.wrapper && (!options.bare || model.container === 'sequence')) return wrapSequence(model.wrapper, model.sequence, checked);
  return declared(freshXml(model, options, checked, nl), model.encoding, nl);
}

/** The model's sequence bare, or in a container made from its properties (see {@link modelJsonToXml}). */
function freshXml(model: ModelJson, options: ToXmlOptions, checked: boolean, nl: '\r\n'): string {
  const sequenceText = () => printSequence(model.sequence, {}, checked);
  if (options.bare || model.container === 'sequence') return sequenceText();
  if (model.container === 'sms-package') {
    const inner = sequenceText();
    const lines = ['<?xml version="1.0"?>', `<SmsTaskSequencePackage ${SMS_NAMESPACES}>`];
    const entries = Object.entries(model.properties);
    const at = entries.findIndex(([k]) => SMS_PACKAGE_ORDER.indexOf(k) > SMS_PACKAGE_ORDER.indexOf('SequenceData'));
    const before = at === -1 ? entries : entries.slice(0, at);
    const after = at === -1 ? [] : entries.slice(at);
    const prop = ([k, v]: [string, string]) => (v === '' ? `  <${k} />` : `  <${k}>${escapeText(v, { textQuot: false, textApos: false }, nl)}</${k}>`);
    lines.push(...before.map(prop), '  <SequenceData>', inner, '  </SequenceData>', ...after.map(prop), '</SmsTaskSequencePackage>');
    return lines.join(nl) + nl;
  }
  const lines = ['<INSTANCE CLASSNAME="SMS_TaskSequencePackage">'];
  const property = (name: string, type: string, value: string) =>
    lines.push(`  <PROPERTY NAME="${escapeAttribute(name, '"')}" TYPE="${escapeAttribute(type, '"')}">`, `    <VALUE>${value}</VALUE>`, '  </PROPERTY>');
  // Its own entry only: `constructor` or `toString` not listed there is a string, not the member every object inherits.
  const typeOf = (k: string) => (model.propertyTypes && Object.hasOwn(model.propertyTypes, k) ? model.propertyTypes[k] : undefined) ?? 'string';
  for (const [k, v] of Object.entries(model.properties)) property(k, typeOf(k), escapeText(v, { textQuot: false, textApos: false }, nl));
  property('Sequence', 'string', heldText(sequenceText(), true, { textQuot: false, textApos: false }));
  lines.push('</INSTANCE>');
  return lines.join(nl) + nl;
}

/**
 * Validates JSON against the model schema and returns it typed; throws `NOT_A_TASK_SEQUENCE` naming each problem (the
 * schema's, a property or element name that is no XML name, a property that holds the sequence).
 */
export function fromModelJson(value: unknown): ModelJson {
  try {
    assertValidWith(validateModelJson, value, 'The values of the task sequence JSON');
  } catch (e) {
    if (e instanceof TaskSequenceError) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', e.message);
    throw e;
  }
  // A 2007 export's properties are elements named by them: a name that is no XML name was spliced into the markup
  // (`A></A><B` made two elements), refused only by the read-back, and not as the JSON's fault.
  const model = value as ModelJson;
  const element = model.container === 'sms-package' ? Object.keys(model.properties).find((k) => !isXmlName(k)) : undefined;
  if (element !== undefined) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The values of the task sequence JSON are invalid: properties: ${shownValue(element, '"')} is not an XML name, so it cannot name a property element of a 2007 export.`, { path: `properties.${element}` });
  // The property that holds the sequence is `sequence`'s: one under properties was written first, and read back as the
  // sequence in its place.
  const holder = model.container === 'sms-package' ? 'SequenceData' : model.container === 'cim-instance' ? 'Sequence' : undefined;
  if (holder !== undefined && Object.hasOwn(model.properties, holder)) {
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The values of the task sequence JSON are invalid: properties: ${holder} holds the sequence, which is given by sequence, not as a property.`, { path: `properties.${holder}` });
  }
  const bad = badNameAt((value as ModelJson).sequence);
  if (bad) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The values of the task sequence JSON are invalid: ${bad.path}: ${shownValue(bad.name, '"')} is not an XML name.`, { path: bad.path });
  return value as ModelJson;
}

/**
 * The first element name, attribute name or instruction target of the sequence that is not an XML name, with its
 * path in the JSON (`sequence.children.0.tag`), in document order. The schema takes any string there, and the XML
 * written for it was refused only when read back, at a place in that XML rather than in the JSON. Walked with an
 * explicit stack: nesting goes as deep as the reader's `maxDepth` allows.
 */
function badNameAt(sequence: Sequence): { path: string; name: string } | undefined {
  // Each frame links to its parent's: the path is made only for a bad name (made for every node, a chain of groups
  // thousands deep cost the square of its depth).
  type Frame = { node: Node; index: number; parent: Frame | undefined };
  const pathOf = (f: Frame, last: string) => {
    const parts = [last];
    for (let at: Frame | undefined = f; at?.parent; at = at.parent) parts.push(`children.${at.index}`);
    return ['sequence', ...parts.reverse()].join('.');
  };
  const stack: Frame[] = [{ node: sequence, index: 0, parent: undefined }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { node } = frame;
    if (node.kind === 'instruction') {
      if (!isXmlName(node.target)) return { path: pathOf(frame, 'target'), name: node.target };
      continue;
    }
    if (!('tag' in node)) continue;
    if (!isXmlName(node.tag)) return { path: pathOf(frame, 'tag'), name: node.tag };
    const attribute = Object.keys(node.attributes).find((k) => !isXmlName(k));
    if (attribute !== undefined) return { path: pathOf(frame, 'attributes'), name: attribute };
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Node, index: i, parent: frame });
  }
  return undefined;
}
