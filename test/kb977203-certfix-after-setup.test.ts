// Two gaps in how a hand-wired CCMCertFix step was judged against R13 ("Install Software right after Setup Windows and
// ConfigMgr"):
// - lint had no rule for a Setup step whose PATCH installs KB977203 with no CCMCertFix step that counts for it, so a
//   sequence whose CCMCertFix step sits under Setup's `_SMSTSInWinPE` condition (false once Setup ran) linted clean
//   while `cmts kb977203 --check` failed it. `kb977203/certfix-after-setup` now says so, by the preset's own test;
// - a CCMCertFix step after a Restart Computer into Windows PE (the boot image) was adopted without a word, though it
//   then runs in Windows PE, not in the operating system Setup installed (Install Software does not run there at all).
//   It no longer counts: the KB's pair goes in right after Setup, and the report says why.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, listItems, readTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', drive: 'C:', clientVersion: 'sp2' };
const RULE = 'kb977203/certfix-after-setup';
const PATCH = 'PATCH=&quot;C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp&quot;';

const inPe = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">true</variable><variable name="Variable">_SMSTSInWinPE</variable></expression></condition>';
const setup = (props: string, attributes = '', condition = '') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr"${attributes} description="" runIn="WinPEandFullOS" successCodeList="0">${condition}<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const certfix = (condition = '', attributes = '') =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix certificate"${attributes} description="" runIn="FullOS" successCodeList="0">${condition}<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const restart = (target: 'HD' | 'WinPE', name = `Restart to ${target}`, attributes = '') =>
  `<step type="SMS_TaskSequence_RebootAction" name="${name}"${attributes} description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:${target}</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target">${target}</variable></defaultVarList></step>`;
const sequence = (...items: string[]) => `<sequence version="3.00">${items.join('')}</sequence>`;
const findings = (input: string) => lint(readTaskSequence(input), [RULE]);

describe('kb977203/certfix-after-setup', () => {
  it("finds a CCMCertFix step under Setup's _SMSTSInWinPE condition, and says why it does not count, as --check does", () => {
    const input = sequence(setup(`SMSSLP=SLP01 ${PATCH}`, '', inPe), certfix(inPe), restart('HD'));
    const [finding, ...rest] = findings(input);
    expect(rest).toEqual([]);
    expect(finding?.path).toBe('Setup Windows and ConfigMgr');
    expect(finding?.message).toContain('(R13)');
    expect(finding?.message).toContain('"Fix certificate" runs CCMCertFix but has Setup\'s condition');
    expect(checkKb977203(readTaskSequence(input), O).changes.some((c) => c.requirement === 'R13')).toBe(true);
  });

  it('finds a Setup step with the patch and no CCMCertFix step at all', () => {
    const [finding] = findings(sequence(setup(`SMSSLP=SLP01 ${PATCH}`)));
    expect(finding?.message).toContain('no step runs CCMCertFix');
  });

  it('is silent where CCMCertFix counts, where PATCH has no KB977203 entry, and on a Current Branch sequence', () => {
    expect(findings(sequence(setup(`SMSSLP=SLP01 ${PATCH}`), certfix(), restart('HD')))).toEqual([]);
    // No patch: kb977203/fix-absent's finding, not this rule's.
    expect(findings(sequence(setup('SMSSLP=SLP01')))).toEqual([]);
    expect(findings(sequence(setup(`SMSSLP=SLP01 ${PATCH}`)).replace('version="3.00"', 'version="3.10"'))).toEqual([]);
  });

  it("is clean on the preset's own output, and a disabled Setup step's finding says it is disabled", () => {
    const doc = readTaskSequence(sequence(setup('SMSSLP=SLP01', '', inPe), certfix(inPe)));
    const twice = applyKb977203(doc, O).diagnostics.filter((d) => d.code === 'KB977203_CERTFIX_TWICE');
    // The administrator's step after the KB's pair runs CCMCertFix again: the apply warned so, and lint says it alone.
    expect(twice.map((d) => d.path)).toEqual(['Fix certificate']);
    expect(lint(readTaskSequence(doc.toString()), [RULE]).map((f) => [f.path, f.message.includes('runs CCMCertFix again after "Run CCMCertFix (KB977203)"')])).toEqual([['Fix certificate', true]]);
    const [off] = findings(sequence(setup(`SMSSLP=SLP01 ${PATCH}`, ' disable="true"')));
    expect(off?.message).toContain('It is disabled, so it does not run now');
  });
});

