// An administrator's CCMCertFix step under a condition: adopted only when Setup runs under it too, and then only when
// it tests variables the sequence or the administrator sets. One on WMI, files or _SMSTS… variables is evaluated again
// once Setup ran and can come out otherwise, so such a step is not adopted: the KB's pair goes in with Setup. (Earlier
// versions adopted it and moved its condition to a group around it and its restart.) Revert gives the bytes back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, conditionOf, listItems, readTaskSequence, revertKb977203, STEP_TYPES, writeTaskSequence, type Group, type Kb977203Options } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const OPTIONS: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const WMI = '<condition><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_Battery</variable></expression></condition>';
const VARIABLE = (name: string) => `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">true</variable><variable name="Variable">${name}</variable></expression></condition>`;

/** A one-line sequence: Setup (under `setupCondition`), then an administrator's CCMCertFix step with `condition`, then another step. */
function sequence(condition: string, disabled = false, setupCondition = condition): string {
  return (
    '<sequence version="3.00">' +
    `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0">${setupCondition}<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>` +
    `<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix certificate on laptops" description=""${disabled ? ' disable="true"' : ''} runIn="FullOS" successCodeList="0">${condition}<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>` +
    '<step type="SMS_TaskSequence_RunCommandLineAction" name="After" description="" runIn="FullOS" successCodeList="0"><action>x.exe</action></step>' +
    '</sequence>'
  );
}

function applied(input: string | Uint8Array) {
  const doc = readTaskSequence(input);
  const report = applyKb977203(doc, OPTIONS);
  return { doc, report, out: Buffer.from(writeTaskSequence(doc)) };
}

