// Two Setup steps in branches that exclude each other (`IsLaptop equals True` and `IsLaptop notEquals True`), with one
// restart after both. The engine runs that restart right after either Setup step, so once CCMCertFix is in before it,
// it is the KB's restart (R14) for both. The preset took the next step *listed* after the first Setup step (the other
// branch's Setup) as the step run next, so the first branch got the KB's restart and then the shared one: the laptops
// restarted twice in a row, and the report said nothing. Lint judged a CCMCertFix step the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, lint, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const O = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' } as const;
const SHARED = readFileSync(join(FIXTURES_DIR, 'kb977203', 'branches-shared-restart-adopted-for-both', 'input.xml'), 'utf8');
const restarts = (xml: string) => xml.match(/SMS_TaskSequence_RebootAction/g)?.length ?? 0;
const certfixes = (xml: string) => xml.match(/name="Run CCMCertFix \(KB977203\)"/g)?.length ?? 0;
const written = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const lintIds = (xml: string) => lint(readTaskSequence(xml)).map((f) => f.code);

/** Applies the preset, and checks what every case must: idempotent, lint-clean for R14, revert gives back the bytes. */
function applied(text: string) {
  const doc = readTaskSequence(text);
  const report = applyKb977203(doc, O);
  const out = written(doc);
  const again = readTaskSequence(out);
  expect(applyKb977203(again, O).changed).toBe(false);
  expect(written(again)).toBe(out);
  const back = readTaskSequence(out);
  revertKb977203(back, O);
  expect(written(back)).toBe(text);
  return { report, out };
}

/** The setters step that makes the branches no longer exclusive: IsLaptop set between them. */
const SETTER = `<step type="SMS_TaskSequence_SetVariableAction" name="Set IsLaptop" description="" runIn="WinPEandFullOS" successCodeList="0">
        <action>tsenv.exe "IsLaptop=%IsLaptop%"</action>
        <defaultVarList>
          <variable name="VariableName" property="VariableName">IsLaptop</variable>
          <variable name="VariableValue" property="VariableValue">True</variable>
        </defaultVarList>
      </step>
    `;

describe('KB977203: Setup steps in exclusive branches sharing one restart', () => {
  it('adopts the shared restart for both branches: one CCMCertFix each, no restart added', () => {
    const { report, out } = applied(SHARED);
    expect(restarts(SHARED)).toBe(1);
    expect(restarts(out)).toBe(1);
    expect(certfixes(out)).toBe(2);
    expect(report.changes.map((c) => c.requirement)).not.toContain('R14');
    const r14 = report.alreadyInPlace.filter((a) => a.requirement === 'R14');
    expect(r14.map((a) => a.where)).toEqual(['Laptops/Setup Windows and ConfigMgr (laptops)', 'Desktops/Setup Windows and ConfigMgr (desktops)']);
    // The report says which branch the engine passes over to reach it.
    expect(r14[0]?.what).toContain('past "Desktops", which never runs once Setup has run');
    expect(r14[1]?.what).not.toContain('past');
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_RESTART_TWICE');
    // Lint reads the result as the preset does: each CCMCertFix step is followed, in execution, by the shared restart.
    expect(lintIds(out)).not.toContain('kb977203/certfix-without-restart');
  });

  it('still inserts the KB restart for the first branch when a step between sets the variable both test', () => {
    const text = SHARED.replace('<group name="Desktops"', `${SETTER}<group name="Desktops"`);
    expect(text).not.toBe(SHARED);
    const { report, out } = applied(text);
    // The engine may run both branches, so the laptops' CCMCertFix is followed by the desktops' Setup step.
    expect(restarts(out)).toBe(2);
    expect(report.changes.filter((c) => c.requirement === 'R14').map((c) => c.where)).toEqual(['Laptops/Setup Windows and ConfigMgr (laptops) (after "Run CCMCertFix (KB977203)")']);
    expect(report.diagnostics.map((d) => d.code)).toContain('KB977203_BRANCHES_NOT_EXCLUSIVE');
    expect(lintIds(out)).not.toContain('kb977203/certfix-without-restart');
  });

  it('passes over a Setup step whose own condition excludes the first', () => {
    // The conditions on the Setup steps themselves, in one group, rather than on two groups.
    const step = (name: string, operator: string) => `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0">
        <action>OSDSetupWindows.exe</action>
        <defaultVarList>
          <variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable>
          <variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>
        </defaultVarList>
        <condition>
          <expression type="SMS_TaskSequence_VariableConditionExpression">
            <variable name="Operator">${operator}</variable>
            <variable name="Value">True</variable>
            <variable name="Variable">IsLaptop</variable>
          </expression>
        </condition>
      </step>`;
    const seq = SHARED.replace(/<group name="Laptops"[\s\S]*<\/group>\n/, `<group name="Install" description="">\n      ${step('Setup (laptops)', 'equals')}\n      ${step('Setup (desktops)', 'notEquals')}\n    </group>\n`);
    expect(seq).not.toBe(SHARED);
    expect(restarts(seq)).toBe(1);
    const { report, out } = applied(seq);
    expect(restarts(out)).toBe(1);
    expect(certfixes(out)).toBe(2);
    expect(report.alreadyInPlace.filter((a) => a.requirement === 'R14').map((a) => a.what.includes('past "Install/Setup (desktops)"'))).toEqual([true, false]);
    expect(lintIds(out)).not.toContain('kb977203/certfix-without-restart');
  });

  it('adopts the shared restart after an administrator\'s CCMCertFix step in the first branch', () => {
    const certfix = `<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" description="" runIn="FullOS" successCodeList="0">
        <action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action>
        <defaultVarList>
          <variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable>
          <variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable>
        </defaultVarList>
      </step>
    `;
    const text = SHARED.replace('</group>\n    <group name="Desktops"', `  ${certfix}</group>\n    <group name="Desktops"`);
    expect(text).not.toBe(SHARED);
    // Before the preset, lint already finds the administrator's CCMCertFix followed by the shared restart.
    expect(lintIds(text)).not.toContain('kb977203/certfix-without-restart');
    const { report, out } = applied(text);
    expect(restarts(out)).toBe(1);
    expect(certfixes(out)).toBe(1);
    const r14 = report.alreadyInPlace.filter((a) => a.requirement === 'R14');
    expect(r14[0]?.what).toBe('restart-computer step "Restart after the certificate fix" (past "Desktops", which never runs once "Fix the client certificate" has run)');
  });

  it('lint still finds a CCMCertFix step whose next step, past no exclusive branch, is no restart', () => {
    const doc = readTaskSequence(SHARED);
    applyKb977203(doc, O);
    // Without the shared restart, both CCMCertFix steps lack one.
    const out = written(doc).replace(/\s*<step type="SMS_TaskSequence_RebootAction"[\s\S]*?<\/step>/, '');
    expect(restarts(out)).toBe(0);
    expect(lintIds(out).filter((id) => id === 'kb977203/certfix-without-restart')).toHaveLength(2);
  });
});
