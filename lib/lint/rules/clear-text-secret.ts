/** Passwords and other secrets written in clear text in the sequence. */
import type { Variable } from '../../model/types.js';
import { visit } from '../../visit.js';
import { items, type Finding, type LintRule } from '../rule.js';

const SECRET_NAME = /(password|passwd|pwd|secret|credential|productkey|apikey|token)$/i;
// Settings about passwords rather than passwords: OSDRandomAdminPassword=true, OSDBitLockerCreateRecoveryPassword=AD.
const NOT_A_SECRET = /^(Random\w*|Create\w*|OSDRandom\w*|OSDBitLockerCreate\w*)$/i;
const FLAG_VALUE = /^(true|false|yes|no|0|1)$/i;

/** Whether a variable's name or property says it holds a password or another secret. */
export function hasSecretName(v: Variable): boolean {
  const name = v.attributes.name ?? '';
  const prop = v.attributes.property ?? '';
  return !NOT_A_SECRET.test(name) && ((SECRET_NAME.test(name) && !NOT_A_SECRET.test(name)) || (SECRET_NAME.test(prop) && !NOT_A_SECRET.test(prop)));
}

/** Lint rule `clear-text-secret` (see its description). */
export const clearTextSecret: LintRule = {
  id: 'clear-text-secret',
  severity: 'warning',
  description: 'A password-like variable holds a value in clear text; exports carry it to anyone who reads the file.',
  check: (doc) => {
    const out: Finding[] = [];
    const secret = (v: Variable): boolean => hasSecretName(v) && v.value.trim() !== '' && !FLAG_VALUE.test(v.value.trim());
    const message = (v: Variable) => `Variable ${v.attributes.name ?? v.attributes.property ?? '?'} holds a value in clear text; keep secrets in collection or hidden variables instead.`;
    for (const c of doc.sequence.children) {
      if (c.kind !== 'variableList') continue;
      for (const v of c.children) if (v.kind === 'variable' && secret(v)) out.push({ node: v, message: message(v) });
    }
    for (const located of items(doc)) {
      if (located.node.kind === 'group') continue;
      visit(located.node, (n) => {
        if (n.kind === 'variable' && secret(n)) out.push({ located, message: message(n) });
      });
    }
    return out;
  },
};
