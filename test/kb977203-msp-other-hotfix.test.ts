// --msp SCCM2007AC-SP2-KB977384-x86.msp was taken: PATCH got a path into \KB977203\ to another hotfix's file, the
// next check read it as the KB977384 update ("already [R2]") and revert left it, exiting 0 with revert(apply(x)) ≠ x.
// An .msp name that names another KB is refused, by the library's options and on the command line (exit 2).
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence } from './helpers/api.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const SEQ =
  '<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>';

describe('an msp option that names another hotfix', () => {
  it('is refused by the library, naming the KB and what to do for KB977384', () => {
    for (const msp of ['SCCM2007AC-SP2-KB977384-x86.msp', 'kb977384.msp', 'SCCM2007AC-SP2-KB9772031-x86.msp', 'KB977203-and-KB123456.msp']) {
      const e = thrown(() => applyKb977203(readTaskSequence(SEQ), { certfixPackage: 'ABC00010', msp }));
      expect(e.code, msp).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain('another hotfix');
    }
    expect(thrown(() => applyKb977203(readTaskSequence(SEQ), { certfixPackage: 'ABC00010', msp: 'SCCM2007AC-SP2-KB977384-x86.msp' })).message).toContain('list its .msp in PATCH by hand');
  });

  it('a locale name of KB977203, or one naming no KB, is still taken', () => {
    for (const msp of ['SCCM2007AC-SP2-KB977203-x86-DEU.msp', 'kb977203.msp', 'client-fix.msp']) {
      const doc = readTaskSequence(SEQ);
      expect(applyKb977203(doc, { certfixPackage: 'ABC00010', msp }).setupSteps[0]?.patch, msp).toContain(`\\KB977203\\${msp}`);
    }
  });

  it('is a usage error on the command line (exit 2), with the flag named', async () => {
    const m = memoryIo({ 'in.xml': SEQ });
    expect(await main(['kb977203', 'in.xml', '--certfix-package', 'ABC00010', '--msp', 'SCCM2007AC-SP2-KB977384-x86.msp', '--check'], m.io)).toBe(2);
    expect(m.stderr).toContain('--msp');
    expect(m.stderr).toContain('KB977384, another hotfix');
  });
});
