// insert-steps-after after a step with a condition that tests only sequence variables copied the condition onto each
// new step. When one of the new steps sets a variable the condition tests, the copies on the steps after it were
// evaluated with the new value: they did not run although the step they follow did. The condition now moves to a
// group around the step and the new steps, evaluated once, as for a condition that tests what Setup changes.
import { describe, expect, it } from 'vitest';
import { applyTransform, readTaskSequence, writeTaskSequenceText } from './helpers/api.js';

const COND = (variable: string) =>
  `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">A</variable><variable name="Variable">${variable}</variable></expression></condition>`;
const XML = (variable: string) => `<sequence version="3.10"><group name="G"><step type="T" name="Step">${COND(variable)}<action>x.exe</action></step></group></sequence>`;
const options = (variableName: string) => ({
  after: { name: 'Step' },
  steps: [
    { type: 'set-variable' as const, name: 'Set', variableName, value: 'B' },
    { type: 'run-command-line' as const, name: 'Log', commandLine: 'cmd /c echo' },
  ],
});

describe('insert-steps-after, when a new step sets a variable the condition tests', () => {
  it('moves the condition to a group around the step and the new steps (the variable named in other letter case)', () => {
    const doc = readTaskSequence(XML('Mode'));
    const report = applyTransform('insert-steps-after', doc, options('MODE'));
    expect(report.changes[0]?.what).toMatch(/^moved the condition of "Step" to a new group/);
    const steps = doc.steps();
    expect(steps.map((s) => s.path)).toEqual(['G/Step/Step', 'G/Step/Set', 'G/Step/Log']);
    // No step has a condition of its own: the group's is evaluated once, before the step.
    expect(steps.every((s) => !s.node.children.some((c) => c.kind === 'condition'))).toBe(true);
    const once = writeTaskSequenceText(doc);
    const again = readTaskSequence(once);
    expect(applyTransform('insert-steps-after', again, options('MODE')).changed).toBe(false);
    expect(writeTaskSequenceText(again)).toBe(once);
  });

  it('still copies a condition on a variable no new step sets', () => {
    const doc = readTaskSequence(XML('Other'));
    applyTransform('insert-steps-after', doc, options('Mode'));
    const steps = doc.steps();
    expect(steps.map((s) => s.path)).toEqual(['G/Step', 'G/Set', 'G/Log']);
    expect(steps.every((s) => s.node.children.some((c) => c.kind === 'condition'))).toBe(true);
  });
});