describe('a CCMCertFix step after a restart into Windows PE', () => {
  const input = sequence(setup('SMSSLP=SLP01'), restart('WinPE'), certfix(), restart('HD'));

  it('is not adopted: the pair goes in right after Setup, and the report says why', () => {
    const doc = readTaskSequence(input);
    const report = applyKb977203(doc, O);
    expect(report.changes.map((c) => c.what)).toContain('inserted install-software step "Run CCMCertFix (KB977203)"');
    const why = report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE')?.message;
    expect(why).toContain('comes after the Restart Computer step "Restart to WinPE", which restarts into Windows PE');
    // Inserted right after Setup, before the restart into Windows PE; the administrator's steps stay where they are.
    expect(listItems(doc.sequence).map((l) => l.path)).toEqual(['Setup Windows and ConfigMgr', 'Run CCMCertFix (KB977203)', 'Restart Computer (KB977203)', 'Restart to WinPE', 'Fix certificate', 'Restart to HD']);
    // Applied once more, nothing changes (idempotent).
    const again = readTaskSequence(doc.toString());
    expect(applyKb977203(again, O).changes).toEqual([]);
  });

  it('still counts after a restart into Windows PE that is disabled, or after a restart to the installed OS', () => {
    for (const between of [restart('WinPE', 'Off', ' disable="true"'), restart('HD', 'Reboot')]) {
      const report = applyKb977203(readTaskSequence(sequence(setup('SMSSLP=SLP01'), between, certfix(), restart('HD'))), O);
      expect(report.changes.filter((c) => c.what.startsWith('inserted install-software'))).toEqual([]);
      expect(report.alreadyInPlace.some((a) => a.requirement === 'R13')).toBe(true);
    }
  });

  it('counts one in a later branch that excludes Setup\'s too: the check errs toward the KB\'s own placement, right after Setup', () => {
    // One branch per image, each with its Setup step; the second starts with a restart into Windows PE; one CCMCertFix
    // step after both. After the first branch's Setup the engine passes the second branch, restart and all, but the
    // restart is counted as on the way, as one under any condition is (README, KB977203): the first branch gets the
    // KB's pair right after its Setup. The second branch's Setup, after the restart, adopts the shared step.
    const image = (n: number) => `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">Image${n}</variable><variable name="Variable">OSDImage</variable></expression></condition>`;
    const branch = (n: number, ...items: string[]) => `<group name="Image ${n}" description="">${image(n)}${items.join('')}</group>`;
    const input = sequence(branch(1, setup('SMSSLP=SLP01')), branch(2, restart('WinPE'), setup('SMSSLP=SLP01')), certfix(), restart('HD'));
    const doc = readTaskSequence(input);
    const report = applyKb977203(doc, O);
    expect(report.changes.filter((c) => c.requirement === 'R13').map((c) => c.where)).toEqual(['Image 1/Setup Windows and ConfigMgr (after "Setup Windows and ConfigMgr")']);
    expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13').map((a) => a.where)).toEqual(['Image 2/Setup Windows and ConfigMgr']);
    expect(applyKb977203(readTaskSequence(doc.toString()), O).changes).toEqual([]);
    // Without the restart, the engine passes the second branch to the shared step, which both Setup steps adopt.
    const without = applyKb977203(readTaskSequence(sequence(branch(1, setup('SMSSLP=SLP01')), branch(2, setup('SMSSLP=SLP01')), certfix(), restart('HD'))), O);
    expect(without.changes.filter((c) => c.requirement === 'R13')).toEqual([]);
    expect(without.alreadyInPlace.filter((a) => a.requirement === 'R13').map((a) => a.where)).toEqual(['Image 1/Setup Windows and ConfigMgr', 'Image 2/Setup Windows and ConfigMgr']);
  });

  it('lint says the same of the sequence with the patch in place', () => {
    const [finding] = findings(sequence(setup(`SMSSLP=SLP01 ${PATCH}`), restart('WinPE'), certfix(), restart('HD')));
    expect(finding?.message).toContain('"Fix certificate" runs CCMCertFix but comes after the Restart Computer step "Restart to WinPE"');
  });
});

// An administrator's CCMCertFix step the preset does not adopt (a condition of its own), after Setup: the KB's pair
// goes in before it, and the sequence runs CCMCertFix and restarts twice. The apply said only KB977203_CERTFIX_ELSEWHERE
// (information); a check of its output warned KB977203_CERTFIX_TWICE, and lint said nothing.
describe('a CCMCertFix step after Setup that is not adopted', () => {
  const own = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">false</variable><variable name="Variable">_SMSTSInWinPE</variable></expression></condition>';
  const input = sequence(setup('SMSSLP=SLP01'), `<group name="Post Install" description="">${own}${certfix()}${restart('HD')}</group>`);
  const twice = (issues: readonly { code: string; path?: string }[]) => issues.filter((d) => d.code === 'KB977203_CERTFIX_TWICE').map((d) => d.path);

  it('is warned of at apply, as the check of the result warns of it, and lint finds it in the result', () => {
    const doc = readTaskSequence(input);
    const report = applyKb977203(doc, O);
    expect(report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_TWICE')).toMatchObject({ severity: 'warning', path: 'Post Install/Fix certificate' });
    expect(report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_TWICE')?.message).toContain('the sequence can run CCMCertFix twice, and restart twice');
    // Still said why it does not count, as before.
    expect(report.diagnostics.some((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE' && d.path === 'Post Install/Fix certificate')).toBe(true);
    const out = readTaskSequence(doc.toString());
    expect(twice(checkKb977203(out, O).diagnostics)).toEqual(['Post Install/Fix certificate']);
    const found = lint(out, [RULE]);
    expect(found.map((f) => [f.path, f.severity])).toEqual([['Post Install/Fix certificate', 'warning']]);
    expect(found[0]?.message).toContain('"Fix certificate" runs CCMCertFix again after "Run CCMCertFix (KB977203)"');
  });

  it('is not warned of where it or Setup never runs', () => {
    expect(twice(checkKb977203(readTaskSequence(input.replace('<group name="Post Install"', '<group name="Post Install" disable="true"')), O).diagnostics)).toEqual([]);
    const off = readTaskSequence(input.replace('name="Setup Windows and ConfigMgr"', '$& disable="true"'));
    expect(twice(applyKb977203(off, O).diagnostics)).toEqual([]);
    expect(twice(checkKb977203(readTaskSequence(off.toString()), O).diagnostics)).toEqual([]);
    expect(lint(readTaskSequence(off.toString()), [RULE]).filter((f) => f.message.includes('runs CCMCertFix again'))).toEqual([]);
  });
});
