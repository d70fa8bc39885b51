/**
 * A JSON Schema per step type, generated from the catalog: each setting with its JSON type, allowed values (matched
 * case-insensitively, as consoles differ in case), range, maximum length, form and forbidden characters, the rules
 * the builders and `set` apply (`valueProblem` in value-problem.ts). Validated with ajv, compiled once per step type per
 * process.
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { TaskSequenceError } from '../errors.js';
import { AJV_OPTIONS } from '../schemas-compile.js';
import { describeErrors } from '../schemas.js';
import { catalogEntry, catalogEntryByName, itemFieldsOf } from './catalog.js';
import { RULE_CONDITION_TYPES } from './dynamic-rules.js';
import { oneLineReason } from './one-line.js';
import { LINE_END_WORDS } from '../model/item-checks.js';
import { LINE_ENDS } from '../unprintable.js';
import { segmentNeeds } from './line-variables.js';
import type { StepTypeData, VariableData } from './types.js';
import { DRIVE_LETTER_PATTERN, DRIVE_LETTER_WORDS, GUID_PATTERN, GUID_WORDS, integerRange, itemFieldNeeded, listedCharacters, NAME_FORMS, PACKAGE_ID_PATTERN, PACKAGE_ID_WORDS, requiredItemFields } from './value-problem.js';
import { EXIT_CODE_RANGE } from './values.js';

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

function caseless(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[A-Za-z]/g, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
}

const PACKAGE_ID = PACKAGE_ID_PATTERN.source;

const RULES: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['variables'],
    properties: {
      // A known expression type with each of its parameters (ruleConditionProblem in dynamic-rules.ts).
      conditions: {
        type: 'array',
        items: {
          oneOf: Object.entries(RULE_CONDITION_TYPES).map(([type, parameters]) => ({
            type: 'object',
            additionalProperties: false,
            required: ['type', 'parameters'],
            properties: { type: { const: type }, parameters: { type: 'object', additionalProperties: false, required: [...parameters], properties: Object.fromEntries(parameters.map((p) => [p, { type: 'string' }])) } },
          })),
        },
      },
      variables: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'value', 'secret'],
          // A task sequence variable's name, as Set Task Sequence Variable's (ruleVariableNameProblem in value-problem.ts).
          properties: { name: { description: NAME_FORMS.variableName.words, type: 'string', minLength: 1, pattern: NAME_FORMS.variableName.pattern.source }, value: { type: 'string' }, secret: { type: 'boolean' } },
          // The console writes a secret value empty and import removes it (rulesProblem in value-problem.ts).
          if: { required: ['secret'], properties: { secret: { type: 'boolean', const: true } } },
          then: { properties: { value: { description: 'A secret value is written empty: set it as a collection or device variable', type: 'string', maxLength: 0 } } },
        },
      },
    },
  },
};

/**
 * A list's items are written joined by commas, so a list of one empty item is written as an empty text, which reads
 * back as no item: the builders refuse it (`hasShape`), and so does the schema. An empty item beside others reads back.
 */
const NOT_ONE_EMPTY_ITEM: JsonSchema = { if: { maxItems: 1 }, then: { items: { type: 'string', minLength: 1 } } };
const ONE_EMPTY_ITEM_WORDS = 'not one empty item (written as an empty text, it reads back as no item)';

/**
 * A pattern of texts without any of `chars` (a variable's `forbidden` characters), nor a line end when `data` is a
 * one-line setting (`oneLineReason`: the pattern adds `LINE_ENDS`, the same line ends the builders refuse).
 */
function without(chars: string, data?: VariableData): string {
  return `^[^${chars.replace(/[\\\]^-]/g, '\\$&')}${data !== undefined && oneLineReason(data) !== undefined ? LINE_ENDS : ''}]*$`;
}

/** What a one-line setting takes besides, in words (for a description); '' for another. */
function oneLineWords(data: VariableData): string {
  const reason = oneLineReason(data);
  return reason === undefined ? '' : `; on one line, without ${LINE_END_WORDS}: ${reason}`;
}

/**
 * The schema of one setting's typed value. A value a pattern refuses is reported with the description of the schema
 * holding the pattern (see `describeErrors`), so each such description says what the pattern allows: it said only
 * the variable's name and notes ("PackageID (PackageID): null for dynamic list (got …)").
 */
