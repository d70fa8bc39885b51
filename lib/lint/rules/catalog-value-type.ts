/** A step variable whose text is not a value of its type (a boolean that is not true/false, a number that is not one). */
import { ruleConditionProblem, type WrittenDynamicRule } from '../../catalog/dynamic-rules.js';
import { formProblem, ruleVariableNameProblem } from '../../catalog/value-problem.js';
import { article, decodeValue } from '../../catalog/values.js';
import { arraySettingOf, itemSpelling, matchVariable } from '../../catalog/variable-match.js';
import type { StepTypeData, ValueType, VariableData } from '../../catalog/types.js';
import type { Variable } from '../../model/types.js';
import { variables } from '../../model/variables.js';
import { characterCount, shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, SECRET_NOT_SHOWN, consoleFormFindings } from '../rule.js';
import { hasSecretName } from '../../model/secrets.js';

/**
 * Types whose text a finding does not quote: a script or a rules document can hold passwords (a rule that sets
 * OSDJoinPassword), and either can be as long as the file; a secret is never shown.
 */
const UNQUOTED: ReadonlySet<ValueType> = new Set(['secret', 'base64Script', 'dynamicRules']);

/** What a finding says of a value that is not of its type: its start (see `shownValue`), or why it is not shown. */
function valueShown(type: ValueType, v: Variable): string {
  if (UNQUOTED.has(type)) return `its text (${characterCount(v.value)} characters, not shown)`;
  // A password-like variable's value is left out, as the clear-text-secret rule and a rendered page leave it out.
  if (hasSecretName(v)) return SECRET_NOT_SHOWN;
  return shownValue(v.value, '"');
}

/**
 * Why a file's value is not of the form the builders and `set` take (`formProblem`, `ruleVariableNameProblem` in
 * value-problem.ts, `ruleConditionProblem` in dynamic-rules.ts): a variable's name that is none (`a b`, `x%`), a GUID,
 * package ID (each of a list's) or drive letter that is none, a Set Dynamic Variables rule's condition of an expression type or with parameters no export shows;
 * undefined when it is. Set Task Sequence Variable's name is `variable-name-invalid`'s to report. `decoded` is the
 * value as its type reads it (the rules of a Set Dynamic Variables step, decoded once for this and the type's test).
 */
function formFinding(entry: StepTypeData, data: VariableData, text: string, decoded: unknown, index: number | undefined): string | undefined {
  if (data.form === 'variableName') return undefined;
  if (data.valueType === 'dynamicRules') {
    for (const [r, rule] of ((decoded as WrittenDynamicRule[] | undefined) ?? []).entries()) {
      for (const [at, condition] of (rule.conditions ?? []).entries()) {
        const problem = ruleConditionProblem(condition, `${data.setting}[${r}].conditions[${at}]`);
        if (problem !== undefined) return `${problem} The step's program may not evaluate the rule as meant.`;
      }
      for (const [at, variable] of rule.variables.entries()) {
        const problem = variable.name === '' ? undefined : ruleVariableNameProblem(variable.name, `${data.setting}[${r}].variables[${at}].name`);
        if (problem !== undefined) return `${problem} A rule sets a task sequence variable by its name.`;
      }
    }
    return undefined;
  }
  const where = data.arrayOf !== undefined && index !== undefined ? `${arraySettingOf(entry, data)}[${index}].${data.setting} (${itemSpelling(data, index).name})` : `${data.setting} (${data.name})`;
  if (data.valueType === 'packageIdList') {
    // Comma-separated: each item is a package ID, as the builders take each.
    for (const item of (decoded as string[] | undefined) ?? []) {
      const problem = formProblem({ valueType: 'packageId' }, item, where, 'has the item');
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  return formProblem(data, text, where);
}

/** Lint rule `catalog/value-type` (see its description). */
export const catalogValueType: LintRule = {
  id: 'catalog/value-type',
  severity: 'warning',
  description: 'A step variable whose value is not of its type (for example a boolean that is not true or false), or not of its form (a variable\'s name that is none, a GUID, package ID or drive letter that is none, a Set Dynamic Variables rule\'s condition of an expression type or with parameters no export shows); the engine may read it differently than meant.',
  check: (doc) =>
    consoleFormFindings(
      doc,
      (located, entry): Finding[] => {
        return variables(located.node).flatMap((v): Finding[] => {
          const matched = matchVariable(entry, v);
          // Empty (or white space, in older exports): the console writes a setting it has no value for so.
          if (!matched || v.value.trim() === '') return [];
          const { data } = matched;
          const decoded = decodeValue(data.valueType, v.value);
          const form = formFinding(entry, data, v.value, decoded, matched.index);
          if (form !== undefined) return [{ located, message: form }];
          if (/%[^%]+%/.test(v.value) || decoded !== undefined) return [];
          return [{ located, message: `${data.setting} (${data.name}) should be ${article(data.valueType)} ${data.valueType} value, not ${valueShown(data.valueType, v)}.` }];
        });
      },
    ),
};
