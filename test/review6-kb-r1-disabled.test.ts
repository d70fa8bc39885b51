// R1 and a step that never runs: a disabled step (or one in a disabled group) that would install the KB977203 hotfix
// cannot stop the client service, so it does not refuse the sequence; it is warned about, saying that enabling it
// would. An enabled one still refuses (HOTFIX_INSTALL_STEP).
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, readTaskSequence, type Kb977203Options } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const PATCH_STEP = (disabled: boolean) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="Patch client"${disabled ? ' disable="true"' : ''} runIn="WinPEandFullOS" successCodeList="0 3010"><action>smsswd.exe /run: msiexec.exe /p "C:\\Hotfix\\SCCM2007AC-SP2-KB977203-x86.msp" /qn</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">msiexec.exe /p "C:\\Hotfix\\SCCM2007AC-SP2-KB977203-x86.msp" /qn</variable></defaultVarList></step>`;
const SEQUENCE = (items: string) => `<sequence version="3.00">${items}</sequence>`;

describe('R1: a step that installs the hotfix but never runs', () => {
  it('disabled itself: the preset applies, with an R1 warning that says it is disabled', () => {
    const doc = readTaskSequence(SEQUENCE(SETUP + PATCH_STEP(true)));
    const report = applyKb977203(doc, O);
    expect(report.changed).toBe(true);
    expect(report.diagnostics.filter((d) => d.code === 'KB977203_R1')).toEqual([expect.objectContaining({ severity: 'warning', path: 'Patch client', message: expect.stringMatching(/is disabled, so it does not run now; enabled, it would/) })]);
  });

  it('in a disabled group: the same', () => {
    const report = checkKb977203(readTaskSequence(SEQUENCE(`${SETUP}<group name="Old" disable="true">${PATCH_STEP(false)}</group>`)), O);
    expect(report.diagnostics.filter((d) => d.code === 'KB977203_R1').map((d) => d.severity)).toEqual(['warning']);
  });

  it('enabled: still refused before any edit', () => {
    const e = thrown(() => applyKb977203(readTaskSequence(SEQUENCE(`${SETUP}<group name="Patches">${PATCH_STEP(false)}</group>`)), O));
    expect(e.code).toBe('HOTFIX_INSTALL_STEP');
  });
});

describe('R1 in lint: the same step, as `cmts lint` reports it', () => {
  const r1 = (xml: string) => lint(readTaskSequence(SEQUENCE(xml)), ['kb977203/hotfix-install-step']).map((i) => ({ severity: i.severity, disabled: /is disabled/.test(i.message) }));

  it('an enabled step is an error; a disabled one, or one in a disabled group, a warning that says why', () => {
    expect(r1(SETUP + PATCH_STEP(false))).toEqual([{ severity: 'error', disabled: false }]);
    expect(r1(SETUP + PATCH_STEP(true))).toEqual([{ severity: 'warning', disabled: true }]);
    expect(r1(`${SETUP}<group name="Old" disable="true">${PATCH_STEP(false)}</group>`)).toEqual([{ severity: 'warning', disabled: true }]);
  });
});
