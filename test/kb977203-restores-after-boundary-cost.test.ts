// n Setup steps, each in an `X equals 1` branch, then n user state restores, each in an `X notEquals 1` branch: for
// each Setup step the preset looks for the first restore that may run after it (CCMCertFix must run before the user
// state is restored), skipping restores in branches that exclude its own. That scan went on past the next Setup step,
// which ends the span anyway, so every Setup step judged every restore: n² (1,600 of each took 7 s to check). Counted
// as reads of the restores' groups' children, which is where a branch's condition is read (a timing would be noise).
import { describe, expect, it } from 'vitest';
import { checkKb977203, listItems, readTaskSequence, type Kb977203Options } from './helpers/api.js';
import { condition, group, RESTORE, SETUP, variable } from './helpers/kb-branches.js';
import { countPropertyReads } from './helpers/read-counter.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const N = 200;
const input = `<sequence version="3.00">${Array.from({ length: N }, (_, i) => group(`Setup ${i}`, SETUP(`Setup Windows and ConfigMgr ${i}`, 'SMSSLP=SLP01'), condition(variable('X', 'equals', '1')))).join('')}${Array.from({ length: N }, (_, i) => group(`Restore ${i}`, RESTORE, condition(variable('X', 'notEquals', '1')))).join('')}\n</sequence>\n`;

describe('KB977203 with many Setup branches before many restores in opposite branches', () => {
  it('judges each restore a bounded number of times, not once per Setup step before it', () => {
    const doc = readTaskSequence(input);
    const groups = listItems(doc.sequence).flatMap((l) => (l.node.kind === 'group' && String(l.node.attributes.name).startsWith('Restore') ? [l.node] : []));
    expect(groups).toHaveLength(N);
    const counter = countPropertyReads(groups, 'children');
    const report = checkKb977203(doc, O);
    // Every Setup step still gets its PATCH entry and its CCMCertFix pair.
    expect(report.changes).toHaveLength(3 * N);
    // Each Setup step judging every restore reads them about N²/2 times and more (20,000 here).
    expect(counter.reads).toBeLessThan(40 * N);
  });
});
