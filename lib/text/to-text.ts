/**
 * An existing sequence in the text form: each step typed through the catalog when the builder, given those settings,
 * writes the same element back; otherwise with exactly what it needs written raw (attributes, action line,
 * variables), so that building the text again gives a sequence equal by meaning to the original.
 */
import { catalogEntry } from '../catalog/catalog.js';
import { validateStepSettings } from '../catalog/step-schemas.js';
import { StepView } from '../catalog/step-view.js';
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
import { type ConditionOperand, readCondition } from '../model/condition-builder.js';
import { referenceList } from '../model/mutate.js';
import { isSequenceItem } from '../model/query.js';
import type { Condition, Element, Group, Node, Sequence, SequenceItem, Step, SubTaskSequence, Variable } from '../model/types.js';
import { getAction, variables } from '../model/variables.js';
import { originOf } from '../xml/origin.js';
import { stepNode } from './build-text-step.js';
import { CIM_NAME_PATTERN, EXIT_CODE_RANGE, MAX_NAME_LENGTH, MAX_TIMEOUT, VERSION_PATTERN } from './text-schema.js';
import { textRelease } from './build-sequence.js';
import type { TextCimArray, TextCimSchema, TextGroup, TextItem, TextSequence, TextStep, TextVariable } from './text-types.js';
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

function textVariable(v: Variable): TextVariable {
  // Keys in reading order: name, property (when it differs), hidden, value.
  return {
    name: v.attributes.name ?? '',
    ...(v.attributes.property === undefined ? { property: null } : v.attributes.property !== v.attributes.name ? { property: v.attributes.property } : {}),
    ...(v.attributes.hidden === 'true' || v.attributes.hidden === 'false' ? { hidden: v.attributes.hidden === 'true' } : {}),
    // As the reader gives it, each line end one LF: the same text for a CRLF file; a CR is one written `&#13;`.
    value: v.value,
  };
}

/**
 * The condition's operands, each generic expression with its parameters in name order: the order the builder writes
 * them in (as the console does), so that converting the sequence built from the text gives the same text. The
 * operands are fresh from `readCondition`, so they are sorted in place, without recursion (a condition may be
 * thousands deep).
 */
function textCondition(c: Condition): ConditionOperand[] {
  const operands = readCondition(c);
  const stack: ConditionOperand[] = [...operands];
  for (let o = stack.pop(); o !== undefined; o = stack.pop()) {
    if ('expression' in o) o.parameters = Object.fromEntries(Object.entries(o.parameters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    else if ('and' in o || 'or' in o || 'not' in o) for (const inner of 'and' in o ? o.and : 'or' in o ? o.or : o.not) stack.push(inner);
  }
  return operands;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function common(item: SequenceItem, out: TextStep | TextGroup, standard: Record<string, string>): void {
  if (item.attributes.description) out.description = item.attributes.description;
  if (item.attributes.disable === 'true') out.disabled = true;
  if (item.attributes.continueOnError === 'true') out.continueOnError = true;
  if (!same(Object.entries(item.attributes), Object.entries(standard))) out.attributes = { ...item.attributes };
  const cond = conditionOf(item);
  if (cond) out.condition = textCondition(cond);
}

const RUN_IN = ['WinPE', 'FullOS', 'WinPEandFullOS'] as const;

const spelling = (s: Step | SubTaskSequence) => ({
  attributes: Object.entries(s.attributes),
  action: getAction(s) ?? null,
  variables: s.children.some((c) => c.kind === 'variableList') ? variables(s).map((v) => [Object.entries(v.attributes), v.value]) : null,
});

/** The step's variables as the text writes them raw: null when it has no `<defaultVarList>`, which `[]` would add. */
const rawVariables = (s: Step | SubTaskSequence): TextVariable[] | null => (s.children.some((c) => c.kind === 'variableList') ? variables(s).map(textVariable) : null);

function stepText(step: Step | SubTaskSequence, release: Release): TextStep {
  const a = step.attributes;
  const entry = a.type === undefined ? undefined : catalogEntry(a.type);
  const view = new StepView(step);
  const t: TextStep = {};
  if (entry) t.step = entry.consoleName;
  else if (a.type !== undefined) t.type = a.type;
  // The element the builder makes for the type (the catalog's, else <step>), said when the file used the other.
  if (step.kind !== ((entry?.element ?? 'step') === 'subtasksequence' ? 'subtasksequence' : 'step')) t.element = step.kind;
  t.name = a.name ?? '';
  if (a.description) t.description = a.description;
  if (a.disable === 'true') t.disabled = true;
  if (a.continueOnError === 'true') t.continueOnError = true;
  // Typed only when the number prints as written (the builder refuses one printed in exponent form, 1e+21) and the
  // text's schema takes it (at most a UInt32); otherwise the attributes are written raw.
  if (a.timeout !== undefined && /^\d+$/.test(a.timeout) && String(Number(a.timeout)) === a.timeout && Number(a.timeout) <= MAX_TIMEOUT) t.timeout = Number(a.timeout);
  const runIn = RUN_IN.find((r) => r === a.runIn);
  if (entry && runIn !== undefined && runIn !== entry.runIn) t.runIn = runIn;
  // Typed only when each code is one the text's schema takes (an exit code); otherwise the attributes are written raw.
  const codes = a.successCodeList !== undefined && /^-?\d+( -?\d+)*$/.test(a.successCodeList) ? a.successCodeList.split(' ').map(Number) : undefined;
  if (entry && codes && a.successCodeList !== entry.successCodeList && codes.every((c) => c >= EXIT_CODE_RANGE.minimum && c <= EXIT_CODE_RANGE.maximum)) t.successCodes = codes;
  const cond = conditionOf(step);
  if (cond) t.condition = textCondition(cond);
  // Typed only when the settings are valid for the type (the schema the text is checked against on build).
  const clean = entry !== undefined && Object.keys(view.verbatim).length === 0 && view.extra.length === 0 && validateStepSettings(entry.type, view.settings).length === 0;
  if (clean && Object.keys(view.settings).length > 0) t.settings = view.settings;
  const want = spelling(step);
  const build = (x: TextStep) => {
    try {
      return spelling(stepNode(x, release));
    } catch {
      return undefined; // typed settings the builder refuses (a required one missing): written raw instead
    }
  };
  // Whatever the typed form does not reproduce exactly is written out raw, one part at a time.
  let got = build(t) ?? { attributes: [], action: null, variables: null };
  if (!build(t)) {
    delete t.settings;
    t.variables = rawVariables(step);
    got = build(t) ?? got;
  }
  if (!clean || !same(got.variables, want.variables)) {
    delete t.settings;
    t.variables = rawVariables(step);
  }
  got = spelling(stepNode(t, release));
  if (!same(got.attributes, want.attributes)) {
    delete t.timeout;
    delete t.runIn;
    delete t.successCodes;
    t.attributes = { ...a };
  }
  if (got.action !== want.action) t.action = want.action;
  // A name longer than the text's schema takes is said by the raw attributes only: written as name, the text was one
  // cmts build refused.
  if (t.name !== undefined && t.name.length > MAX_NAME_LENGTH) {
    delete t.name;
    t.attributes ??= { ...a };
  }
  return t;
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
