/**
 * An existing sequence in the text form: each step typed through the catalog when the builder, given those settings,
 * writes the same element back; otherwise with exactly what it needs written raw (attributes, action line,
 * variables), so that building the text again gives a sequence equal by meaning to the original.
 */
import { sequenceRelease, type Release } from '../catalog/versions.js';
import { readCimArrays } from '../containers/cim-arrays.js';
import { readInstanceSchema } from '../containers/cim-schema.js';
import { packagePropertyType } from '../containers/cim-types.js';
import { listPropertyTypes } from '../containers/index.js';
import { uncarriedContainer } from '../containers/uncarried.js';
import type { TaskSequenceDocument } from '../document.js';
import { type LinePos, TaskSequenceError } from '../errors.js';
import { conditionOf } from '../model/conditions.js';
import { checkpointDepth, containsItself } from '../model/contains-itself.js';
import { checkDocumentTree } from '../visit.js';
import { referenceList } from '../model/mutate.js';
import { isSequenceItem } from '../model/query.js';
import type { Element, Group, Node, Sequence, SequenceItem, Variable } from '../model/types.js';
import { originOf } from '../xml/origin.js';
import { same, stepText, textCondition, textVariable } from './step-text.js';
import { CIM_NAME_PATTERN, VERSION_PATTERN } from './text-schema.js';
import { textRelease } from './build-sequence.js';
import type { TextCimArray, TextCimSchema, TextGroup, TextItem, TextSequence, TextStep } from './text-types.js';
import { uncarried } from './uncarried.js';
import { MAX_YAML_GROUP_DEPTH, refuseTooDeepForYaml } from './yaml-depth.js';

export { MAX_YAML_GROUP_DEPTH };
import { stringifyYaml } from './yaml-text.js';
import { shownValue } from '../shown-value.js';

/** The text schema's patterns, compiled once (see text-schema.ts). */
const VERSION = new RegExp(VERSION_PATTERN);
const CIM_NAME = new RegExp(CIM_NAME_PATTERN);

/** Refuses a node holding what the text form has no place for (see {@link uncarried}): it would be dropped. */
function assertCarried(node: Sequence | SequenceItem, path: string): void {
  const what = uncarried(node);
  if (what === undefined) return;
  const where = path === '' ? 'the <sequence>' : `${node.tag} ${JSON.stringify(path)}`;
  throw new TaskSequenceError('INVALID_ARGUMENT', `The text form cannot carry ${what} in ${where}; it would be lost (convert --to json keeps everything).`, path === '' ? {} : { path });
}

function common(item: SequenceItem, out: TextStep | TextGroup, standard: Record<string, string>): void {
  if (item.attributes.description) out.description = item.attributes.description;
  if (item.attributes.disable === 'true') out.disabled = true;
  if (item.attributes.continueOnError === 'true') out.continueOnError = true;
  if (!same(Object.entries(item.attributes), Object.entries(standard))) out.attributes = { ...item.attributes };
  const cond = conditionOf(item);
  if (cond) out.condition = textCondition(cond);
}

/**
 * The text form of a sequence's or group's items, depth first in document order. An explicit stack rather than
 * recursion, so a sequence nested as deep as the reader's `maxDepth` allows is converted without exhausting the
 * call stack; each group is written (and its condition read) before its children, as a recursive walk would.
 */
