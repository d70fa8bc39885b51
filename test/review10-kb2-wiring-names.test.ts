// The preset's report of an administrator's CCMCertFix step and the restart after it quoted their names whole (in
// KB977203_RESTART_NOTIFIES and in the inserted restart's change): a 100,000-character name made a 100 KB message.
// They are shown as other messages show names read as data (shownValue: cut after 40 characters, with the length).
import { describe, expect, it } from 'vitest';
import { checkKb977203, readTaskSequence, type Kb977203Options } from './helpers/api.js';

const LONG = 100_000;
const long = (c: string) => c.repeat(LONG);
const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const certfix = (name: string) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const restart = (name: string) =>
  `<step type="SMS_TaskSequence_RebootAction" name="${name}" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message">Restarting</variable><variable name="SMSRebootTimeout" property="MessageTimeout">60</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;

describe("the names of an administrator's CCMCertFix and restart are cut in the preset's report", () => {
  it.each([
    ['a long restart name', certfix('CertFix') + restart(long('r'))],
    ['a long CCMCertFix name', certfix(long('c')) + restart('Restart')],
  ])('%s', (_, steps) => {
    const report = checkKb977203(readTaskSequence(`<sequence version="3.00">${SETUP}${steps}</sequence>`), O);
    const notifies = report.diagnostics.filter((d) => d.code === 'KB977203_RESTART_NOTIFIES');
    const inserted = report.changes.filter((c) => /inserted restart/.test(c.what));
    expect(notifies.length).toBe(1);
    expect(inserted.length).toBe(1);
    for (const m of [...notifies.map((d) => d.message), ...inserted.map((c) => `${c.what} ${c.where}`)]) {
      expect(m.length).toBeLessThan(1000);
      expect(m).toMatch(/…["']?\)? ?\(\d{6} characters\)/);
    }
  });
});
