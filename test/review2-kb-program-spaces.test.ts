// The certfixProgram option with spaces around it: DependentProgram is read with them taken off, so the next apply
// would find a conflict with what the first wrote (not idempotent). It is refused (R12).
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };

const SETUP = (condition = '') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">${condition}<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const SEQUENCE = (items: string) => `<sequence version="3.00"><group name="Install" description="">${items}</group></sequence>`;

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('the certfixProgram option (R12)', () => {
  it('with a space before or after it is refused before any edit: DependentProgram is read without them', () => {
    for (const program of [' CCMCertFix', 'CCMCertFix ']) {
      const doc = readTaskSequence(SEQUENCE(SETUP()));
      const before = text(doc);
      expect(thrown(() => applyKb977203(doc, { ...O, certfixProgram: program })).code).toBe('INVALID_ARGUMENT');
      expect(text(doc)).toBe(before);
    }
  });

  it('a space inside the name is kept', () => {
    const doc = readTaskSequence(SEQUENCE(SETUP()));
    applyKb977203(doc, { ...O, certfixProgram: 'CCM Cert Fix' });
    expect(text(doc)).toContain('<variable name="_SMSSWDProgramName" property="ProgramName">CCM Cert Fix</variable>');
  });
});
