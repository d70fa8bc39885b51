// An .msp name or path that starts with white space (`--msp " x.msp"`, a script's `" C:\a.msp"`) was taken as it was,
// and PATCH named a file no client has (`…\KB977203\ x.msp`). Both options schemas now refuse it, with what is allowed.
import { describe, expect, it } from 'vitest';
import { applyKb977203, createTransform, readTaskSequence } from './helpers/api.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQ =
  '<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>';
const code = (f: () => unknown) => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('an .msp that starts with white space', () => {
  it('KB977203: refused as options, and as a flag (exit 2); a locale name is still taken', async () => {
    for (const msp of [' x.msp', '\tx.msp', '\u00a0x.msp']) expect(code(() => applyKb977203(readTaskSequence(SEQ), { certfixPackage: 'ABC00010', msp })), JSON.stringify(msp)).toBe('OPTIONS_INVALID');
    expect(code(() => applyKb977203(readTaskSequence(SEQ), { certfixPackage: 'ABC00010', msp: 'SCCM2007AC-SP2-KB977203-x86-DEU.msp' }))).toBe('accepted');
    const m = memoryIo({ 'in.xml': SEQ });
    expect(await main(['kb977203', 'in.xml', '--certfix-package', 'ABC00010', '--msp', ' x.msp', '--dry-run'], m.io)).toBe(2);
    expect(m.stderr).toContain('not starting with white space');
  });

  it('add-client-patch: refused; a path with spaces inside is still taken', () => {
    expect(code(() => createTransform('add-client-patch', { msp: ' C:\\patch\\a.msp' }))).toBe('OPTIONS_INVALID');
    expect(code(() => createTransform('add-client-patch', { msp: 'C:\\Program Files\\patch\\a b.msp' }))).toBe('accepted');
  });
});
