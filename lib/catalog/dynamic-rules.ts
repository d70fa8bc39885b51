/**
 * Set Dynamic Variables rules: the `Rules` property is a whole XML document kept as text. Parsed here into rules
 * with their conditions and variables, and written back in the console's form.
 */
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { escapeAttribute } from '../xml/escape-text.js';
import { parseXml } from '../xml/parse.js';
import { isTrueFlag } from '../model/true-flag.js';
import type { Element, Node } from '../model/types.js';

/**
 * The expression types a rule's condition is known to be written with, each with its parameters (`<variable name=…>`)
 * in the order exports write them: the types the reference (steps.md 3.33) has seen in exports. A computer condition
 * holds when any of its values matches, a make and model one when both do (`*` and `?` are wildcards). The console's
 * Location rule (by default gateway) has a type of its own, which no export shows and the reference does not name:
 * it is not here, so a builder cannot write one, and a file's is read as written (lint's `catalog/value-type` reports it).
 * The reference lists no values of a variable condition's `Operator`: it takes any text.
 */
export const RULE_CONDITION_TYPES = {
  SMS_TaskSequence_ComputerConditionExpression: ['AssetTag', 'MACAddress', 'SerialNumber', 'UUID'],
  SMS_TaskSequence_MakeModelConditionExpression: ['Make', 'Model'],
  SMS_TaskSequence_VariableConditionExpression: ['Operator', 'Value', 'Variable'],
} as const;

/** An expression type a rule's condition is known to have (see {@link RULE_CONDITION_TYPES}). */
export type RuleConditionType = keyof typeof RULE_CONDITION_TYPES;

/**
 * One condition of a rule as the builders take it: a known expression type with every one of its parameters (`''`
 * for one not used), as exports write them.
 */
export type DynamicRuleCondition = { [T in RuleConditionType]: { type: T; parameters: Record<(typeof RULE_CONDITION_TYPES)[T][number], string> } }[RuleConditionType];

/** One condition of a rule as a file may have it: any expression type, any parameters. */
export interface WrittenRuleCondition {
  type: string;
  parameters: Record<string, string>;
}

/**
 * A variable a rule sets. Secret values are exported empty: builders and `set` refuse a secret with a value (set it as
 * a collection or device variable instead).
 */
export interface DynamicRuleVariable {
  name: string;
  value: string;
  secret: boolean;
}

/**
 * One rule: when all conditions hold (or always, without conditions), set the variables. Its conditions are of the
 * known expression types ({@link DynamicRuleCondition}); a rule as read from a file, of any, is a {@link WrittenDynamicRule}.
 */
export interface DynamicRule<C extends WrittenRuleCondition = DynamicRuleCondition> {
  conditions?: C[];
  variables: DynamicRuleVariable[];
}

/** A rule as a file may have it: its conditions of any expression type, with any parameters. */
export type WrittenDynamicRule = DynamicRule<WrittenRuleCondition>;

const CONDITION_TYPES_WORDS = Object.entries(RULE_CONDITION_TYPES)
  .map(([type, parameters]) => `${type} (${parameters.join(', ')})`)
  .join(', ');

function isConditionType(type: string): type is RuleConditionType {
  return Object.hasOwn(RULE_CONDITION_TYPES, type);
}

/**
 * Why a rule's condition, named as `where` (`rules[0].conditions[1]`), is not one of a known expression type with
 * exactly its parameters; undefined when it is. The builders and `set` refuse such a condition; a file's is read as
 * written, and lint's `catalog/value-type` reports it.
 */
export function ruleConditionProblem(condition: WrittenRuleCondition, where: string): string | undefined {
  if (!isConditionType(condition.type)) {
    return `${where} has the expression type ${shownValue(condition.type, '"')}, which is none a rule's condition is known to have: ${CONDITION_TYPES_WORDS}. (The type of the console's Location rule, by default gateway, is not known: no export shows one.)`;
  }
  const known: readonly string[] = RULE_CONDITION_TYPES[condition.type];
  const unknown = Object.keys(condition.parameters).find((p) => !known.includes(p));
  if (unknown !== undefined) return `${where} has the parameter ${shownValue(unknown, '"')}, which ${condition.type} has not: its parameters are ${known.join(', ')}.`;
  const missing = known.find((p) => !Object.hasOwn(condition.parameters, p));
  if (missing !== undefined) return `${where} has no parameter ${missing}: a condition of ${condition.type} has each of ${known.join(', ')}, as exports write it ('' for one not used).`;
  return undefined;
}

