// catalog/action-line judged whether to show the two command lines by the step's variables alone: a Set Task Sequence
// Variable step whose variables were edited to another variable, while its action line still sets OSDJoinPassword (or
// still says /hiddenflag:True), had the password quoted in the finding. The action line's own name and flag count too.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const setVariable = (action: string, name: string, value: string, hidden = 'false') =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_SetVariableAction" name="Set"><action>${action}</action><defaultVarList><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">${hidden}</variable></defaultVarList></step></sequence>`;

const messages = (xml: string) => lint(readTaskSequence(xml), ['catalog/action-line']).map((d) => d.message);

describe('catalog/action-line and secrets in the action line', () => {
  it('does not show an action line that sets a password-like variable, whatever the variables now say', () => {
    const found = messages(setVariable('tsenv.exe &quot;OSDJoinPassword=Pa55word&quot; /hiddenflag:False', 'Other', 'x'));
    expect(found).toHaveLength(1);
    expect(found[0]).not.toContain('Pa55word');
  });

  it('does not show an action line marked hidden, whatever the variables now say', () => {
    const found = messages(setVariable('tsenv.exe &quot;Plain=Pa55word&quot; /hiddenflag:True', 'Plain', 'x'));
    expect(found).toHaveLength(1);
    expect(found[0]).not.toContain('Pa55word');
  });

  it('still shows both lines when neither sets a secret', () => {
    expect(messages(setVariable('tsenv.exe &quot;Plain=old&quot; /hiddenflag:False', 'Plain', 'new'))).toEqual([expect.stringContaining('Plain=old')]);
  });
});
