/**
 * The one check of a value going into a step — by `buildStep`, the `create…Step` builders, `StepView.set` and array
 * items alike — with the rules the settings' JSON Schema (`step-schemas.ts`) states for the same catalog data.
 */
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { ruleConditionProblem, type WrittenDynamicRule } from './dynamic-rules.js';
import { lineEndProblem } from './one-line.js';
import type { VariableData } from './types.js';
import { allowedMessage, hasShape, isAllowed, isRecord, shapeMessage, type SettingValue, UINT32_MAX } from './values.js';

/**
 * A task sequence variable's name as a step reads it: a letter or `_` (the engine's read-only variables), then
 * letters, digits, `_` and `-`. Anything else between two `%` is no variable the engine expands; a space or a `/`
 * there ends the switch the value is written into and starts another (`%A /continueOnError:True%`).
 */
const VARIABLE = '[A-Za-z_][A-Za-z0-9_-]*';

/**
 * A package ID as the catalog takes it: three letters or digits and five hexadecimal digits (`ABC00012`), in either
 * case (consoles differ), or a `%variable%` the engine expands, or empty (no package).
 */
export const PACKAGE_ID_PATTERN = new RegExp(`^([A-Za-z0-9]{3}[0-9A-Fa-f]{5}|%${VARIABLE}%)?$`);

/** What a package ID must be, in words. */
export const PACKAGE_ID_WORDS = 'a package ID (3 letters or digits and 5 hexadecimal digits: ABC00012) or a %variable% (letters, digits, _ and -), or empty';

/** A drive letter as the catalog takes it: `D:` or `D`, or a `%variable%`, or empty. */
export const DRIVE_LETTER_PATTERN = new RegExp(`^([A-Za-z]:?|%${VARIABLE}%)?$`);

/** What a drive letter must be, in words. */
export const DRIVE_LETTER_WORDS = 'a drive letter (D: or D) or a %variable% (letters, digits, _ and -), or empty';

/** The forms of a variable's name (see `VariableData.form`): the pattern, and what it takes in words. */
export const NAME_FORMS: Readonly<Record<NonNullable<VariableData['form']>, { pattern: RegExp; words: string }>> = {
  variableName: { pattern: /^[A-Za-z][A-Za-z0-9_-]*$/, words: 'a task sequence variable name: a letter, then letters, digits, _ and -' },
  // Exports write an output variable, a partition's drive-letter variable empty when none is named (corpus 03).
  setVariable: { pattern: /^([A-Za-z][A-Za-z0-9_-]*)?$/, words: 'a task sequence variable name (a letter, then letters, digits, _ and -), or empty' },
  variableRef: { pattern: new RegExp(`^(${VARIABLE})?$`), words: 'a task sequence variable name (a letter or _, then letters, digits, _ and -), or empty' },
};

/**
 * A GUID as the catalog takes it: 32 hexadecimal digits in groups of 8-4-4-4-12, in braces as MDT writes an OS's
 * (`{859868ea-5292-4cf6-a06d-e395bb0b0629}`, steps.json OSGUID; corpus 04, 05) or without, or a `%variable%`, or empty
 * (exports write an Execute Runbook's and an MDT application's empty: none chosen, or several applications).
 */
const GUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
export const GUID_PATTERN = new RegExp(`^(\\{${GUID}\\}|${GUID}|%${VARIABLE}%)?$`);

/** What a GUID must be, in words. */
export const GUID_WORDS = 'a GUID (8-4-4-4-12 hexadecimal digits, in braces or not: {859868ea-5292-4cf6-a06d-e395bb0b0629}) or a %variable% (letters, digits, _ and -), or empty';

/**
 * Why a text is not of the form `data` takes — a variable's name (`form`), a GUID, a package ID or a drive letter —
 * named as `where` (`is` for a text, `has the item` for a list's); undefined when it is. Builders and `set` refuse
 * such a value (see {@link valueProblem}); lint's `catalog/value-type` reports a file's (a package ID and a drive
 * letter too: they were checked for builders only, so a file's `BAD ID!!` passed lint).
 */
export function formProblem(data: Pick<VariableData, 'form' | 'valueType'>, text: string, where: string, is = 'is'): string | undefined {
  const form = data.form === undefined ? undefined : NAME_FORMS[data.form];
  if (form !== undefined && !form.pattern.test(text)) return `${where} ${is} ${shownValue(text, '"')}, which is not ${form.words}.`;
  if (data.valueType === 'guid' && !GUID_PATTERN.test(text)) return `${where} ${is} ${shownValue(text, '"')}, which is not ${GUID_WORDS}.`;
  if (data.valueType === 'packageId' && !PACKAGE_ID_PATTERN.test(text)) return `${where} ${is} ${shownValue(text, '"')}, which is not ${PACKAGE_ID_WORDS}.`;
  if (data.valueType === 'driveLetter' && !DRIVE_LETTER_PATTERN.test(text)) return `${where} ${is} ${shownValue(text, '"')}, which is not ${DRIVE_LETTER_WORDS}.`;
  return undefined;
}

