/**
 * Conditions in words: a one-line summary of a step's or group's `<condition>`, the way the console's Options tab
 * lists it (`if OSDImage equals Win7 and WMI: SELECT …`). The words themselves are made in condition-words.ts.
 */
import { checkConditionNode, checkItem } from './argument-checks.js';
import { conditionWords, expressionParameters, HIDE_OPERANDS, parameterWords } from './condition-words.js';
import type { Condition, Expression, Group, Step, SubTaskSequence } from './types.js';

export { comparesSecret, expressionParameters, HIDDEN_OPERAND } from './condition-words.js';

/** Options of {@link describeCondition} and {@link describeExpression}. */
export interface DescribeConditionOptions {
  /**
   * Show the value a variable condition compares a password-like variable with (`OSDJoinPassword = "S3cr3t!"`).
   * Default false: `OSDJoinPassword = (hidden)`, as everything cmts prints shows it (see `isSecretName`).
   */
  showSecrets?: boolean;
}

/** The `<condition>` of a step or group, if any. */
export function conditionOf(item: Group | Step | SubTaskSequence): Condition | undefined {
  checkItem('conditionOf', item, 'argument');
  for (const c of item.children) if (c.kind === 'condition') return c;
  return undefined;
}

/** One expression in words; the value a password-like variable is compared with as `(hidden)` unless asked. */
export function describeExpression(expr: Expression, options: DescribeConditionOptions = {}): string {
  return parameterWords(expr.attributes.type ?? '', expressionParameters(expr), options.showSecrets === true ? undefined : HIDE_OPERANDS);
}

/**
 * The whole condition in one line (its operands are ANDed), or '' for an empty condition; the value a password-like
 * variable is compared with is `(hidden)` unless `showSecrets` (its parameters are still in the condition's
 * expressions: see {@link expressionParameters}). Throws `INVALID_ARGUMENT` for an operator that contains itself (put
 * among its own operands by hand).
 */
export function describeCondition(condition: Condition, options: DescribeConditionOptions = {}): string {
  checkConditionNode('describeCondition', condition);
  return conditionWords(condition, options.showSecrets === true ? undefined : HIDE_OPERANDS);
}
