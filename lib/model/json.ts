/**
 * The model as JSON (`cmts convert --to json`, `cmts inspect --json`) and back: the tree is already plain data, so
 * the JSON is the tree itself plus what the container said. Described by `schemas/task-sequence.schema.json`; the
 * XML written from it is model-json-to-xml.ts's.
 */
import type { ContainerKind } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { assertValidWith, issuePointersOf, pointerOf, problemPointerOf, refusalAt } from '../assert-valid.js';
import type { TextEncodingInfo } from '../xml/encoding-name.js';
import { isXmlName } from '../xml/chars.js';
import { type ContainerWrapper, containerWrapper } from './json-wrapper.js';
import { isBlank } from './format.js';
import { validateModelJson } from './model-json-validator.js';
import { plainCopy } from './plain-copy.js';
import { shownValue } from '../shown-value.js';
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

/**
 * Validates JSON against the model schema and returns it typed; throws `NOT_A_TASK_SEQUENCE` naming each problem (the
 * schema's, each an issue of the error, a property or element name that is no XML name, a property that holds the
 * sequence). The value at fault is named by a JSON pointer (`problemPointerOf`), for a reader of the JSON's text to
 * place the error there.
 */
export function fromModelJson(value: unknown): ModelJson {
  try {
    assertValidWith(validateModelJson, value, 'The values of the task sequence JSON');
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    const refused = new TaskSequenceError('NOT_A_TASK_SEQUENCE', e.message, { issues: e.issues.slice(1).map((i) => ({ ...i, code: 'NOT_A_TASK_SEQUENCE' })) });
    const pointer = problemPointerOf(e);
    throw pointer === undefined ? refused : refusalAt(refused, pointer, issuePointersOf(e));
  }
  // A 2007 export's properties are elements named by them: a name that is no XML name was spliced into the markup
  // (`A></A><B` made two elements), refused only by the read-back, and not as the JSON's fault.
  const model = value as ModelJson;
  const element = model.container === 'sms-package' ? Object.keys(model.properties).find((k) => !isXmlName(k)) : undefined;
  if (element !== undefined) {
    const e = new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The values of the task sequence JSON are invalid: properties: ${shownValue(element, '"')} is not an XML name, so it cannot name a property element of a 2007 export.`, { path: `properties.${element}` });
    throw refusalAt(e, pointerOf(['properties', element]));
  }
  // The property that holds the sequence is `sequence`'s: one under properties was written first, and read back as the
  // sequence in its place.
  const holder = model.container === 'sms-package' ? 'SequenceData' : model.container === 'cim-instance' ? 'Sequence' : undefined;
  if (holder !== undefined && Object.hasOwn(model.properties, holder)) {
    const e = new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The values of the task sequence JSON are invalid: properties: ${holder} holds the sequence, which is given by sequence, not as a property.`, { path: `properties.${holder}` });
    throw refusalAt(e, pointerOf(['properties', holder]));
  }
  const bad = badNameAt((value as ModelJson).sequence);
  if (bad) {
    const path = bad.keys.join('.');
    const e = new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The values of the task sequence JSON are invalid: ${path}: ${shownValue(bad.name, '"')} is not an XML name.`, { path });
    // An attribute's name is placed at its key, the other names at their value.
    throw refusalAt(e, pointerOf(bad.keys[bad.keys.length - 1] === 'attributes' ? [...bad.keys, bad.name] : bad.keys));
  }
  return value as ModelJson;
}

/**
 * The first element name, attribute name or instruction target of the sequence that is not an XML name, with the
 * keys of its path in the JSON (`sequence`, `children`, 0, `tag`; an attribute's ends at `attributes`), in document order. The schema takes any string there, and the XML
 * written for it was refused only when read back, at a place in that XML rather than in the JSON. Walked with an
 * explicit stack: nesting goes as deep as the reader's `maxDepth` allows.
 */
function badNameAt(sequence: Sequence): { keys: (string | number)[]; name: string } | undefined {
  // Each frame links to its parent's: the path is made only for a bad name (made for every node, a chain of groups
  // thousands deep cost the square of its depth).
  type Frame = { node: Node; index: number; parent: Frame | undefined };
  const keysOf = (f: Frame, last: string) => {
    const keys: (string | number)[] = [last];
    for (let at: Frame | undefined = f; at?.parent; at = at.parent) keys.push(at.index, 'children');
    return ['sequence', ...keys.reverse()];
  };
  const stack: Frame[] = [{ node: sequence, index: 0, parent: undefined }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { node } = frame;
    if (node.kind === 'instruction') {
      if (!isXmlName(node.target)) return { keys: keysOf(frame, 'target'), name: node.target };
      continue;
    }
    if (!('tag' in node)) continue;
    if (!isXmlName(node.tag)) return { keys: keysOf(frame, 'tag'), name: node.tag };
    const attribute = Object.keys(node.attributes).find((k) => !isXmlName(k));
    if (attribute !== undefined) return { keys: keysOf(frame, 'attributes'), name: attribute };
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Node, index: i, parent: frame });
  }
  return undefined;
}
