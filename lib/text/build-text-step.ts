/**
 * One step or group of the text form as model nodes: typed steps through the catalog's builder, with whatever the
 * text writes out raw (attributes, action line, variables) taking precedence.
 */
import { MAX_ITEM_DESCRIPTION } from '../model/item-checks.js';
import { renderAction } from '../catalog/action-line.js';
import { buildStep } from '../catalog/build-step.js';
import { catalogEntry, catalogEntryByName } from '../catalog/catalog.js';
import { isCurrentBranch, type Release } from '../catalog/versions.js';
import { TaskSequenceError } from '../errors.js';
import { buildCondition } from '../model/condition-builder.js';
import { checkpointDepth, containsItself } from '../model/contains-itself.js';
import { shownValue } from '../shown-value.js';
import type { Attributes, Group, Node, SequenceItem, Step, SubTaskSequence, Variable } from '../model/types.js';
import type { TextGroup, TextItem, TextStep, TextVariable } from './text-types.js';

/** A raw variable of the text form as a `<variable>`. */
export function variableNode(v: TextVariable): Variable {
  const attributes: Attributes = { name: v.name };
  if (v.property !== null) attributes.property = v.property ?? v.name;
  if (v.hidden !== undefined) attributes.hidden = v.hidden ? 'true' : 'false';
  return { kind: 'variable', tag: 'variable', attributes, value: v.value };
}

function isGroup(item: TextItem): item is TextGroup {
  return 'group' in item;
}

function flags(attributes: Attributes, item: TextStep | TextGroup): void {
  if (item.disabled) attributes.disable = 'true';
  if (item.continueOnError) attributes.continueOnError = 'true';
}

/**
 * The first field of an item that says otherwise than its raw `attributes` (which the builder writes as they are),
 * or typed `settings` beside raw `variables` (which the builder writes instead), described; undefined when they agree. Converting writes both, agreeing; a text edited in one and not the other
 * would have the edit dropped without a word, so it is refused instead.
 */
export function attributesDisagree(item: TextStep | TextGroup): string | undefined {
  const a = item.attributes ?? {};
  if (item.attributes === undefined) return !isGroup(item) && item.settings !== undefined && item.variables !== undefined ? 'settings and variables both give the step\'s values, and only variables would be built' : undefined;
  const name = isGroup(item) ? item.group : item.name;
  const differs = (field: string, said: string, raw: string | undefined) => `${field} says ${JSON.stringify(said)} but attributes.${raw === undefined ? field : raw}`;
  if (name !== undefined && (a.name ?? '') !== name) return `${differs(isGroup(item) ? 'group' : 'name', name, 'name')} says ${JSON.stringify(a.name ?? '')}`;
  // A description longer than the builders take is written by convert in the raw attributes alone (see stepText).
  const rawOnly = item.description === undefined && (a.description ?? '').length > MAX_ITEM_DESCRIPTION;
  if (!rawOnly && (a.description ?? '') !== (item.description ?? '')) return `${differs('description', item.description ?? '', 'description')} says ${JSON.stringify(a.description ?? '')}`;
  if ((a.disable === 'true') !== (item.disabled === true)) return `disabled is ${item.disabled === true} but attributes.disable is ${JSON.stringify(a.disable ?? '(none)')}`;
  if ((a.continueOnError === 'true') !== (item.continueOnError === true)) return `continueOnError is ${item.continueOnError === true} but attributes.continueOnError is ${JSON.stringify(a.continueOnError ?? '(none)')}`;
  if (isGroup(item)) return undefined;
  if (item.settings !== undefined && item.variables !== undefined) return 'settings and variables both give the step\'s values, and only variables would be built';
  if (item.step !== undefined && catalogEntry(a.type)?.consoleName !== catalogEntryByName(item.step)?.consoleName) return `${differs('step', item.step, 'type')} says ${JSON.stringify(a.type ?? '(none)')}`;
  if (item.type !== undefined && a.type !== item.type) return `${differs('type', item.type, 'type')} says ${JSON.stringify(a.type ?? '(none)')}`;
  if (item.timeout !== undefined && a.timeout !== String(item.timeout)) return `timeout is ${item.timeout} but attributes.timeout is ${JSON.stringify(a.timeout ?? '(none)')}`;
  if (item.runIn !== undefined && a.runIn !== item.runIn) return `${differs('runIn', item.runIn, 'runIn')} says ${JSON.stringify(a.runIn ?? '(none)')}`;
  if (item.successCodes !== undefined && a.successCodeList !== item.successCodes.join(' ')) return `successCodes is ${item.successCodes.join(' ')} but attributes.successCodeList is ${JSON.stringify(a.successCodeList ?? '(none)')}`;
  return undefined;
}

