/** An attribute of a step or group that ConfigMgr does not read (`disabled="true"` for `disable="true"`). */
import { GROUP_ATTRIBUTES, STEP_ATTRIBUTES } from '../../model/attributes.js';
import { shownValue } from '../../shown-value.js';
import { items, type Finding, type LintRule, SECRET_NOT_SHOWN } from '../rule.js';
import { isSecretName } from '../../model/secrets.js';

/** An attribute as a finding shows it: name=value, each cut (see `shownValue`), a password-like one's value left out. */
function attributeShown(name: string, value: string): string {
  return `${shownValue(name, '')}=${isSecretName(name) && value.trim() !== '' ? SECRET_NOT_SHOWN : shownValue(value, '"')}`;
}

/** Lint rule `catalog/unknown-attribute` (see its description). */
export const catalogUnknownAttribute: LintRule = {
  id: 'catalog/unknown-attribute',
  severity: 'warning',
  description: 'A step or group attribute that ConfigMgr does not read (a misspelling such as disabled for disable): it has no effect.',
  check: (doc) =>
    items(doc).flatMap((located): Finding[] => {
      const known: readonly string[] = located.node.kind === 'group' ? GROUP_ATTRIBUTES : STEP_ATTRIBUTES;
      return Object.keys(located.node.attributes)
        .filter((a) => !known.includes(a))
        .map((a) => ({ located, message: `ConfigMgr does not read the attribute ${attributeShown(a, located.node.attributes[a] ?? '')}${a.toLowerCase().startsWith('disable') ? ' (the attribute is disable)' : ''}.` }));
    }),
};