function itemsText(parent: Sequence | Group, release: Release): TextItem[] {
  const top: TextItem[] = [];
  const stack: { parent: Sequence | Group; items: SequenceItem[]; next: number; out: TextItem[]; path: string; group?: TextGroup }[] = [
    { parent, items: parent.children.filter(isSequenceItem), next: 0, out: top, path: '' },
  ];
  for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
    const item = frame.items[frame.next++];
    if (item === undefined) {
      stack.pop();
      // Steps last, after the group's own fields, and only when the group has any.
      if (frame.group && frame.out.length > 0) frame.group.steps = frame.out;
      continue;
    }
    const path = `${frame.path}${frame.path === '' ? '' : '/'}${item.attributes.name ?? ''}`;
    assertCarried(item, path);
    if (item.kind !== 'group') {
      frame.out.push(stepText(item, release));
      continue;
    }
    const g: TextGroup = { group: item.attributes.name ?? '' };
    const standard: Record<string, string> = { name: item.attributes.name ?? '', description: item.attributes.description ?? '' };
    if (item.attributes.disable === 'true') standard.disable = 'true';
    if (item.attributes.continueOnError === 'true') standard.continueOnError = 'true';
    common(item, g, standard);
    frame.out.push(g);
    // `stack` is the chain of the group's ancestors: one inside itself (put there by hand) is refused, as its text
    // would have no end (see contains-itself.ts).
    if (item === (stack[checkpointDepth(stack.length)] as { parent: Sequence | Group }).parent) containsItself(item);
    stack.push({ parent: item, items: item.children.filter(isSequenceItem), next: 0, out: [], path, group: g });
  }
  return top;
}

/** Where a node of the container is in the file, for an error. */
function placeOf(doc: TaskSequenceDocument, node: Node): { range?: [number, number]; linePos?: LinePos } {
  const o = originOf(node);
  const linePos = doc.positionOf(node);
  return { ...(o ? { range: [o.start, o.start] as [number, number] } : {}), ...(linePos ? { linePos } : {}) };
}

/**
 * An object.xml's array properties, in order; one holding what the text form cannot say is refused, with what and
 * where, rather than dropped.
 */
function packageArrays(doc: TaskSequenceDocument): Record<string, TextCimArray> {
  const out: Record<string, TextCimArray> = {};
  if (doc.container !== 'cim-instance') return out;
  const root = doc.xml.children.find((c): c is Element => 'tag' in c);
  for (const read of root ? readCimArrays(root) : []) {
    const place = { path: read.name, ...placeOf(doc, read.element) };
    if ('uncarried' in read) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `The text form cannot carry ${read.uncarried} in the array property ${JSON.stringify(read.name)}; it would be lost (convert --to json keeps everything).`, place);
    }
    if (Object.hasOwn(out, read.name)) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `The text form cannot carry a second array property ${JSON.stringify(read.name)}; it would be lost (convert --to json keeps everything).`, place);
    }
    out[read.name] = read.array;
  }
  return out;
}

/**
 * An object.xml's schema data (qualifiers, property attributes besides name and type) and its properties' order, when
 * it has any or the order is not the one the builder gives `text` (read so far) without them; what it cannot say is
 * refused, with what and where, rather than dropped.
 */
