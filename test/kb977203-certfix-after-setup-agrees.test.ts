// lint's kb977203/certfix-after-setup and `cmts kb977203 --check` judge a hand-wired sequence by one test (which
// CCMCertFix step counts for a Setup step): on seeded random lived-in sequences — Setup steps with the KB977203 entry
// in PATCH, CCMCertFix steps (Install Software and Run Command Line) disabled, under conditions of their own or Setup's,
// restarts to the installed OS and into Windows PE, steps that set the variable a condition tests, user state restores,
// groups with conditions or disabled around any of them — lint flags exactly the Setup steps the preset would insert
// CCMCertFix after, and after the preset ran, lint flags none; the CCMCertFix steps it flags as run again in the
// result are those the apply warned would run twice (KB977203_CERTFIX_TWICE).
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, readTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', drive: 'C:', clientVersion: 'sp2' };
const RULE = 'kb977203/certfix-after-setup';
const ENTRY = 'PATCH=&quot;C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp&quot;';

const variableTest = (variable: string, value: string) =>
  `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${value}</variable><variable name="Variable">${variable}</variable></expression></condition>`;
const CONDITIONS = ['', '', '', variableTest('_SMSTSInWinPE', 'true'), variableTest('DoIt', 'true'), variableTest('Other', '1'), '<condition><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_Battery</variable></expression></condition>'];

/** A seeded generator (a linear congruential one: the same cases every run). */
function generator(seed: number) {
  let s = seed;
  const rnd = (n: number): number => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s % n);
  let id = 0;
  const flag = () => (rnd(5) === 0 ? ' disable="true"' : '');
  const condition = () => CONDITIONS[rnd(CONDITIONS.length)] as string;
  const step = (type: string, name: string, body: string) => `<step type="${type}" name="${name}"${flag()} description="" runIn="WinPEandFullOS" successCodeList="0">${condition()}${body}</step>`;
  const kinds: (() => string)[] = [
    () => step('SMS_TaskSequence_SetupWindowsAndSMSAction', `Setup ${++id}`, `<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01 ${ENTRY}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList>`),
    () => step('SMS_TaskSequence_InstallSoftwareAction', `Fix ${++id}`, '<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList>'),
    () => step('SMS_TaskSequence_RunCommandLineAction', `Fix exe ${++id}`, '<action>smsswd.exe /run: CCMCertFix.exe</action><defaultVarList><variable name="CommandLine" property="CommandLine">CCMCertFix.exe</variable></defaultVarList>'),
    () => {
      const target = rnd(3) === 0 ? 'WinPE' : 'HD';
      return step('SMS_TaskSequence_RebootAction', `Restart ${++id}`, `<action>smsboot.exe /target:${target}</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target">${target}</variable></defaultVarList>`);
    },
    () => step('SMS_TaskSequence_SetVariableAction', `Set ${++id}`, '<action>tsenv.exe "DoIt=false"</action><defaultVarList><variable name="VariableName" property="VariableName">DoIt</variable><variable name="VariableValue" property="VariableValue">false</variable></defaultVarList>'),
    () => step('SMS_TaskSequence_RestoreUserStateAction', `Restore ${++id}`, '<action>OSDUSMTRestoreState.exe</action>'),
  ];
  const items = (depth: number): string => {
    let out = '';
    for (let n = 1 + rnd(5); n > 0; n--) {
      if (depth < 2 && rnd(5) === 0) out += `<group name="Group ${++id}"${flag()} description="">${condition()}${items(depth + 1)}</group>`;
      // Setup steps and CCMCertFix steps most often: what the rule is about.
      else out += (kinds[[0, 0, 1, 1, 2, 3, 3, 4, 5][rnd(9)] as number] as () => string)();
    }
    return out;
  };
  return () => `<sequence version="3.00">${kinds[0]?.()}${items(0)}</sequence>`;
}

/** A finding about a CCMCertFix step run again after the one that counts (the report's KB977203_CERTFIX_TWICE). */
const again = (message: string) => message.includes('runs CCMCertFix again after');

/** The Setup steps lint flags, by name. */
const flagged = (xml: string): string[] =>
  lint(readTaskSequence(xml), [RULE])
    .filter((f) => !again(f.message))
    .map((f) => (f.path ?? '').split('/').pop() as string)
    .sort();

/** The CCMCertFix steps lint flags as run again, by path. */
const runAgain = (xml: string): string[] =>
  lint(readTaskSequence(xml), [RULE])
    .filter((f) => again(f.message))
    .map((f) => f.path ?? '')
    .sort();

describe('kb977203/certfix-after-setup agrees with --check', () => {
  it('on 400 seeded lived-in sequences: lint flags exactly the Setup steps --check inserts CCMCertFix after, and none once applied', () => {
    const next = generator(977203);
    let compared = 0;
    let withFindings = 0;
    let twiceSeen = 0;
    for (let round = 0; round < 400; round++) {
      const xml = next();
      let inserts: string[];
      try {
        // The Setup step the KB's CCMCertFix step goes in after: `(after "Setup n")`.
        inserts = checkKb977203(readTaskSequence(xml), O)
          .changes.filter((c) => c.requirement === 'R13' && c.what.startsWith('inserted install-software'))
          .map((c) => /\(after "([^"]+)"\)$/.exec(c.where)?.[1] ?? c.where)
          .sort();
      } catch {
        // A sequence the preset refuses (a Run Command Line step it cannot judge, say): nothing to compare.
        continue;
      }
      compared++;
      const found = flagged(xml);
      if (found.length > 0) withFindings++;
      expect({ xml, found }).toEqual({ xml, found: inserts });
      const doc = readTaskSequence(xml);
      const report = applyKb977203(doc, O);
      expect({ xml, after: flagged(doc.toString()) }).toEqual({ xml, after: [] });
      // What runs CCMCertFix again once the KB's pair is in: lint says it of the result as the apply warned it.
      const twice = [...new Set(report.diagnostics.filter((d) => d.code === 'KB977203_CERTFIX_TWICE').map((d) => d.path ?? ''))].sort();
      expect({ xml, twice: runAgain(doc.toString()) }).toEqual({ xml, twice });
      if (twice.length > 0) twiceSeen++;
    }
    // The generator gives both kinds of case, and most of them are compared.
    expect(compared).toBeGreaterThan(300);
    expect(withFindings).toBeGreaterThan(50);
    expect(compared - withFindings).toBeGreaterThan(25);
    expect(twiceSeen).toBeGreaterThan(10);
  });
});
