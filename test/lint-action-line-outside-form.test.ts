// catalog/action-line passed over every command line that has not the console's form, whatever it held: a line
// reading %OSDImageIndex2% where the console writes %OSDImageIndex% was not looked at, so neither was a package ID
// in it that disagrees with the step's settings. Such a line is now read against the console's line for the step's
// settings: a setting it shows otherwise is an error, as in a line of the console's form; a variable reference that
// stands where the console writes another is known only at run time, and is reported as not checked (information).
// A line whose literal text cannot be lined up with the console's at all (an older release's line, another program)
// is still left alone: reporting every such line as unchecked put findings on the 2007 examples and MDT templates.
// Steps MDT wrote (no hidden flags) and lines of a known dialect stay out of the rule.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const APPLY = (line: string, index = '1') =>
  `<step type="SMS_TaskSequence_ApplyOperatingSystemAction" name="Apply" description="" runIn="WinPE" successCodeList="0" retryCount="0" runFromNet="false"><action>${line}</action><defaultVarList><variable name="OSDConfigFileName" property="ConfigFileName" hidden="true"></variable><variable name="OSDImageIndex" property="ImageIndex" hidden="true">${index}</variable><variable name="OSDImagePackageId" property="ImagePackageID" hidden="true">ABC00001</variable><variable name="OSDRunFromNet" property="RunFromNet" hidden="true">false</variable><variable name="OSDTargetSystemDrive" property="TargetSystemDrive" hidden="true">C:</variable></defaultVarList></step>`;
/** The same step as MDT writes it: no hidden flags. */
const APPLY_MDT = (line: string) =>
  `<step type="SMS_TaskSequence_ApplyOperatingSystemAction" name="Apply" description="" runIn="WinPE" successCodeList="0"><action>${line}</action><defaultVarList><variable name="OSDImagePackageId" property="ImagePackageID">ABC00001</variable></defaultVarList></step>`;
const SET = (line: string, value = 'Hello', hidden = 'false') =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>${line}</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">${hidden}</variable><variable name="VariableName" property="VariableName" hidden="true">README</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step>`;
const found = (step: string) => lint(readTaskSequence(`<sequence version="3.10">${step}</sequence>`), ['catalog/action-line']).map((d) => ({ severity: d.severity, message: d.message }));

describe('catalog/action-line: a command line not in the console form', () => {
  it('a line of the console form that agrees is passed (the baseline)', () => {
    expect(found(APPLY('OSDApplyOS.exe /image:ABC00001,%OSDImageIndex% /runfromnet:False'))).toEqual([]);
  });

  it('another variable where the console writes %OSDImageIndex%: information, naming both, not checked', () => {
    const [f, ...rest] = found(APPLY('OSDApplyOS.exe /image:ABC00001,%OSDImageIndex2% /runfromnet:False'));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('%OSDImageIndex2%');
    expect(f?.message).toContain('%OSDImageIndex%');
    expect(f?.message).toMatch(/not checked/);
  });

  it('a package ID that disagrees with the settings is an error even beside such a variable', () => {
    const [f, ...rest] = found(APPLY('OSDApplyOS.exe /image:ABC00002,%OSDImageIndex2% /runfromnet:False'));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('ABC00002');
    expect(f?.message).toContain('ABC00001');
  });

  it('a variable reference where the console writes a True/False setting is read as that setting: it disagrees', () => {
    const [f, ...rest] = found(APPLY('OSDApplyOS.exe /image:ABC00001,%OSDImageIndex% /runfromnet:%NET%'));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('%NET%');
  });

  it('the literal value of the step\'s own variable where the console writes its reference agrees; another value does not', () => {
    expect(found(APPLY('OSDApplyOS.exe /image:ABC00001,1 /runfromnet:False'))).toEqual([]);
    const [f, ...rest] = found(APPLY('OSDApplyOS.exe /image:ABC00001,2 /runfromnet:False'));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('%OSDImageIndex%');
  });

  it('a place the console fills from a variable the step does not set has nothing to compare with', () => {
    const noIndex = APPLY('OSDApplyOS.exe /image:ABC00001,7 /runfromnet:%NET%').replace(/<variable name="OSDImageIndex"[^/]*\/variable>/, '');
    expect(noIndex).not.toContain('OSDImageIndex"');
    expect(found(noIndex).map((f) => f.message)).toEqual([expect.not.stringContaining('%OSDImageIndex%')]);
  });

  it('a line whose literal text cannot be lined up with the console\'s is left alone, as before', () => {
    // A switch in another letter case (which a Windows program may well read alike), or an older release's line
    // without a switch the catalog's template has: nothing can be read against the settings there.
    expect(found(APPLY('OSDApplyOS.exe /IMAGE:ABC00002,%OSDImageIndex% /runfromnet:False'))).toEqual([]);
    expect(found(SET('tsenv.exe "README=%Other%" %FLAGS%'))).toEqual([]);
  });

  it('a Set Task Sequence Variable line with a reference for its switch\'s True/False disagrees with the settings', () => {
    const [f, ...rest] = found(SET('tsenv.exe "README=Hello" /hiddenflag:%H%'));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('%H%');
  });

  it('shows no value of a step that hides its value', () => {
    const [f, ...rest] = found(SET('tsenv.exe "README=Secret2" /hiddenflag:%H%', 'Secret1', 'true'));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.message).not.toContain('Secret');
    // The line sets a password-like variable its settings no longer name: its value is not shown either.
    const [g] = found(SET('tsenv.exe "OSDJoinPassword=Hunter2" /hiddenflag:%H%'));
    expect(g?.severity).toBe('error');
    expect(g?.message).not.toContain('Hunter2');
  });

  it('a step MDT wrote (no hidden flags) is not held to the console form', () => {
    expect(found(APPLY_MDT('OSDApplyOS.exe /image:ABC00002,%OSDImageIndex2%'))).toEqual([]);
    expect(found(APPLY_MDT('cscript.exe "%SCRIPTROOT%\\LTIApply.wsf"'))).toEqual([]);
  });

  it('a line that runs another program than the console\'s (MDT Lite Touch\'s scripts) is another writer\'s form, left alone', () => {
    const gather = (line: string) =>
      `<step type="BDD_Gather" name="Gather local only" disable="false" continueOnError="false" successCodeList="0 3010" description="" startIn=""><defaultVarList><variable name="GatherLocalOnly" property="GatherLocalOnly">true</variable><variable name="RulesFile" property="RulesFile"></variable></defaultVarList><action>${line}</action></step>`;
    expect(found(gather('cscript.exe "%SCRIPTROOT%\\ZTIGather.wsf"'))).toEqual([]);
    expect(found(APPLY('cscript.exe "%SCRIPTROOT%\\LTIApply.wsf"'))).toEqual([]);
  });
});
