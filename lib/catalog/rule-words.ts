/**
 * Set Dynamic Variables rules as cmts shows them: the values of their secret variables hidden (one decision for a
 * page, a comparison, `cmts diff` and `cmts inspect`), and each rule in words, its condition as a step's condition
 * reads and the variables it sets with their values.
 */
import { HIDDEN_OPERAND, HIDE_OPERANDS, parameterWords } from '../model/condition-words.js';
import { isSecretName } from '../model/secret-name.js';
import type { DynamicRuleVariable, WrittenDynamicRule } from './dynamic-rules.js';

/** Whether a rule's variable has a value to hide: marked secret, or password-like, and not empty. */
export function hidesRuleValue(v: DynamicRuleVariable): boolean {
  return (v.secret || isSecretName(v.name.trim())) && v.value.trim() !== '';
}

/** What a hidden value of a rule shows as, given the rule's place and the variable's place in it. */
export type HiddenRuleValue = (rule: number, variable: number) => string;

/**
 * Set Dynamic Variables rules (decoded, of any condition types) with the values of their secret variables shown as
 * `(hidden)`, or as `hidden` says (a comparison marks one that changed).
 */
export function maskedRules<R extends WrittenDynamicRule>(rules: readonly R[], hidden: HiddenRuleValue = () => HIDDEN_OPERAND): R[] {
  return rules.map((r, i) => ({ ...r, variables: r.variables.map((v, j) => (hidesRuleValue(v) ? { ...v, value: hidden(i, j) } : v)) }));
}

/**
 * A rule in words: `if MAC address "00:11:22:33:44:55" then set OSDSite = "Paris", OSDJoinPassword = (hidden)`; a rule
 * without a condition sets its variables always (`set …`). Its conditions are ANDed, each in brackets when there are
 * several (a computer condition holds when any of its values matches); a value compared with a password-like variable
 * is hidden as in a step's condition, and a secret variable's value as everywhere ({@link hidesRuleValue}), as
 * `hidden` says for the variable's place (a comparison marks one that changed).
 */
export function ruleWords(rule: WrittenDynamicRule, hidden: (variable: number) => string = () => HIDDEN_OPERAND): string {
  const conditions = (rule.conditions ?? []).map((c) => parameterWords(c.type, c.parameters, HIDE_OPERANDS));
  const when = conditions.length > 1 ? conditions.map((c) => `(${c})`).join(' and ') : conditions[0];
  const sets = rule.variables.map((v, j) => `${v.name} = ${hidesRuleValue(v) ? hidden(j) : JSON.stringify(v.value)}`).join(', ');
  return `${when === undefined ? '' : `if ${when} then `}set ${sets || 'nothing'}`;
}

/**
 * Each rule in words with its number (`rule 1`), as a page lists them and a comparison row joins them; `hidden` says
 * what a secret value shows as, by the rule's place and the variable's.
 */
export function numberedRuleWords(rules: readonly WrittenDynamicRule[], hidden: HiddenRuleValue = () => HIDDEN_OPERAND): { label: string; value: string }[] {
  return rules.map((r, i) => ({ label: `rule ${i + 1}`, value: ruleWords(r, (j) => hidden(i, j)) }));
}
