// An administrator's CCMCertFix step as the last step of a group, with the Restart Computer right after that group
// or first in the next one: the engine runs the restart next, so the wiring is whole (the lint rules say so since
// they follow execution order). The preset judged only the next sibling: it found none, inserted a restart of its own
// after CCMCertFix, and the computer restarted twice. It now adopts the step run next, by the same rules as lint.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, readTaskSequence, revertKb977203, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const CERTFIX =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const RESTART = (attrs = '') =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart after the fix"${attrs} runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const CONDITION = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">1</variable><variable name="Variable">Wanted</variable></expression></condition>';

describe('KB977203: the restart the engine runs after CCMCertFix, across a group boundary', () => {
  it.each([
    ['right after the group', `<sequence version="3.00"><group name="Install">${SETUP}${CERTFIX}</group>${RESTART()}</sequence>`],
    ['first in the next group', `<sequence version="3.00"><group name="Install">${SETUP}${CERTFIX}</group><group name="After"><group name="Inner">${RESTART()}</group></group></sequence>`],
    ['first in a group after CCMCertFix, within its group', `<sequence version="3.00">${SETUP}${CERTFIX}<group name="After">${RESTART()}</group></sequence>`],
  ])('%s: adopted, nothing inserted; check passes; revert gives the bytes back', (_, xml) => {
    const doc = readTaskSequence(xml);
    const report = applyKb977203(doc, O);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4']);
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13', 'R14']);
    expect(doc.toString().match(/SMS_TaskSequence_RebootAction/g)?.length).toBe(1);
    expect(checkKb977203(readTaskSequence(doc.toString()), O).changed).toBe(false);
    expect(lint(doc).filter((f) => f.code.startsWith('kb977203/'))).toEqual([]);
    revertKb977203(doc, O);
    expect(doc.toString()).toBe(xml);
  });

  it.each([
    ['disabled', `<sequence version="3.00"><group name="Install">${SETUP}${CERTFIX}</group>${RESTART(' disable="true"')}</sequence>`, 'is disabled'],
    ['in a group with a condition', `<sequence version="3.00"><group name="Install">${SETUP}${CERTFIX}</group><group name="After">${CONDITION}${RESTART()}</group></sequence>`, 'evaluated after CCMCertFix ran'],
  ])('a restart across the boundary that is %s is not adopted: the KB restart goes in, and the report says why', (_, xml, why) => {
    const report = checkKb977203(readTaskSequence(xml), O);
    expect(report.changes.map((c) => c.requirement)).toEqual(['R4', 'R14']);
    expect(report.changes.find((c) => c.requirement === 'R14')?.what).toContain(why);
  });
});
