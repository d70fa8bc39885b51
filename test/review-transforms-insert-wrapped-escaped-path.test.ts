// insert-steps-after by path after a step whose condition it moved to a group of the step's name: the next run finds
// the step one level down. A name with a `/` or `\` is escaped in the path (`G/Setup\/Config`); the second run took
// what followed the last `/` of all (`Config`) for the name, found nothing and was refused with STEP_NOT_FOUND.
import { describe, expect, it } from 'vitest';
import { applyTransform, checkTransform, readTaskSequence, writeTaskSequence } from './helpers/api.js';

const sequence = (name: string) => `<sequence version="3.10">
  <group name="G" description="">
    <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0">
      <condition>
        <expression type="SMS_TaskSequence_VariableConditionExpression">
          <variable name="Operator">equals</variable>
          <variable name="Value">True</variable>
          <variable name="Variable">_SMSTSInWinPE</variable>
        </expression>
      </condition>
      <action>OSDSetupWindows.exe</action>
    </step>
  </group>
</sequence>
`;
const LOG = { type: 'run-command-line', name: 'Log', commandLine: 'cmd /c echo done' } as const;

describe('insert-steps-after by the path of a step with / or \\ in its name, moved into a group', () => {
  for (const [name, escaped] of [
    ['Setup/Config', 'Setup\\/Config'],
    ['Setup\\Config', 'Setup\\\\Config'],
    ['a/b\\/c', 'a\\/b\\\\\\/c'],
  ] as const) {
    it(`${name}: the second run finds the step and its steps in place`, () => {
      const options = { after: { path: `G/${escaped}` }, steps: [LOG] };
      const doc = readTaskSequence(Buffer.from(sequence(name)));
      const first = applyTransform('insert-steps-after', doc, options);
      expect(first.changes.some((c) => c.what.startsWith('moved the condition'))).toBe(true);
      const once = Buffer.from(writeTaskSequence(doc)).toString();
      const again = readTaskSequence(Buffer.from(once));
      const check = checkTransform('insert-steps-after', again, options);
      expect(check.changed).toBe(false);
      expect(check.alreadyInPlace).toHaveLength(1);
      applyTransform('insert-steps-after', again, options);
      expect(Buffer.from(writeTaskSequence(again)).toString()).toBe(once);
    });
  }

  it('a group of that name the transform did not make is still no place to look', () => {
    // Same path one level down, but the group's description is not the one the transform writes.
    const xml = `<sequence version="3.10"><group name="G"><group name="S/x" description="mine"><step type="T" name="S/x"/></group></group></sequence>`;
    const doc = readTaskSequence(Buffer.from(xml));
    expect(() => checkTransform('insert-steps-after', doc, { after: { path: 'G/S\\/x' }, steps: [LOG] })).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
  });
});
