// The lint rules an administrator needs before import: KB977203 wiring as a whole, and the console's limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, lint, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const found = (text: string | Buffer) => lint(readTaskSequence(text)).map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}`);

describe('lint: KB977203 wiring and console limits', () => {
  it('finds each with its code, severity and line:column', () => {
    expect(found(readFileSync(join(FIXTURES_DIR, 'lint', 'kb977203-violations.xml')))).toEqual([
      '2:3 error kb977203/patch-contradictory',
      '9:3 warning kb977203/certfix-without-restart',
      '16:3 warning kb977203/fix-absent',
      '23:3 warning kb977203/hotfix-named-step',
      '30:3 error restart-message-too-long',
      '38:3 error name-over-limit',
      '38:3 error variable-name-invalid',
      '38:3 error variable-value-too-long',
      '38:3 error catalog/action-line',
    ]);
  });

  it('the fix is not asked of a Current Branch sequence, and the 2 MB policy limit is checked only there', () => {
    const setup = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties"></variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
    const big = `<step type="SMS_TaskSequence_RunCommandLineAction" name="s" description="" runIn="WinPEandFullOS" successCodeList="0"><action>x</action><defaultVarList><variable name="CommandLine" property="CommandLine">${'x'.repeat(4000)}</variable></defaultVarList></step>`.repeat(600);
    expect(found(`<sequence version="3.00">${setup}</sequence>`)).toEqual(['1:26 warning kb977203/fix-absent']);
    expect(found(`<sequence version="3.10">${setup}</sequence>`)).toEqual([]);
    expect(found(`<sequence version="3.10">${setup}${big}</sequence>`)).toEqual(['1:1 warning policy-too-large']);
    // KB977384 contains the patch (no fix-absent) but not CCMCertFix.exe, which must still run after Setup (R13).
    expect(found(`<sequence version="3.00">${setup.replace('></variable>', '>PATCH="C:\\x\\KB977384\\SCCM2007AC-SP2-KB977384-x86.msp"</variable>')}${big}</sequence>`)).toEqual(['1:26 warning kb977203/certfix-after-setup']);
    // An .msp that is not the update's, in a folder named after it, installs neither (R2).
    expect(found(`<sequence version="3.00">${setup.replace('></variable>', '>PATCH="C:\\x\\KB977384\\a.msp"</variable>')}${big}</sequence>`)).toEqual(['1:26 warning kb977203/fix-absent']);
  });

  it('a step name of 51 to 100 characters is a warning, over 100 an error; a description of 255 passes, 256 does not', () => {
    const step = (name: string, description = '') => `<sequence version="3.00"><group name="${name}" description="${description}"/></sequence>`;
    expect(found(step('n'.repeat(50)))).toEqual([]);
    expect(found(step('n'.repeat(51)))).toEqual(['1:26 warning name-too-long']);
    expect(found(step('n'.repeat(101)))).toEqual(['1:26 error name-over-limit']);
    expect(found(step('g', 'd'.repeat(255)))).toEqual([]);
    expect(found(step('g', 'd'.repeat(256)))).toEqual(['1:26 error description-too-long']);
  });

  it('a 2007 sequence patched by the preset has no KB977203 finding', () => {
    const doc = readTaskSequence(readFileSync(join(FIXTURES_DIR, 'kb977203', 'setup-conditional-and-disabled-three-steps', 'input.xml')));
    applyKb977203(doc, { certfixPackage: 'ABC00010', scenario: 'new-computer' });
    expect(found(Buffer.from(writeTaskSequence(doc))).filter((f) => f.includes('kb977203/'))).toEqual([]);
  });
});
