/**
 * Set Dynamic Variables rules: the `Rules` property is a whole XML document kept as text. Parsed here into rules
 * with their conditions and variables, and written back in the console's form.
 */
import { TaskSequenceError } from '../errors.js';
import { escapeAttribute } from '../xml/escape-text.js';
import { parseXml } from '../xml/parse.js';
import { isTrueFlag } from '../model/true-flag.js';
import type { Element, Node } from '../model/types.js';

/** One condition of a rule: an expression type (`SMS_TaskSequence_MakeModelConditionExpression`…) and its parameters. */
export interface DynamicRuleCondition {
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

/** One rule: when all conditions hold (or always, without conditions), set the variables. */
export interface DynamicRule {
  conditions?: DynamicRuleCondition[];
  variables: DynamicRuleVariable[];
}

function elements(nodes: Node[]): Element[] {
  return nodes.filter((n): n is Element => 'tag' in n);
}

function textOf(el: Element): string {
  if ('value' in el) return el.value;
  return el.children.map((c) => (c.kind === 'text' || c.kind === 'cdata' ? c.value : '')).join('');
}

/** Parses a `Rules` value; undefined when it is not the console's grammar. */
export function parseDynamicRules(value: string): DynamicRule[] | undefined {
  let root: Element;
  try {
    // Parsed without the model's classifier: every element is a plain XML element, which Element's `element` kind covers.
    root = parseXml(value).root as Element;
  } catch {
    return undefined;
  }
  if (root.tag !== 'Rules' || !('children' in root)) return undefined;
  const rules: DynamicRule[] = [];
  for (const r of elements(root.children)) {
    if (r.tag !== 'Rule' || !('children' in r)) return undefined;
    const rule: DynamicRule = { variables: [] };
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

/** Set Dynamic Variables rules as {@link formatDynamicRules} writes them: each field of its type. */
export function isDynamicRules(value: unknown): value is DynamicRule[] {
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
export function formatDynamicRules(rules: readonly DynamicRule[]): string {
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
