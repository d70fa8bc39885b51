// Revert puts each Setup step the preset wrapped in a group (to carry a condition on a variable Setup changes) back in
// its group's place. Each unwrap looked for its group with indexOf in the parent's children, so many wrapped Setup
// steps in one group cost the square of their number. The positions are now taken once per parent. Counted as reads
// of the parent's children by index (a timing would be noise on a shared machine).
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Group, type Kb977203Options } from './helpers/api.js';
import { countingArray } from './helpers/read-counter.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const N = 1000;
const setup = (i: number) =>
  `\n    <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup ${i}" description="" runIn="WinPEandFullOS" successCodeList="0">\n      <condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${i}</variable><variable name="Variable">_SMSTSMediaType</variable></expression></condition>\n      <action>OSDSetupWindows.exe</action>\n      <defaultVarList>\n        <variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=CM01</variable>\n        <variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>\n      </defaultVarList>\n    </step>`;
const INPUT = `<sequence version="3.00">\n  <group name="G" description="">${Array.from({ length: N }, (_, i) => setup(i)).join('')}\n  </group>\n</sequence>\n`;

describe('revert of many Setup steps the preset wrapped in groups of their own, in one parent', () => {
  it('puts each back in its group\'s place with a bounded number of reads of the parent\'s children', () => {
    const doc = readTaskSequence(INPUT);
    applyKb977203(doc, O);
    const back = readTaskSequence(writeTaskSequence(doc));
    const g = back.sequence.children.find((c): c is Group => c.kind === 'group') as Group;
    // Every Setup step is in a group of its own now, each holding its CCMCertFix step and restart.
    expect(g.children.filter((c) => c.kind === 'group')).toHaveLength(N);
    const counter = { reads: 0 };
    g.children = countingArray(g.children, counter);
    expect(revertKb977203(back, O).changes.filter((c) => c.what.startsWith('moved the condition'))).toHaveLength(N);
    // An indexOf per group reads about N² children (a million here, with the white space between them).
    expect(counter.reads).toBeLessThan(50 * N);
    expect(Buffer.from(writeTaskSequence(back)).toString()).toBe(INPUT);
  });
});
