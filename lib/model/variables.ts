/**
 * Step properties: the `<action>` command line and the `<defaultVarList>` variables of a step, read and written in
 * place so that only what changes differs in the output (variables are written by set-variable.ts).
 */
import { TaskSequenceError } from '../errors.js';
import { checkElement, checkStepLike, checkString, checkVariableKey } from './argument-checks.js';
import { appendLaidOut, detectIndentUnit, insertLaidOut, insertLaidOutBefore } from './format.js';
import type { Action, Element, Step, SubTaskSequence, Variable, VariableList } from './types.js';
import { currentIndex, INDEX_FROM, type MarkedUpVariable, searchList } from './variable-search.js';

type StepLike = Step | SubTaskSequence;

/** The step's `<defaultVarList>`, if it has one. */
export function variableList(step: StepLike): VariableList | undefined {
  checkStepLike('variableList', step);
  // Indexed, as in getAction: run once per step by every scan of a sequence, and a command's start-up runs it before
  // V8 has optimised it, when a for-of makes an object per child.
  const children = step.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i] as (typeof children)[number];
    if (c.kind === 'variableList') return c;
  }
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

/** The step's `<action>` command line. */
export function getAction(step: StepLike): string | undefined {
  checkStepLike('getAction', step);
  // Indexed: a for-of makes an object per child until V8 optimises the function, and a command's start-up is over first.
  const children = step.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i] as (typeof children)[number];
    if (c.kind === 'action') return c.value;
  }
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
