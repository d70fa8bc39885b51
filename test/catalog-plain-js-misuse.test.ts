// What a plain-JavaScript caller can hand the catalog and authoring functions that the compiler would have refused is
// INVALID_ARGUMENT (or, for a lookup, no entry), never a TypeError part-way; a condition operand with an operator its
// type has not, or a value that is no text, is refused when it is built, not when the document is written.
import { describe, expect, it } from 'vitest';
import { addStep, buildCondition, catalogEntryByName, createGroup, createSequence, formatDynamicRules, stepSettingsSchema, stepView, validateStepSettings } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const call = (f: (...a: unknown[]) => unknown, ...args: unknown[]) => () => f(...args);

describe('plain-JavaScript misuse of the catalog and authoring API', () => {
  it('is INVALID_ARGUMENT, naming what was expected', () => {
    const doc = createSequence('sequence');
    for (const [what, f] of [
      ['an operand without its operator', call(buildCondition as never, { variable: 'X' })],
      ['an or that is no list', call(buildCondition as never, { or: null })],
      ['an expression with no parameters', call(buildCondition as never, { expression: 'T', parameters: null })],
      ['an operator its type has not', call(buildCondition as never, { variable: 'X', operator: 'bogus' })],
      ['a value that is no text', call(buildCondition as never, { variable: 'X', operator: 'equals', value: 5 })],
      ['a field the operand has not', call(buildCondition as never, { wmi: 'SELECT * FROM Win32_Bios', extra: '1' })],
      ['no operand at all', call(buildCondition as never, null)],
      ['a step type that is no text', call(validateStepSettings as never, 5, {})],
      ['a step view of no step', () => stepView({} as never).settings],
      ['a group with no options', call(createGroup as never)],
      ['a step added to no document', call(addStep as never, undefined, 'Run Command Line', { name: 'a', settings: { commandLine: 'x' } }, { last: doc.sequence })],
      ['rules that are none', call(formatDynamicRules as never, null)],
      ['a schema of a type the catalog has not', call(stepSettingsSchema as never, 'No Such Step')],
    ] as const) {
      const e = thrown(f);
      expect(e.code, what).toBe('INVALID_ARGUMENT');
    }
  });

  it('lookups answer no entry for what is no text, and the schema is found by type or console name too', () => {
    expect(catalogEntryByName(5 as never)).toBeUndefined();
    const byName = stepSettingsSchema('Run Command Line');
    expect(byName).toEqual(stepSettingsSchema('SMS_TaskSequence_RunCommandLineAction'));
    expect(Object.keys(byName.properties as object)).toContain('commandLine');
  });

  it('well-formed operands still build, each operator its type has', () => {
    const c = buildCondition({ variable: 'X', operator: 'exists' }, { or: [{ registry: 'HKLM\\K', operator: 'notExists' }, { expression: 'SMS_TaskSequence_WMIConditionExpression', parameters: { Query: 'q' } }] });
    expect(c.children).toHaveLength(2);
  });
});
