/**
 * Step properties: the `<action>` command line and the `<defaultVarList>` variables of a step, read and written in
 * place so that only what changes differs in the output.
 */
import { TaskSequenceError } from '../errors.js';
import { checkElement, checkStepLike, checkString, checkVariableKey } from './argument-checks.js';
import { appendLaidOut, detectIndentUnit, insertLaidOut, insertLaidOutBefore, layoutAt } from './format.js';
import type { Action, Element, Node, Parent, ParentElement, Step, SubTaskSequence, Variable, VariableList } from './types.js';
import { currentIndex, INDEX_FROM, indexes, isMarkedUpVariable, type MarkedUpVariable, noteVariable, searchList } from './variable-search.js';

type StepLike = Step | SubTaskSequence;

/** The step's `<defaultVarList>`, if it has one. */
export function variableList(step: StepLike): VariableList | undefined {
  checkStepLike('variableList', step);
  for (const c of step.children) if (c.kind === 'variableList') return c;
  return undefined;
}

/** The variables of a step, in written order. */
export function variables(step: StepLike): Variable[] {
  checkStepLike('variables', step);
  return variableList(step)?.children.filter((c): c is Variable => c.kind === 'variable') ?? [];
}

/** A step variable's two keys: the task sequence variable `name` and the WMI `property` it stands for. */
export interface VariableKey {
  name: string;
  property: string;
}

/**
 * The variable names of the properties cmts reads and writes, by step class (from the step catalog's `variables`),
 * so that a variable written without `property="…"` (hand-edited exports do that) is still found by its property.
 */
const KNOWN_NAMES: Record<string, Record<string, string>> = {
  SMS_TaskSequence_SetupWindowsAndSMSAction: { ClientInstallProperties: 'SMSClientInstallProperties', ClientPackageID: '_SMSClientPackageID' },
  SMS_TaskSequence_InstallSoftwareAction: { ProgramName: '_SMSSWDProgramName' },
  SMS_TaskSequence_RebootAction: { Target: 'SMSRebootTarget', Message: 'SMSRebootMessage', MessageTimeout: 'SMSRebootTimeout' },
  SMS_TaskSequence_SubTasksequence: { TsPackageID: 'OSDSubTasksequencePackageID' },
};

/** Both keys of a property of `step` given either key (a name not in the table stands for itself). */
export function variableKey(step: StepLike, key: string | VariableKey): VariableKey {
  if (typeof key !== 'string') return key;
  return { name: knownName(step, key), property: key };
}

/** The variable name of property `key` of `step` (own keys only: a type read from a file may be `constructor`). */
function knownName(step: StepLike, key: string): string {
  const type = step.attributes.type ?? '';
  const names = Object.hasOwn(KNOWN_NAMES, type) ? KNOWN_NAMES[type] : undefined;
  return names !== undefined && Object.hasOwn(names, key) ? (names[key] as string) : key;
}

/** The variable node a key names, a value or one with markup (see {@link findVariable} for the rule). */
function findVariableNode(step: StepLike, key: string | VariableKey): Variable | MarkedUpVariable | undefined {
  const { name, property } = variableKey(step, key);
  const list = variableList(step);
  if (!list) return undefined;
  if (list.children.length >= INDEX_FROM) {
    const index = currentIndex(list);
    if (index !== undefined) return index.find(name, property);
  }
  return searchList(list.children, name, property);
}

/**
 * What a variable with markup says, as ConfigMgr's reader takes it (.NET's `InnerText`): its text and CDATA, without
 * comments and processing instructions.
 */
function textOf(variable: MarkedUpVariable): string {
  let text = '';
  for (const c of variable.children) if (c.kind === 'text' || c.kind === 'cdata') text += c.value;
  return text;
}

/**
 * A step variable, by one lookup rule for reading and writing: by `name` first (task sequence variable names are not
 * case-sensitive), then by `property` (the WMI property name, matched exactly). A string key is a property name or a
 * variable name; see {@link variableKey}. Throws `VARIABLE_HAS_MARKUP` for a variable that holds a comment or a
 * processing instruction besides its text: it cannot be given a value without losing them, and a caller that took
 * it for missing would add a second variable of the same name.
 */
export function findVariable(step: StepLike, key: string | VariableKey): Variable | undefined {
  checkStepLike('findVariable', step);
  checkVariableKey('findVariable', key);
  const found = findVariableNode(step, key);
  if (found === undefined || found.kind === 'variable') return found;
  const label = found.attributes.name ?? found.attributes.property ?? '';
  throw new TaskSequenceError(
    'VARIABLE_HAS_MARKUP',
    `The variable ${JSON.stringify(label)} of step ${JSON.stringify(step.attributes.name ?? '')} holds a comment or processing instruction besides its text (${JSON.stringify(textOf(found))}); cmts will not rewrite it, which would lose them. Remove them from the variable first.`,
  );
}

/** The value of a step variable (see {@link findVariable}; of one with markup, its text), or undefined when the step has none. */
export function getVariableValue(step: StepLike, key: string | VariableKey): string | undefined {
  checkStepLike('getVariableValue', step);
  checkVariableKey('getVariableValue', key);
  const found = findVariableNode(step, key);
  return found === undefined ? undefined : found.kind === 'variable' ? found.value : textOf(found);
}

/** What a new variable is written with, when {@link setVariable} has to add one. */
export interface NewVariable extends VariableKey {
  hidden?: boolean;
}

/**
 * Sets a step variable's value. An existing variable (found as {@link findVariable} finds it) keeps its attributes; a missing one is
 * added to the `<defaultVarList>` (created when absent) laid out like its neighbours.
 */
