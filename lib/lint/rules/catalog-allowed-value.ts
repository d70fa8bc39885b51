/**
 * A step variable outside the values the console offers (compared case-insensitively) or outside its range. Lengths
 * are the console-limit rules' job.
 */
import { matchVariable } from '../../catalog/variable-match.js';
import { variables } from '../../model/variables.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, SECRET_NOT_SHOWN, consoleFormFindings } from '../rule.js';
import { hasSecretName } from '../../model/secrets.js';

/** Lint rule `catalog/allowed-value` (see its description). */
export const catalogAllowedValue: LintRule = {
  id: 'catalog/allowed-value',
  severity: 'warning',
  description: 'A step setting outside the values or the range the console allows.',
  check: (doc) =>
    consoleFormFindings(
      doc,
      (located, entry): Finding[] => {
        return variables(located.node).flatMap((v): Finding[] => {
          const data = matchVariable(entry, v)?.data;
          if (!data || v.value === '' || /%[^%]+%/.test(v.value)) return [];
          if (data.valueType === 'enum' && data.allowed && !data.allowed.some((a) => a.toLowerCase() === v.value.toLowerCase())) {
            return [{ located, message: `${data.setting} (${data.name}) is ${hasSecretName(v) ? SECRET_NOT_SHOWN : shownValue(v.value, '"')}; the console allows ${data.allowed.map((a) => JSON.stringify(a)).join(', ')}.` }];
          }
          const n = Number(v.value);
          if (data.valueType === 'integer' && /^-?\d+$/.test(v.value) && ((data.min !== undefined && n < data.min) || (data.max !== undefined && n > data.max))) {
            return [{ located, message: `${data.setting} (${data.name}) is ${n}; the console allows ${data.min ?? '…'} to ${data.max ?? '…'}.` }];
          }
          return [];
        });
      },
    ),
};
