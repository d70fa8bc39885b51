/**
 * Conditions in words: a one-line summary of a step's or group's `<condition>`, the way the console's Options tab
 * lists it (`if OSDImage equals Win7 and WMI: SELECT …`).
 */
import { checkpointBelow, containsItself } from './contains-itself.js';
import { checkConditionNode, checkItem } from './argument-checks.js';
import { isElement } from './query.js';
import type { Condition, Expression, Group, Node, Operator, Step, SubTaskSequence } from './types.js';
import { isSecretName } from './secret-name.js';

/** Options of {@link describeCondition} and {@link describeExpression}. */
export interface DescribeConditionOptions {
  /**
   * Show the value a variable condition compares a password-like variable with (`OSDJoinPassword = "S3cr3t!"`).
   * Default false: `OSDJoinPassword = (hidden)`, as everything cmts prints shows it (see `isSecretName`).
   */
  showSecrets?: boolean;
}

/** What a condition's words say in place of a value compared with a password-like variable. */
export const HIDDEN_OPERAND = '(hidden)';

/** Whether a variable expression's value is hidden in words: the variable it compares says it holds a secret. */
export function comparesSecret(variable: string | undefined): boolean {
  return isSecretName((variable ?? '').trim());
}

/** The `<condition>` of a step or group, if any. */
export function conditionOf(item: Group | Step | SubTaskSequence): Condition | undefined {
  checkItem('conditionOf', item, 'argument');
  for (const c of item.children) if (c.kind === 'condition') return c;
  return undefined;
}

/** The parameters of an expression: `<variable name="Operator">equals</variable>` → `{ Operator: 'equals' }`. */
export function expressionParameters(expr: Expression): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of expr.children) {
    if (c.kind !== 'variable') continue;
    const name = c.attributes.name;
    if (name === undefined) continue;
    // Defined, not assigned: assigned, a parameter named __proto__ set the object's prototype and was lost.
    if (name === '__proto__') Object.defineProperty(out, name, { value: c.value, enumerable: true, writable: true, configurable: true });
    else out[name] = c.value;
  }
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

/** One expression in words; the value a password-like variable is compared with as `(hidden)` unless asked. */
export function describeExpression(expr: Expression, options: DescribeConditionOptions = {}): string {
  const p = expressionParameters(expr);
  const type = (expr.attributes.type ?? '').replace(/^SMS_TaskSequence_/, '').replace(/ConditionExpression$/, '');
  const op = (o: string | undefined) => (o === undefined ? '' : Object.hasOwn(OPERATOR_WORDS, o) ? (OPERATOR_WORDS[o] as string) : o);
  switch (type) {
    case 'Variable':
      if (p.Operator === 'exists' || p.Operator === 'notExists') return `${p.Variable ?? '?'} ${p.Operator === 'exists' ? 'exists' : 'does not exist'}`;
      return `${p.Variable ?? '?'} ${op(p.Operator)} ${options.showSecrets !== true && comparesSecret(p.Variable) ? HIDDEN_OPERAND : JSON.stringify(p.Value ?? '')}`;
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

/**
 * An operand still to describe (and whether it sits inside another operator, its depth and what the operands in it are
 * compared with: see contains-itself.ts), or text to write as it comes.
 */
type Pending = { node: Operator | Expression; nested: boolean; depth: number; checkpoint: Operator | Expression } | string;

/**
 * One operand in words. Operators nest as deep as the reader's `maxDepth` allows, so they are walked with an explicit
 * stack rather than by recursion (which would overflow the call stack), and the words are written in one list joined
 * at the end (joining each operator's parts would copy the words below it again at every level).
 */
function describeOperand(root: Operator | Expression, nested: boolean, options: DescribeConditionOptions): string {
  const out: string[] = [];
  const todo: Pending[] = [{ node: root, nested, depth: 0, checkpoint: root }];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (typeof next === 'string') out.push(next);
    else if (next.node.kind === 'expression') out.push(describeExpression(next.node, options));
    else {
      const type = next.node.attributes.type ?? 'and';
      const parts = operands(next.node.children);
      const bracketed = type === 'not' || (next.nested && parts.length > 1);
      const separator = type === 'not' ? ' and ' : ` ${type} `;
      out.push(type === 'not' ? 'not (' : bracketed ? '(' : '');
      // Pushed last first, so that they come off the stack in order: part, separator, part, …, closing bracket.
      todo.push(bracketed ? ')' : '');
      const { depth, checkpoint } = next;
      for (let i = parts.length - 1; i >= 0; i--) {
        const part = parts[i] as Operator | Expression;
        if (part === checkpoint) containsItself(part);
        todo.push({ node: part, nested: true, depth: depth + 1, checkpoint: checkpointBelow(part, depth + 1, checkpoint) });
        if (i > 0) todo.push(separator);
      }
    }
  }
  return out.join('');
}

/**
 * The whole condition in one line (its operands are ANDed), or '' for an empty condition; the value a password-like
 * variable is compared with is `(hidden)` unless `showSecrets` (its parameters are still in the condition's
 * expressions: see {@link expressionParameters}). Throws `INVALID_ARGUMENT` for an operator that contains itself (put
 * among its own operands by hand).
 */
export function describeCondition(condition: Condition, options: DescribeConditionOptions = {}): string {
  checkConditionNode('describeCondition', condition);
  const ops = operands(condition.children);
  return ops.map((o) => describeOperand(o, ops.length > 1, options)).join(' and ');
}
