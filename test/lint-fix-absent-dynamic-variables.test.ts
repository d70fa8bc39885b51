// Set Dynamic Variables (SMS_TaskSequence_SetDynamicVariablesAction) can set SMSClientInstallProperties, the Setup
// Windows and ConfigMgr step's action variable, as a Set Task Sequence Variable step can. kb977203/fix-absent looks
// at the latter and at global variables, not at Set Dynamic Variables rules, and needs not: the step type came with
// ConfigMgr 2012 R2, and KB977203 is a fix for ConfigMgr 2007 SP1/SP2 clients. A sequence holding one is no 2007
// sequence (configMgrEra), so the KB977203 rule is silent on it whatever PATCH says. These tests pin that, so that
// reading Set Dynamic Variables values is not added to the rule as code no sequence reaches (see the README's lint
// section).
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const SETUP = (props: string) =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DYNAMIC = (value: string, attributes = '') =>
  `<step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Dynamic"${attributes} description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>OSDSetDynamicVariables.exe</action><defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules">${esc(`<Rules><Rule><Variables><Variable Name="SMSClientInstallProperties" IsSecret="false">${esc(value)}</Variable></Variables></Rule></Rules>\n`)}</variable></defaultVarList></step>`;
const SEQUENCE = (items: string) => `<sequence version="3.00"><group name="Install" description="">${items}</group></sequence>\n`;
const codes = (input: string, rules?: string[]) => lint(readTaskSequence(SEQUENCE(input)), rules).map((d) => `${d.code} ${d.path ?? ''}`);

describe('kb977203/fix-absent and Set Dynamic Variables', () => {
  it('the baseline: a 2007 sequence whose Setup field lacks the fix is reported', () => {
    expect(codes(SETUP('SMSSLP=SLP01'), ['kb977203/fix-absent'])).toEqual(['kb977203/fix-absent Install/Setup Windows and ConfigMgr']);
  });

  it('a Set Dynamic Variables step, enabled or not, makes the sequence no 2007 sequence: the rule does not apply', () => {
    expect(codes(DYNAMIC('SMSSLP=SLP01') + SETUP('SMSSLP=SLP01'), ['kb977203/fix-absent'])).toEqual([]);
    expect(codes(DYNAMIC('SMSSLP=SLP01', ' disable="true"') + SETUP('SMSSLP=SLP01'), ['kb977203/fix-absent'])).toEqual([]);
  });
});
