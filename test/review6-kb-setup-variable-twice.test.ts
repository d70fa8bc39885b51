// A Setup Windows and ConfigMgr step whose installation properties (or client package) variable is there twice, as a
// hand edit or a paste leaves it: the preset edited the first and called PATCH in place while the second said
// otherwise, and which one ConfigMgr takes is not documented. It is refused, before any edit, with the place.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const KB = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const SETUP = (vars: string) =>
  `<sequence version="3.00">\n<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList>\n${vars}\n</defaultVarList></step></sequence>`;
const PROPS = (value: string) => `<variable name="SMSClientInstallProperties" property="ClientInstallProperties">${value}</variable>`;
const PKG = (value: string) => `<variable name="_SMSClientPackageID" property="ClientPackageID">${value}</variable>`;

describe('a Setup step with a variable the preset reads twice', () => {
  it('installation properties twice, the second without the patch: refused by check and apply, nothing edited', () => {
    const input = SETUP(`${PROPS(`PATCH=&quot;${KB}&quot;`)}\n${PROPS('SMSSLP=SLP01')}\n${PKG('ABC00002')}`);
    for (const run of [checkKb977203, applyKb977203]) {
      const doc = readTaskSequence(input);
      const e = thrown(() => run(doc, O));
      expect(e.code).toBe('INSTALL_PROPERTIES_INVALID');
      expect(e.message).toMatch(/SMSClientInstallProperties variable \(ClientInstallProperties\) 2 times/);
      expect(e.linePos?.line).toBe(4);
      expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(input);
    }
  });

  it('client package twice: refused too (it goes into the PATCH path)', () => {
    const e = thrown(() => applyKb977203(readTaskSequence(SETUP(`${PROPS('')}\n${PKG('ABC00002')}\n${PKG('ABC00003')}`)), O));
    expect(e.code).toBe('INSTALL_PROPERTIES_INVALID');
    expect(e.message).toMatch(/_SMSClientPackageID variable \(ClientPackageID\) 2 times \("ABC00002", "ABC00003"\)/);
  });

  it('each once: applied as usual', () => {
    expect(applyKb977203(readTaskSequence(SETUP(`${PROPS('SMSSLP=SLP01')}\n${PKG('ABC00002')}`)), O).changed).toBe(true);
  });
});
