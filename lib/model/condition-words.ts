/**
 * The words of conditions, with what each value hidden in them shows as. `describeCondition` (conditions.ts, the
 * public entry) says `(hidden)` for every value compared with a password-like variable; a comparison says which of
 * them changed, and Set Dynamic Variables rules say their conditions in the same words. Apart from conditions.ts,
 * whose every export is the package's (`cmts/model`), so that these entries stay internal.
 */
import { checkpointBelow, containsItself } from './contains-itself.js';
import { isElement } from './query.js';
import type { Condition, Expression, Node, Operator } from './types.js';
import { isSecretName } from './secret-name.js';

/** What a condition's words say in place of a value compared with a password-like variable. */
export const HIDDEN_OPERAND = '(hidden)';

/** Whether a variable expression's value is hidden in words: the variable it compares says it holds a secret. */
export function comparesSecret(variable: string | undefined): boolean {
  return isSecretName((variable ?? '').trim());
}

/**
 * What words say in place of a value compared with a password-like variable, given the parameters of its expression
 * (a comparison tells one that changed from one that did not); undefined: the value itself (`showSecrets`).
 */
export type HiddenOperand = ((parameters: Readonly<Record<string, string>>) => string) | undefined;

/** `(hidden)` in place of every hidden value: what everything cmts prints says. */
export const HIDE_OPERANDS: HiddenOperand = () => HIDDEN_OPERAND;

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

/** A Set Dynamic Variables computer condition's parameters in words, in the order exports write them. */
const COMPUTER_WORDS: readonly [string, string][] = [
  ['AssetTag', 'asset tag'],
  ['MACAddress', 'MAC address'],
  ['SerialNumber', 'serial number'],
  ['UUID', 'UUID'],
];

/**
 * An expression in words, from its type (`SMS_TaskSequence_VariableConditionExpression`) and parameters: a step's
 * condition's, or a Set Dynamic Variables rule's (a computer condition holds when any of its values matches, a make
 * and model one when both do). The value a password-like variable is compared with is what `hidden` says.
 */
export function parameterWords(fullType: string, p: Readonly<Record<string, string>>, hidden: HiddenOperand): string {
  const type = fullType.replace(/^SMS_TaskSequence_/, '').replace(/ConditionExpression$/, '');
  const op = (o: string | undefined) => (o === undefined ? '' : Object.hasOwn(OPERATOR_WORDS, o) ? (OPERATOR_WORDS[o] as string) : o);
  switch (type) {
    case 'Variable':
      if (p.Operator === 'exists' || p.Operator === 'notExists') return `${p.Variable ?? '?'} ${p.Operator === 'exists' ? 'exists' : 'does not exist'}`;
      return `${p.Variable ?? '?'} ${op(p.Operator)} ${hidden !== undefined && comparesSecret(p.Variable) ? hidden(p) : JSON.stringify(p.Value ?? '')}`;
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
    case 'Computer': {
      const any = COMPUTER_WORDS.filter(([k]) => p[k]).map(([k, words]) => `${words} ${JSON.stringify(p[k])}`);
      if (any.length > 0) return any.join(' or ');
      break;
    }
    case 'MakeModel':
      return `make ${JSON.stringify(p.Make ?? '')} and model ${JSON.stringify(p.Model ?? '')}`;
  }
  return `${type || 'expression'}(${Object.entries(p).map(([k, v]) => `${k}=${v}`).join(', ')})`;
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
 * at the end (joining each operator's parts would copy the words below it again at every level). Expressions are
 * described in the order they are written, so `hidden` meets the hidden values in that order.
 */
function describeOperand(root: Operator | Expression, nested: boolean, hidden: HiddenOperand): string {
  const out: string[] = [];
  const todo: Pending[] = [{ node: root, nested, depth: 0, checkpoint: root }];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (typeof next === 'string') out.push(next);
    else if (next.node.kind === 'expression') out.push(parameterWords(next.node.attributes.type ?? '', expressionParameters(next.node), hidden));
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

/** A whole condition in one line (see `describeCondition`), each hidden value as `hidden` says. */
export function conditionWords(condition: Condition, hidden: HiddenOperand): string {
  const ops = operands(condition.children);
  return ops.map((o) => describeOperand(o, ops.length > 1, hidden)).join(' and ');
}
