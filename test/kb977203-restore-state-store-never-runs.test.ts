// The replace-restore scenario (R15) and a Request State Store step that does not restore anything: one that is
// disabled (by its own flag or a disabled group) never runs, and one that requests the store to capture does not
// restore user state. Neither is the point CCMCertFix must run before, so an administrator's CCMCertFix step and
// restart after it, still ahead of Restore User State, are adopted as in the refresh scenario, not doubled by a
// second pair inserted after Setup (CCMCertFix run twice, the computer restarted twice).
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, revertKb977203, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:', scenario: 'replace-restore' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const STATE_STORE = (type: 'capture' | 'restore', disabled = false) =>
  `<step type="SMS_TaskSequence_RequestStateStoreAction" name="Request State Store"${disabled ? ' disable="true"' : ''} runIn="FullOS" successCodeList="0"><action>osdsmpclient.exe /${type}</action><defaultVarList><variable name="OSDStateRequestType" property="RequestType" hidden="true">${type}</variable></defaultVarList></step>`;
const CERTFIX =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const RESTART =
  '<step type="SMS_TaskSequence_RebootAction" name="Restart after the fix" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>';
const RESTORE = '<step type="SMS_TaskSequence_RestoreUserStateAction" name="Restore User State" runIn="FullOS" successCodeList="0"><action>osdloadstate.exe</action><defaultVarList/></step>';
const SEQUENCE = (between: string) => `<sequence version="3.00">${SETUP}${between}${CERTFIX}${RESTART}${RESTORE}</sequence>`;

describe('replace-restore: a Request State Store step that restores nothing is no bound for CCMCertFix', () => {
  it.each([
    ['disabled', STATE_STORE('restore', true)],
    ['in a disabled group', `<group name="Old" disable="true">${STATE_STORE('restore')}</group>`],
    ['requesting the store to capture', STATE_STORE('capture')],
  ])('%s: the CCMCertFix step and restart after it are adopted, nothing inserted', (_, between) => {
    const xml = SEQUENCE(between);
    const doc = readTaskSequence(xml);
    const report = applyKb977203(doc, O);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4']);
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13', 'R14']);
    expect(report.diagnostics.filter((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE')).toEqual([]);
    expect(doc.toString().match(/CCMCertFix<\/variable>/g)?.length).toBe(1);
    expect(checkKb977203(readTaskSequence(doc.toString()), O).changed).toBe(false);
    revertKb977203(doc, O);
    expect(doc.toString()).toBe(xml);
  });

  it('an enabled Request State Store that restores stays the bound: CCMCertFix after it is too late', () => {
    const report = checkKb977203(readTaskSequence(SEQUENCE(STATE_STORE('restore'))), O);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R13', 'R14']);
    expect(report.diagnostics.filter((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE').map((d) => d.path)).toEqual(['Fix the client certificate']);
  });
});
