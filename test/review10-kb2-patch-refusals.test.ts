// The preset's refusals of a Setup step it cannot reconcile quoted the installation properties, the client package or
// the PATCH entry whole: a 100,000-character value made a 100 KB message. They show it as other messages show values
// read as data (shownValue: cut after 40 characters, with the length), and keep their codes.
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, type Kb977203Options } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const LONG = 100_000;
const long = (c: string) => c.repeat(LONG);
const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const setup = (props: string, pkg = 'ABC00002') =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">${pkg}</variable></defaultVarList></step></sequence>`;
const msp = (sp: string, dir: string) => `${dir}\\KB977203\\SCCM2007AC-${sp}-KB977203-x86.msp`;

describe('refusals of a Setup step show long values cut', () => {
  it.each([
    ['INSTALL_PROPERTIES_INVALID', setup(`SMSSLP="${long('a')}`), O],
    ['INSTALL_PROPERTIES_INVALID', setup(`PATCH="a.msp" PATCH="${long('a')}"`), O],
    ['INVALID_ARGUMENT', setup('SMSSLP=SLP01', long('Z')), O],
    ['INVALID_ARGUMENT', setup(`PATCH="${msp('SP1', `C:\\${long('d')}`)}"`), { certfixPackage: 'ABC00010', drive: 'C:' }],
    ['VARIABLE_IN_PATH', setup(`PATCH="${msp('SP2', `%_SMSTSMDataPath%\\${long('d')}`)}"`), { certfixPackage: 'ABC00010', clientVersion: 'sp2' }],
  ] as const)('%s', (code, xml, options) => {
    const e = thrown(() => applyKb977203(readTaskSequence(xml), options));
    expect(e.code).toBe(code);
    expect(e.message.length).toBeLessThan(1000);
    expect(e.message).toMatch(/…["']?\)? ?\(\d{6} characters\)/);
  });
});
