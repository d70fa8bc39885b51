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

describe('cmts inspect and lint on hostile names', () => {
  it('escape every bidirectional control, the marks (ALM, LRM, RLM) too, so a name cannot reorder the line', async () => {
    const name = 'Step&#x200f; 2&#x200e;&#x61c;&#x202e;x&#x2066;';
    const xml = `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0" disabled="true"><action>smsswd.exe /run: cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">cmd</variable></defaultVarList></step></sequence>`;
    const inspect = memoryIo({ 'a.xml': xml });
    expect(await main(['inspect', 'a.xml'], inspect.io)).toBe(0);
    expect(inspect.stdout).toContain('├─ Step\\u200f 2\\u200e\\u061c\\u202ex\\u2066  (Run Command Line)'.replace('├', '└'));
    const lint = memoryIo({ 'a.xml': xml });
    await main(['lint', 'a.xml'], lint.io);
    expect(lint.stdout).toContain('Step\\u200f 2\\u200e\\u061c\\u202ex\\u2066: ');
    for (const out of [inspect.stdout, lint.stdout]) expect(out).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });
});
