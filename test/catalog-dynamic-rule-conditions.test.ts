// A Set Dynamic Variables rule's condition was free text: an expression type no export shows (`Bogus`), with any
// parameters, was taken by the builders, written, read back and linted clean. The builders now take the expression
// types the reference has seen in exports, each with its own parameters; a file's other condition is read as written
// (the rules stay in `verbatim`) and reported by lint's catalog/value-type.
import { describe, expect, it } from 'vitest';
import {
  addStep,
  buildStep,
  createSequence,
  findSteps,
  formatDynamicRules,
  lint,
  readTaskSequence,
  stepView,
  validateStepSettings,
  writeTaskSequence,
  type DynamicRule,
  type Step,
  type WrittenDynamicRule,
} from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

const SET_DYNAMIC = 'SMS_TaskSequence_SetDynamicVariablesAction';
const VARIABLES = [{ name: 'A', value: 'b', secret: false }];

/** A sequence file holding one Set Dynamic Variables step with `rules`, as the console writes the step. */
function fileWith(rules: readonly WrittenDynamicRule[]): string {
  const text = formatDynamicRules(rules).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<sequence version="3.10"><step type="${SET_DYNAMIC}" name="Rules" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>OSDSetDynamicVariables.exe</action><defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules">${text}</variable></defaultVarList></step></sequence>`;
}

describe('Set Dynamic Variables rule conditions', () => {
  it('an unknown expression type is refused by addStep, naming the rule, the condition and the known types', () => {
    const doc = createSequence('sequence');
    const rules = [{ conditions: [{ type: 'Bogus', parameters: { Foo: 'bar' } }], variables: VARIABLES }];
    // @ts-expect-error Bogus is no expression type a rule's condition has
    const e = thrown(() => addStep(doc, 'Set Dynamic Variables', { name: 'x', settings: { rules } }, { last: doc.sequence }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('rules[0].conditions[0]');
    expect(e.message).toContain('"Bogus"');
    for (const type of ['SMS_TaskSequence_ComputerConditionExpression', 'SMS_TaskSequence_MakeModelConditionExpression', 'SMS_TaskSequence_VariableConditionExpression']) expect(e.message).toContain(type);
    expect(e.message).toContain('Location');
    expect(findSteps(doc.sequence)).toEqual([]);
  });

  it('an unknown or a missing parameter is refused, naming it and the type\'s parameters', () => {
    const e = thrown(() =>
      buildStep('Set Dynamic Variables', {
        name: 'x',
        // @ts-expect-error Modell is no parameter of a make and model condition
        settings: { rules: [{ conditions: [{ type: 'SMS_TaskSequence_MakeModelConditionExpression', parameters: { Make: 'Dell', Model: 'x', Modell: 'y' } }], variables: VARIABLES }] },
      }),
    );
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('rules[0].conditions[0]');
    expect(e.message).toContain('"Modell"');
    expect(e.message).toContain('Make, Model');
    const missing = [{ variables: VARIABLES }, { conditions: [{ type: 'SMS_TaskSequence_ComputerConditionExpression' as const, parameters: { AssetTag: 'x' } }], variables: VARIABLES }];
    // @ts-expect-error a computer condition has each of its four parameters
    const m = thrown(() => buildStep('Set Dynamic Variables', { name: 'x', settings: { rules: missing } }));
    expect(m.message).toContain('rules[1].conditions[0]');
    expect(m.message).toContain('MACAddress');
  });

  it('stepView.set refuses it and leaves the step as it was', () => {
    const step = buildStep('Set Dynamic Variables', { name: 'x', settings: { rules: [{ variables: VARIABLES }] } }) as Step;
    const before = JSON.stringify(step);
    const rules = [{ conditions: [{ type: 'SMS_TaskSequence_VariableConditionExpression', parameters: { Operator: 'equals', Value: '1', Varaible: 'X' } }], variables: VARIABLES }];
    expect(verdict(() => stepView<typeof SET_DYNAMIC>(step).set('rules', rules as never))).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(step)).toBe(before);
  });

  it('every known expression type, with its parameters, is built and read back as given', () => {
    const rules: DynamicRule[] = [
      { conditions: [{ type: 'SMS_TaskSequence_ComputerConditionExpression', parameters: { AssetTag: 's', MACAddress: '', SerialNumber: '', UUID: '' } }], variables: VARIABLES },
      { conditions: [{ type: 'SMS_TaskSequence_MakeModelConditionExpression', parameters: { Make: 'Dell*', Model: 'Latitude ?440' } }], variables: VARIABLES },
      { conditions: [{ type: 'SMS_TaskSequence_VariableConditionExpression', parameters: { Operator: 'equals', Value: '1', Variable: 'X' } }], variables: VARIABLES },
    ];
    const step = buildStep('Set Dynamic Variables', { name: 'x', settings: { rules } }) as Step;
    expect(stepView<typeof SET_DYNAMIC>(step).settings.rules).toEqual(rules);
    expect(validateStepSettings('Set Dynamic Variables', { rules })).toEqual([]);
    expect(lint(readTaskSequence(fileWith(rules)), ['catalog/value-type'])).toEqual([]);
  });

  it('the settings schema refuses what the builders refuse', () => {
    expect(validateStepSettings('Set Dynamic Variables', { rules: [{ conditions: [{ type: 'Bogus', parameters: { Foo: 'bar' } }], variables: VARIABLES }] })).not.toEqual([]);
    expect(validateStepSettings('Set Dynamic Variables', { rules: [{ conditions: [{ type: 'SMS_TaskSequence_MakeModelConditionExpression', parameters: { Make: 'x' } }], variables: VARIABLES }] })).not.toEqual([]);
  });

  it('a file\'s unknown type or parameter is read and written as it is, kept in verbatim, and reported by lint', () => {
    for (const condition of [
      { type: 'Bogus', parameters: { Foo: 'bar' } },
      { type: 'SMS_TaskSequence_MakeModelConditionExpression', parameters: { Make: 'Dell' } },
      { type: 'SMS_TaskSequence_VariableConditionExpression', parameters: { Operator: 'equals', Value: '1', Variable: 'X', Extra: '' } },
    ]) {
      const xml = fileWith([{ conditions: [condition], variables: VARIABLES }]);
      const doc = readTaskSequence(xml);
      expect(Buffer.from(writeTaskSequence(doc)).toString('utf8')).toBe(xml);
      const view = stepView<typeof SET_DYNAMIC>(findSteps(doc.sequence)[0]?.node as Step);
      expect(view.settings.rules).toBeUndefined();
      expect(view.verbatim.Rules).toBeDefined();
      const found = lint(doc).filter((i) => i.code === 'catalog/value-type');
      expect(found, condition.type).toHaveLength(1);
      expect(found[0]?.message).toContain('rules[0].conditions[0]');
    }
  });
});
