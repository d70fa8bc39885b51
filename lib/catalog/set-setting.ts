/**
 * Writing a setting through a typed view: the variable the console writes (name, property, hidden flag, in the
 * console's property order), the attributes that mirror it, and the `<action>` line re-rendered from the new values
 * in whichever form (console or dialect) the step's action line had. Nothing the caller did not set is lost: a value
 * only the action line holds stays in it, a variable with no lossless typed form stays as written, and setting a
 * setting to the value it reads writes nothing.
 */
import { TaskSequenceError } from '../errors.js';
import { describeGiven } from '../model/child-nodes.js';
import type { Step, SubTaskSequence, Variable } from '../model/types.js';
import { getAction, setAction, variables } from '../model/variables.js';
import { setVariable, variableIndex } from '../model/set-variable.js';
import { readsBack, renderAction, segmentProperties, templateProperties } from './action-line.js';
import { itemFieldsOf } from './catalog.js';
import { actionTexts, misreadMessage } from './action-texts.js';
import { checkSegmentsWritten, variablesTheLineReads } from './line-variables.js';
import { choiceProblems } from './setting-choices.js';
import type { StepTypeData, VariableData } from './types.js';
import { checkArrayItems, checkValue, itemDefault } from './value-problem.js';
import { encodeValue, hasShape, isEmptyText, shapeMessage, type SettingValue } from './values.js';
import { itemSpelling, matchVariable, variableOfSetting } from './variable-match.js';
import { placeAllInPropertyOrder, placeInPropertyOrder, removeItemVariables } from './variable-order.js';

/** What writing a setting needs of a view. */
export interface SettingTarget {
  readonly step: Step | SubTaskSequence;
  readonly entry: StepTypeData | undefined;
  /** Catalog variables whose text has no lossless typed form, by property (see `StepView.verbatim`). */
  readonly verbatim: Record<string, string>;
  /** The typed settings, as `StepView.settings` reads them. */
  readonly settings: object;
  propertyTexts(): Record<string, string>;
}

function writeVariable(step: Step | SubTaskSequence, spelling: { name: string; property: string; hidden: boolean }, text: string): void {
  const before = variables(step).length;
  const v = setVariable(step, spelling, text);
  if (variables(step).length > before) placeInPropertyOrder(step, v);
}

/**
 * Writes an array setting in place. The count variable takes the new length; each field an item gives is written to
 * its variable (a variable already there keeps its place). A field an item leaves out loses its variable when the
 * view read it as typed (the caller saw it and left it out), and keeps it when the view kept it in `verbatim` (the
 * caller never saw it, so leaving it out says nothing: MDT's `True` for a partition's Bootable must survive setting
 * the partitions). An item beyond the new length is gone with all its variables, verbatim ones too: they described
 * that item and would otherwise attach to whatever item later takes its index.
 */
function writeArray(view: SettingTarget, data: VariableData, items: readonly Record<string, unknown>[]): void {
  const entry = view.entry;
  if (!entry) return;
  const fields = itemFieldsOf(entry, data.property);
  // Every value is checked before anything is written, so a wrong one leaves the step as it was.
  const verbatim = view.verbatim;
  // What the step holds before the set: an item's field as a verbatim text stays (below); an item of the file's that
  // never had a field the console always writes (a hand-made MDT file's) is left as it was, not refused; a new item,
  // or one whose field is left out, must have it, or a default is written for it (a partition's bootable flag).
  const texts = view.propertyTexts();
  const before = /^[0-9]+$/.test(texts[data.property] ?? '') ? Number(texts[data.property]) : 0;
  const held = (field: VariableData, n: number) => Object.hasOwn(verbatim, itemSpelling(field, n).property);
  const had = (field: VariableData, n: number) => Object.hasOwn(texts, itemSpelling(field, n).property);
  const asItWas = (field: VariableData, n: number) => held(field, n) || (n < before && !had(field, n));
  checkArrayItems(data.setting, fields, items, asItWas);
  const gone = new Set<Variable>();
  for (const v of variables(view.step)) {
    const m = matchVariable(entry, v);
    if (!m || m.index === undefined || m.data.arrayOf !== data.property) continue;
    const item = items[m.index];
    if (item !== undefined && item[m.data.setting] !== undefined) continue;
    if (item === undefined || !Object.hasOwn(verbatim, v.attributes.property ?? '')) gone.add(v);
  }
  // Removed, found and added as a batch, which comes to the same as one variable at a time: that searched the list
  // for each field of each item and sorted it for each one added, so 1,000 partitions (8,000 variables) took 3.2 s
  // to set and 3,000 took 90 s.
  removeItemVariables(view.step, gone);
  writeVariable(view.step, { name: data.name, property: data.property, hidden: data.hidden }, String(items.length));
  const index = variableIndex(view.step);
  const added: Variable[] = [];
  items.forEach((item, n) => {
    for (const field of fields) {
      const value = item[field.setting];
      // A field the console writes for every item gets its default (a partition's bootable flag), unless it is held.
      const text = value !== undefined ? encodeValue(field.valueType, value as SettingValue) : asItWas(field, n) ? undefined : itemDefault(field);
      if (text === undefined) continue;
      const written = index.set({ ...itemSpelling(field, n), hidden: field.hidden }, text);
      if (written.added) added.push(written.variable);
    }
  });
  placeAllInPropertyOrder(view.step, added);
}

