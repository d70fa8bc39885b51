// insert-steps-after after a step with a condition: the new steps run exactly when the step they follow runs, as they
// do after a disabled step. A condition on variables the sequence or the administrator sets is copied onto them; one
// the step itself can change (WMI, _SMSTS… variables) moves to a group around the step and the new steps, evaluated
// once. The KB977203 preset does the same after Setup; this is the building block it is documented to be made of.
import type { InsertStepsAfterOptions } from '../lib/transforms/index.js';
import { describe, expect, it } from 'vitest';
import { applyTransform, conditionOf, describeCondition, listItems, readTaskSequence, writeTaskSequence, type Step } from './helpers/api.js';

const VARIABLE = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">true</variable><variable name="Variable">Pilot</variable></expression></condition>';
const WMI = '<condition><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_Battery</variable></expression></condition>';
const RUN = (name: string, condition = '') =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}">${condition}<action>smsswd.exe /run: cmd /c ${name}</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c ${name}</variable></defaultVarList></step>`;
const REBOOT = '<step type="SMS_TaskSequence_RebootAction" name="Restart"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>';
const OPTIONS: InsertStepsAfterOptions = {
  after: { name: 'Anchor' },
  steps: [
    { type: 'restart-computer', name: 'Restart' },
    { type: 'set-variable', name: 'Mark', variableName: 'Marked', value: 'yes' },
  ],
};
const doc = (items: string) => readTaskSequence(`<sequence version="3.00"><group name="G">${items}</group></sequence>`);
const text = (d: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(d)).toString('utf8');
const view = (d: ReturnType<typeof readTaskSequence>) =>
  listItems(d.sequence).map((l) => [l.path, l.node.kind, conditionOf(l.node as Step) === undefined ? '' : describeCondition(conditionOf(l.node as Step)!)]);

describe('insert-steps-after a step with a condition', () => {
  it('on a variable the administrator sets: each new step gets a copy of it, and a second run changes nothing', () => {
    const d = doc(RUN('Anchor', VARIABLE) + RUN('Next'));
    const report = applyTransform('insert-steps-after', d, OPTIONS);
    const cond = describeCondition(conditionOf(d.steps()[0]!.node)!);
    expect(view(d)).toEqual([
      ['G', 'group', ''],
      ['G/Anchor', 'step', cond],
      ['G/Restart', 'step', cond],
      ['G/Mark', 'step', cond],
      ['G/Next', 'step', ''],
    ]);
    expect(report.changes.map((c) => c.what)).toEqual([expect.stringMatching(/with the condition of the step it follows$/), expect.stringMatching(/with the condition of the step it follows$/)]);
    const once = text(d);
    const again = readTaskSequence(once);
    expect(applyTransform('insert-steps-after', again, OPTIONS).changed).toBe(false);
    expect(text(again)).toBe(once);
  });

  it('on WMI: the condition moves to a group of the step\'s name around it and the new steps, evaluated once', () => {
    const d = doc(RUN('Anchor', WMI) + RUN('Next'));
    const report = applyTransform('insert-steps-after', d, OPTIONS);
    expect(view(d)).toEqual([
      ['G', 'group', ''],
      ['G/Anchor', 'group', expect.stringContaining('Win32_Battery')],
      ['G/Anchor/Anchor', 'step', ''],
      ['G/Anchor/Restart', 'step', ''],
      ['G/Anchor/Mark', 'step', ''],
      ['G/Next', 'step', ''],
    ]);
    expect(report.changes[0]!.what).toMatch(/^moved the condition of "Anchor" to a new group/);
    const once = text(d);
    const again = readTaskSequence(once);
    expect(applyTransform('insert-steps-after', again, OPTIONS).changed).toBe(false);
    expect(text(again)).toBe(once);
  });

  it('on WMI with one of the steps already there: the step that is missing gets a copy (nothing is moved)', () => {
    const d = doc(RUN('Anchor', WMI) + REBOOT);
    applyTransform('insert-steps-after', d, OPTIONS);
    expect(view(d).map(([p, k, c]) => [p, k, c === '' ? '' : 'condition'])).toEqual([
      ['G', 'group', ''],
      ['G/Anchor', 'step', 'condition'],
      ['G/Restart', 'step', ''],
      ['G/Mark', 'step', 'condition'],
    ]);
  });

  it('without a condition the new steps have none (as before)', () => {
    const d = doc(RUN('Anchor'));
    applyTransform('insert-steps-after', d, OPTIONS);
    expect(view(d).every(([, , c]) => c === '')).toBe(true);
    expect(d.steps().map((s) => s.node.attributes.name)).toEqual(['Anchor', 'Restart', 'Mark']);
  });
});

describe('insert-steps-after by path, run again after it moved the condition to a group', () => {
  it('finds the step in its group and its steps in place: no change, no STEP_NOT_FOUND', () => {
    const options: InsertStepsAfterOptions = { ...OPTIONS, after: { path: 'G/Anchor' } };
    const d = doc(RUN('Anchor', WMI));
    applyTransform('insert-steps-after', d, options);
    expect(listItems(d.sequence).map((l) => l.path)).toEqual(['G', 'G/Anchor', 'G/Anchor/Anchor', 'G/Anchor/Restart', 'G/Anchor/Mark']);
    const once = text(d);
    const again = readTaskSequence(once);
    const report = applyTransform('insert-steps-after', again, options);
    expect(report.changed).toBe(false);
    expect(report.alreadyInPlace).toHaveLength(2);
    expect(text(again)).toBe(once);
  });

  it('a group of that name made by someone else does not stand in for the step', () => {
    const d = doc(`<group name="Anchor" description="mine">${RUN('Anchor')}</group>`);
    expect(() => applyTransform('insert-steps-after', d, { ...OPTIONS, after: { path: 'G/Anchor' } })).toThrow(/No step matches/);
  });
});
