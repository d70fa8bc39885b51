// Two Setup Windows and ConfigMgr steps in branches that exclude each other (groups under opposite conditions on one
// variable the administrator sets), then one CCMCertFix step and restart after both. When the first branch ran, the
// engine skips the second, so that CCMCertFix step runs next after the first Setup step too. The preset stopped
// looking at the next Setup step in the list, took the shared pair for the second Setup step only, and inserted a
// second pair after the first. It now adopts the shared pair for both, unless something between the branches can
// make both run (a built-in variable, or a Set Task Sequence Variable step that sets the variable), which it says.
import { describe, expect, it } from 'vitest';
import { appliedWith, variable, condition, step, RESTART, sequence, LAPTOP, names } from './helpers/kb-branches.js';
import type { Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SET_LAPTOP = step('SMS_TaskSequence_SetVariableAction', 'Treat as desktop', '<action>tsenv.exe "IsLaptop=False"</action><defaultVarList><variable name="VariableName" property="VariableName">IsLaptop</variable><variable name="VariableValue" property="VariableValue">False</variable></defaultVarList>');
const applied = (input: string) => appliedWith(O, input);

describe('CCMCertFix after two Setup branches that exclude each other is adopted for both (R13, R14)', () => {
  it.each([
    ['equals and notEquals', condition(variable('IsLaptop', 'notEquals', 'True'))],
    ['a test and not of it', condition(`<operator type="not">${variable('IsLaptop', 'equals', 'True')}</operator>`)],
    ['notEquals beside another test, ANDed', condition(variable('IsLaptop', 'notEquals', 'True'), variable('OSDDeploy', 'exists', ''))],
    ['equals for two values (True and False)', condition(variable('IsLaptop', 'equals', 'False'))],
  ])('%s: only PATCH changes, for each Setup step; no second pair after the first', (_, desktops) => {
    const input = sequence(LAPTOP, desktops);
    const { report, out } = applied(input);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4']);
    expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13').map((a) => a.where)).toEqual([
      'Install Operating System/Setup for laptops/Setup Windows and ConfigMgr (laptops)',
      'Install Operating System/Setup for desktops/Setup Windows and ConfigMgr (desktops)',
    ]);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_CERTFIX_ELSEWHERE');
    expect(names(out)).toEqual(names(input));
  });
});

describe('a shared CCMCertFix step without a restart after it', () => {
  it('gets one restart, planned once for both Setup steps', () => {
    const input = sequence(LAPTOP, condition(variable('IsLaptop', 'notEquals', 'True'))).replace(RESTART, '');
    const { report, out } = applied(input);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R14']);
    expect(names(out).slice(-3)).toEqual(['Repair client certificate', 'Restart Computer (KB977203)', 'Restore User Files and Settings']);
  });
});

describe('not adopted for the first Setup step when the engine may run both branches', () => {
  it.each([
    ['a Set Task Sequence Variable step in the first branch sets the variable after Setup', sequence(LAPTOP, condition(variable('IsLaptop', 'notEquals', 'True')), SET_LAPTOP), /the Set Task Sequence Variable step "Install Operating System\/Setup for laptops\/Treat as desktop" between them sets "IsLaptop"/],
    ['the variable is one the task sequence sets itself', sequence(condition(variable('_SMSTSInWinPE', 'equals', 'true')), condition(variable('_SMSTSInWinPE', 'notEquals', 'true'))), /"_SMSTSInWinPE", is one the task sequence sets itself/],
  ])('%s: the KB pair goes in after it, and the report says why', (_, input, why) => {
    const { report, out } = applied(input);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R13', 'R14']);
    const note = report.diagnostics.find((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE');
    expect(note?.path).toBe('Install Operating System/Setup for laptops/Setup Windows and ConfigMgr (laptops)');
    expect(note?.message).toMatch(why);
    expect(names(out).filter((n) => n === 'Run CCMCertFix (KB977203)')).toHaveLength(1);
  });

  it('conditions that may both hold (values that differ only in letter case) leave it as before: the pair after the first, no note', () => {
    const { report } = applied(sequence(LAPTOP, condition(variable('IsLaptop', 'equals', 'true'))));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R13', 'R14']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_BRANCHES_NOT_EXCLUSIVE');
  });
});
