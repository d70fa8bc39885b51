/**
 * Conditions in words: a one-line summary of a step's or group's `<condition>`, the way the console's Options tab
 * lists it (`if OSDImage equals Win7 and WMI: SELECT …`).
 */
import { isElement } from './query.js';
import type { Condition, Expression, Group, Node, Operator, Step, SubTaskSequence } from './types.js';

/** The `<condition>` of a step or group, if any. */
export function conditionOf(item: Group | Step | SubTaskSequence): Condition | undefined {
  for (const c of item.children) if (c.kind === 'condition') return c;
  return undefined;
}

/** The parameters of an expression: `<variable name="Operator">equals</variable>` → `{ Operator: 'equals' }`. */
export function expressionParameters(expr: Expression): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of expr.children) if (c.kind === 'variable' && c.attributes.name !== undefined) out[c.attributes.name] = c.value;
  return out;
}

const OPERATOR_WORDS: Record<string, string> = {
  equals: '=',
  notEquals: '≠',
  less: '<',
  lessEqual: '≤',
  greater: '>',
  greaterEqual: '≥',
};

/** One expression in words. */
export function describeExpression(expr: Expression): string {
  const p = expressionParameters(expr);
  const type = (expr.attributes.type ?? '').replace(/^SMS_TaskSequence_/, '').replace(/ConditionExpression$/, '');
  const op = (o: string | undefined) => (o === undefined ? '' : Object.hasOwn(OPERATOR_WORDS, o) ? (OPERATOR_WORDS[o] as string) : o);
  switch (type) {
    case 'Variable':
      if (p.Operator === 'exists' || p.Operator === 'notExists') return `${p.Variable ?? '?'} ${p.Operator === 'exists' ? 'exists' : 'does not exist'}`;
      return `${p.Variable ?? '?'} ${op(p.Operator)} ${JSON.stringify(p.Value ?? '')}`;
    case 'WMI':
      return `WMI ${p.Namespace ?? 'root\\cimv2'}: ${(p.Query ?? '').replace(/\s+/g, ' ').trim()}`;
    case 'File':
      return `file ${p.Path ?? '?'}${p.Version ? ` version ${op(p.VersionOperator)} ${p.Version}` : ' exists'}${p.DateTime ? ` date ${op(p.DateTimeOperator)} ${p.DateTime}` : ''}`;
    case 'Folder':
      return `folder ${p.Path ?? '?'}${p.DateTime ? ` date ${op(p.DateTimeOperator)} ${p.DateTime}` : ' exists'}`;
    case 'Registry':
      return `registry ${p.KeyPath ?? '?'}${p.Value ? `\\${p.Value}` : ''} ${p.Operator === 'exists' ? 'exists' : p.Operator === 'nonExists' || p.Operator === 'notExists' ? 'does not exist' : `${op(p.Operator)} ${JSON.stringify(p.Data ?? '')}`}`;
    case 'Software':
      return `software ${p.ProductName ?? p.ProductCode ?? '?'}${p.Operator === 'ThisVersion' && p.Version ? ` version ${p.Version}` : ''} installed`;
    default:
      return `${type || 'expression'}(${Object.entries(p).map(([k, v]) => `${k}=${v}`).join(', ')})`;
  }
}

function operands(nodes: Node[]): (Operator | Expression)[] {
  return nodes.filter((n): n is Operator | Expression => isElement(n) && (n.kind === 'operator' || n.kind === 'expression'));
}

/** An operator being described: its operands, and the words of those described so far. */
interface OperatorFrame {
  node: Operator;
  nested: boolean;
  operands: (Operator | Expression)[];
  parts: string[];
}

const frameOf = (node: Operator, nested: boolean): OperatorFrame => ({ node, nested, operands: operands(node.children), parts: [] });

/** An operator's words once all its operands are described. */
function operatorWords({ node, nested, parts }: OperatorFrame): string {
  const type = node.attributes.type ?? 'and';
  if (type === 'not') return `not (${parts.join(' and ')})`;
  const joined = parts.join(` ${type} `);
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

/**
 * One operand in words. Operators nest as deep as the reader's `maxDepth` allows, so this walks them with an
 * explicit stack of operators being described rather than by recursion, which would overflow the call stack.
 */
function describeOperand(root: Operator | Expression, nested: boolean): string {
  if (root.kind === 'expression') return describeExpression(root);
  const frames: OperatorFrame[] = [frameOf(root, nested)];
  let words = '';
  for (let top = frames.at(-1); top; top = frames.at(-1)) {
    const next = top.operands[top.parts.length];
    if (next?.kind === 'expression') top.parts.push(describeExpression(next));
    else if (next) frames.push(frameOf(next, true));
    else {
      // Every operand is described: the operator's words go to its parent, or are the answer at the root.
      frames.pop();
      words = operatorWords(top);
      frames.at(-1)?.parts.push(words);
    }
  }
  return words;
}

/** The whole condition in one line (its operands are ANDed), or '' for an empty condition. */
export function describeCondition(condition: Condition): string {
  const ops = operands(condition.children);
  return ops.map((o) => describeOperand(o, ops.length > 1)).join(' and ');
}
