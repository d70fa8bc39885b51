import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderComparison, renderSequence } from '../lib/render/render-sequence.js';

const vars = (pairs: [string, string, string?][]) =>
  `<defaultVarList>${pairs.map(([name, value, property]) => `<variable name="${name}" property="${property ?? name}">${value}</variable>`).join('')}</defaultVarList>`;
const setVariable = (name: string, value: string, doNotShow: string) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set ${name}"><action>tsenv.exe "${name}=${value}" /hiddenflag:${doNotShow === 'true' ? 'True' : 'False'}</action>${vars([['DoNotShowVariableValue', doNotShow], ['VariableName', name], ['VariableValue', value]])}</step>`;
const bitLocker = (pin: string) =>
  `<step type="SMS_TaskSequence_EnableBitLockerAction" name="Enable BitLocker"><action>osdenablebitlocker.exe /enable</action>${vars([['OSDBitLockerMode', 'TPMAndPIN', 'Mode'], ['OSDBitLockerPIN', pin, 'PIN']])}</step>`;
// The Rules text as the file holds it: an XML document escaped once more.
const rules = (variables: string) =>
  `<Rules><Rule><Variables>${variables}</Variables></Rule></Rules>\n`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const dynamicVariables = (variables: string) =>
  `<step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Set Dynamic Variables"><action>OSDSetDynamicVariables.exe</action>${vars([['OSDSetDynamicVariablesRules', rules(variables), 'Rules']])}</step>`;
const sequence = (steps: string) => readTaskSequence(`<sequence version="3.10">${steps}</sequence>`);

describe('a comparison page shows no more of a secret than the page of either sequence', () => {
  const cases: [string, string, string][] = [
    ['a Set Variable step with a password-like name', setVariable('AdminPassword', 'OldSecret1', 'false'), setVariable('AdminPassword', 'NewSecret2', 'false')],
    ['a Set Variable step with "Do not display this value"', setVariable('Token1', 'OldSecret1', 'true'), setVariable('Token1', 'NewSecret2', 'true')],
    ['a Set Variable step whose value was hidden before and is shown now', setVariable('Token1', 'OldSecret1', 'true'), setVariable('Token1', 'Shown', 'false')],
    ['a BitLocker PIN, a setting the step catalog calls secret', bitLocker('OldSecret1'), bitLocker('NewSecret2')],
    // A class the catalog does not know (a later release's or a vendor's) carrying a variable the catalog calls secret.
    ['a BitLocker PIN in a step of a class the catalog does not know', bitLocker('OldSecret1').replace('SMS_TaskSequence_EnableBitLockerAction', 'Contoso_BitLockerAction'), bitLocker('NewSecret2').replace('SMS_TaskSequence_EnableBitLockerAction', 'Contoso_BitLockerAction')],
    [
      'a Set Dynamic Variables rule setting a password-like variable',
      dynamicVariables('<Variable Name="OSDJoinPassword" IsSecret="false">OldSecret1</Variable><Variable Name="Site" IsSecret="false">A</Variable>'),
      dynamicVariables('<Variable Name="OSDJoinPassword" IsSecret="false">NewSecret2</Variable><Variable Name="Site" IsSecret="false">B</Variable>'),
    ],
    [
      'a Set Dynamic Variables rule marked secret that kept its value',
      dynamicVariables('<Variable Name="Key" IsSecret="true">OldSecret1</Variable>'),
      dynamicVariables('<Variable IsSecret="true" Name="Key">NewSecret2</Variable>'),
    ],
  ];
  for (const [what, before, after] of cases) {
    it(what, () => {
      for (const format of ['html', 'md'] as const) {
        const page = renderComparison(sequence(before), sequence(after), { format });
        expect(page).not.toContain('OldSecret1');
        // Shown only if the new sequence's own page shows it.
        if (renderSequence(sequence(after), { format }).includes('NewSecret2')) continue;
        expect(page).not.toContain('NewSecret2');
        // The change itself is still there, without the values.
        expect(page).toContain('(hidden)');
      }
    });
  }
});
