/**
 * Conditions as typed operands, built into the `<condition>` the console writes and read back from one. A step's or
 * group's condition goes first among its children, before the `<action>`, where the console puts it.
 */
import { TaskSequenceError } from '../errors.js';
import { COMPARISONS, CONDITION_TYPES, conditionType } from '../catalog/condition-data.js';
import { checkpointBelow, containsItself } from './contains-itself.js';
import { checkConditionNode } from './argument-checks.js';
import { checkOperand } from './operand-checks.js';
import { expressionParameters } from './conditions.js';
import { isElement } from './query.js';
import type { Condition, Expression, Node, Operator, Variable } from './types.js';

/** Comparison operators of variable, file and folder conditions. */
export type Comparison = (typeof COMPARISONS)[number];

/**
 * The values each operator field of a typed operand takes, by the operand's key: the operand types below, the text
 * form's schema and the reader (which keeps an expression generic when its operator is not among them) say them from
 * here.
 */
export const OPERAND_OPERATORS = {
  variable: { operator: ['exists', 'notExists', ...COMPARISONS] },
  wmi: {},
  file: { versionOperator: COMPARISONS, dateTimeOperator: COMPARISONS },
  folder: { dateTimeOperator: COMPARISONS },
  registry: { operator: ['exists', 'notExists', ...COMPARISONS] },
  software: { operator: ['AnyVersion', 'ThisVersion'] },
} as const;

type OperatorOf<K extends keyof typeof OPERAND_OPERATORS, F extends string> = F extends keyof (typeof OPERAND_OPERATORS)[K] ? ((typeof OPERAND_OPERATORS)[K][F] extends readonly (infer V)[] ? V : never) : never;

/** One operand of a condition: an expression or an operator over operands. */
export type ConditionOperand =
  | { variable: string; operator: OperatorOf<'variable', 'operator'>; value?: string }
  | { wmi: string; namespace?: string }
  | { file: string; version?: string; versionOperator?: Comparison; dateTime?: string; dateTimeOperator?: Comparison }
  | { folder: string; dateTime?: string; dateTimeOperator?: Comparison }
  | { registry: string; valueName?: string; operator: OperatorOf<'registry', 'operator'>; type?: string; data?: string }
  | { software: string; productCode?: string; upgradeCode?: string; version?: string; operator?: OperatorOf<'software', 'operator'> }
  | { and: ConditionOperand[] }
  | { or: ConditionOperand[] }
  | { not: ConditionOperand[] }
  | { expression: string; parameters: Record<string, string> };

function expression(type: string, params: Record<string, string | undefined>): Expression {
  const children: Node[] = Object.keys(params)
    .filter((k) => params[k] !== undefined)
    .sort()
    .map((name): Variable => ({ kind: 'variable', tag: 'variable', attributes: { name }, value: params[name] as string }));
  return { kind: 'expression', tag: 'expression', attributes: { type }, children };
}

const T = (key: string) => (CONDITION_TYPES.find((c) => c.key === key) as { type: string }).type;

/** The operands of an `and`, `or` or `not` operand, with its type; undefined for an expression. */
function operatorOf(o: ConditionOperand): [type: 'and' | 'or' | 'not', list: ConditionOperand[]] | undefined {
  return 'and' in o ? ['and', o.and] : 'or' in o ? ['or', o.or] : 'not' in o ? ['not', o.not] : undefined;
}

/**
 * The `<operator>` or `<expression>` element of an operand. Iterative (an explicit stack), so operands nested as deep
 * as a document read with a raised `maxDepth` may hold do not exhaust the call stack. Throws `INVALID_ARGUMENT` for an
 * operand that contains itself.
 */
export function operandNode(root: ConditionOperand): Operator | Expression {
  const out: (Operator | Expression)[] = [];
  // Each operand with the list its element goes into, its depth and what the operands in it are compared with (see
  // contains-itself.ts); children are taken in order, each subtree before the next.
  const todo: [ConditionOperand, Node[], number, ConditionOperand][] = [[root, out, 0, root]];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [o, into, depth, checkpoint] = next;
    checkOperand(o, OPERAND_OPERATORS);
    const operator = operatorOf(o);
    if (!operator) {
      into.push(expressionNode(o));
      continue;
    }
    const [type, list] = operator;
    const node: Operator = { kind: 'operator', tag: 'operator', attributes: { type }, children: [] };
    into.push(node);
    for (let i = list.length - 1; i >= 0; i--) {
      const inner = list[i] as ConditionOperand;
      if (inner === checkpoint) containsItself(inner, 'INVALID_ARGUMENT', 'A condition operand');
      todo.push([inner, node.children, depth + 1, checkpointBelow(inner, depth + 1, checkpoint)]);
    }
  }
  return out[0] as Operator | Expression;
}

/** The `<expression>` element of an operand that is no operator. */
function expressionNode(o: ConditionOperand): Expression {
  if ('variable' in o) return expression(T('variable'), { Operator: o.operator, Value: o.value ?? (o.operator.endsWith('xists') ? undefined : ''), Variable: o.variable });
  if ('wmi' in o) return expression(T('wmi'), { Namespace: o.namespace ?? 'root\\cimv2', Query: o.wmi });
  if ('file' in o) return expression(T('file'), { DateTime: o.dateTime, DateTimeOperator: o.dateTimeOperator, Path: o.file, Version: o.version, VersionOperator: o.versionOperator });
  if ('folder' in o) return expression(T('folder'), { DateTime: o.dateTime, DateTimeOperator: o.dateTimeOperator, Path: o.folder });
  if ('registry' in o) return expression(T('registry'), { Data: o.data, KeyPath: o.registry, Operator: o.operator, Type: o.type ?? 'REG_SZ', Value: o.valueName ?? '' });
  if ('software' in o) return expression(T('software'), { Operator: o.operator ?? 'AnyVersion', ProductCode: o.productCode, ProductName: o.software, UpgradeCode: o.upgradeCode, Version: o.version });
  if ('expression' in o) return expression(o.expression, o.parameters);
  throw new TaskSequenceError('INVALID_ARGUMENT', `Not a condition operand: ${JSON.stringify(o)}.`);
}