/** Whether every condition of the rules is of a known expression type with exactly its parameters ({@link ruleConditionProblem}). */
export function hasKnownConditions(rules: readonly WrittenDynamicRule[]): rules is DynamicRule[] {
  return rules.every((r) => (r.conditions ?? []).every((c) => ruleConditionProblem(c, '') === undefined));
}

function elements(nodes: Node[]): Element[] {
  return nodes.filter((n): n is Element => 'tag' in n);
}

function textOf(el: Element): string {
  if ('value' in el) return el.value;
  return el.children.map((c) => (c.kind === 'text' || c.kind === 'cdata' ? c.value : '')).join('');
}

/** Parses a `Rules` value; undefined when it is not the console's grammar. */
export function parseDynamicRules(value: string): WrittenDynamicRule[] | undefined {
  let root: Element;
  try {
    // Parsed without the model's classifier: every element is a plain XML element, which Element's `element` kind covers.
    root = parseXml(value).root as Element;
  } catch {
    return undefined;
  }
  if (root.tag !== 'Rules' || !('children' in root)) return undefined;
  const rules: WrittenDynamicRule[] = [];
  for (const r of elements(root.children)) {
    if (r.tag !== 'Rule' || !('children' in r)) return undefined;
    const rule: WrittenDynamicRule = { variables: [] };
    for (const part of elements(r.children)) {
      if (part.tag === 'condition' && 'children' in part) {
        rule.conditions = elements(part.children).map((e) => ({
          type: e.attributes.type ?? '',
          parameters: Object.fromEntries(elements('children' in e ? e.children : []).map((v) => [v.attributes.name ?? '', textOf(v)])),
        }));
      } else if (part.tag === 'Variables' && 'children' in part) {
        for (const v of elements(part.children)) rule.variables.push({ name: v.attributes.Name ?? '', value: textOf(v), secret: isTrueFlag(v.attributes.IsSecret) });
      } else return undefined;
    }
    rules.push(rule);
  }
  return rules;
}

/**
 * Element text. A CR is a character reference: written raw, an XML reader (ConfigMgr's too) reads CR LF and a lone CR
 * as LF (end-of-line handling), so a value given with Windows line ends was read with others. LF and tab are kept.
 */
function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/**
 * An attribute value in double quotes. Tab, LF and CR are character references: written raw, an XML reader (ConfigMgr's
 * too) reads each as a space (attribute-value normalisation), so a rule variable's name with a line end in it was read
 * as another name.
 */
function attr(value: string): string {
  return escapeAttribute(value, '"');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Set Dynamic Variables rules as {@link formatDynamicRules} writes them: each field of its type (a condition of any
 * expression type: {@link hasKnownConditions} tells whether they are known).
 */
export function isDynamicRules(value: unknown): value is WrittenDynamicRule[] {
  return (
    Array.isArray(value) &&
    value.every(
      (r) =>
        isRecord(r) &&
        Array.isArray(r.variables) &&
        r.variables.every((v) => isRecord(v) && typeof v.name === 'string' && typeof v.value === 'string' && typeof v.secret === 'boolean') &&
        (r.conditions === undefined ||
          (Array.isArray(r.conditions) && r.conditions.every((c) => isRecord(c) && typeof c.type === 'string' && isRecord(c.parameters) && Object.values(c.parameters).every((p) => typeof p === 'string')))),
    )
  );
}

/**
 * Writes rules as the console does: no whitespace between elements, empty elements as start and end tag, a line end
 * after `</Rules>`. Throws `INVALID_ARGUMENT` for what is not rules (a plain-JavaScript caller's `null`).
 */
export function formatDynamicRules(rules: readonly WrittenDynamicRule[]): string {
  if (!isDynamicRules(rules)) throw new TaskSequenceError('INVALID_ARGUMENT', 'Dynamic variable rules are a list of { conditions?: { type, parameters }[], variables: { name, value, secret }[] }.');
  let out = '<Rules>';
  for (const r of rules) {
    out += '<Rule>';
    if (r.conditions) {
      out += '<condition>';
      for (const c of r.conditions) {
        out += `<expression type="${attr(c.type)}">`;
        for (const [name, v] of Object.entries(c.parameters)) out += `<variable name="${attr(name)}">${text(v)}</variable>`;
        out += '</expression>';
      }
      out += '</condition>';
    }
    out += '<Variables>';
    for (const v of r.variables) out += `<Variable Name="${attr(v.name)}" IsSecret="${String(v.secret)}">${text(v.value)}</Variable>`;
    out += '</Variables></Rule>';
  }
  return `${out}</Rules>\n`;
}
