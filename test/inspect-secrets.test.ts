import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const setVariable = (name: string, value: string, hidden: boolean) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set ${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe "${name}=${value}" /hiddenflag:${hidden ? 'True' : 'False'}</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">${hidden}</variable><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step>`;

describe('cmts inspect and secret values', () => {
  it('shows the value of a Set Task Sequence Variable step as a rendered page does: hidden when marked so or password-like', async () => {
    const m = memoryIo({ 'a.xml': `<sequence version="3.10">${setVariable('MyKey', 'Hush-1', true)}${setVariable('OSDJoinPassword', 'Hush-2', false)}${setVariable('OSDImage', 'Win11', false)}</sequence>` });
    expect(await main(['inspect', 'a.xml'], m.io)).toBe(0);
    expect(m.stdout).not.toContain('Hush');
    expect(m.stdout).toContain('MyKey = (hidden)');
    expect(m.stdout).toContain('OSDJoinPassword = (hidden)');
    expect(m.stdout).toContain('OSDImage = Win11');
  });
});