/** The characters of `text` that `data` does not take (its `forbidden` characters), in the catalog's order. */
function forbiddenIn(data: VariableData, text: string): string[] {
  const found: string[] = [];
  for (const c of data.forbidden ?? '') if (text.includes(c)) found.push(c);
  return found;
}

/** Characters as messages and schema descriptions list them: `";", "|"`. */
export function listedCharacters(chars: string): string {
  const listed: string[] = [];
  for (const c of chars) listed.push(JSON.stringify(c));
  return listed.join(', ');
}

/**
 * Why `value` is not a value the catalog takes for `data`, named as `where`; undefined when it is. One check for every
 * way a value goes into a step (`buildStep`, the `create…Step` builders, `StepView.set`, array items), and the same
 * rules as the settings' JSON Schema (`step-schemas.ts`): the value type's shape, an enum's allowed values, the
 * range of a number, the most characters of a text, the form of a package ID, drive letter or variable name, characters a
 * value cannot hold where it goes, and a line end in a one-line setting (`lineEndProblem`). A file's value past a limit is still read (see {@link readValue}), and setting
 * it to the value it reads writes nothing, unchecked.
 */
export function valueProblem(data: VariableData, value: unknown, where: string): string | undefined {
  if (!hasShape(data.valueType, value)) return shapeMessage(where, data.valueType, value);
  if (data.valueType === 'dynamicRules') return rulesProblem(value as readonly WrittenDynamicRule[], where);
  if (typeof value === 'string' && !isAllowed(data, value)) return allowedMessage(data, value, where);
  if (typeof value === 'number') {
    const [min, max] = integerRange(data);
    if (value < min || value > max) return `${where} is ${value}; it must be from ${min} to ${max}.`;
  }
  const texts = typeof value === 'string' ? [value] : (data.valueType === 'packageIdList' || data.valueType === 'list') && Array.isArray(value) ? (value as string[]) : [];
  // An item of a list is named as one: the list itself is no text.
  const is = typeof value === 'string' ? 'is' : 'has the item';
  for (const text of texts) {
    if (data.maxLength !== undefined && text.length > data.maxLength) return `${where} has ${text.length} characters; it takes at most ${data.maxLength}.`;
    const form = formProblem(data, text, where, is);
    if (form !== undefined) return form;
    // A list's items are package IDs each (formProblem takes one package ID).
    if (data.valueType === 'packageIdList' && !PACKAGE_ID_PATTERN.test(text)) return `${where} ${is} ${shownValue(text, '"')}, which is not ${PACKAGE_ID_WORDS}.`;
    const forbidden = forbiddenIn(data, text);
    if (forbidden.length > 0) return `${where} ${is} ${shownValue(text, '"')}, which holds ${listedCharacters(forbidden.join(''))}: ${data.forbiddenNote ?? 'the value cannot hold it'}.`;
    const lineEnd = lineEndProblem(data, text, where, is);
    if (lineEnd !== undefined) return lineEnd;
  }
  return undefined;
}

/** The range a catalog integer takes: its own, else a UInt32's (see {@link UINT32_MAX}). */
export function integerRange(data: Pick<VariableData, 'min' | 'max'>): [number, number] {
  return [data.min ?? 0, data.max ?? UINT32_MAX];
}

/**
 * Why Set Dynamic Variables rules are not ones the schema takes: a condition of an expression type or with parameters
 * no export shows (`ruleConditionProblem`: the rule's program would not know it; the Location rule's type is not
 * known, so such rules are given as the `Rules` text, verbatim), a rule variable with no name (`<Variable Name="">`
 * sets nothing), or one marked secret with a value. The console writes a secret value empty (`IsSecret="true"` with
 * no text in every export that has one, steps.json X26, X37) and its docs say import removes it: written, the value
 * would be in the file in clear text for anyone who reads it, and still not set. A file's such rule is still read
 * (lint's clear-text-secret reports the value).
 */
function rulesProblem(rules: readonly WrittenDynamicRule[], where: string): string | undefined {
  for (const [r, rule] of rules.entries()) {
    for (const [at, condition] of (rule.conditions ?? []).entries()) {
      const problem = ruleConditionProblem(condition, `${where}[${r}].conditions[${at}]`);
      if (problem !== undefined) return `${problem} A rule the catalog does not know is given as the Rules text, in verbatim ({ verbatim: { Rules } }).`;
    }
    for (const [at, v] of rule.variables.entries()) {
      if (v.name === '') return `${where}[${r}].variables[${at}] has no name: a rule sets a task sequence variable by its name.`;
      const nameProblem = ruleVariableNameProblem(v.name, `${where}[${r}].variables[${at}].name`);
      if (nameProblem !== undefined) return nameProblem;
      if (v.secret && v.value !== '') {
        return `${where}[${r}].variables[${at}] (${shownValue(v.name, '"')}) is marked secret and has a value: the console writes a secret rule value empty and import removes it, so the value would be in the file in clear text and still not set. Set it as a collection or device variable, or leave the value empty.`;
      }
    }
  }
  return undefined;
}

