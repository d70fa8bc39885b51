// How the Setup-branch check compares what two conditions test. ConfigMgr 2007's documentation of the task sequence
// variable condition says the value comparison is a case-sensitive string comparison (numeric when both values are
// integers), so `IsLaptop equals True` and `IsLaptop notEquals true` are not opposite: on "True" both hold and the
// engine runs both branches. Variable names are not case sensitive, so `IsLaptop` and `ISLAPTOP` are one variable,
// for the two conditions and for a step between them that sets it.
import { describe, expect, it } from 'vitest';
import { appliedWith, variable, condition, step, sequence, LAPTOP, names } from './helpers/kb-branches.js';
import type { Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const applied = (input: string) => appliedWith(O, input);
const setVariable = (name: string) => step('SMS_TaskSequence_SetVariableAction', 'Treat as desktop', `<action>tsenv.exe "${name}=False"</action><defaultVarList><variable name="VariableName" property="VariableName">${name}</variable><variable name="VariableValue" property="VariableValue">False</variable></defaultVarList>`);
const ADOPTED_FOR_BOTH = ['R4', 'R4'];
const PAIR_AFTER_FIRST = ['R4', 'R4', 'R13', 'R14'];

describe('values that differ only in case are different values (the engine compares them case-sensitively)', () => {
  it.each([
    ['equals True, notEquals true', LAPTOP, condition(variable('IsLaptop', 'notEquals', 'true'))],
    ['equals TRUE, not (equals True)', condition(variable('IsLaptop', 'equals', 'TRUE')), condition(`<operator type="not">${variable('IsLaptop', 'equals', 'True')}</operator>`)],
  ])('%s: not exclusive, so the KB pair goes in after the first Setup step', (_, laptops, desktops) => {
    const { report, out } = applied(sequence(laptops, desktops));
    expect(report.changes.map((c) => c.requirement)).toEqual(PAIR_AFTER_FIRST);
    expect(names(out).filter((n) => n === 'Run CCMCertFix (KB977203)')).toHaveLength(1);
  });

  it('the same value in the same case is still opposite: adopted for both', () => {
    expect(applied(sequence(LAPTOP, condition(variable('IsLaptop', 'notEquals', 'True')))).report.changes.map((c) => c.requirement)).toEqual(ADOPTED_FOR_BOTH);
  });
});

describe('variable names that differ only in case are one variable', () => {
  it.each([
    ['ISLAPTOP', condition(variable('ISLAPTOP', 'notEquals', 'True'))],
    ['islaptop, notExists against exists', condition(variable('islaptop', 'notExists', ''))],
  ])('%s in the second condition: the branches exclude each other, and the shared pair is adopted for both', (_, desktops) => {
    const laptops = desktops.includes('notExists') ? condition(variable('IsLaptop', 'exists', '')) : LAPTOP;
    const { report } = applied(sequence(laptops, desktops));
    expect(report.changes.map((c) => c.requirement)).toEqual(ADOPTED_FOR_BOTH);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_BRANCHES_NOT_EXCLUSIVE');
  });

  it('a step between them that sets the variable under another case sets the same variable', () => {
    const { report } = applied(sequence(LAPTOP, condition(variable('ISLAPTOP', 'notEquals', 'True')), setVariable('isLAPTOP')));
    expect(report.changes.map((c) => c.requirement)).toEqual(PAIR_AFTER_FIRST);
    expect(report.diagnostics.find((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE')?.message).toMatch(/"Install Operating System\/Setup for laptops\/Treat as desktop" between them sets "IsLaptop"/);
  });
});