/**
 * Two fields of an item that say different things where the builder writes only one, described; undefined when they
 * agree: a group's `name` beside its `group` (the name it is built with), a step's `type` beside its `step` (the type
 * it is built as). The schema takes both, and the one not built was dropped without a word.
 */
export function fieldsClash(item: TextStep | TextGroup): string | undefined {
  if (isGroup(item)) return item.name !== undefined && item.name !== item.group ? `name says ${JSON.stringify(item.name)} but group says ${JSON.stringify(item.group)}, and a group is named by group: give one of them` : undefined;
  if (item.step === undefined || item.type === undefined || catalogEntry(item.type)?.consoleName === catalogEntryByName(item.step)?.consoleName) return undefined;
  return `step says ${JSON.stringify(item.step)} but type says ${JSON.stringify(item.type)}, another step type: give one of them`;
}

/** A step of the text form as a `<step>` (or `<subtasksequence>`). */
export function stepNode(t: TextStep, release: Release): Step | SubTaskSequence {
  const entry = t.step !== undefined ? catalogEntryByName(t.step) : catalogEntry(t.type);
  if (t.step !== undefined && !entry) throw atField(new TaskSequenceError('INVALID_ARGUMENT', `The step catalog has no step ${JSON.stringify(t.step)}.`), 'step');
  const name = t.name ?? entry?.consoleName ?? t.type ?? '';
  let node: Step | SubTaskSequence;
  if (entry) {
    node = buildStep(entry.type, {
      // Named below: the text form takes a name as a file has it (empty, or up to 255 characters, see text-schema.ts),
      // not only the 1 to 50 characters the builders make.
      name: 'step',
      ...(t.description !== undefined ? { description: t.description } : {}),
      ...(t.disabled ? { disabled: true } : {}),
      ...(t.continueOnError ? { continueOnError: true } : {}),
      ...(t.timeout !== undefined ? { timeout: t.timeout } : {}),
      ...(t.runIn !== undefined ? { runIn: t.runIn } : {}),
      ...(t.successCodes !== undefined ? { successCodes: t.successCodes } : {}),
      release,
      retryAttributes: isCurrentBranch(release),
      fillDefaults: t.variables === undefined,
      settings: (t.variables === undefined ? (t.settings ?? {}) : {}) as never,
    });
    node.attributes.name = name;
  } else {
    // No catalog entry says what a setting of this type is written as: settings would be dropped without a word.
    if (t.settings !== undefined) throw atField(new TaskSequenceError('INVALID_ARGUMENT', `The step type ${shownValue(t.type ?? '(none)', '"')} is not in the step catalog, so it has no settings: give its variables instead.`), 'settings');
    const attributes: Attributes = t.type !== undefined ? { type: t.type, name, description: t.description ?? '' } : { name, description: t.description ?? '' };
    flags(attributes, t);
    // In the console's order, as the builder writes them for a catalog type (they were dropped for any other).
    if (t.timeout !== undefined) attributes.timeout = String(t.timeout);
    if (t.runIn !== undefined) attributes.runIn = t.runIn;
    if (t.successCodes !== undefined) attributes.successCodeList = t.successCodes.join(' ');
    node = { kind: t.element === 'subtasksequence' ? 'subtasksequence' : 'step', tag: t.element ?? 'step', attributes, children: [] };
  }
  // The element asked for, also for a catalog type (Run Task Sequence written as <step>): the same step either way.
  if (t.element !== undefined && t.element !== node.kind) node = t.element === 'subtasksequence' ? { ...node, kind: 'subtasksequence', tag: 'subtasksequence' } : { ...node, kind: 'step', tag: 'step' };
  if (t.attributes) node.attributes = { ...t.attributes };
  // Asked for by the text only: a step without a list gets none (neither the builder's nor an empty one).
  if (t.variables === null) node.children = node.children.filter((c) => c.kind !== 'variableList');
  if (t.variables) {
    const vars = t.variables.map(variableNode);
    const list = node.children.find((c) => c.kind === 'variableList');
    if (list && list.kind === 'variableList') list.children = vars;
    else node.children.push({ kind: 'variableList', tag: 'defaultVarList', attributes: {}, children: vars });
    // The attributes the console mirrors from variables follow the raw variables too, unless the text gives the
    // attributes as written: a file whose successCodeList says another thing than its SuccessCodes variable (a hand
    // edit) came back with the variable's codes, another step to the engine, which judges success by the attribute.
    for (const v of vars) {
      if (v.attributes.property === 'SuccessCodes' && 'successCodeList' in node.attributes && t.attributes?.successCodeList === undefined) node.attributes.successCodeList = v.value;
      if (v.attributes.property === 'RetryCount' && 'retryCount' in node.attributes && t.attributes?.retryCount === undefined) node.attributes.retryCount = v.value;
    }
  }
  const rendered = entry && t.variables ? renderAction(entry.action, Object.fromEntries(t.variables.map((v) => [v.property ?? v.name, v.value]))) : undefined;
  const action = t.action === undefined ? rendered : t.action;
  if (action === null) node.children = node.children.filter((c) => c.kind !== 'action');
  else if (action !== undefined) {
    const at = node.children.findIndex((c) => c.kind === 'action');
    if (at === -1) node.children.unshift({ kind: 'action', tag: 'action', attributes: {}, value: action });
    else node.children[at] = { kind: 'action', tag: 'action', attributes: {}, value: action };
  }
  if (t.condition) node.children.unshift(buildCondition(...t.condition));
  return node;
}

