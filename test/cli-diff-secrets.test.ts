// cmts diff prints no secret: a changed value that a rendered comparison, lint and inspect hide (a password-like
// variable, a setting the catalog types as secret, a Set Task Sequence Variable step that sets a secret, a
// password-like global variable, a secret Set Dynamic Variables rule) shows as (hidden) — after, (hidden, changed) — in text and under --json;
// the change itself is still reported.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const vars = (pairs: [string, string, string?][]) =>
  `<defaultVarList>${pairs.map(([name, value, property]) => `<variable name="${name}" property="${property ?? name}">${value}</variable>`).join('')}</defaultVarList>`;
const setVariable = (name: string, value: string, doNotShow: string) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set ${name}"><action>tsenv.exe "${name}=${value}" /hiddenflag:${doNotShow === 'true' ? 'True' : 'False'}</action>${vars([['DoNotShowVariableValue', doNotShow], ['VariableName', name], ['VariableValue', value]])}</step>`;
const runAs = (password: string) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="Run as"><action>cmd /c x</action>${vars([['CommandLine', 'cmd /c x'], ['SMSTSRunCommandLineUserPassword', password, 'UserPassword']])}</step>`;
const bitLocker = (pin: string, type = 'SMS_TaskSequence_EnableBitLockerAction') =>
  `<step type="${type}" name="Enable BitLocker"><action>osdenablebitlocker.exe /enable</action>${vars([['OSDBitLockerMode', 'TPMAndPIN', 'Mode'], ['OSDBitLockerPIN', pin, 'PIN']])}</step>`;
const rules = (variables: string) =>
  `<Rules><Rule><Variables>${variables}</Variables></Rule></Rules>`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const dynamicVariables = (secret: string, site: string) =>
  `<step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Dynamic"><action>OSDSetDynamicVariables.exe</action>${vars([['OSDSetDynamicVariablesRules', rules(`<Variable Name="OSDJoinPassword" IsSecret="false">${secret}</Variable><Variable Name="Site" IsSecret="false">${site}</Variable>`), 'Rules']])}</step>`;
const globals = (value: string) => `<globalVarList><variable name="AdminPassword" property="AdminPassword">${value}</variable></globalVarList>`;

const sequence = (secret: string, shown: string) =>
  `<sequence version="3.10">${globals(secret)}<group name="G">${setVariable('OSDJoinPassword', secret, 'false')}${setVariable('Token1', secret, 'true')}${runAs(secret)}${bitLocker(secret)}${bitLocker(secret, 'Contoso_BitLockerAction')}${dynamicVariables(secret, shown)}${setVariable('Site', shown, 'false')}</group></sequence>`;

describe('cmts diff hides secret values', () => {
  const files = () => ({ 'a.xml': sequence('OldSecret1', 'SiteA'), 'b.xml': sequence('NewSecret2', 'SiteB') });

  it('in its text: every changed secret as (hidden), the other values as written', async () => {
    const m = memoryIo(files());
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).not.toMatch(/OldSecret1|NewSecret2/);
    // Each change is still listed: the global, two Set Variable steps' values, the run-as password, two PINs, the
    // rules, and the plain Set Variable step's value (a command line that is its variables' rendering changes with
    // them, and is listed as their change).
    expect(m.stdout.match(/^~ /gm)).toHaveLength(8);
    expect(m.stdout).toContain('~ variable AdminPassword:\n    - (hidden)\n    + (hidden, changed)\n');
    expect(m.stdout).toContain('~ step G/Run as variable SMSTSRunCommandLineUserPassword:\n    - (hidden)\n    + (hidden, changed)\n');
    // What is no secret is shown: the site in the rules and the plain step's value.
    expect(m.stdout).toContain('SiteA');
    expect(m.stdout).toContain('~ step G/Set Site variable VariableValue:\n    - SiteA\n    + SiteB\n');
  });

  it('under --json', async () => {
    const m = memoryIo(files());
    expect(await main(['diff', 'a.xml', 'b.xml', '--json'], m.io)).toBe(1);
    expect(m.stdout).not.toMatch(/OldSecret1|NewSecret2/);
    const report = JSON.parse(m.stdout) as { results: { differences: { path: string; field?: string; before?: string; after?: string }[] }[] };
    const differences = report.results[0]?.differences ?? [];
    expect(differences).toHaveLength(8);
    expect(differences.find((d) => d.path === 'G/Set Token1' && d.field === 'variable VariableValue')).toMatchObject({ before: '(hidden)', after: '(hidden, changed)' });
  });

  it('a global variable added with a secret value', async () => {
    const m = memoryIo({ 'a.xml': '<sequence version="3.10"/>', 'b.xml': `<sequence version="3.10">${globals('NewSecret2')}</sequence>` });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toBe('--- a.xml\n+++ b.xml\n+ variable AdminPassword: (hidden)\n');
  });
});
