// Two Setup branches under opposite conditions on one variable share the CCMCertFix step after both only while nothing
// between the branches can change that variable. The preset looked only for Set Task Sequence Variable steps; a Run
// Command Line or Run PowerShell Script step whose output goes to the variable ("Output to task sequence variable",
// OutputVariableName), or a Set Dynamic Variables step with a rule that sets it, changes it just as visibly, and the
// engine may then run both branches. The preset adopted the shared pair for the first Setup step anyway; it now
// says why not and puts the KB pair in after it, as for a Set Task Sequence Variable step.
import { describe, expect, it } from 'vitest';
import { appliedWith, variable, condition, step, sequence, LAPTOP, names } from './helpers/kb-branches.js';
import type { Kb977203Options } from './helpers/api.js';

// Run PowerShell Script and Set Dynamic Variables came after ConfigMgr 2007: the preset applies to such a sequence only when forced.
const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:', force: true };
const applied = (input: string) => appliedWith(O, input);

const output = (type: string, name: string, action: string, property: string) =>
  step(type, name, `<action>${action}</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">cmd /c echo False</variable><variable name="${property}" property="OutputVariableName">IsLaptop</variable></defaultVarList>`);
const RULES = '&lt;?xml version="1.0" encoding="utf-16"?&gt;&lt;SMS_TaskSequence_Rules&gt;&lt;Rule&gt;&lt;Condition /&gt;&lt;Variables&gt;&lt;Variable Name="IsLaptop" IsSecret="false"&gt;False&lt;/Variable&gt;&lt;/Variables&gt;&lt;/Rule&gt;&lt;/SMS_TaskSequence_Rules&gt;\n';
const DESKTOP = condition(variable('IsLaptop', 'notEquals', 'True'));

describe('a step that sets the tested variable other than Set Task Sequence Variable keeps the branches from excluding each other', () => {
  it.each([
    ['Run Command Line with its output to the variable', output('SMS_TaskSequence_RunCommandLineAction', 'Detect chassis', 'smsswd.exe /run: cmd /c echo False', 'SMSTSRunCommandLineOutputVariableName'), 'Detect chassis'],
    ['Run PowerShell Script with its output to the variable', output('SMS_TaskSequence_RunPowerShellScriptAction', 'Detect chassis (PowerShell)', 'smsswd.exe /run: ', 'OSDRunPowerShellScriptOutputVariableName'), 'Detect chassis \\(PowerShell\\)'],
    ['Set Dynamic Variables with a rule that sets it', step('SMS_TaskSequence_SetDynamicVariablesAction', 'Set chassis variables', `<action>OSDSetDynamicVariables.exe</action><defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules">${RULES}</variable></defaultVarList>`), 'Set chassis variables'],
  ])('%s: the KB pair goes in after the first Setup step, and the report says why', (_, setter, name) => {
    const { report, out } = applied(sequence(LAPTOP, DESKTOP, setter));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4', 'R13', 'R14']);
    const note = report.diagnostics.find((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE');
    expect(note?.path).toBe('Install Operating System/Setup for laptops/Setup Windows and ConfigMgr (laptops)');
    expect(note?.message).toMatch(new RegExp(`"Install Operating System/Setup for laptops/${name}" between them sets "IsLaptop"`));
    expect(names(out).filter((n) => n === 'Run CCMCertFix (KB977203)')).toHaveLength(1);
  });

  it('a step whose output goes to another variable leaves the shared pair adopted for both', () => {
    const setter = output('SMS_TaskSequence_RunCommandLineAction', 'Detect chassis', 'smsswd.exe /run: cmd /c echo False', 'SMSTSRunCommandLineOutputVariableName').replace('>IsLaptop<', '>Chassis<');
    const { report } = applied(sequence(LAPTOP, DESKTOP, setter));
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R4']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_BRANCHES_NOT_EXCLUSIVE');
  });
});