export function setVariable(step: StepLike, key: string | NewVariable, value: string, context?: Parent): Variable {
  // Checked before any lookup: null as the key threw a TypeError, and a value that is no string was refused only by the
  // writer, at a line of its output.
  checkStepLike('setVariable', step);
  checkVariableKey('setVariable', key);
  checkString('setVariable', value);
  const spec: NewVariable = typeof key === 'string' ? variableKey(step, key) : key;
  // The same rule as reading, so a value is never read from one variable and written to another.
  const existing = findVariable(step, spec);
  if (existing) {
    existing.value = value;
    return existing;
  }
  return addVariable(step, spec, value, context);
}

/**
 * Adds a variable to the step's `<defaultVarList>` (created when absent), laid out like its neighbours, without
 * looking for one of the same name first: for a caller that knows there is none (see {@link variableIndex}).
 */
export function addVariable(step: StepLike, spec: NewVariable, value: string, context?: Parent): Variable {
  checkStepLike('addVariable', step);
  checkVariableKey('addVariable', spec);
  checkString('addVariable', value);
  const variable: Variable = {
    kind: 'variable',
    tag: 'variable',
    attributes: { name: spec.name, property: spec.property, ...(spec.hidden ? { hidden: 'true' } : {}) },
    value,
  };
  const unit = detectIndentUnit(context ?? step);
  let list = variableList(step);
  if (!list) {
    list = { kind: 'variableList', tag: 'defaultVarList', attributes: {}, children: [] };
    appendLaidOut(step, list, undefined, unit);
  }
  const known = indexes.get(list);
  const index = known && known.children === list.children && known.length === list.children.length ? known : undefined;
  appendLaidOut(list, variable, layoutOfChild(step, list, unit), unit);
  // An index that was current is kept so, rather than made again for the next lookup: adding N variables one by one
  // costs N, not N lists indexed. The new variable is last of the list's variables, at most a few nodes from its end.
  if (index && index.children === list.children) {
    let at = list.children.length - 1;
    while (at >= 0 && list.children[at] !== variable) at--;
    noteVariable(index, variable, at);
    index.length = list.children.length;
  }
  return variable;
}

/**
 * The step's variables indexed by name (case ignored) and by property, for a caller that sets many: each lookup finds
 * what {@link findVariable} finds, without a search of the list (setting N variables one by one costs N times the
 * list). Variables added through the index are found by it; the list must not be changed otherwise meanwhile.
 */
export function variableIndex(step: StepLike): { find(key: VariableKey): Variable | undefined; set(key: NewVariable, value: string): { variable: Variable; added: boolean } } {
  checkStepLike('variableIndex', step);
  const byName = new Map<string, Variable | MarkedUpVariable>();
  const byProperty = new Map<string, Variable | MarkedUpVariable>();
  const note = (c: Variable | MarkedUpVariable) => {
    const name = c.attributes.name;
    if (name !== undefined && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), c);
    const property = c.attributes.property;
    if (property !== undefined && !byProperty.has(property)) byProperty.set(property, c);
  };
  for (const c of variableList(step)?.children ?? []) if (c.kind === 'variable' || isMarkedUpVariable(c)) note(c);
  const find = (key: VariableKey): Variable | undefined => {
    const found = byName.get(key.name.toLowerCase()) ?? byProperty.get(key.property);
    // A variable with markup: findVariable refuses it, and says why.
    return found === undefined || found.kind === 'variable' ? found : findVariable(step, key);
  };
  return {
    find,
    set(key, value) {
      const existing = find(key);
      if (existing) {
        existing.value = value;
        return { variable: existing, added: false };
      }
      const variable = addVariable(step, key, value);
      note(variable);
      return { variable, added: true };
    },
  };
}

function layoutOfChild(parent: ParentElement, child: Node, unit: string) {
  const index = parent.children.indexOf(child);
  return index === -1 ? undefined : layoutAt(parent, index, unit);
}

/** The step's `<action>` command line. */
export function getAction(step: StepLike): string | undefined {
  checkStepLike('getAction', step);
  for (const c of step.children) if (c.kind === 'action') return c.value;
  return undefined;
}

/**
 * Sets the step's `<action>` command line. A step without one gets it where ConfigMgr writes it: after the
 * `<condition>`, else before the step's first element, laid out like its neighbours (put first, it stood before the
 * condition and before the white space that indents the first child).
 */
export function setAction(step: StepLike, value: string): void {
  checkStepLike('setAction', step);
  checkString('setAction', value);
  const action = step.children.find((c): c is Action => c.kind === 'action');
  if (action) {
    action.value = value;
    return;
  }
  const added: Action = { kind: 'action', tag: 'action', attributes: {}, value };
  const unit = detectIndentUnit(step);
  const condition = step.children.findIndex((c) => c.kind === 'condition');
  const first = step.children.findIndex((c) => c.kind !== 'text');
  if (condition !== -1) insertLaidOut(step, condition, [added], unit);
  else if (first !== -1) insertLaidOutBefore(step, first, [added], unit);
  else appendLaidOut(step, added, undefined, unit);
}

/** The value of a child element's text (`<Name>…</Name>`), for container property elements. */
export function elementText(element: Element): string {
  checkElement('elementText', element);
  if ('value' in element) return element.value;
  let s = '';
  for (const c of element.children) if (c.kind === 'text' || c.kind === 'cdata') s += c.value;
  return s;
}

/** Replaces an element's content with one text node. */
export function setElementText(element: Element, value: string): void {
  checkElement('setElementText', element);
  checkString('setElementText', value);
  if (elementText(element) === value) return;
  if ('value' in element) element.value = value;
  else element.children = value === '' ? [] : [{ kind: 'text', value }];
}