/**
 * Why a name a Set Dynamic Variables rule sets is not a task sequence variable's name (as Set Task Sequence
 * Variable's: a letter, then letters, digits, `_` and -), named as `where`; undefined when it is. Every export's rule
 * names have that form (corpus 03, 11). Lint's `catalog/value-type` reports a file's.
 */
export function ruleVariableNameProblem(name: string, where: string): string | undefined {
  return formProblem(RULE_VARIABLE_NAME, name, where);
}

/** What a rule's variable name is, to {@link formProblem}: a variable's name the step sets. */
const RULE_VARIABLE_NAME = { form: 'variableName', valueType: 'string' } as const;

const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'secret', 'list', 'driveLetter', 'guid']);

/**
 * Whether the builders write `data`, when it is required and not given, as an empty element, as the console writes a
 * required text it has no value for: a text whose form takes the empty one (not a variable's name the step sets:
 * `tsenv.exe "=v"`).
 */
export function writtenEmpty(data: VariableData): boolean {
  return TEXT_TYPES.has(data.valueType) && valueProblem(data, '', data.setting) === undefined;
}

/**
 * Whether the builders (`addStep`, `buildStep`) need `data` given: a setting the console always writes with no default
 * that cannot be written empty ({@link writtenEmpty}), or an array item's such field. The value-level twin of
 * `StepSettingsInput`'s required keys; the step reference page says **yes** for these.
 */
export function mustBeGiven(data: VariableData): boolean {
  if (!data.required || data.default !== undefined) return false;
  return data.arrayOf !== undefined || !writtenEmpty(data);
}

/** Throws `INVALID_ARGUMENT` with {@link valueProblem}'s message when `value` is not one the catalog takes for `data`. */
export function checkValue(data: VariableData, value: unknown, where: string): asserts value is SettingValue {
  const problem = valueProblem(data, value, where);
  if (problem !== undefined) throw new TaskSequenceError('INVALID_ARGUMENT', problem);
}

/**
 * Checks an array setting's items before anything is written: each an object whose fields are the item fields the
 * catalog has, each of its type, and (given `present`, which says whether the step already holds a field of an item)
 * with every field the console always writes that has no default. Throws `INVALID_ARGUMENT` naming the first item and
 * field that is not.
 */
export function checkArrayItems(setting: string, fields: readonly VariableData[], items: readonly unknown[], present?: (field: VariableData, index: number) => boolean): void {
  // No export shows how the items of such an array are written (Apply Network Settings' adapters): a count with no
  // items would read back as no array at all, and a guessed spelling could mislead the client.
  if (fields.length === 0 && items.length > 0) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `${setting} can only be empty: how its items are written is not known (no export shows one). Give them as verbatim texts or extra variables.`);
  }
  items.forEach((item, index) => {
    if (!isRecord(item)) throw new TaskSequenceError('INVALID_ARGUMENT', `${setting}[${index}] must be an object of item fields.`);
    for (const [key, value] of Object.entries(item)) {
      const field = fields.find((f) => f.setting === key);
      if (!field) throw new TaskSequenceError('INVALID_ARGUMENT', `${setting}[${index}] has no field ${JSON.stringify(key)}${fields.length > 0 ? ` (its fields are ${fields.map((f) => f.setting).join(', ')})` : ''}.`);
      if (value !== undefined) checkValue(field, value, `${setting}[${index}].${key}`);
    }
    // A field the console writes for every item (a partition's type) with no default to write for it: an item
    // without it was written with none, and read back as no item at all (the array went, the count stayed).
    if (present === undefined) return;
    for (const field of requiredItemFields(fields)) {
      if (item[field.setting] === undefined && !present(field, index)) throw new TaskSequenceError('INVALID_ARGUMENT', `${setting}[${index}] ${itemFieldNeeded(field, index)}.`);
    }
  });
}

/**
 * The fields of an array setting's items that the console writes for every item and has no default for (a
 * partition's type and quick-format flag): the builders and `set` refuse an item without one, the settings schema
 * requires them, and lint's `catalog/missing-setting` reports a file's item without one. A field with a default (a
 * partition's bootable flag) is written with it instead.
 */
export function requiredItemFields(fields: readonly VariableData[]): VariableData[] {
  return fields.filter(mustBeGiven);
}

/**
 * What is said of item `index` that lacks `field`, after the item's name (`partitions[0] `): the builders', the
 * schema's and lint's one wording, so a script's refusal and a file's finding read alike.
 */
export function itemFieldNeeded(field: VariableData, index: number): string {
  return `needs its ${field.setting} (${field.name.replace('{n}', String(index))}): the console writes it for every item`;
}

/**
 * The value an item is written with for `field` when the item gives none: the default of a field the console writes
 * for every item (a partition's bootable flag, false), else none.
 */
export function itemDefault(field: VariableData): string | undefined {
  return field.required ? field.default : undefined;
}
