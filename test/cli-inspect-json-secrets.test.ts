// `inspect --json`'s "steps" showed the values of secret settings in clear (a domain join password, the value a Set
// Task Sequence Variable step marked "Do not display this value" sets), while the tree, render and diff show
// `(hidden)`. They are now hidden there by the same test; "model" keeps every value as written (the lossless model).
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { formatDynamicRules } from '../lib/catalog/dynamic-rules.js';
import { memoryIo } from './helpers/memory-io.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const setVariable = (name: string, value: string, hidden: boolean) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set ${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe "${name}=${value}" /hiddenflag:${hidden ? 'True' : 'False'}</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">${hidden}</variable><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step>`;
const network = `<step type="SMS_TaskSequence_ApplyNetworkSettingsAction" name="Apply Network Settings" description="" runIn="WinPE" successCodeList="0 3010"><action>osdnetsettings.exe configure</action><defaultVarList><variable name="OSDJoinType" property="JoinType" hidden="true">0</variable><variable name="OSDJoinDomainName" property="DomainName">corp.example</variable><variable name="OSDJoinAccount" property="DomainUsername">corp\\join</variable><variable name="OSDJoinPassword" property="DomainPassword">Hunter5Join</variable></defaultVarList></step>`;
const rules = formatDynamicRules([{ variables: [{ name: 'AdminPass', value: 'Rule-Secret', secret: true }, { name: 'OSDSite', value: 'Paris', secret: false }] }]);
const dynamic = `<step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Set Dynamic Variables" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv2.exe set</action><defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules" hidden="true">${esc(rules)}</variable></defaultVarList></step>`;
const XML = `<sequence version="3.10">${network}${setVariable('MyKey', 'Hush-1', true)}${setVariable('OSDJoinPassword', 'Hush-2', false)}${setVariable('OSDImage', 'Win11', false)}${dynamic}</sequence>`;

interface StepRecord { consoleName: string | null; settings: Record<string, unknown>; verbatim: Record<string, string> }

describe('inspect --json and secret values', () => {
  it('"steps" shows secrets as (hidden), as the tree does; other values as they are', async () => {
    const m = memoryIo({ 'a.xml': XML });
    expect(await main(['inspect', 'a.xml', '--json'], m.io), m.stderr).toBe(0);
    const report = JSON.parse(m.stdout) as { results: { model: unknown; steps: StepRecord[] }[] };
    const steps = report.results[0]?.steps ?? [];
    const text = JSON.stringify(steps);
    for (const secret of ['Hunter5Join', 'Hush-1', 'Hush-2', 'Rule-Secret']) expect(text).not.toContain(secret);
    expect(steps[0]?.settings.domainPassword).toBe('(hidden)');
    expect(steps[0]?.settings.domainName).toBe('corp.example');
    expect(JSON.stringify(steps[1])).toContain('(hidden)');
    expect(JSON.stringify(steps[3])).toContain('Win11');
    expect(text).toContain('Paris');
    // The model is the lossless model, every value as written.
    expect(JSON.stringify(report.results[0]?.model)).toContain('Hunter5Join');
    // The tree agrees.
    const tree = memoryIo({ 'a.xml': XML });
    await main(['inspect', 'a.xml'], tree.io);
    expect(tree.stdout).not.toMatch(/Hush|Hunter5Join/);
  });
});
