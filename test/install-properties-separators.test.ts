// Windows separates installation properties at spaces and tabs only (CommandLineToArgvW, msiexec's PROPERTY=VALUE):
// the parser split at every JavaScript \s, so a PATCH joined to the property before it by a no-break space (pasted
// from a web page) was taken for a PATCH list, and the preset reported the fix in place where Windows Installer reads
// no PATCH at all.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, parseInstallProperties, patchList, readTaskSequence, TaskSequenceError, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { patchSyntaxProblem } from '../lib/model/install-properties.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SEQUENCE = (props: string) =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>\n`;

describe('installation properties: separators', () => {
  it('splits at spaces and tabs only; other white space is part of the value', () => {
    expect(parseInstallProperties('A=1\tB=2  C=3').map((t) => t.name)).toEqual(['A', 'B', 'C']);
    for (const odd of ['\u00a0', '\u2002', '\u3000', '\ufeff', '\n', '\u2028']) {
      const tokens = parseInstallProperties(`SMSSLP=a${odd}FSP=b`);
      expect(tokens.map((t) => [t.name, t.value])).toEqual([['SMSSLP', `a${odd}FSP=b`]]);
      expect(patchList(`SMSSLP=a${odd}PATCH="C:\\x.msp"`)).toBeUndefined();
    }
  });

  it('a PATCH glued by a Unicode space or a line end is a syntax problem at that character; inside quotes it is not', () => {
    const text = 'SMSSLP=CM01\u00a0PATCH="C:\\Hotfix\\KB123456.msp"';
    expect(patchSyntaxProblem(text)).toMatchObject({ at: 11, written: text });
    expect(patchSyntaxProblem(text)?.why).toContain('U+00A0');
    expect(patchSyntaxProblem('SMSSLP=CM01\nPATCH="C:\\x.msp"')?.why).toContain('U+000A');
    expect(patchSyntaxProblem('SMSSLP="CM01\u00a0PATCH=x" FSP=b')).toBeUndefined();
    expect(patchSyntaxProblem('SMSSLP=CM01\u00a0FSP=b')).toBeUndefined();
  });

  // The second: a property glued to PATCH's closing quotation mark is part of its value (install-properties-after-quote).
  it.each([['SMSSLP=CM01.contoso.com\u00a0PATCH="C:\\Hotfix\\KB123456.msp"'], ['SMSMP=mp01 PATCH="C:\\Hotfix\\KB123456.msp"FSP=F1']])('the preset refuses such properties (INSTALL_PROPERTIES_INVALID) rather than call PATCH in place or add a second one: %s', (props) => {
    const input = SEQUENCE(props);
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

  it('a Unicode space that joins no PATCH is part of the value, and PATCH is added as usual', () => {
    const doc = readTaskSequence(SEQUENCE('SMSSLP=CM01\u00a0FSP=CM02'));
    applyKb977203(doc, O);
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toContain('SMSSLP=CM01\u00a0FSP=CM02 PATCH="C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"');
  });
});
