/** Passwords and other secrets written in clear text in the sequence. */
import { parseDynamicRules } from '../../catalog/dynamic-rules.js';
import { doesNotShowValue, hasSecretName, isSecretName } from '../../model/secrets.js';
import { SetVariableStep, STEP_TYPES } from '../../model/steps.js';
import type { Step, SubTaskSequence, Variable } from '../../model/types.js';
import { getVariableValue } from '../../model/variables.js';
import { shownValue } from '../../shown-value.js';
import { visit } from '../../visit.js';
import { items, type Finding, type LintRule } from '../rule.js';

const FLAG_VALUE = /^(true|false|yes|no|0|1)$/i;

/**
 * A value made only of %VAR% references: the engine expands them at run time, so the file holds the names of the
 * variables that hold the secret (collection variables, say), not the secret itself.
 */
const ONLY_REFERENCES = /^(?:\s*%[^%\s]+%)+\s*$/;

/** Whether a value is one a secret is not: empty, a flag such as true or 0, or only references to other variables. */
const isClearText = (value: string): boolean => value.trim() !== '' && !FLAG_VALUE.test(value.trim()) && !ONLY_REFERENCES.test(value);

/** The Set Dynamic Variables step type, whose rules set variables from a document of their own (its Rules). */
const SET_DYNAMIC_VARIABLES = 'SMS_TaskSequence_SetDynamicVariablesAction';

/**
 * The names of the variables, password-like or marked secret, that a Set Dynamic Variables step's rules set to a value
 * in clear text: the console exports a variable marked secret empty, so one with a value was written by hand.
 */
function dynamicRuleSecrets(step: Step | SubTaskSequence): { name: string; marked: boolean }[] {
  if (step.attributes.type !== SET_DYNAMIC_VARIABLES) return [];
  const rules = parseDynamicRules(getVariableValue(step, 'OSDSetDynamicVariablesRules') ?? '') ?? [];
  return rules.flatMap((r) => r.variables.filter((v) => (v.secret || isSecretName(v.name.trim())) && isClearText(v.value)).map((v) => ({ name: v.name.trim(), marked: v.secret })));
}

/** Lint rule `clear-text-secret` (see its description). */
export const clearTextSecret: LintRule = {
  id: 'clear-text-secret',
  severity: 'warning',
  description: 'A password-like variable (or one the step catalog types as secret, such as a BitLocker PIN) holds a value in clear text, or a Set Task Sequence Variable step (one marked "Do not display this value" too) or a Set Dynamic Variables rule sets one to a value written in the step; exports carry it to anyone who reads the file.',
  check: (doc) => {
    const out: Finding[] = [];
    const secret = (v: Variable): boolean => hasSecretName(v) && isClearText(v.value);
    const message = (name: string) => `Variable ${shownValue(name, '')} holds a value in clear text; keep secrets in collection or hidden variables instead.`;
    const nameOf = (v: Variable) => v.attributes.name ?? v.attributes.property ?? '?';
    for (const c of doc.sequence.children) {
      if (c.kind !== 'variableList') continue;
      for (const v of c.children) if (v.kind === 'variable' && secret(v)) out.push({ node: v, message: message(nameOf(v)) });
    }
    for (const located of items(doc)) {
      const step = located.node;
      if (step.kind === 'group') continue;
      visit(step, (n) => {
        if (n.kind === 'variable' && secret(n)) out.push({ located, message: message(nameOf(n)) });
      });
      for (const { name, marked } of dynamicRuleSecrets(step)) {
        // Marked secret already: the console would have written it empty, so asking to mark it secret says nothing.
        const message = marked
          ? `A rule's variable ${shownValue(name, '')} is marked secret but its value is in the file in clear text (the console writes a secret value empty, and import removes it); set it as a collection or device variable, or leave the value empty.`
          : `A rule sets variable ${shownValue(name, '')} to a value in clear text; mark it secret ("Secret value") instead.`;
        out.push({ located, message });
      }
      // Set Task Sequence Variable names the variable it sets in a variable of its own (VariableName), so the name
      // test above does not see OSDJoinPassword there. "Do not display this value" keeps the value out of the logs,
      // not out of the file: one marked so that still holds its value in the step (in VariableValue and its action
      // line) is a secret in clear text, whatever its name.
      if (step.attributes.type !== STEP_TYPES.setVariable) continue;
      const set = new SetVariableStep(step);
      const name = set.variableName?.trim() ?? '';
      if (!isClearText(set.variableValue ?? '')) continue;
      if (doesNotShowValue(step)) out.push({ located, message: `Variable ${shownValue(name, '')} is set with "Do not display this value", but its value is in the step in clear text, where anyone who reads the export sees it; keep it in a collection variable instead.` });
      else if (isSecretName(name)) out.push({ located, message: message(name) });
    }
    return out;
  },
};
