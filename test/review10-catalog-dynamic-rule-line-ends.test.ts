// Review of Set Dynamic Variables rules: a CR in a rule variable's value or a condition parameter was written raw
// into the <Rules> text, where any XML reader (ConfigMgr's too) turns CR LF and CR into LF (XML 1.0 2.11), so the
// value the engine saw was not the one given. A CR is now written as &#xD;.
import { describe, expect, it } from 'vitest';
import { createSequence, addStep, formatDynamicRules, parseDynamicRules, readTaskSequence, findItems, stepView, writeTaskSequence, type DynamicRule, type Step } from './helpers/api.js';

const rules: DynamicRule[] = [
  {
    conditions: [{ type: 'SMS_TaskSequence_VariableConditionExpression', parameters: { Operator: 'equals', Value: 'a\rb\r\nc', Variable: 'OSDNote' } }],
    variables: [{ name: 'OSDNote', value: 'line 1\r\nline 2\rline 3\n', secret: false }],
  },
];

describe('dynamic rule texts with carriage returns', () => {
  it('formatDynamicRules writes no raw CR, and reads back as given', () => {
    const text = formatDynamicRules(rules);
    expect(text).not.toContain('\r');
    expect(text).toContain('line 1&#xD;\nline 2&#xD;line 3\n');
    expect(parseDynamicRules(text)).toEqual(rules);
  });

  it('a written document holds no raw CR and reads the rules back as given', () => {
    const doc = createSequence('sequence');
    addStep(doc, 'Set Dynamic Variables', { name: 'Rules', settings: { rules } }, { last: doc.sequence });
    const bytes = Buffer.from(writeTaskSequence(doc));
    expect(bytes.includes(0x0d)).toBe(false);
    const step = findItems(readTaskSequence(bytes).sequence, { kind: 'step' })[0]?.node as Step;
    expect(stepView<'SMS_TaskSequence_SetDynamicVariablesAction'>(step).settings.rules).toEqual(rules);
  });
});
