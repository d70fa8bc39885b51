/** A step variable whose text is not a value of its type (a boolean that is not true/false, a number that is not one). */
import { consoleFormEntry } from '../../catalog/console-form.js';
import { decodeValue } from '../../catalog/values.js';
import { matchVariable } from '../../catalog/variable-match.js';
import { variables } from '../../model/variables.js';
import { type Finding, type LintRule, steps } from '../rule.js';

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
        return [{ located, message: `${data.setting} (${data.name}) should be a ${data.valueType} value, not ${JSON.stringify(v.value)}.` }];
      });
    }),
};
