/**
 * Writing a setting through a typed view: the variable the console writes (name, property, hidden flag, in the
 * console's property order), the attributes that mirror it, and the `<action>` line re-rendered from the new values
 * in whichever form (console or dialect) the step's action line had.
 */
import { TaskSequenceError } from '../errors.js';
import type { Step, SubTaskSequence } from '../model/types.js';
import { getAction, setAction, setVariable, variables } from '../model/variables.js';
import { matchAction, renderAction, templateProperties } from './action-line.js';
import type { StepTypeData, VariableData } from './types.js';
import { encodeValue, hasShape, type SettingValue } from './values.js';
import { itemSpelling, matchVariable, variableOfSetting } from './variable-match.js';
import { placeInPropertyOrder, removeItemVariable } from './variable-order.js';

/** What writing a setting needs of a view. */
export interface SettingTarget {
  readonly step: Step | SubTaskSequence;
  readonly entry: StepTypeData | undefined;
  propertyTexts(): Record<string, string>;
}

function writeVariable(step: Step | SubTaskSequence, spelling: { name: string; property: string; hidden: boolean }, text: string): void {
  const before = variables(step).length;
  const v = setVariable(step, spelling, text);
  if (variables(step).length > before) placeInPropertyOrder(step, v);
}

function writeArray(view: SettingTarget, data: VariableData, items: readonly Record<string, unknown>[]): void {
  const entry = view.entry;
  if (!entry) return;
  for (const v of variables(view.step)) {
    const m = matchVariable(entry, v);
    if (m && m.index !== undefined && m.data.arrayOf === data.property) removeItemVariable(view.step, v);
  }
  writeVariable(view.step, { name: data.name, property: data.property, hidden: data.hidden }, String(items.length));
  const fields = entry.variables.filter((v) => v.arrayOf === data.property);
  items.forEach((item, index) => {
    for (const field of fields) {
      const value = item[field.setting];
      if (value === undefined) continue;
      if (!hasShape(field.valueType, value)) throw new TaskSequenceError('INVALID_ARGUMENT', `${data.setting}[${index}].${field.setting} must be a ${field.valueType} value.`);
      writeVariable(view.step, { ...itemSpelling(field, index), hidden: field.hidden }, encodeValue(field.valueType, value));
    }
  });
}

/** Sets `setting` on the step behind `view`; throws `INVALID_ARGUMENT` for an unknown setting or a wrong value type. */
export function setStepSetting(view: SettingTarget, setting: string, value: SettingValue): void {
  const entry = view.entry;
  const data = entry && variableOfSetting(entry, setting);
  if (!entry || !data) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `${view.step.attributes.type ?? 'This step'} has no setting ${JSON.stringify(setting)}.`);
  }
  const action = getAction(view.step);
  const templates = [entry.action, ...(entry.dialects ?? []).map((d) => d.action)];
  const template = action === undefined ? undefined : templates.find((t) => matchAction(t, action) !== undefined);
  const fromAction = template !== undefined && action !== undefined ? (matchAction(template, action) ?? {}) : {};

  if (data.valueType === 'array') {
    if (!Array.isArray(value)) throw new TaskSequenceError('INVALID_ARGUMENT', `${setting} must be a list of items.`);
    writeArray(view, data, value);
  } else {
    if (!hasShape(data.valueType, value)) throw new TaskSequenceError('INVALID_ARGUMENT', `${setting} must be a ${data.valueType} value.`);
    const text = encodeValue(data.valueType, value);
    const has = view.propertyTexts()[data.property] !== undefined;
    const actionOnly = !has && template !== undefined && template !== entry.action && templateProperties(template).includes(data.property);
    if (!actionOnly) writeVariable(view.step, { name: data.name, property: data.property, hidden: data.hidden }, text);
    if (data.property === 'SuccessCodes' && 'successCodeList' in view.step.attributes) view.step.attributes.successCodeList = text;
    if (data.property === 'RetryCount' && 'retryCount' in view.step.attributes) view.step.attributes.retryCount = text;
    if (actionOnly) fromAction[data.property] = text;
  }
  if (template !== undefined) setAction(view.step, renderAction(template, { ...fromAction, ...view.propertyTexts() }));
}
