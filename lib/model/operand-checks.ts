/**
 * The check of a condition operand a plain-JavaScript caller hands `buildCondition`: what the compiler would have
 * refused (an operand missing its operator, an `or` that is no list, parameters that are no texts) is
 * `INVALID_ARGUMENT` naming the field, rather than a TypeError part-way through the build or a value written that
 * only the writer refuses later.
 */
import { TaskSequenceError } from '../errors.js';
import { describeGiven, describeValue } from './child-nodes.js';

/** The fields each typed operand's key takes, and which of them must be given. */
const OPERAND_FIELDS: Readonly<Record<string, { fields: readonly string[]; required: readonly string[] }>> = {
  variable: { fields: ['variable', 'operator', 'value'], required: ['operator'] },
  wmi: { fields: ['wmi', 'namespace'], required: [] },
  file: { fields: ['file', 'version', 'versionOperator', 'dateTime', 'dateTimeOperator'], required: [] },
  folder: { fields: ['folder', 'dateTime', 'dateTimeOperator'], required: [] },
  registry: { fields: ['registry', 'valueName', 'operator', 'type', 'data'], required: ['operator'] },
  software: { fields: ['software', 'productCode', 'upgradeCode', 'version', 'operator'], required: [] },
};

function refuse(message: string): never {
  throw new TaskSequenceError('INVALID_ARGUMENT', `A condition operand ${message}.`);
}

/**
 * Throws `INVALID_ARGUMENT` unless `o` is an operand of one of the shapes `ConditionOperand` names, each field a text,
 * each operator field one its type takes (`allowed`, by key and field). The operands of an `and`, `or` or `not` are
 * checked as the build reaches them.
 */
export function checkOperand(o: unknown, allowed: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>): void {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) refuse(`is an object ({ variable, operator }, { and: [...] }, …), not ${describeValue(o)}`);
  const fields = o as Record<string, unknown>;
  for (const list of ['and', 'or', 'not']) {
    if (!Object.hasOwn(fields, list)) continue;
    if (!Array.isArray(fields[list])) refuse(`${list} is a list of operands, not ${describeValue(fields[list])}`);
    return;
  }
  if (Object.hasOwn(fields, 'expression')) {
    const parameters = fields.parameters;
    if (typeof fields.expression !== 'string') refuse(`expression is an expression type's name, not ${describeValue(fields.expression)}`);
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters) || !Object.values(parameters).every((v) => typeof v === 'string')) {
      refuse(`of type ${JSON.stringify(fields.expression)} needs parameters: an object of texts, not ${describeValue(parameters)}`);
    }
    return;
  }
  const key = Object.keys(OPERAND_FIELDS).find((k) => Object.hasOwn(fields, k));
  if (key === undefined) refuse(`has none of ${[...Object.keys(OPERAND_FIELDS), 'expression', 'and', 'or', 'not'].join(', ')}`);
  const shape = OPERAND_FIELDS[key] as { fields: readonly string[]; required: readonly string[] };
  for (const field of shape.required) if (fields[field] === undefined) refuse(`with ${key} needs ${field}`);
  for (const [field, value] of Object.entries(fields)) {
    if (!shape.fields.includes(field)) refuse(`with ${key} has no field ${JSON.stringify(field)} (its fields: ${shape.fields.join(', ')})`);
    if (value === undefined) continue;
    if (typeof value !== 'string') refuse(`field ${key}.${field} is a text, not ${describeValue(value)}`);
    const values = allowed[key]?.[field];
    if (values !== undefined && !values.includes(value)) refuse(`field ${field} of ${key} is one of ${values.join(', ')}, not ${describeGiven(value)}`);
  }
}