export function valueSchema(v: VariableData): JsonSchema {
  const name = `${v.name} (${v.property})${v.notes ? `: ${v.notes}` : ''}`;
  const described = (s: JsonSchema, allowed?: string): JsonSchema => ({ description: allowed === undefined ? name : `${name}; ${allowed}`, ...s });
  switch (v.valueType) {
    case 'boolean':
      return described({ type: 'boolean' });
    case 'integer': {
      // Bounded as the builders are (integerRange: its own range, else a UInt32's).
      const [minimum, maximum] = integerRange(v);
      return described({ type: 'integer', minimum, maximum });
    }
    case 'array':
      // Bounded as the builders are (see hasShape): past 2^53 JavaScript has already rounded the number.
      return described({ type: 'integer', minimum: v.min ?? -Number.MAX_SAFE_INTEGER, maximum: v.max ?? Number.MAX_SAFE_INTEGER });
    case 'enum':
      // Empty is allowed too: the console writes a setting it has no value for as an empty element.
      return described({ type: 'string', pattern: `^(|${(v.allowed ?? []).map(caseless).join('|')})$` }, `one of ${(v.allowed ?? []).join(', ')} (in any case), or empty`);
    case 'packageId':
      return described({ type: 'string', pattern: PACKAGE_ID }, PACKAGE_ID_WORDS);
    case 'packageIdList':
      return described({ type: 'array', items: { description: `${name}; each item ${PACKAGE_ID_WORDS}`, type: 'string', pattern: PACKAGE_ID }, ...NOT_ONE_EMPTY_ITEM }, ONE_EMPTY_ITEM_WORDS);
    case 'list':
      // Written joined by commas (and read by splitting there), so no item holds one; nor the variable's forbidden ones.
      return described(
        { type: 'array', items: { type: 'string', pattern: without(`,${v.forbidden ?? ''}`, v) }, ...NOT_ONE_EMPTY_ITEM },
        `items without ${listedCharacters(`,${v.forbidden ?? ''}`)}: they are written joined by commas${v.forbiddenNote ? `; ${v.forbiddenNote}` : ''}${oneLineWords(v)}; ${ONE_EMPTY_ITEM_WORDS}`,
      );
    case 'codes':
      return described({ type: 'array', items: { type: 'integer', ...EXIT_CODE_RANGE }, minItems: 1 });
    case 'driveLetter':
      return described({ type: 'string', pattern: DRIVE_LETTER_PATTERN.source }, DRIVE_LETTER_WORDS);
    case 'guid':
      return described({ type: 'string', pattern: GUID_PATTERN.source }, GUID_WORDS);
    case 'dynamicRules':
      return described(RULES);
    default: {
      const text = { type: 'string', ...(v.maxLength !== undefined ? { maxLength: v.maxLength } : {}) };
      const form = v.form === undefined ? undefined : NAME_FORMS[v.form];
      if (form !== undefined) return described({ ...text, pattern: form.pattern.source }, form.words);
      if (v.forbidden !== undefined) return described({ ...text, pattern: without(v.forbidden, v) }, `without ${listedCharacters(v.forbidden)}: ${v.forbiddenNote ?? 'the value cannot hold it'}${oneLineWords(v)}`);
      if (oneLineReason(v) !== undefined) return described({ ...text, pattern: without('', v) }, oneLineWords(v).slice(2));
      return described(text);
    }
  }
}

/**
 * The JSON Schema of a step type's typed settings (what views return and builders take), for its catalog entry or its
 * `type` or console name; `INVALID_ARGUMENT` for a step type the catalog has not.
 */
