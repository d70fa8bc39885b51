/**
 * The JSON Schema of the text form, generated from the catalog (each step's `settings` checked against its step
 * type's schema) and published as `schemas/sequence-text.schema.json`, so editors complete and check YAML sequences.
 */
import { stepCatalog } from '../catalog/catalog.js';
import { COMPARISONS, CONDITION_TYPES } from '../catalog/condition-data.js';
import { type JsonSchema, stepSettingsSchema } from '../catalog/step-schemas.js';
import { EXIT_CODE_RANGE } from '../catalog/values.js';
import { OPERAND_OPERATORS } from '../model/condition-builder.js';

/** The largest `timeout` ConfigMgr holds (`SMS_TaskSequence_Action.Timeout` is a UInt32, in seconds). */
export const MAX_TIMEOUT = 4294967295;

/** The range of a success code (see the catalog's {@link EXIT_CODE_RANGE}). */
export { EXIT_CODE_RANGE };

const str = { type: 'string' };
const strings = { type: 'object', additionalProperties: str };

function operand(): JsonSchema {
  const expr = (key: string, props: Record<string, JsonSchema>, required: string[]): JsonSchema => ({ type: 'object', additionalProperties: false, required, properties: { [key]: str, ...props } });
  const values = (v: readonly string[]) => ({ enum: [...v] });
  const comparison = values(COMPARISONS);
  return {
    description: 'A condition operand: an expression, or and/or/not over operands.',
    oneOf: [
      expr('variable', { operator: values(OPERAND_OPERATORS.variable.operator), value: str }, ['variable', 'operator']),
      expr('wmi', { namespace: str }, ['wmi']),
      expr('file', { version: str, versionOperator: comparison, dateTime: str, dateTimeOperator: comparison }, ['file']),
      expr('folder', { dateTime: str, dateTimeOperator: comparison }, ['folder']),
      expr('registry', { valueName: str, operator: values(OPERAND_OPERATORS.registry.operator), type: str, data: str }, ['registry', 'operator']),
      expr('software', { productCode: str, upgradeCode: str, version: str, operator: values(OPERAND_OPERATORS.software.operator) }, ['software']),
      ...['and', 'or', 'not'].map((k) => ({ type: 'object', additionalProperties: false, required: [k], properties: { [k]: { type: 'array', items: { $ref: '#/definitions/operand' } } } })),
      { type: 'object', additionalProperties: false, required: ['expression', 'parameters'], properties: { expression: { type: 'string', description: `An expression type, e.g. ${CONDITION_TYPES.map((c) => c.type).join(', ')}` }, parameters: strings } },
    ],
  };
}

const variable = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'value'],
  properties: { name: str, property: { type: ['string', 'null'], description: 'Default: the name; null: the variable has no property attribute.' }, hidden: { type: 'boolean' }, value: str },
};

/** A CIM name (a property's, a class's, a scalar property's type): what the text form's schema takes. */
export const CIM_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';
/** A `<sequence>` version the text form's `version` takes. */
export const VERSION_PATTERN = '^\\d+\\.\\d+$';

const cimName = { type: 'string', pattern: CIM_NAME_PATTERN };
const cimType = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(?:\\[\\])?$' };
const cimTypes = { type: 'object', additionalProperties: cimType, description: 'CIM types by property name (string, uint32, …; string[] for an array).' };

/**
 * A CIM qualifier: its attributes besides NAME, and its value. One mapping, as the file has them on one element; that
 * only `value` may be a list is checked when the text is built (`qualifiersProblem`).
 */
const cimQualifier = {
  type: 'object',
  description: 'A QUALIFIER: its attributes besides NAME (TYPE, PROPAGATED, TOINSTANCE, …) in order, and value: its VALUE (text) or VALUE.ARRAY (a list); no value when it has neither.',
  additionalProperties: { oneOf: [str, { type: 'array', items: str }] },
};

/**
 * A property's schema data: its attributes besides NAME, TYPE and REFERENCECLASS, and its qualifiers. One mapping,
 * as the file has them on one element; that only `qualifiers` is a mapping is checked when the text is built.
 */
const cimPropertySchema = {
  type: 'object',
  description: 'A property\'s attributes besides NAME, TYPE and REFERENCECLASS (CLASSORIGIN, PROPAGATED, …) in order, and qualifiers: its QUALIFIERs by name, in order.',
  additionalProperties: { oneOf: [str, { type: 'object', propertyNames: cimName, additionalProperties: { $ref: '#/definitions/cimQualifier' } }] },
};

const cimSchemas = { type: 'object', additionalProperties: { $ref: '#/definitions/cimPropertySchema' } };

/** An object.xml array property: values of one type, or objects (instances) of one class. */
const cimArray = {
  description: 'A PROPERTY.ARRAY (type, values) or a PROPERTY.OBJECTARRAY (class, types, objects); no values / objects: the property is null.',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['type'], properties: { type: cimName, values: { type: 'array', items: str } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['class'],
      properties: {
        class: cimName,
        types: cimTypes,
        schema: { ...cimSchemas, description: 'Each instance property\'s schema data by name, as the first object with it says it (none: not named).' },
        objects: { type: 'array', items: { $ref: '#/definitions/cimObject' } },
      },
    },
  ],
};

