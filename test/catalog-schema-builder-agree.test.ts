// The builders, `set` and the settings schema apply one set of checks (README, Step catalog). Two values split them:
// a list of one empty item, which the builders refuse (it is written as an empty text, and reads back as no item) and
// the schema took; and a Set Dynamic Variables rule setting a variable with no name, which the schema refused and the
// builders wrote (`<Variable Name="" …>`, a rule that sets nothing).
import { describe, expect, it } from 'vitest';
import { buildStep, stepCatalog, stepView, validateStepSettings, validatorFor, type Step } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

/** Each list setting (top level) of the catalog, with its step type. */
const LISTS = stepCatalog.flatMap((e) => e.variables.filter((v) => !v.arrayOf && (v.valueType === 'list' || v.valueType === 'packageIdList')).map((v) => [e, v] as const));

describe('builders and the settings schema agree', () => {
  it('a list of one empty item is refused by both, for every list setting', () => {
    expect(LISTS.length).toBeGreaterThan(0);
    for (const [entry, data] of LISTS) {
      const problems = validateStepSettings(entry.type, { [data.setting]: [''] });
      expect(problems.join('; '), `${entry.consoleName} ${data.setting}`).toContain(data.setting);
    }
    expect(verdict(() => buildStep('Install Application', { name: 'Apps', settings: { applicationName: [''] } }))).toBe('INVALID_ARGUMENT');
  });

  it('lists the schema still takes: none, one item, several, and an empty item beside others is the builders\' call', () => {
    for (const [entry, data] of LISTS) {
      const item = data.valueType === 'packageIdList' ? 'ABC00001' : 'a';
      for (const value of [[], [item], [item, item]]) expect(validateStepSettings(entry.type, { [data.setting]: value }), `${entry.consoleName} ${data.setting}`).toEqual([]);
    }
  });

  it('the published text form schema (cmts build) refuses it too, and takes the item given', () => {
    const validate = validatorFor('sequence-text.schema.json');
    const text = (applicationName: string[]) => ({ steps: [{ step: 'Install Application', name: 'Apps', settings: { applicationName } }] });
    expect(validate(text(['']))).toBe(false);
    expect(validate(text(['App']))).toBe(true);
  });

  it('a rule variable with no name is refused by buildStep and set, as the schema refuses it', () => {
    const rules = [{ variables: [{ name: '', value: 'x', secret: false }] }];
    expect(validateStepSettings('Set Dynamic Variables', { rules }).length).toBeGreaterThan(0);
    expect(verdict(() => buildStep('Set Dynamic Variables', { name: 'Rules', settings: { rules } }))).toBe('INVALID_ARGUMENT');
    const step = buildStep('Set Dynamic Variables', { name: 'Rules', settings: { rules: [{ variables: [{ name: 'OSDComputerName', value: 'PC01', secret: false }] }] } }) as Step;
    const before = JSON.stringify(step);
    expect(verdict(() => stepView<'SMS_TaskSequence_SetDynamicVariablesAction'>(step).set('rules', rules))).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(step)).toBe(before);
  });
});