export function stepSettingsSchema(kind: StepTypeData | string): JsonSchema {
  const entry: StepTypeData | undefined = typeof kind === 'string' ? (catalogEntry(kind) ?? catalogEntryByName(kind)) : kind;
  if (typeof entry !== 'object' || entry === null || !Array.isArray((entry as { variables?: unknown }).variables)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The step catalog has no step type ${typeof kind === 'string' ? JSON.stringify(kind) : 'for what was given'}: give a catalog entry, a type or a console name.`);
  }
  const properties: Record<string, JsonSchema> = {};
  for (const v of entry.variables) {
    if (v.arrayOf) continue;
    if (v.valueType === 'array') {
      const fields = itemFieldsOf(entry, v.property);
      // An item needs the fields the console writes for every item with no default (a partition's type), as the
      // builders and `set` refuse an item without one (requiredItemFields).
      const required = requiredItemFields(fields).map((f) => f.setting);
      const item = { type: 'object', additionalProperties: false, ...(required.length > 0 ? { required } : {}), properties: Object.fromEntries(fields.map((f) => [f.setting, valueSchema(f)])) };
      properties[v.setting] =
        fields.length > 0
          ? { description: `${v.name} (${v.property}): one item per entry`, type: 'array', items: item }
          : { description: `${v.name} (${v.property}): only empty, since how its items are written is not known`, type: 'array', maxItems: 0 };
      continue;
    }
    properties[v.setting] = valueSchema(v);
  }
  // A segment of the action line written with one setting needs the others it writes or reads (segmentNeeds), as the
  // builders and `set` refuse the step without them.
  const dependencies: Record<string, string[]> = {};
  for (const { when, written, read } of segmentNeeds(entry)) dependencies[when.setting] = [...written, ...read].map((d) => d.setting);
  return { $id: `https://cmts.dev/schemas/steps/${entry.type}.json`, title: entry.consoleName, type: 'object', additionalProperties: false, properties, ...(Object.keys(dependencies).length ? { dependencies } : {}) };
}

let ajv: AjvClass | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * Problems of typed settings for a step type, as `setting: message` lines; [] when valid. The type is given as
 * {@link stepSettingsSchema} takes it: its catalog entry, its `type` or its console name; `INVALID_ARGUMENT` for one
 * the catalog has not (named in the message by what was given, never an entry's whole text).
 */
export function validateStepSettings(kind: StepTypeData | string, settings: unknown): string[] {
  const entry = typeof kind === 'string' ? (catalogEntry(kind) ?? catalogEntryByName(kind)) : kind;
  if (typeof entry !== 'object' || entry === null) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `The step catalog has no step type ${typeof kind === 'string' ? JSON.stringify(kind) : 'for what was given'}: give a catalog entry, a type or a console name.`);
  }
  // The catalog's own entries are compiled once each; an entry made by the caller (a copy, changed) every time.
  const own = catalogEntry(entry.type) === entry;
  let validate = own ? validators.get(entry.type) : undefined;
  if (!validate) {
    if (!ajv) {
      const Ajv = createRequire(import.meta.url)('ajv') as typeof AjvClass;
      ajv = new Ajv({ ...AJV_OPTIONS });
    }
    // stepSettingsSchema refuses what is no entry (no variables), as here.
    const schema = stepSettingsSchema(entry);
    if (own) validators.set(entry.type, (validate = ajv.compile(schema)));
    else {
      // Under no $id (the catalog's entry of that type holds it) and dropped from Ajv's cache once compiled, so a
      // script validating against entries of its own keeps no schema of each.
      const { $id: _id, ...anonymous } = schema;
      validate = ajv.compile(anonymous);
      ajv.removeSchema(anonymous);
    }
  }
  return validate(settings) ? [] : describeErrors(validate.errors?.map((e) => itemFieldError(entry, e) ?? e));
}

/**
 * A missing field of an array item (`partitions/0` without `type`) as the builders say it (`itemFieldNeeded`), in
 * place of ajv's `must have required property 'type'`; undefined for any other problem. `settingsAt` is where the
 * step's settings are in what was validated: '' for a step's settings, `/steps/0/settings` in a text form.
 */
function itemFieldError(entry: StepTypeData, e: ErrorObject, settingsAt = ''): ErrorObject | undefined {
  const at = e.keyword === 'required' && e.instancePath.startsWith(settingsAt) ? /^\/([^/]+)\/(\d+)$/.exec(e.instancePath.slice(settingsAt.length)) : null;
  if (!at) return undefined;
  const array = entry.variables.find((v) => !v.arrayOf && v.valueType === 'array' && v.setting === at[1]);
  const field = array && entry.variables.find((f) => f.arrayOf === array.property && f.setting === e.params.missingProperty);
  return field ? { ...e, message: itemFieldNeeded(field, Number(at[2])) } : undefined;
}

/**
 * A problem the text form's schema found (`value` is the text's value), with a missing field of a step's array item
 * said in the builders' words, as {@link validateStepSettings} says it: the settings schemas the text form's embeds
 * require those fields, and ajv's own words (`must have required property 'type'`) replaced the builders' once they
 * did. Any other problem as it is.
 */
export function inTextForm(value: unknown, e: ErrorObject): ErrorObject {
  const m = e.keyword === 'required' ? /^(.*)\/settings\/[^/]+\/\d+$/.exec(e.instancePath) : null;
  if (!m) return e;
  let step: unknown = value;
  for (const key of (m[1] ?? '').split('/').slice(1)) step = typeof step === 'object' && step !== null ? (step as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  const kind = typeof step === 'object' && step !== null ? (step as { step?: unknown }).step : undefined;
  const entry = typeof kind === 'string' ? (catalogEntry(kind) ?? catalogEntryByName(kind)) : undefined;
  return (entry && itemFieldError(entry, e, `${m[1]}/settings`)) ?? e;
}
