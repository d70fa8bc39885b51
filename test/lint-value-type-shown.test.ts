// catalog/value-type quotes a value that is not of its type: never a secret, never a whole script or rules document.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

/** A sequence of one step of `type` holding one variable. */
const oneStep = (type: string, action: string, variable: string) =>
  `<sequence version="3.10"><step type="${type}" name="S" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>${action}</action><defaultVarList>${variable}</defaultVarList></step></sequence>`;
const valueTypeMessages = (xml: string) =>
  lint(readTaskSequence(xml))
    .filter((d) => d.code === 'catalog/value-type')
    .map((d) => d.message);

describe('catalog/value-type shows what it may of a value', () => {
  it('does not quote a Set Dynamic Variables rules text, which can set a password', () => {
    const rules = '&lt;Rules&gt;&lt;Rule&gt;&lt;Variables&gt;&lt;Variable Name="OSDJoinPassword"&gt;Hunter2!&lt;/Variable&gt;';
    const messages = valueTypeMessages(oneStep('SMS_TaskSequence_SetDynamicVariablesAction', 'OSDSetDynamicVariables.exe', `<variable name="OSDSetDynamicVariablesRules" property="Rules">${rules}</variable>`));
    expect(messages).toHaveLength(1);
    expect(messages[0]).not.toContain('Hunter2');
    expect(messages[0]).toMatch(/^rules \(OSDSetDynamicVariablesRules\) should be a dynamicRules value, not its text \(\d+ characters, not shown\)\.$/);
  });

  it('does not quote a PowerShell script that is not valid Base64 (it can be as long as the file)', () => {
    const script = `$password = 'Hunter2!'; ${'Write-Host x; '.repeat(1000)}`;
    const messages = valueTypeMessages(oneStep('SMS_TaskSequence_RunPowerShellScriptAction', 'OSDRunPowerShellScript.exe', `<variable name="OSDRunPowerShellScriptSourceScript" property="SourceScript">${script}</variable>`));
    expect(messages).toEqual([`sourceScript (OSDRunPowerShellScriptSourceScript) should be a base64Script value, not its text (${script.length} characters, not shown).`]);
  });

  it('cuts a long value after 40 characters and says its length, and says "an integer"', () => {
    const long = 'x'.repeat(5000);
    const messages = valueTypeMessages(oneStep('SMS_TaskSequence_RebootAction', 'smsboot.exe /target:HD', `<variable name="SMSRebootTimeout" property="MessageTimeout">${long}</variable>`));
    expect(messages).toEqual([`messageTimeout (SMSRebootTimeout) should be an integer value, not "${'x'.repeat(40)}…" (5000 characters).`]);
  });
});
