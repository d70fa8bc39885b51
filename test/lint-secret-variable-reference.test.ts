// clear-text-secret took a password-like variable whose value is only a reference to another variable
// (OSDJoinPassword = %JoinPwd%, set from a collection variable) for a password written in clear text. The engine
// expands %VAR% at run time, so such a file holds no secret: the rule now passes a value made only of references,
// and still finds a secret written beside one.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const SET = (name: string, value: string) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe "${name}=${value}"</action><defaultVarList><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step>`;
const GLOBAL = (name: string, value: string) => `<globalVarList><variable name="${name}" property="">${value}</variable></globalVarList>`;
const RUN_AS = (value: string) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="Run" description="" runIn="FullOS" successCodeList="0"><action>cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable><variable name="SMSTSRunCommandLineUserName" property="UserName">CONTOSO\\svc</variable><variable name="SMSTSRunCommandLinePassword" property="UserPassword">${value}</variable></defaultVarList></step>`;
const secrets = (body: string) => lint(readTaskSequence(`<sequence version="3.10">${body}</sequence>`), ['clear-text-secret']).map((d) => d.path ?? null);

describe('clear-text-secret: a value that only names other variables', () => {
  it('is no secret in clear text, in a Set Task Sequence Variable step, a step variable or a global variable', () => {
    expect(secrets(SET('OSDJoinPassword', '%JoinPwd%'))).toEqual([]);
    expect(secrets(SET('OSDJoinPassword', ' %Domain%%JoinPwd% '))).toEqual([]);
    expect(secrets(RUN_AS('%RunAsPwd%'))).toEqual([]);
    expect(secrets(GLOBAL('OSDJoinPassword', '%JoinPwd%'))).toEqual([]);
  });

  it('a secret written beside a reference, or a lone percent sign, is still found', () => {
    expect(secrets(SET('OSDJoinPassword', 'P@ss%Suffix%'))).toEqual(['Set']);
    expect(secrets(SET('OSDJoinPassword', '%JoinPwd% extra'))).toEqual(['Set']);
    expect(secrets(SET('OSDJoinPassword', '50%off'))).toEqual(['Set']);
    expect(secrets(RUN_AS('P@ss'))).toEqual(['Run']);
    expect(secrets(GLOBAL('OSDJoinPassword', 'P@ss'))).toEqual([null]);
  });
});
