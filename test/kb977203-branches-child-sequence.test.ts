// A Run Task Sequence step (<subtasksequence>) runs a child task sequence whose steps are not in this file, and any of
// them can set the variable two Setup branches test. Between the branches it keeps them from excluding each other,
// as a Set Task Sequence Variable step that sets the variable does: the engine may run both, so the KB pair goes in
// after the first Setup step and the report says why. The preset took the branches for exclusive.
import { describe, expect, it } from 'vitest';
import { appliedWith, variable, condition, sequence, LAPTOP, names } from './helpers/kb-branches.js';
import { itemUsage, listItems, readTaskSequence, type Kb977203Options } from './helpers/api.js';

// Run Task Sequence came with Current Branch 1710: the preset applies to such a sequence only when forced.
const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:', force: true };
const applied = (input: string) => appliedWith(O, input);
const CHILD = (attributes = '') =>
  `\n      <subtasksequence type="SMS_TaskSequence_SubTasksequence" name="Run driver sequence" description=""${attributes} successCodeList="0" retryCount="0" runFromNet="false"><action>SubTasksequence.exe</action><defaultVarList><variable name="OSDSubTasksequencePackageID" property="TsPackageID">ABC00020</variable></defaultVarList></subtasksequence>`;
const DESKTOP = condition(variable('IsLaptop', 'notEquals', 'True'));

describe('a Run Task Sequence step between two Setup branches may set the tested variable', () => {
  it('the branches are not taken for exclusive: the KB pair goes in after the first Setup step, and the report says why', () => {
    const { report, out } = applied(sequence(LAPTOP, DESKTOP, CHILD()));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R13', 'R14']);
    const note = report.diagnostics.find((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE');
    expect(note?.path).toBe('Install Operating System/Setup for laptops/Setup Windows and ConfigMgr (laptops)');
    expect(note?.message).toMatch(/the Run Task Sequence step "Install Operating System\/Setup for laptops\/Run driver sequence" between them runs a child task sequence, which can set "IsLaptop"/);
    expect(names(out).filter((n) => n === 'Run CCMCertFix (KB977203)')).toHaveLength(1);
  });

  it('a disabled one runs nothing: the shared pair is adopted for both', () => {
    const { report } = applied(sequence(LAPTOP, DESKTOP, CHILD(' disable="true"')));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_BRANCHES_NOT_EXCLUSIVE');
  });

  it("the page's usage tables still list no variable it sets: what the child sets is not in the file", () => {
    const child = listItems(readTaskSequence(sequence(LAPTOP, DESKTOP, CHILD())).sequence).find((l) => l.node.kind === 'subtasksequence');
    expect(child && itemUsage(child.node)).toEqual({ sets: [], reads: [], packages: ['ABC00020'] });
  });
});
