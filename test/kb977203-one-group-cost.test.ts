// Apply and revert with many Setup steps in one group: each inserted or removed step was one splice of the group's
// children, which moves every sibling after it, so the time grew with the square of the Setup steps (32,000 in one
// group took 10-25 s). The preset now records its insertions and removals in one edit batch, which refills each
// parent once. Counted here as the splices of the group's array (a timing would be noise on a shared machine).
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Group, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const N = 200;
const setup = (i: number) =>
  `\n    <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup ${i}" description="" runIn="WinPEandFullOS" successCodeList="0">\n      <action>OSDSetupWindows.exe</action>\n      <defaultVarList>\n        <variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=CM01</variable>\n        <variable name="_SMSClientPackageID" property="ClientPackageID">CM1${i.toString(16).toUpperCase().padStart(5, '0')}</variable>\n      </defaultVarList>\n    </step>`;
const INPUT = `<sequence version="3.00">\n  <group name="G" description="">${Array.from({ length: N }, (_, i) => setup(i)).join('')}\n  </group>\n</sequence>\n`;

/** The group's children array, made to count the calls of its mutating methods that move elements. */
function counted(doc: ReturnType<typeof readTaskSequence>): { calls: number } {
  const group = doc.sequence.children.find((c): c is Group => c.kind === 'group');
  if (!group) throw new Error('no group');
  const count = { calls: 0 };
  const moving = new Set(['splice', 'unshift', 'shift', 'copyWithin']);
  group.children = new Proxy(group.children, {
    get(target, key, receiver) {
      if (typeof key === 'string' && moving.has(key)) count.calls++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return count;
}

describe('KB977203 on many Setup steps in one group', () => {
  it('apply and revert move the group\'s children a fixed number of times, not once per step', () => {
    const doc = readTaskSequence(INPUT);
    const applying = counted(doc);
    expect(applyKb977203(doc, O).changes).toHaveLength(3 * N);
    expect(applying.calls).toBeLessThanOrEqual(2);
    const applied = Buffer.from(writeTaskSequence(doc)).toString();
    const back = readTaskSequence(applied);
    const reverting = counted(back);
    expect(revertKb977203(back, O).changes).toHaveLength(3 * N);
    expect(reverting.calls).toBeLessThanOrEqual(2);
    expect(Buffer.from(writeTaskSequence(back)).toString()).toBe(INPUT);
  });
});
