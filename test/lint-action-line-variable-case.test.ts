// catalog/action-line reported an error ("the step does not do what its settings say") for a command line that
// differs from the settings only in the letter case of a task sequence variable's name: Set Task Sequence Variable's
// tsenv.exe "readme=…" with the variable README, or %osdimageindex% for %OSDImageIndex%. Task sequence variable
// names are not case-sensitive, so such a step does what its settings say; it is now passed. Any other difference,
// a value's letter case included, is still an error.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const SET = (line: string, name = 'README', value = 'Hello') =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>${line}</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">false</variable><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step>`;
const APPLY = (line: string) =>
  `<step type="SMS_TaskSequence_ApplyOperatingSystemAction" name="Apply" description="" runIn="WinPE" successCodeList="0" retryCount="0" runFromNet="false"><action>${line}</action><defaultVarList><variable name="OSDConfigFileName" property="ConfigFileName" hidden="true"></variable><variable name="OSDImageIndex" property="ImageIndex" hidden="true">1</variable><variable name="OSDImagePackageId" property="ImagePackageID" hidden="true">ABC00001</variable><variable name="OSDRunFromNet" property="RunFromNet" hidden="true">false</variable><variable name="OSDTargetSystemDrive" property="TargetSystemDrive" hidden="true">C:</variable></defaultVarList></step>`;
const found = (step: string) => lint(readTaskSequence(`<sequence version="3.10">${step}</sequence>`), ['catalog/action-line']).map((d) => d.code);

describe('catalog/action-line: variable names in another letter case', () => {
  it('the settings and the line agree (the baseline each case below departs from)', () => {
    expect(found(SET('tsenv.exe "README=Hello" /hiddenflag:False'))).toEqual([]);
    expect(found(APPLY('OSDApplyOS.exe /image:ABC00001,%OSDImageIndex% /runfromnet:False'))).toEqual([]);
  });

  it('a Set Task Sequence Variable line whose variable name differs only in letter case is passed', () => {
    expect(found(SET('tsenv.exe "readme=Hello" /hiddenflag:False'))).toEqual([]);
    expect(found(SET('tsenv.exe "README=Hello" /hiddenflag:False', 'ReadMe'))).toEqual([]);
  });

  it('a %variable% in the line in another letter case is passed', () => {
    expect(found(APPLY('OSDApplyOS.exe /image:ABC00001,%osdimageindex% /runfromnet:False'))).toEqual([]);
    expect(found(SET('tsenv.exe "README=%Computer%\\x" /hiddenflag:False', 'README', '%COMPUTER%\\x'))).toEqual([]);
  });

  it('another name, a value in another letter case, or another switch is still an error', () => {
    expect(found(SET('tsenv.exe "READ_ME=Hello" /hiddenflag:False'))).toEqual(['catalog/action-line']);
    expect(found(SET('tsenv.exe "README=hello" /hiddenflag:False'))).toEqual(['catalog/action-line']);
    expect(found(SET('tsenv.exe "README=%Computer%\\X" /hiddenflag:False', 'README', '%COMPUTER%\\x'))).toEqual(['catalog/action-line']);
    expect(found(SET('tsenv.exe "readme=Hello" /hiddenflag:True'))).toEqual(['catalog/action-line']);
    expect(found(APPLY('OSDApplyOS.exe /image:abc00002,%OSDImageIndex% /runfromnet:False'))).toEqual(['catalog/action-line']);
  });
});