/** A `<condition>` whose operands must all hold. */
export function buildCondition(...operands: ConditionOperand[]): Condition {
  return { kind: 'condition', tag: 'condition', attributes: {}, children: operands.map(operandNode) };
}

/**
 * Reads an `<operator>` or `<expression>` back into a typed operand. Unknown expression types stay generic, and so
 * does an expression the typed operand would not build again exactly (a parameter missing that it writes by default,
 * one it has no field for) or whose operator its type has not (`like`); Operating System Version groups are generic
 * too. Iterative, like {@link operandNode}; throws `INVALID_ARGUMENT` for an operator that contains itself.
 */
export function readOperand(root: Operator | Expression): ConditionOperand {
  const out: ConditionOperand[] = [];
  // Each element with the list its operand goes into, its depth and what the elements in it are compared with (see
  // contains-itself.ts).
  const todo: [Operator | Expression, ConditionOperand[], number, Operator | Expression][] = [[root, out, 0, root]];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [node, into, depth, checkpoint] = next;
    if (node.kind !== 'operator') {
      into.push(readExpression(node));
      continue;
    }
    const list: ConditionOperand[] = [];
    const type = node.attributes.type;
    into.push(type === 'or' ? { or: list } : type === 'not' ? { not: list } : { and: list });
    const operands = node.children.filter((c): c is Operator | Expression => c.kind === 'operator' || c.kind === 'expression');
    for (let i = operands.length - 1; i >= 0; i--) {
      const inner = operands[i] as Operator | Expression;
      if (inner === checkpoint) containsItself(inner);
      todo.push([inner, list, depth + 1, checkpointBelow(inner, depth + 1, checkpoint)]);
    }
  }
  return out[0] as ConditionOperand;
}

/** Whether each operator field of `o`, a typed operand of the condition type `key`, has a value its type takes. */
function operatorsAllowed(key: string | undefined, o: ConditionOperand): boolean {
  if (key === undefined || !Object.hasOwn(OPERAND_OPERATORS, key)) return false;
  const allowed: Readonly<Record<string, readonly string[]>> = OPERAND_OPERATORS[key as keyof typeof OPERAND_OPERATORS];
  return Object.entries(o).every(([k, v]) => {
    const values = allowed[k];
    return values === undefined || (typeof v === 'string' && values.includes(v));
  });
}

/** Reads an `<expression>` back into a typed operand. */
function readExpression(node: Expression): ConditionOperand {
  const p = expressionParameters(node);
  const generic: ConditionOperand = { expression: node.attributes.type ?? '', parameters: p };
  // Typed only when it builds the same parameters again and its operators are ones the type has (a `like` the file
  // says is not a Comparison: typed, it made a text form its own schema refuses).
  const key = conditionType(node.attributes.type)?.key;
  const back = (o: ConditionOperand) => (operatorsAllowed(key, o) && JSON.stringify(expressionParameters(operandNode(o) as Expression)) === JSON.stringify(Object.fromEntries(Object.entries(p).sort())) ? o : generic);
  const opt = <K extends string>(k: K, v: string | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, string>));
  switch (key) {
    case 'variable':
      return back({ variable: p.Variable ?? '', operator: (p.Operator ?? 'equals') as Comparison, ...opt('value', p.Value) });
    case 'wmi':
      return back({ wmi: p.Query ?? '', ...opt('namespace', p.Namespace) });
    case 'folder':
      return back({ folder: p.Path ?? '', ...opt('dateTime', p.DateTime), ...(p.DateTimeOperator ? { dateTimeOperator: p.DateTimeOperator as Comparison } : {}) });
    case 'file':
      return back({
        file: p.Path ?? '',
        ...opt('version', p.Version),
        ...(p.VersionOperator ? { versionOperator: p.VersionOperator as Comparison } : {}),
        ...opt('dateTime', p.DateTime),
        ...(p.DateTimeOperator ? { dateTimeOperator: p.DateTimeOperator as Comparison } : {}),
      });
    case 'registry':
      return back({ registry: p.KeyPath ?? '', operator: (p.Operator ?? 'exists') as Comparison, ...opt('valueName', p.Value), ...opt('type', p.Type), ...opt('data', p.Data) });
    case 'software':
      return back({ software: p.ProductName ?? '', ...(p.Operator ? { operator: p.Operator as 'AnyVersion' } : {}), ...opt('productCode', p.ProductCode), ...opt('upgradeCode', p.UpgradeCode), ...opt('version', p.Version) });
    default:
      return generic;
  }
}

/** A condition's operands, typed. */
export function readCondition(condition: Condition): ConditionOperand[] {
  checkConditionNode('readCondition', condition);
  return condition.children.filter((c): c is Operator | Expression => isElement(c) && (c.kind === 'operator' || c.kind === 'expression')).map(readOperand);
}

export { setCondition } from './set-condition.js';
