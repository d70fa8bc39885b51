// A PATCH list whose closing quotation mark is followed by more text with no space (`PATCH="C:\a.msp"FSP=F1`):
// Windows Installer ends a value only at a space or tab outside quotation marks, so it reads one PATCH value that runs
// on into FSP=F1 (the administrator meant two properties: what follows the quotation mark reads as a property). The preset rewrote that list, quoting FSP=F1 inside it, and
// reported the fix in place; it is now refused as the other malformed PATCH forms are, with nothing changed.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, TaskSequenceError, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { patchSyntaxProblem } from '../lib/model/install-properties.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SEQUENCE = (props: string) =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>\n`;

describe('installation properties: text right after a quoted PATCH value', () => {
  it('is a syntax problem at the PATCH property, naming what follows the quotation mark', () => {
    const text = 'SMSMP=mp01 PATCH="C:\\Hotfix\\KB123456.msp"FSP=F1';
    const problem = patchSyntaxProblem(text);
    expect(problem).toMatchObject({ at: 11, written: 'PATCH="C:\\Hotfix\\KB123456.msp"FSP=F1' });
    expect(problem?.why).toContain('"FSP=F1"');
  });

  it('is no problem when a space follows the quotation mark, or for another property', () => {
    expect(patchSyntaxProblem('PATCH="C:\\a.msp" FSP=F1')).toBeUndefined();
    expect(patchSyntaxProblem('PATCH="C:\\a.msp"')).toBeUndefined();
    // Paths quoted one by one run on into each other as Windows Installer reads them: one list, as meant.
    expect(patchSyntaxProblem('PATCH="C:\\a b\\x.msp";"C:\\y.msp" FSP=F1')).toBeUndefined();
    expect(patchSyntaxProblem('PATCH="C:\\a.msp"FSP=F1')).toBeDefined();
    expect(patchSyntaxProblem('SMSSLP="a"b PATCH="C:\\x.msp"')).toBeUndefined();
  });

  it('the preset refuses it (INSTALL_PROPERTIES_INVALID) and leaves the sequence as it was', () => {
    const input = SEQUENCE('SMSMP=mp01 PATCH="C:\\Hotfix\\KB123456.msp"FSP=F1');
    for (const run of [checkKb977203, applyKb977203]) {
      const doc = readTaskSequence(input);
      let error: unknown;
      try {
        run(doc, O);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TaskSequenceError);
      expect((error as TaskSequenceError).code).toBe('INSTALL_PROPERTIES_INVALID');
      expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(input);
    }
  });
});

describe('installation properties: a property after a quotation mark, however it is quoted', () => {
  it('is found after any closing quotation mark of the value, and its own quotes are shown', () => {
    expect(patchSyntaxProblem('PATCH="C:\\a.msp";"C:\\b.msp"FSP="F 1"')?.why).toContain('"FSP=\\"F 1\\""');
    expect(patchSyntaxProblem('PATCH="C:\\a.msp";"C:\\b.msp"')).toBeUndefined();
  });
});
