// Review of the condition builder: every expression type it builds reads back as the typed operand it was built from.
import { describe, expect, it } from 'vitest';
import { addStep, buildCondition, createSequence, findItems, fromYaml, readCondition, readTaskSequence, toYaml, writeTaskSequence, type ConditionOperand, type Step } from './helpers/api.js';

const odd = 'a"<&]]>\r\n\tb';
const operands: ConditionOperand[] = [
  { file: odd },
  { file: 'C:\\setup.exe', version: '1.0', versionOperator: 'less' },
  { file: 'C:\\setup.exe', dateTime: '2020-01-01', dateTimeOperator: 'greater' },
  { registry: odd, operator: 'equals', valueName: 'Build', type: 'REG_DWORD', data: '1' },
  { registry: 'HKLM\\SOFTWARE\\X', operator: 'exists', valueName: '', type: 'REG_SZ' },
  { software: odd, operator: 'AnyVersion' },
  { software: 'App', operator: 'ThisVersion', productCode: '{00000000-0000-0000-0000-000000000001}', version: '2.0' },
  { software: 'App', operator: 'AnyVersion', upgradeCode: '{00000000-0000-0000-0000-000000000002}' },
];

/** The step's condition after writing a sequence with it and reading it back. */
function roundTrip(operand: ConditionOperand): ConditionOperand[] {
  const doc = createSequence('sequence');
  addStep(doc, 'Run Command Line', { name: 'x', settings: { commandLine: 'a' }, condition: buildCondition(operand) }, { last: doc.sequence });
  const step = findItems(readTaskSequence(writeTaskSequence(doc)).sequence, { kind: 'step' })[0]?.node as Step;
  return readCondition(step.children.find((c) => c.kind === 'condition') as never);
}

describe('readCondition gives back the typed File, Registry and Software operands', () => {
  it.each(operands.map((o) => [JSON.stringify(o), o] as const))('%s, alone and nested in and/or/not', (_, operand) => {
    expect(roundTrip(operand)).toEqual([operand]);
    const nested: ConditionOperand = { or: [{ and: [operand, { not: [operand] }] }, { variable: 'X', operator: 'exists' }] };
    expect(roundTrip(nested)).toEqual([nested]);
  });

  it('one the typed operand would not build again exactly stays generic', () => {
    // No Operator: the typed Registry operand needs one.
    const generic: ConditionOperand = { expression: 'SMS_TaskSequence_RegistryConditionExpression', parameters: { KeyPath: 'HKLM\\X', Type: 'REG_SZ', Value: '' } };
    expect(roundTrip(generic)).toEqual([generic]);
  });

  it('the text form says them with their keys, and builds them again the same', () => {
    const doc = createSequence('sequence');
    // The text form says each line end as one LF (see to-text.ts), so the operands holding a CR are left out here.
    const plain = operands.filter((o) => !JSON.stringify(o).includes('\\r'));
    addStep(doc, 'Run Command Line', { name: 'x', settings: { commandLine: 'a' }, condition: buildCondition(...plain) }, { last: doc.sequence });
    const yaml = toYaml(doc);
    expect(yaml).toContain('- registry: ');
    expect(yaml).not.toContain('expression: SMS_TaskSequence_');
    expect(writeTaskSequence(fromYaml(yaml))).toEqual(writeTaskSequence(doc));
  });
});