describe("an administrator's CCMCertFix step under Setup's condition, when that can change once Setup has run", () => {
  for (const [what, condition] of [
    ['a WMI query', WMI],
    ['_SMSTSLastActionSucceeded', VARIABLE('_SMSTSLastActionSucceeded')],
  ] as const) {
    it(`${what}: it is not adopted (evaluated again after Setup, it can be false); Setup and the KB's pair go in a group evaluated once, and the step stays as it was`, () => {
      const { doc, report, out } = applied(sequence(condition));
      const items = listItems(doc.sequence).map((l) => l.node);
      // Execution order: the group with Setup and the KB's pair, then the administrator's step as it was, then what came after.
      expect(items.map((n) => `${n.kind}:${n.attributes.name ?? ''}`)).toEqual(['group:Setup Windows and ConfigMgr', 'step:Setup Windows and ConfigMgr', 'step:Run CCMCertFix (KB977203)', 'step:Restart Computer (KB977203)', 'step:Fix certificate on laptops', 'step:After']);
      const group = items[0] as Group;
      expect(group.attributes.description).toMatch(/^KB977203: Setup Windows and ConfigMgr's condition, evaluated once/);
      expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13')).toEqual([]);
      expect(report.changes.some((c) => c.what.startsWith('moved the condition of "Fix certificate on laptops"'))).toBe(false);
      expect(report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE')?.message).toContain("it has Setup's condition");
      expect(out.toString()).toContain(`name="Fix certificate on laptops" description="" runIn="FullOS" successCodeList="0">${condition}<action>`);
    });
  }

  it('a condition on an administrator variable is copied onto the restart; no group is made', () => {
    const { doc } = applied(sequence(VARIABLE('DeployLaptops')));
    const items = listItems(doc.sequence).map((l) => l.node);
    expect(items.some((n) => n.kind === 'group')).toBe(false);
    const restart = items.find((n) => n.attributes.type === STEP_TYPES.restartComputer)!;
    expect(conditionOf(restart)).toBeDefined();
  });

  it("Setup and the step both disabled: the KB's pair, disabled, goes in with Setup, not after the step", () => {
    const input = sequence(WMI, true).replace('name="Setup Windows and ConfigMgr" description=""', 'name="Setup Windows and ConfigMgr" description="" disable="true"');
    expect(input).toContain('disable="true" runIn="WinPEandFullOS"');
    const { doc } = applied(input);
    const group = listItems(doc.sequence).find((l) => l.node.kind === 'group')!.node as Group;
    expect(group.children.filter((c) => c.kind === 'step').map((s) => `${s.attributes.name}:${s.attributes.disable}`)).toEqual(['Setup Windows and ConfigMgr:true', 'Run CCMCertFix (KB977203):true', 'Restart Computer (KB977203):true']);
  });

  for (const [layout, input] of [
    ['one line', sequence(WMI)],
    ['the fixture, indented', readFileSync(join(FIXTURES_DIR, 'kb977203', 'certfix-under-setups-wmi-condition-not-adopted', 'input.xml'), 'utf8')],
    ['CRLF and tabs', readFileSync(join(FIXTURES_DIR, 'kb977203', 'certfix-under-setups-wmi-condition-not-adopted', 'input.xml'), 'utf8').replace(/\n/g, '\r\n').replace(/ {2}/g, '\t')],
  ] as const) {
    it(`${layout}: applying again changes nothing, and revert gives back the input byte for byte`, () => {
      const { out } = applied(input);
      const again = readTaskSequence(out);
      expect(applyKb977203(again, OPTIONS).changes).toEqual([]);
      expect(Buffer.from(writeTaskSequence(again)).equals(out)).toBe(true);
      const reverted = readTaskSequence(out);
      const report = revertKb977203(reverted, OPTIONS);
      expect(report.changes.map((c) => c.what)).toContainEqual('moved the condition of "Setup Windows and ConfigMgr" back from the group the preset made');
      // The preset inserted its own CCMCertFix step, which records that the package had an empty DependentProgram.
      expect(Buffer.from(writeTaskSequence(reverted)).toString()).toBe(input);
    });
  }
});

describe('a CCMCertFix step that does not run whenever Setup does is not adopted (R13)', () => {
  for (const [what, certfixCondition, setupCondition] of [
    ['a condition of its own, Setup none', VARIABLE('DeployLaptops'), ''],
    ['a WMI condition of its own, Setup none', WMI, ''],
    ["a condition other than Setup's", VARIABLE('DeployLaptops'), VARIABLE('DeployDesktops')],
  ] as const) {
    it(`${what}: the KB's pair goes in right after Setup, the administrator's step stays as it was, and the report says why`, () => {
      const input = sequence(certfixCondition, false, setupCondition);
      const { doc, report, out } = applied(input);
      const items = listItems(doc.sequence).map((l) => `${l.node.kind}:${l.node.attributes.name ?? ''}`);
      expect(items).toEqual(['step:Setup Windows and ConfigMgr', 'step:Run CCMCertFix (KB977203)', 'step:Restart Computer (KB977203)', 'step:Fix certificate on laptops', 'step:After']);
      expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13')).toEqual([]);
      const note = report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_ELSEWHERE');
      expect(note?.message).toMatch(/it has a condition Setup does not have \(.+\), so it does not run whenever Setup does/);
      // The administrator's step keeps its condition, byte for byte.
      expect(out.toString()).toContain(`name="Fix certificate on laptops" description="" runIn="FullOS" successCodeList="0">${certfixCondition}<action>`);
      const again = readTaskSequence(out);
      expect(applyKb977203(again, OPTIONS).changes).toEqual([]);
      const reverted = readTaskSequence(out);
      revertKb977203(reverted, OPTIONS);
      expect(Buffer.from(writeTaskSequence(reverted)).toString()).toBe(input);
    });
  }

  it('under a group condition Setup runs under too, it is adopted', () => {
    const group = (inner: string) => `<group name="Laptops" description="">${VARIABLE('DeployLaptops')}${inner}</group>`;
    const input = sequence('', false, '').replace(/<step type="SMS_TaskSequence_SetupWindowsAndSMSAction".*?<\/step><step type="SMS_TaskSequence_InstallSoftwareAction".*?<\/step>/, (m) => group(m));
    expect(input).toContain('<group name="Laptops"');
    const { report } = applied(input);
    expect(report.alreadyInPlace.map((a) => a.requirement)).toContain('R13');
  });
});