function packageSchema(doc: TaskSequenceDocument, root: Element, text: TextSequence): TextCimSchema | undefined {
  const read = readInstanceSchema(root);
  if ('uncarried' in read) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The text form cannot carry ${read.uncarried} in the object.xml; it would be lost (convert --to json keeps everything).`, placeOf(doc, read.node));
  }
  const props = text.package ?? {};
  const nulls = Object.keys(text.packageTypes ?? {}).filter((k) => !Object.hasOwn(props, k));
  const builderOrder = [...Object.keys(props), ...nulls, ...Object.keys(text.packageArrays ?? {}), 'Sequence'];
  const out: TextCimSchema = {};
  if (Object.keys(read.qualifiers).length > 0) out.qualifiers = read.qualifiers;
  const said = Object.values(read.properties).some((s) => Object.keys(s).length > 0);
  if (said || !same(Object.keys(read.properties), builderOrder)) out.properties = read.properties;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The document in the text form (plain data; see {@link toYaml} for the YAML text). Throws `INVALID_ARGUMENT` for what
 * the text form cannot carry, and for a node that contains itself (put among its own descendants by hand).
 */
export function sequenceToText(doc: TaskSequenceDocument): TextSequence {
  // A value that is no string or a child that is no node (set by hand), in the sequence or the package's properties,
  // is refused, typed, before any walk of the text form meets it.
  checkDocumentTree(doc, 'sequenceToText');
  return textOf(doc);
}

/** {@link sequenceToText} of a sequence already walked once by {@link checkTree}. */
function textOf(doc: TaskSequenceDocument): TextSequence {
  assertCarried(doc.sequence, '');
  const release = sequenceRelease(doc.sequence, doc.container);
  const out: TextSequence = { container: doc.container, steps: [] };
  // Said even when absent: the builder gives a sequence without one the container's usual version.
  out.version = doc.sequence.attributes.version ?? null;
  // The text's schema takes a version of digits only (`3.10`); one it refuses would make a text cmts build refuses.
  if (out.version !== null && !VERSION.test(out.version)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The text form cannot carry the <sequence> version ${shownValue(out.version, '"')} (it takes digits such as 3.10); it would be refused when built (convert --to json keeps everything).`, placeOf(doc, doc.sequence));
  }
  if (textRelease(out, doc.container) !== release) out.release = release;
  const root = doc.xml.children.find((c): c is Element => 'tag' in c);
  const part = root ? uncarriedContainer(doc.container, root) : undefined;
  if (part) throw new TaskSequenceError('INVALID_ARGUMENT', `The text form cannot carry ${part.what} in the ${doc.container === 'cim-instance' ? 'object.xml' : '2007 export'}; it would be lost (convert --to json keeps everything).`, placeOf(doc, part.node));
  const props = doc.properties();
  // Even none: without package, the builder gives a container its usual properties.
  if (doc.hasProperties) out.package = props;
  // A scalar property's type when it is not a string, then every null one (listProperties leaves them out), which
  // is where the builder writes them: so converting what it built gives the same text.
  const all = Object.entries(root ? listPropertyTypes(doc.container, root) : {});
  // A string where the builder would write the class's type (ProgramFlags as string) is written too.
  const typed = ([k, t]: [string, string]) => (t !== 'string' || packagePropertyType(k) !== 'string') && Object.hasOwn(props, k);
  const types = [...all.filter(typed), ...all.filter(([k]) => !Object.hasOwn(props, k))];
  // A type the text's schema refuses (not a CIM name) would make a text cmts build refuses.
  const odd = types.find(([, t]) => !CIM_NAME.test(t));
  if (odd) throw new TaskSequenceError('INVALID_ARGUMENT', `The text form cannot carry the CIM type ${shownValue(odd[1], '"')} of the property ${shownValue(odd[0], '"')} (not a CIM name); it would be refused when built (convert --to json keeps everything).`, { path: odd[0] });
  if (types.length > 0) out.packageTypes = Object.fromEntries(types);
  const arrays = packageArrays(doc);
  if (Object.keys(arrays).length > 0) out.packageArrays = arrays;
  const schema = root && doc.container === 'cim-instance' ? packageSchema(doc, root, out) : undefined;
  if (schema) out.packageSchema = schema;
  const { version: _version, ...rest } = doc.sequence.attributes;
  if (Object.keys(rest).length > 0) out.attributes = rest;
  const globals = doc.sequence.children.find((c) => c.kind === 'variableList');
  if (globals && globals.kind === 'variableList') out.variables = globals.children.filter((c): c is Variable => c.kind === 'variable').map(textVariable);
  const refs = referenceList(doc.sequence);
  if (refs) out.references = refs.children.filter((c) => c.kind === 'reference').map((r) => ({ ...(r as { attributes: Record<string, string> }).attributes }));
  // Steps last: the sequence's own settings read first.
  const { steps: _steps, ...head } = out;
  return { ...head, steps: itemsText(doc.sequence, release) };
}

/**
 * The document as YAML in the text form, with a schema comment editors use for completion and checks. Groups up to
 * {@link MAX_YAML_GROUP_DEPTH} deep are written (see {@link stringifyYaml}); deeper ones are refused (`TEXT_TOO_DEEP`).
 * {@link fromYaml} reads the text back up to its `maxDepth`.
 */
export function toYaml(doc: TaskSequenceDocument): string {
  checkDocumentTree(doc, 'toYaml');
  refuseTooDeepForYaml(doc.sequence);
  const body = stringifyYaml(textOf(doc));
  return `# yaml-language-server: $schema=https://cmts.dev/schemas/sequence-text.schema.json\n${body}`;
}
