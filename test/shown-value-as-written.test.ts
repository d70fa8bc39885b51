// Messages quoted every value as JSON writes it, so a Windows path read `"C:\\_SMSTaskSequence\\OSD\\…"`, each
// backslash doubled: an administrator copying it got a path that is not the one in the file. A value is now shown as
// written when nothing in it needs an escape; one with a double quote or a character shown escaped is still JSON, so
// an escape is never taken for the value's own backslash.
import { describe, expect, it } from 'vitest';
import { shownValue } from '../lib/shown-value.js';
import { applyKb977203, readTaskSequence } from './helpers/api.js';

describe('a value in double quotes in a message', () => {
  it('a path is shown as written, its backslashes single', () => {
    expect(shownValue('C:\\_SMSTaskSequence\\OSD\\ABC00002', '"')).toBe('"C:\\_SMSTaskSequence\\OSD\\ABC00002"');
  });

  it('one holding a double quote is written as JSON, every backslash doubled', () => {
    expect(shownValue('PATCH="C:\\a.msp"', '"')).toBe('"PATCH=\\"C:\\\\a.msp\\""');
  });

  it('one holding a character shown escaped is written as JSON, so "\\n" is a line end and "\\\\n" a backslash and n', () => {
    expect(shownValue('C:\\new\nline', '"')).toBe('"C:\\\\new\\nline"');
    expect(shownValue('C:\\new', '"')).toBe('"C:\\new"');
  });

  it('a long one is cut, as before', () => {
    const shown = shownValue(`C:\\${'a'.repeat(100)}`, '"');
    expect(shown).toMatch(/^"C:\\a+…" \(103 characters\)$/);
  });

  it("in the preset's report, a PATCH path it quotes reads as in the file", () => {
    const input = '<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">PATCH=C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>';
    const report = applyKb977203(readTaskSequence(input), { certfixPackage: 'ABC00010', drive: 'C:', clientVersion: 'sp2' });
    const note = report.diagnostics.find((d) => d.code === 'KB977203_PATCH_NOT_REVERSIBLE' || d.code === 'KB977203_PATCH_REQUOTED');
    // The PATCH as read holds no quotation mark: shown as written. Rewritten, it holds some: shown as JSON.
    expect(note?.message).toContain('"PATCH=C:\\_SMSTaskSequence\\OSD');
    expect(note?.message).toContain('"PATCH=\\"C:\\\\_SMSTaskSequence');
  });
});
