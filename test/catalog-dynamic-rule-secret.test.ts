// A Set Dynamic Variables rule variable marked secret with a value (review D2): the console writes a secret value
// empty and import removes it, so builders and `set` refuse one, the settings schema too, and lint says of a file's
// such rule that it is marked secret but its value is in the file (not "mark it secret").
import { describe, expect, it } from 'vitest';
import { buildStep, formatDynamicRules, lint, readTaskSequence, stepView, validateStepSettings, type Step } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const secretRules = [{ variables: [{ name: 'Pw', value: 'hunter2', secret: true }] }];

function sequenceWithRules(rules: string): string {
  const escaped = rules.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<sequence version="3.10"><step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Rules" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false"><action>osdrules.exe</action><defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules">${escaped}</variable></defaultVarList></step></sequence>`;
}

describe('a secret rule variable with a value', () => {
  it('is refused by buildStep, naming the variable and saying what to do', () => {
    const e = thrown(() => buildStep('Set Dynamic Variables', { name: 'Rules', settings: { rules: secretRules } }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('rules[0].variables[0]');
    expect(e.message).toContain('collection or device variable');
  });

  it('is refused by set, leaving the step as it was', () => {
    const step = buildStep('Set Dynamic Variables', { name: 'Rules', settings: { rules: [{ variables: [{ name: 'Pw', value: '', secret: true }] }] } }) as Step;
    const before = JSON.stringify(step);
    expect(thrown(() => stepView<'SMS_TaskSequence_SetDynamicVariablesAction'>(step).set('rules', secretRules)).code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(step)).toBe(before);
  });

  it('is refused by the settings schema; a secret with an empty value and a plain value are taken', () => {
    expect(validateStepSettings('Set Dynamic Variables', { rules: secretRules }).length).toBeGreaterThan(0);
    const fine = [{ variables: [{ name: 'Pw', value: '', secret: true }, { name: 'OSDSite', value: 'Paris', secret: false }] }];
    expect(validateStepSettings('Set Dynamic Variables', { rules: fine })).toEqual([]);
    const step = buildStep('Set Dynamic Variables', { name: 'Rules', settings: { rules: fine } }) as Step;
    expect(stepView<'SMS_TaskSequence_SetDynamicVariablesAction'>(step).settings.rules).toEqual(fine);
  });

  it('in a file is read, and lint says it is marked secret but its value is in the file', () => {
    const doc = readTaskSequence(sequenceWithRules(formatDynamicRules(secretRules)));
    const messages = lint(doc).filter((f) => f.code === 'clear-text-secret').map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('is marked secret but its value is in the file');
    expect(messages[0]).not.toContain('mark it secret');
  });

  it('a password-like name not marked secret is still told to mark it secret', () => {
    const doc = readTaskSequence(sequenceWithRules(formatDynamicRules([{ variables: [{ name: 'OSDJoinPassword', value: 'hunter2', secret: false }] }])));
    const messages = lint(doc).filter((f) => f.code === 'clear-text-secret').map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('mark it secret');
  });
});