/**
 * The property texts an action line is rendered from: the step's variables, except that a variable with no text (or
 * only white space) gives way to what the current action line carries for it, as `StepView.get` reads it. MDT keeps a
 * restart's target, and sometimes a variable's name or a command, only in the action line beside an empty variable;
 * rendering from the variables alone would wipe that value when another setting the line shows is set. `written` is
 * the property just set, whose variable holds the new value whatever it is.
 */
function actionProps(texts: Readonly<Record<string, string>>, fromAction: Readonly<Record<string, string>>, written?: string): Record<string, string> {
  const props: Record<string, string> = { ...fromAction };
  for (const [property, text] of Object.entries(texts)) {
    const carried = Object.hasOwn(fromAction, property) ? fromAction[property] : undefined;
    if (property !== written && text.trim() === '' && carried !== undefined) continue;
    props[property] = text;
  }
  return props;
}

/** The text a setting reads as (what `StepView.get` decodes): its variable's, else the action line's, as `get` picks. */
function currentText(texts: Readonly<Record<string, string>>, fromAction: Readonly<Record<string, string>>, property: string): string | undefined {
  const own = Object.hasOwn(texts, property) ? texts[property] : undefined;
  if (own !== undefined && own.trim() !== '') return own;
  const carried = Object.hasOwn(fromAction, property) ? fromAction[property] : undefined;
  return carried !== undefined && carried !== '' ? carried : own;
}

/**
 * Whether the action line says another value for `property` than its variable does, which is not empty: a line an
 * edit left stale. The engine runs the line, so setting the value the variable says brings the line back in step.
 */
function isStale(texts: Readonly<Record<string, string>>, fromAction: Readonly<Record<string, string>>, property: string): boolean {
  const own = Object.hasOwn(texts, property) ? texts[property] : undefined;
  const carried = Object.hasOwn(fromAction, property) ? fromAction[property] : undefined;
  return own !== undefined && own.trim() !== '' && carried !== undefined && carried !== own;
}

/**
 * Sets `setting` on the step behind `view`; throws `INVALID_ARGUMENT` for an unknown setting or a value the catalog
 * does not take (`valueProblem`: the builders' check).
 * Setting the value a setting already reads as (what `StepView.settings` and `get` read) writes nothing: no variable
 * or attribute (a variable the action line stands in for is not added), and the action line stays as written, unless
 * it is stale for that setting (it says another value than the setting's non-empty variable), when it is brought back
 * in step. Another value re-renders the line for a setting it shows; a setting it does not show leaves it as written.
 */