/** One instance of an object array. */
const cimObject = {
  type: 'object',
  additionalProperties: false,
  required: ['properties'],
  properties: {
    class: cimName,
    properties: { type: 'object', additionalProperties: { oneOf: [str, { type: 'null' }, { type: 'array', items: str }] }, description: 'The instance\'s properties in order: text, null (no value) or a list (an array property).' },
    types: cimTypes,
    schema: { ...cimSchemas, description: 'The schema data of its properties that the array\'s schema does not say, or says otherwise ({}: none).' },
  },
};

/** The longest step name the text form's `name` takes (the console's limit); a longer one is written raw (`attributes`). */
export const MAX_NAME_LENGTH = 255;

const itemCommon = {
  name: { type: 'string', maxLength: MAX_NAME_LENGTH },
  description: str,
  disabled: { type: 'boolean' },
  continueOnError: { type: 'boolean' },
  condition: { type: 'array', items: { $ref: '#/definitions/operand' } },
  attributes: strings,
};

/** The schema document of the text form. */
export function sequenceTextSchema(): JsonSchema {
  const consoleNames = stepCatalog.map((e) => e.consoleName);
  const step: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      step: { enum: consoleNames, description: 'The console name of a built-in or MDT step type.' },
      type: { type: 'string', description: 'The type attribute of a step the catalog does not know.' },
      element: { enum: ['step', 'subtasksequence'] },
      ...itemCommon,
      // Action.Timeout is a UInt32: a larger number has no place in ConfigMgr, and one past 2^53 is not even kept as written.
      timeout: { type: 'integer', minimum: 0, maximum: MAX_TIMEOUT },
      runIn: { enum: ['WinPE', 'FullOS', 'WinPEandFullOS'] },
      // A number no exit code can be was written into successCodeList as it was (1e30 as "1e+30").
      successCodes: { type: 'array', items: { type: 'integer', ...EXIT_CODE_RANGE }, minItems: 1, description: 'Exit codes that count as success: whole numbers from -2147483648 to 4294967295 (32 bits, signed or unsigned).' },
      settings: { type: 'object' },
      action: { type: ['string', 'null'] },
      // null: no <defaultVarList> at all; both it and an empty one were written [], and built back as an empty one.
      variables: { type: ['array', 'null'], items: { $ref: '#/definitions/variable' }, description: 'The variables as written, in order; [] an empty <defaultVarList>, null none.' },
    },
    allOf: stepCatalog.map((e) => {
      const { $id: _id, title: _title, ...settings } = stepSettingsSchema(e);
      return { if: { required: ['step'], properties: { step: { const: e.consoleName } } }, then: { properties: { settings } } };
    }),
  };
  const group: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['group'],
    properties: { group: str, ...itemCommon, steps: { type: 'array', items: { $ref: '#/definitions/item' } } },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cmts.dev/schemas/sequence-text.schema.json',
    title: 'A task sequence as code (cmts build, cmts convert --to yaml)',
    type: 'object',
    additionalProperties: false,
    required: ['steps'],
    properties: {
      container: { enum: ['sequence', 'sms-package', 'cim-instance'] },
      version: { oneOf: [{ type: 'string', pattern: VERSION_PATTERN }, { type: 'null', description: 'The <sequence> has no version attribute.' }] },
      // A release name the catalog knows (see releaseRank): a misspelt one (`CB2403`) silently gave 2007's spelling.
      release: { type: 'string', pattern: '^(?:CB(?: \\d{4})?|(?:2007|2012)(?: (?:R2|SP1|SP2|R2 SP1))?)$', description: 'A ConfigMgr release: 2007, 2007 R2, 2012, 2012 SP1, 2012 R2, CB or CB <yymm> (CB 2403).' },
      package: strings,
      packageTypes: {
        type: 'object',
        additionalProperties: cimName,
        description: 'object.xml only: the CIM type of each package property that is not a string, and of each null property (one not under package).',
      },
      packageArrays: { type: 'object', additionalProperties: { $ref: '#/definitions/cimArray' }, description: 'object.xml only: the array properties, in order.' },
      packageSchema: {
        type: 'object',
        additionalProperties: false,
        description: 'object.xml only: the schema data it repeats from its class, and its properties\' order.',
        properties: {
          qualifiers: { type: 'object', propertyNames: cimName, additionalProperties: { $ref: '#/definitions/cimQualifier' }, description: 'The INSTANCE\'s qualifiers by name, in order.' },
          properties: { ...cimSchemas, description: 'Every property (the Sequence, null and array ones too) in file order, each with its schema data ({}: none); one not named here comes after those named.' },
        },
      },
      attributes: strings,
      variables: { type: 'array', items: { $ref: '#/definitions/variable' } },
      references: { type: 'array', items: strings },
      steps: { type: 'array', items: { $ref: '#/definitions/item' } },
    },
    definitions: {
      // An item with `group:` is a group, any other a step: chosen by that key rather than by a oneOf, which reported
      // a wrong step's problems after those of the group it is not (`must have required property 'group'`). The same
      // items pass: a group takes no key of a step's but `steps`, and a step no `group`.
      item: { description: 'A group (an item with group:) or a step.', type: 'object', if: { required: ['group'], properties: { group: true } }, then: { $ref: '#/definitions/group' }, else: { $ref: '#/definitions/step' } },
      group,
      step,
      variable,
      operand: operand(),
      cimArray,
      cimObject,
      cimQualifier,
      cimPropertySchema,
    },
  };
}
