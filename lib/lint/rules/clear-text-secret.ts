/** Passwords and other secrets written in clear text in the sequence. */
import { listItems } from '../../model/query.js';
import type { Variable } from '../../model/types.js';
import { visit } from '../../visit.js';
import type { Finding, LintRule } from '../rule.js';

const SECRET_NAME = /(password|passwd|pwd|secret|credential|productkey|apikey|token)$/i;
// Settings about passwords rather than passwords: OSDRandomAdminPassword=true, OSDBitLockerCreateRecoveryPassword=AD.
const NOT_A_SECRET = /^(Random\w*|Create\w*|OSDRandom\w*|OSDBitLockerCreate\w*)$/i;
const FLAG_VALUE = /^(true|false|yes|no|0|1)$/i;

/** Lint rule `clear-text-secret` (see its description). */
export const clearTextSecret: LintRule = {
  id: 'clear-text-secret',
  severity: 'warning',
  description: 'A password-like variable holds a value in clear text; exports carry it to anyone who reads the file.',
  check: (doc) => {
    const out: Finding[] = [];
    for (const located of listItems(doc.sequence)) {
      if (located.node.kind === 'group') continue;
      visit(located.node, (n) => {
        if (n.kind !== 'variable') return;
        const v = n as Variable;
        const name = v.attributes.name ?? '';
        const prop = v.attributes.property ?? '';
        const secretName = (SECRET_NAME.test(name) && !NOT_A_SECRET.test(name)) || (SECRET_NAME.test(prop) && !NOT_A_SECRET.test(prop));
        if (secretName && !NOT_A_SECRET.test(name) && v.value.trim() !== '' && !FLAG_VALUE.test(v.value.trim())) {
          out.push({ located, message: `Variable ${name || prop} holds a value in clear text; keep secrets in collection or hidden variables instead.` });
        }
      });
    }
    return out;
  },
};