/**
 * Model nodes for items of the text form, spelt as `release`'s console writes them. Depth first in text order with an
 * explicit stack rather than recursion, so text nested as deep as the reader's `maxDepth` allows in XML is built
 * without exhausting the call stack; a group's condition is built before its children, as a recursive walk would.
 * `check`, when given, is made of each item (its steps aside) before it is built, with its place in the text.
 */
export function buildTextItems(items: readonly TextItem[], release: Release, check?: (item: unknown, path: () => readonly (string | number)[]) => void): SequenceItem[] {
  const top: SequenceItem[] = [];
  const stack: { items: readonly TextItem[]; next: number; out: Node[] }[] = [{ items, next: 0, out: top }];
  for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
    // By the length: a hole or an `undefined` in a script's list is an item (refused), not the list's end.
    if (frame.next >= frame.items.length) {
      stack.pop();
      continue;
    }
    const item = frame.items[frame.next++] as TextItem;
    try {
      // The place is made only when the check fails (made for every item, a chain of groups cost its depth squared).
      if (check) check(item, () => stack.flatMap((f) => ['steps', f.next - 1]));
      const clash = fieldsClash(item);
      if (clash !== undefined) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not a task sequence: ${clash}.`);
      const disagree = attributesDisagree(item);
      if (disagree !== undefined) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not a task sequence: ${disagree}; change both or remove the raw one.`);
      if (!isGroup(item)) {
        frame.out.push(stepNode(item, release));
        continue;
      }
      const attributes: Attributes = { name: item.group, description: item.description ?? '' };
      flags(attributes, item);
      const children: Node[] = [];
      if (item.condition) children.push(buildCondition(...item.condition));
      const group: Group = { kind: 'group', tag: 'group', attributes: item.attributes ? { ...item.attributes } : attributes, children };
      frame.out.push(group);
      // `stack` is the chain of the lists above: a group whose steps are one of them (text data a script made; fromYaml
      // refuses the alias that would make one) contains itself, and would be built without end (see contains-itself.ts).
      const steps = item.steps ?? [];
      const above = stack[checkpointDepth(stack.length)] as { items: readonly TextItem[] };
      if (steps === above.items) containsItself(item, 'INVALID_ARGUMENT', `The group ${shownValue(item.group, '"')}`);
      stack.push({ items: steps, next: 0, out: children });
    } catch (e) {
      // The item being built in each frame is the one before its next: the path is made only when it is needed.
      if (e instanceof TaskSequenceError && !TEXT_PATH.has(e)) TEXT_PATH.set(e, [...stack.flatMap((f) => ['steps', f.next - 1]), ...(FIELD.has(e) ? [FIELD.get(e) as string] : [])]);
      throw e;
    }
  }
  return top;
}

/** The place in the text (keys and list indexes from its top) of the item an error was thrown building, or of its field. */
const TEXT_PATH = new WeakMap<TaskSequenceError, readonly (string | number)[]>();

/** The field of its item (`step`, `settings`) an error was thrown for: placed there, not at the start of the item. */
const FIELD = new WeakMap<TaskSequenceError, string>();
const atField = (e: TaskSequenceError, field: string): TaskSequenceError => (FIELD.set(e, field), e);

/**
 * Where in the text (keys and list indexes from its top, `['steps', 0, 'steps', 2]`) the item was that `e` was thrown
 * building (and the field of it, `['steps', 0, 'settings']`, when one field is what is wrong), when
 * {@link buildTextItems} threw it.
 */
export function textPathOf(e: TaskSequenceError): readonly (string | number)[] | undefined {
  return TEXT_PATH.get(e);
}
