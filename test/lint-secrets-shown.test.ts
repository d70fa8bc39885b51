import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

/** A Current Branch sequence (retryCount written) of the given steps. */
const sequence = (...steps: string[]) => `<sequence version="3.10">${steps.join('')}</sequence>`;
const step = (type: string, action: string, vars: Record<string, string>, extra = '') =>
  `<step type="${type}" name="s" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"${extra}><action>${action}</action><defaultVarList>${Object.entries(vars).map(([k, v]) => `<variable name="${k}" property="${k}" hidden="true">${v}</variable>`).join('')}</defaultVarList></step>`;
const setVariable = (name: string, value: string, action: string, hidden = false) =>
  step('SMS_TaskSequence_SetVariableAction', action, { DoNotShowVariableValue: String(hidden), VariableName: name, VariableValue: value });
const messages = (xml: string, rules?: string[]) => lint(readTaskSequence(xml), rules).map((d) => `${d.code} ${d.message}`);

describe('lint findings never quote a secret nor a value whole', () => {
  it('clear-text-secret: a Set Task Sequence Variable step that sets a password-like variable in clear text', () => {
    expect(messages(sequence(setVariable('OSDJoinPassword', 'Pa55word!', 'tsenv.exe "OSDJoinPassword=Pa55word!" /hiddenflag:False')), ['clear-text-secret'])).toEqual([
      'clear-text-secret Variable OSDJoinPassword holds a value in clear text; keep secrets in collection or hidden variables instead.',
    ]);
    // Hidden ("Do not display this value") keeps it out of the logs, not out of the file: still a finding, saying so.
    expect(messages(sequence(setVariable('OSDJoinPassword', 'Pa55word!', 'tsenv.exe "OSDJoinPassword=Pa55word!" /hiddenflag:True', true)), ['clear-text-secret'])).toEqual([
      'clear-text-secret Variable OSDJoinPassword is set with "Do not display this value", but its value is in the step in clear text, where anyone who reads the export sees it; keep it in a collection variable instead.',
    ]);
    // Set to nothing, or a setting about passwords rather than one: no finding.
    expect(messages(sequence(setVariable('OSDJoinPassword', '', 'tsenv.exe "OSDJoinPassword=" /hiddenflag:False')), ['clear-text-secret'])).toEqual([]);
    expect(messages(sequence(setVariable('OSDRandomAdminPassword', 'x1', 'tsenv.exe "OSDRandomAdminPassword=x1" /hiddenflag:False')), ['clear-text-secret'])).toEqual([]);
  });

  it('catalog/action-line: a hidden or password-like value set by Set Task Sequence Variable is in neither command line shown', () => {
    for (const [name, hidden] of [['OSDJoinPassword', false], ['MyValue', true]] as const) {
      const found = messages(sequence(setVariable(name, 'NewSecret1', `tsenv.exe "${name}=OldSecret1" /hiddenflag:${hidden ? 'True' : 'False'}`, hidden)), ['catalog/action-line']);
      expect(found).toHaveLength(1);
      expect(found[0]).not.toMatch(/Secret1/);
      expect(found[0]).toContain(`from character ${`tsenv.exe "${name}=`.length + 1}`);
    }
  });

  it('catalog/action-line: a long command line is shown cut, with its length', () => {
    const [found] = messages(sequence(step('SMS_TaskSequence_RunCommandLineAction', `smsswd.exe /run: cmd /c ${'a'.repeat(5000)}`, { CommandLine: `cmd /c ${'b'.repeat(5000)}` })), ['catalog/action-line']);
    expect(found).toBe(`catalog/action-line The command line is "smsswd.exe /run: cmd /c ${'a'.repeat(16)}…" (5024 characters) but the settings say "smsswd.exe /run: cmd /c ${'b'.repeat(16)}…" (5024 characters) (they differ from character 25).`);
    expect(found!.length).toBeLessThan(300);
  });

  it('catalog/unknown-attribute: a long value is cut, a password-like attribute is not shown, a name is escaped', () => {
    const found = messages(sequence(step('SMS_TaskSequence_RunCommandLineAction', 'smsswd.exe /run: cmd', { CommandLine: 'cmd' }, ` note="${'n'.repeat(3000)}" adminPassword="Pa55word!" disabled="true"`)), ['catalog/unknown-attribute']);
    expect(found).toEqual([
      `catalog/unknown-attribute ConfigMgr does not read the attribute note="${'n'.repeat(40)}…" (3000 characters).`,
      'catalog/unknown-attribute ConfigMgr does not read the attribute adminPassword=(value not shown: the name says it is a secret).',
      'catalog/unknown-attribute ConfigMgr does not read the attribute disabled="true" (the attribute is disable).',
    ]);
  });

  it('variable-name-invalid and catalog/unknown-variable: a long name is cut', () => {
    const long = `1${'n'.repeat(3000)}`;
    const [bad] = messages(sequence(setVariable(long, 'v', `tsenv.exe "${long}=v" /hiddenflag:False`)), ['variable-name-invalid']);
    expect(bad).toContain('(3001 characters)');
    expect(bad!.length).toBeLessThan(300);
    const [unknown] = messages(sequence(step('SMS_TaskSequence_RunCommandLineAction', 'smsswd.exe /run: cmd', { CommandLine: 'cmd', [`X${'q'.repeat(3000)}`]: 'v' })), ['catalog/unknown-variable']);
    expect(unknown).toContain('(3001 characters)');
    expect(unknown!.length).toBeLessThan(300);
  });

  it('catalog/allowed-value: a long value outside the allowed ones is cut', () => {
    const [found] = messages(sequence(step('SMS_TaskSequence_RebootAction', `smsboot.exe /target:${'X'.repeat(3000)}`, { SMSRebootMessage: '', SMSRebootTimeout: '60', SMSRebootTarget: 'X'.repeat(3000) })), ['catalog/allowed-value']);
    expect(found).toContain('(3000 characters)');
    expect(found!.length).toBeLessThan(300);
  });

  it('clear-text-secret: a Set Dynamic Variables rule that sets a password-like or secret variable to a value written in clear text', () => {
    const rules = (secret: boolean, value: string) =>
      `&lt;Rules&gt;&lt;Rule&gt;&lt;Variables&gt;&lt;Variable Name="OSDJoinPassword" IsSecret="${secret}"&gt;${value}&lt;/Variable&gt;&lt;Variable Name="OSDComputerName" IsSecret="false"&gt;PC1&lt;/Variable&gt;&lt;/Variables&gt;&lt;/Rule&gt;&lt;/Rules&gt;`;
    const dynamic = (r: string) => sequence(step('SMS_TaskSequence_SetDynamicVariablesAction', 'OSDSetDynamicVariables.exe', { OSDSetDynamicVariablesRules: r }));
    expect(messages(dynamic(rules(false, 'Pa55word!')), ['clear-text-secret'])).toEqual([
      'clear-text-secret A rule sets variable OSDJoinPassword to a value in clear text; mark it secret ("Secret value") instead.',
    ]);
    expect(messages(dynamic(rules(true, '')), ['clear-text-secret'])).toEqual([]);
    expect(messages(dynamic(rules(true, 'Pa55word!')), ['clear-text-secret'])).toHaveLength(1);
    expect(messages(dynamic(rules(false, '')), ['clear-text-secret'])).toEqual([]);
  });
});
