// Review of buildStep's checks of what a script passes besides the settings: each is refused as INVALID_ARGUMENT
// when it would be written other than as given, or break the build.
import { describe, expect, it } from 'vitest';
import { addStep, buildStep, buildCondition, createSequence, variables, writeTaskSequenceText, type Variable } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const base = { name: 'Run', settings: { commandLine: 'setup.exe' } };
const refused = (input: object) => thrown(() => buildStep('Run Command Line', { ...base, ...input })).code;

describe('buildStep refuses options of the wrong shape', () => {
  it('verbatim given as a text or a list is refused, not written as a variable per character or item', () => {
    expect(refused({ verbatim: 'abc' })).toBe('INVALID_ARGUMENT');
    expect(refused({ verbatim: ['x'] })).toBe('INVALID_ARGUMENT');
    expect(refused({ verbatim: { CommandLine: 5 } })).toBe('INVALID_ARGUMENT');
  });

  it('extra that is not a list of variables is refused, not a TypeError or a variable with no value', () => {
    expect(refused({ extra: [null] })).toBe('INVALID_ARGUMENT');
    expect(refused({ extra: 'ab' })).toBe('INVALID_ARGUMENT');
    expect(refused({ extra: [{}] })).toBe('INVALID_ARGUMENT');
    expect(refused({ extra: [{ kind: 'variable', tag: 'variable', attributes: { name: 'X', property: 'X' }, value: 1 }] })).toBe('INVALID_ARGUMENT');
  });

  it('a condition that is not a <condition> node is refused', () => {
    expect(refused({ condition: [] })).toBe('INVALID_ARGUMENT');
    expect(refused({ condition: { wmi: 'SELECT * FROM Win32_Battery' } })).toBe('INVALID_ARGUMENT');
  });

  it('a release the catalog does not know is refused, not spelt as 2007 with every later switch', () => {
    expect(refused({ release: 'CB2403' })).toBe('INVALID_ARGUMENT');
    expect(refused({ release: 2403 })).toBe('INVALID_ARGUMENT');
  });

  it('well-formed options still build, as given', () => {
    const extra: Variable = { kind: 'variable', tag: 'variable', attributes: { name: 'Mine', property: 'Mine' }, value: 'a' };
    const doc = createSequence('sequence');
    const step = addStep(doc, 'Run Command Line', { ...base, release: 'CB 1910', verbatim: { OutputVariableName: 'b' }, extra: [extra], condition: buildCondition({ variable: 'X', operator: 'exists' }) }, { last: doc.sequence });
    expect(variables(step).map((v) => [v.attributes.property, v.value])).toContainEqual(['Mine', 'a']);
    expect(variables(step).map((v) => [v.attributes.property, v.value])).toContainEqual(['OutputVariableName', 'b']);
    expect(writeTaskSequenceText(doc)).toContain('<condition><expression');
  });
});
