/** A step variable whose text is not a value of its type (a boolean that is not true/false, a number that is not one). */
import { consoleFormEntry } from '../../catalog/console-form.js';
import { decodeValue } from '../../catalog/values.js';
import { matchVariable } from '../../catalog/variable-match.js';
import type { ValueType } from '../../catalog/types.js';
import type { Variable } from '../../model/types.js';
import { variables } from '../../model/variables.js';
import { characterCount, shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, SECRET_NOT_SHOWN, steps } from '../rule.js';
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

/** "a" or "an" before a type's name. */
const article = (type: ValueType): string => (/^[aeiou]/i.test(type) ? 'an' : 'a');

/** Lint rule `catalog/value-type` (see its description). */
export const catalogValueType: LintRule = {
  id: 'catalog/value-type',
  severity: 'warning',
  description: 'A step variable whose value is not of its type (for example a boolean that is not true or false); the engine may read it differently than meant.',
  check: (doc) =>
    steps(doc).flatMap((located): Finding[] => {
      const entry = consoleFormEntry(located.node);
      if (!entry) return [];
      return variables(located.node).flatMap((v): Finding[] => {
        const data = matchVariable(entry, v)?.data;
        if (!data || v.value.trim() === '' || /%[^%]+%/.test(v.value) || decodeValue(data.valueType, v.value) !== undefined) return [];
        return [{ located, message: `${data.setting} (${data.name}) should be ${article(data.valueType)} ${data.valueType} value, not ${valueShown(data.valueType, v)}.` }];
      });
    }),
};
