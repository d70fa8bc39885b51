/**
 * Set Dynamic Variables rules: the `Rules` property is a whole XML document kept as text. Parsed here into rules
 * with their conditions and variables, and written back in the console's form.
 */
import { parseXml } from '../xml/parse.js';
import { printNode } from '../xml/print.js';
import type { Element, Node, XmlDocument } from '../model/types.js';

/** One condition of a rule: an expression type (`SMS_TaskSequence_MakeModelConditionExpression`…) and its parameters. */
export interface DynamicRuleCondition {
  type: string;
  parameters: Record<string, string>;
}

/** A variable a rule sets. Secret values are exported empty. */
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

function text(el: Element): string {
  if ('value' in el) return el.value;
  return el.children.map((c) => (c.kind === 'text' || c.kind === 'cdata' ? c.value : '')).join('');
}

/** Parses a `Rules` value; undefined when it is not the console's grammar. */
export function parseDynamicRules(value: string): DynamicRule[] | undefined {
  let root: Element;
  try {
    root = parseXml(value).root;
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
          parameters: Object.fromEntries(elements('children' in e ? e.children : []).map((v) => [v.attributes.name ?? '', text(v)])),
        }));
      } else if (part.tag === 'Variables' && 'children' in part) {
        for (const v of elements(part.children)) rule.variables.push({ name: v.attributes.Name ?? '', value: text(v), secret: v.attributes.IsSecret === 'true' });
      } else return undefined;
    }
    rules.push(rule);
  }
  return rules;
}

function el(tag: string, attributes: Record<string, string>, children: Node[]): Element {
  return { kind: 'element', tag, attributes, children };
}

/** Writes rules as the console does: no whitespace between elements, a line end after `</Rules>`. */
export function formatDynamicRules(rules: readonly DynamicRule[]): string {
  const root = el(
    'Rules',
    {},
    rules.map((r) => {
      const kids: Node[] = [];
      if (r.conditions)
        kids.push(
          el(
            'condition',
            {},
            r.conditions.map((c) =>
              el(
                'expression',
                { type: c.type },
                Object.entries(c.parameters).map(([name, v]) => el('variable', { name }, v === '' ? [] : [{ kind: 'text', value: v }])),
              ),
            ),
          ),
        );
      kids.push(el('Variables', {}, r.variables.map((v) => el('Variable', { Name: v.name, IsSecret: String(v.secret) }, v.value === '' ? [] : [{ kind: 'text', value: v.value }]))));
      return el('Rule', {}, kids);
    }),
  );
  const doc: XmlDocument = { kind: 'document', children: [root] };
  return `${printNode(root, doc)}\n`;
}
