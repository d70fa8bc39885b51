// A CCMCertFix step in a disabled group after Setup does not run when Setup does, so the preset must not take it
// for the KB's CCMCertFix step (R13): a disabled group is as disabled as a disabled step.
import { describe, expect, it } from 'vitest';
import { applyKb977203, listItems, readTaskSequence, revertKb977203, STEP_TYPES, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };

const SETUP = (condition = '') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">${condition}<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const CERTFIX =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const RESTART =
  '<step type="SMS_TaskSequence_RebootAction" name="Restart to Windows" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>';
const SEQUENCE = (items: string) => `<sequence version="3.00"><group name="Install" description="">${items}</group></sequence>`;

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const stepsOf = (doc: ReturnType<typeof readTaskSequence>) => listItems(doc.sequence).map((l) => `${l.path}${l.node.attributes.disable === 'true' ? ' (disabled)' : ''}`);

describe('a CCMCertFix step in a disabled group after Setup (R13)', () => {
  const input = SEQUENCE(SETUP() + `<group name="Old fix" description="" disable="true">${CERTFIX}${RESTART}</group>`);

  it('is not adopted: the enabled Setup gets its own CCMCertFix and restart, and the disabled group is left as it was', () => {
    const doc = readTaskSequence(input);
    const report = applyKb977203(doc, O);
    expect(stepsOf(doc)).toEqual([
      'Install',
      'Install/Setup Windows and ConfigMgr',
      'Install/Run CCMCertFix (KB977203)',
      'Install/Restart Computer (KB977203)',
      'Install/Old fix (disabled)',
      'Install/Old fix/Fix the client certificate',
      'Install/Old fix/Restart to Windows',
    ]);
    expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13')).toEqual([]);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'KB977203_CERTFIX_ELSEWHERE', path: 'Install/Old fix/Fix the client certificate', message: expect.stringMatching(/it is disabled by a group around it, so it does not run when Setup does/) }));
  });

  it('apply twice is apply once, and revert gives the input back', () => {
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    const once = text(doc);
    const again = readTaskSequence(once);
    expect(applyKb977203(again, O).changes).toEqual([]);
    expect(text(again)).toBe(once);
    const back = readTaskSequence(once);
    revertKb977203(back, O);
    expect(text(back)).toBe(input);
  });

  it('a disabled group around both Setup and the CCMCertFix step disables both alike: the step is adopted', () => {
    const doc = readTaskSequence(`<sequence version="3.00"><group name="Install" description="" disable="true">${SETUP()}${CERTFIX}${RESTART}</group></sequence>`);
    const report = applyKb977203(doc, O);
    expect(report.alreadyInPlace).toContainEqual(expect.objectContaining({ requirement: 'R13' }));
    expect(listItems(doc.sequence).filter((l) => l.node.attributes.type === STEP_TYPES.installSoftware)).toHaveLength(1);
  });
});
