// Revert must not lose what an administrator changed on a group the preset made around a conditional step: a group
// disabled or set to continue on error since, or one whose step has a condition of its own, stays as it is.
import { describe, expect, it } from 'vitest';
import { applyKb977203, conditionOf, listItems, readTaskSequence, revertKb977203, STEP_TYPES, writeTaskSequence, type Kb977203Options, type Step } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };

const SETUP = (condition = '') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">${condition}<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const CERTFIX =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const WMI = '<condition><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_Battery</variable></expression></condition>';
const MINE = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">true</variable><variable name="Variable">Pilot</variable></expression></condition>';
const SEQUENCE = (items: string) => `<sequence version="3.00"><group name="Install" description="">${items}</group></sequence>`;

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('revert of a group the preset made around a conditional Setup, changed by the administrator since', () => {
  const input = SEQUENCE(SETUP(WMI));
  const appliedText = () => {
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    const out = text(doc);
    expect(out).toContain('<group name="Setup Windows and ConfigMgr" description="KB977203:');
    return out;
  };

  it('unchanged, it is taken away and the condition goes back on Setup (the input, byte for byte)', () => {
    const doc = readTaskSequence(appliedText());
    const report = revertKb977203(doc, O);
    expect(text(doc)).toBe(input);
    expect(report.diagnostics).toEqual([]);
  });

  it('disabled and set to continue on error: the group stays, so Setup stays disabled; the report says why', () => {
    const edited = appliedText().replace('<group name="Setup Windows and ConfigMgr" description="KB977203:', '<group name="Setup Windows and ConfigMgr" disable="true" continueOnError="true" description="KB977203:');
    const doc = readTaskSequence(edited);
    const report = revertKb977203(doc, O);
    const items = listItems(doc.sequence);
    const setup = items.find((l) => l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr)!;
    expect(setup.groups.map((g) => [g.attributes.name, g.attributes.disable, g.attributes.continueOnError])).toEqual([
      ['Install', undefined, undefined],
      ['Setup Windows and ConfigMgr', 'true', 'true'],
    ]);
    expect(conditionOf(setup.groups[1]!)).toBeDefined();
    expect(conditionOf(setup.node as Step)).toBeUndefined();
    // The KB's own steps and PATCH entry are still taken out.
    expect(items.filter((l) => l.node.attributes.type === STEP_TYPES.installSoftware)).toEqual([]);
    expect(text(doc)).not.toContain('KB977203\\');
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'KB977203_REVERT_GROUP_KEPT', severity: 'warning', path: 'Install/Setup Windows and ConfigMgr', message: expect.stringMatching(/disable="true"/) })]);
  });

  it('its Setup given a condition of its own: the group stays, and Setup keeps exactly one condition', () => {
    const edited = appliedText().replace(/(<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"[^>]*>)/, `$1${MINE}`);
    const doc = readTaskSequence(edited);
    const report = revertKb977203(doc, O);
    const setup = listItems(doc.sequence).find((l) => l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr)!;
    expect((setup.node as Step).children.filter((c) => c.kind === 'condition')).toHaveLength(1);
    expect(text(doc)).toContain(`${MINE}<action>OSDSetupWindows.exe</action>`);
    expect(setup.groups.map((g) => g.attributes.name)).toEqual(['Install', 'Setup Windows and ConfigMgr']);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['KB977203_REVERT_GROUP_KEPT']);
  });

  it('holding a step of the administrator too: the group stays, and the report says so instead of a change it did not make', () => {
    const edited = appliedText().replace(/<\/group><\/group><\/sequence>$/, '<step type="SMS_TaskSequence_RunCommandLineAction" name="Mine" description=""><action>x.exe</action></step></group></group></sequence>');
    expect(edited).toContain('name="Mine"');
    const doc = readTaskSequence(edited);
    const report = revertKb977203(doc, O);
    expect(report.changes.map((c) => c.what)).not.toContainEqual(expect.stringMatching(/^moved the condition/));
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'KB977203_REVERT_GROUP_KEPT', message: expect.stringMatching(/"Mine"/) })]);
    expect(listItems(doc.sequence).map((l) => l.path)).toEqual(['Install', 'Install/Setup Windows and ConfigMgr', 'Install/Setup Windows and ConfigMgr/Setup Windows and ConfigMgr', 'Install/Setup Windows and ConfigMgr/Mine']);
  });

  it('the group an earlier version made around an adopted conditional CCMCertFix step, disabled since, stays too', () => {
    // Earlier versions adopted a CCMCertFix step under Setup's WMI condition and moved the condition to a group around
    // it and the restart they inserted; this version no longer does (see kb977203-certfix-condition-again.test.ts), so
    // the applied file is written as they wrote it.
    const entry = 'PATCH=&quot;C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp&quot;';
    const restart =
      '<step type="SMS_TaskSequence_RebootAction" name="Restart Computer (KB977203)" description="KB977203: restart to the installed operating system after CCMCertFix" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>';
    const group = `<group name="Fix the client certificate" disable="true" description="KB977203: CCMCertFix's condition, evaluated once for CCMCertFix and the restart after it">${WMI}${CERTFIX}${restart}</group>`;
    const edited = SEQUENCE(SETUP(WMI).replace('SMSSLP=SLP01', `SMSSLP=SLP01 ${entry}`) + group);
    const back = readTaskSequence(edited);
    const report = revertKb977203(back, O);
    const certfix = listItems(back.sequence).find((l) => l.node.attributes.type === STEP_TYPES.installSoftware)!;
    expect(certfix.groups.map((g) => g.attributes.disable)).toEqual([undefined, 'true']);
    // Beside a CCMCertFix step that is the administrator's, the PATCH entry revert takes out may be theirs too: said.
    expect(report.diagnostics.map((d) => d.code).sort()).toEqual(['KB977203_REVERT_GROUP_KEPT', 'KB977203_REVERT_PATCH_REMOVED']);
  });
});
