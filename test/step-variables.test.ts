// One lookup rule for reading and writing step variables (issue: properties wiped when `property=` is missing).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findVariable } from '../lib/model/variables.js';
import { applyKb977203, findSteps, readTaskSequence, SetupWindowsStep, writeTaskSequenceText } from './helpers/api.js';

const NO_PROPERTY =
  '<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties">SMSMP=mp01 FSP=fsp01</variable><variable name="_SMSClientPackageID">ABC00002</variable></defaultVarList></step></sequence>';

describe('step variables', () => {
  it('a Setup variable written without property= is read and written as the same variable', () => {
    const doc = readTaskSequence(NO_PROPERTY);
    const setup = new SetupWindowsStep(findSteps(doc.sequence)[0]!.node);
    expect(setup.clientInstallProperties).toBe('SMSMP=mp01 FSP=fsp01');
    expect(setup.clientPackageId).toBe('ABC00002');
    setup.clientInstallProperties = 'SMSMP=mp02';
    const text = writeTaskSequenceText(doc);
    expect(text).toContain('<variable name="SMSClientInstallProperties">SMSMP=mp02</variable>');
    expect(text.match(/SMSClientInstallProperties/g)).toHaveLength(1);
  });

  it('the KB977203 preset keeps the installation properties of such a step, and a second run changes nothing', () => {
    const doc = readTaskSequence(NO_PROPERTY);
    applyKb977203(doc, { certfixPackage: 'ABC00010' });
    const once = writeTaskSequenceText(doc);
    expect(once).toContain('SMSMP=mp01 FSP=fsp01 PATCH="C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"');
    const again = readTaskSequence(once);
    expect(applyKb977203(again, { certfixPackage: 'ABC00010' }).changed).toBe(false);
  });

  it('finds a variable by name as toLowerCase compares names, whatever the characters (ASCII compared without copies)', () => {
    // Letters whose lower case is another length (İ) or ASCII (K, the Kelvin sign), and ordinary ones in either case.
    const name = fc.array(fc.constantFrom('a', 'A', 'k', 'K', '\u212a', 'i', 'I', '\u0130', 's', 'S', '\u00df', '_', '1'), { minLength: 1, maxLength: 4 }).map((c) => c.join(''));
    fc.assert(
      fc.property(name, name, (written, asked) => {
        const text = `<sequence version="3.00"><step type="T" name="s"><defaultVarList><variable name="${written}" property="P1">v</variable></defaultVarList></step></sequence>`;
        const step = findSteps(readTaskSequence(text).sequence)[0]!.node;
        const found = findVariable(step, { name: asked, property: 'P2' });
        expect(found !== undefined).toBe(written.toLowerCase() === asked.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });
});