export function setStepSetting(view: SettingTarget, setting: string, value: SettingValue): void {
  const entry = view.entry;
  const data = entry && variableOfSetting(entry, setting);
  if (!entry || !data) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `${view.step.attributes.type ?? 'This step'} has no setting ${describeGiven(setting)}.`);
  }
  const action = getAction(view.step);
  const carried = action === undefined ? undefined : actionTexts(entry, action, view.propertyTexts());
  const template = carried?.template;
  const fromAction = carried?.texts ?? {};
  let written: string | undefined;

  if (data.valueType === 'array') {
    if (!Array.isArray(value)) throw new TaskSequenceError('INVALID_ARGUMENT', `${setting} must be a list of items.`);
    // The items it reads write nothing, unchecked, as a value does (below).
    if (JSON.stringify(value) === JSON.stringify((view.settings as Record<string, unknown>)[setting])) return;
    writeArray(view, data, value);
    written = data.property;
  } else {
    if (!hasShape(data.valueType, value)) throw new TaskSequenceError('INVALID_ARGUMENT', shapeMessage(setting, data.valueType, value));
    const text = encodeValue(data.valueType, value);
    const emptied = isEmptyText(data.valueType, text);
    const texts = view.propertyTexts();
    if (text !== currentText(texts, fromAction, data.property)) {
      // Checked only when it changes: a file's value past a limit, set to itself, is left as written.
      checkValue(data, value, setting);
      if (template !== undefined && !readsBack(template, actionProps({ ...texts, [data.property]: text }, fromAction, data.property), data.property)) {
        throw new TaskSequenceError('INVALID_ARGUMENT', misreadMessage(entry, setting, text));
      }
      if (!emptied) checkChoices(entry, texts, data, text);
      if (template === entry.action) {
        const after = actionProps({ ...texts, [data.property]: text }, fromAction, data.property);
        checkSegmentsWritten(entry, after, data.property);
        checkWhatTheLineReads(entry, action ?? '', renderAction(template, after), { ...texts, [data.property]: text });
      }
      const has = texts[data.property] !== undefined;
      const actionOnly = !has && template !== undefined && template !== entry.action && templateProperties(template).includes(data.property);
      if (emptied && (data.valueType === 'base64Script' || (template !== undefined && segmentProperties(template).includes(data.property)))) {
        // Emptied, a setting whose variable decides a segment of the line (`[ImagePackageID| /image:…]`) loses its
        // variable, and the line the segment, as the console writes a step of the other mode (an installation
        // package's Apply Operating System Image has no ImagePackageID): written empty, the segment stayed, and
        // switching modes as `set` is meant to (empty the one, then set the other) left `/image:,%OSDImageIndex%`.
        // So does an inline script (a package's Run PowerShell Script has no SourceScript): written as an empty
        // script, it still counted as one, and every order of setting the package and its script was refused.
        // Every variable of the setting: a second one left would be read in its place (the first is what `get` reads).
        removeItemVariables(view.step, new Set(variables(view.step).filter((v) => matchVariable(entry, v)?.data === data)));
        delete fromAction[data.property];
      } else if (actionOnly) fromAction[data.property] = text;
      else {
        // Into the variable the view reads the setting from (the first that matches it, by property before name):
        // `setVariable` finds one by name first, and of two (another name, the same property) wrote the one not read.
        const own = variables(view.step).find((v) => {
          const m = matchVariable(entry, v);
          return m?.data === data && m.index === undefined;
        });
        if (own) own.value = text;
        else writeVariable(view.step, { name: data.name, property: data.property, hidden: data.hidden }, text);
      }
      if (data.property === 'SuccessCodes' && 'successCodeList' in view.step.attributes) view.step.attributes.successCodeList = text;
      if (data.property === 'RetryCount' && 'retryCount' in view.step.attributes) view.step.attributes.retryCount = text;
      written = data.property;
    } else if (isStale(texts, fromAction, data.property)) written = data.property;
  }
  // The value it already reads leaves the line as written (but for a stale one, above): re-rendered, a line the
  // variables do not quite say (a segment whose variable is missing, a value only the line holds) would change
  // although nothing was set.
  if (written === undefined || template === undefined || !templateProperties(template).includes(data.property)) return;
  let rendered = renderAction(template, actionProps(view.propertyTexts(), fromAction, written));
  // A switch the new value brought in that reads a variable of the step's (`%OSDImageIndex%` with an image package)
  // gets it with its default, as a builder writes it; one with no default is lint's catalog/missing-setting.
  if (template === entry.action && fillWhatTheLineReads(view, entry, action ?? '', rendered)) rendered = renderAction(template, actionProps(view.propertyTexts(), fromAction, written));
  if (rendered !== action) setAction(view.step, rendered);
}

/**
 * Refuses a value that makes the step one that cannot run (see `choiceProblems`) where it was not: a second mode
 * beside the one it has (an installation package beside an image package), a package without its program. Emptying
 * a setting is not refused, as that is how a step is switched from one mode to the other (empty the one, then set
 * the other); a step left with neither is lint's `catalog/missing-setting`. A fault the step already had does not
 * stop another setting.
 */
function checkChoices(entry: StepTypeData, texts: Readonly<Record<string, string>>, data: VariableData, text: string): void {
  const before = new Set(choiceProblems(entry, texts));
  const brought = choiceProblems(entry, { ...texts, [data.property]: text }).filter((p) => !before.has(p));
  if (brought.length > 0) throw new TaskSequenceError('INVALID_ARGUMENT', `${brought.join(' ')} Empty the other setting first to switch.`);
}

/**
 * The variables the new line reads that the old one did not: what the value being set brought in. A switch the line
 * already had is the file's as written (an MDT line, a value only the line holds), not this setting's to complete.
 */
function newlyRead(entry: StepTypeData, before: string, after: string): VariableData[] {
  const had = new Set(variablesTheLineReads(entry, before));
  return variablesTheLineReads(entry, after).filter((data) => !had.has(data));
}

/**
 * Refuses, before anything is written, a value whose line comes to read a variable the step has not and the catalog
 * has no default for (a configuration package with no file name: `"/config:ABC00002,%OSDConfigFileName%"`), as a
 * builder does.
 */
function checkWhatTheLineReads(entry: StepTypeData, before: string, action: string, texts: Readonly<Record<string, string>>): void {
  for (const data of newlyRead(entry, before, action)) {
    if (texts[data.property] === undefined && data.default === undefined) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `${entry.consoleName} needs the setting ${data.setting} (${data.name}) first: the <action> line would read %${data.name}%.`);
    }
  }
}

/** Writes the defaults of the variables the line comes to read that the step has not; whether it wrote any. */
function fillWhatTheLineReads(view: SettingTarget, entry: StepTypeData, before: string, action: string): boolean {
  const texts = view.propertyTexts();
  let wrote = false;
  for (const data of newlyRead(entry, before, action)) {
    if (texts[data.property] !== undefined || data.default === undefined) continue;
    writeVariable(view.step, { name: data.name, property: data.property, hidden: data.hidden }, data.default);
    wrote = true;
  }
  return wrote;
}
