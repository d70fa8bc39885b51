// A sequence of many Setup Windows and ConfigMgr steps, each followed by a disabled CCMCertFix step: the report named
// every CCMCertFix step for every Setup step (their product: 1,000 of each made a million diagnostics and a report
// of over 200 MB). Each CCMCertFix step is now named for the Setup steps on either side of it only.
import { describe, expect, it } from 'vitest';
import { checkKb977203, readTaskSequence } from './helpers/api.js';

const SETUP = (i: number) =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup ${i}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const CERTFIX = (i: number) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix ${i}" description="" disable="true" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;

function sequence(n: number): string {
  let body = CERTFIX(-1);
  for (let i = 0; i < n; i++) body += SETUP(i) + CERTFIX(i);
  return `<sequence version="3.00">${body}</sequence>`;
}

describe('KB977203_CERTFIX_ELSEWHERE over many Setup steps', () => {
  it('grows with the sequence, not with Setup steps times CCMCertFix steps, and still names every CCMCertFix step', () => {
    const n = 120;
    const report = checkKb977203(readTaskSequence(sequence(n)), { certfixPackage: 'ABC00010' });
    const elsewhere = report.diagnostics.filter((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE');
    expect(elsewhere.length).toBeLessThanOrEqual(2 * (n + 1));
    expect(new Set(elsewhere.map((d) => d.path))).toEqual(new Set([-1, ...Array.from({ length: n }, (_, i) => i)].map((i) => `Fix ${i}`)));
    // Every Setup still gets its own pair: none of the disabled steps is adopted.
    expect(report.changes.filter((c) => c.requirement === 'R13')).toHaveLength(n);
  });

  it('a CCMCertFix step before the first Setup and one after the last are named for the Setup next to them', () => {
    const report = checkKb977203(readTaskSequence(sequence(3)), { certfixPackage: 'ABC00010' });
    const said = report.diagnostics.filter((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE').map((d) => d.message);
    expect(said).toContainEqual(expect.stringMatching(/^"Fix -1" runs CCMCertFix but does not count for "Setup 0": it runs before Setup \(in Windows PE or the old operating system\), not after it, and is disabled/));
    expect(said).toContainEqual(expect.stringMatching(/^"Fix 2" runs CCMCertFix but does not count for "Setup 2": it is disabled, so it does not run when Setup does/));
    expect(said.filter((m) => m.startsWith('"Fix -1"'))).toHaveLength(1);
  });
});
