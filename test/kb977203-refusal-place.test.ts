// The KB977203 preset's refusals about a step, a variable or a package property carry its place (line and column,
// file, step path), as INSTALL_PROPERTIES_INVALID did for the Setup step's variable: HOTFIX_INSTALL_STEP,
// VARIABLE_IN_PATH, the SP1 entry with no client version, a Setup step that names no client package, a 2007 export's
// DependentProgram that runs another program, and revert given another CCMCertFix program printed `file: CODE …`,
// with no `line` or `col` in --json, although lint places the same node. HOTFIX_INSTALL_STEP named the step without
// its groups.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyKb977203, checkKb977203, type Kb977203Options, lint, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const O: Kb977203Options = { certfixPackage: 'CM100010' };
const SETUP = 'Install Operating System/Setup Windows and ConfigMgr';
/** The 2007 export of the README (CRLF). */
const REFRESH = readFileSync(join(import.meta.dirname, '..', 'examples', 'refresh-2007.xml'), 'latin1');
const PROPS = 'SMSSLP=CM01.contoso.com FSP=CM01.contoso.com';
const PROPS_VARIABLE = '<variable name="SMSClientInstallProperties"';
const entry = (sp: 'SP1' | 'SP2', drive = 'C:\\_SMSTaskSequence') => `${drive}\\OSD\\CM100002\\i386\\hotfix\\KB977203\\SCCM2007AC-${sp}-KB977203-x86.msp`;
const withPatch = (path: string) => REFRESH.replace(PROPS, `${PROPS} PATCH="${path}"`);
const COMMAND = '<step type="SMS_TaskSequence_RunCommandLineAction" name="Patch client" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /run: msiexec /p SCCM2007AC-SP2-KB977203-x86.msp /qn</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">msiexec /p SCCM2007AC-SP2-KB977203-x86.msp /qn</variable></defaultVarList></step>';

/** Line and column (1-based) of the first `needle` in `text`, counted here apart from the library. */
function place(text: string, needle: string): { line: number; col: number } {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: (before.at(-1) as string).length + 1 };
}

const read = (text: string, file: string) => readTaskSequence(Buffer.from(text, 'latin1'), { file });

// [what, input, options, code, the text the refusal is placed at, the step path it names]
const CASES: [string, string, Kb977203Options, string, string, string | undefined][] = [
  ['HOTFIX_INSTALL_STEP', REFRESH.replace('</step>\r\n      </group>\r\n      <group name="Restore"', `</step>${COMMAND}</group><group name="Restore"`), O, 'HOTFIX_INSTALL_STEP', '<step type="SMS_TaskSequence_RunCommandLineAction" name="Patch client"', 'Install Operating System/Patch client'],
  ['VARIABLE_IN_PATH', withPatch(entry('SP2', '%_SMSTSMDataPath%')), O, 'VARIABLE_IN_PATH', PROPS_VARIABLE, SETUP],
  ['an SP1 entry with no client version', withPatch(entry('SP1')), O, 'INVALID_ARGUMENT', PROPS_VARIABLE, SETUP],
  ['a Setup step that names no client package', REFRESH.replace(/\s*<variable name="_SMSClientPackageID"[^\n]*/, ''), O, 'INVALID_ARGUMENT', '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"', SETUP],
  ["a 2007 export's DependentProgram that runs another program", REFRESH.replace('<DependentProgram />', '<DependentProgram>CM100099;;Install BIOS</DependentProgram>'), O, 'DEPENDENT_PROGRAM_CONFLICT', '<DependentProgram>', undefined],
];

describe("the KB977203 preset's refusals about a node", () => {
  it.each(CASES)('place %s at its node, as lint places its finding', (_what, text, options, code, at, path) => {
    const e = thrown(() => checkKb977203(read(text, 'in.xml'), options));
    expect(e.code).toBe(code);
    expect(e.linePos).toEqual(place(text, at));
    expect(e.toJSON()).toMatchObject({ ...place(text, at), file: 'in.xml', ...(path !== undefined && { path }) });
  });

  it('name the hotfix step with its groups, at the place lint gives it', () => {
    const [, text] = CASES[0] as (typeof CASES)[number];
    const doc = read(text, 'in.xml');
    const e = thrown(() => checkKb977203(doc, O));
    expect(e.message).toContain('Step "Install Operating System/Patch client" (Run Command Line) runs');
    const finding = lint(doc).find((f) => f.code === 'kb977203/hotfix-install-step');
    expect([e.linePos?.line, e.linePos?.col]).toEqual([finding?.line, finding?.col]);
  });

  it('are printed file:line:col: and have line and col in --json', async () => {
    for (const [what, text, , code, at] of CASES) {
      const args = ['kb977203', 'in.xml', '--check', '--certfix-package', 'CM100010'];
      const { line, col } = place(text, at);
      const plain = memoryIo({ 'in.xml': Buffer.from(text, 'latin1') });
      expect(await main(args, plain.io), what).toBe(1);
      expect(plain.stderr, what).toContain(`cmts kb977203: in.xml:${line}:${col}: ${code} `);
      const json = memoryIo({ 'in.xml': Buffer.from(text, 'latin1') });
      await main([...args, '--json'], json.io);
      const error = (JSON.parse(json.stdout) as { results: { error: object }[] }).results[0]?.error;
      expect(error, what).toMatchObject({ code, line, col, file: 'in.xml' });
    }
  });
});

// Its advice named only the package (the program left out when it was the default, CCMCertFix), so a revert given
// the right package and another program was told to give the package it had given.
describe('revert given another CCMCertFix program than the preset was applied with', () => {
  const patched = () => {
    const doc = read(REFRESH, 'in.xml');
    applyKb977203(doc, { ...O, clientVersion: 'sp2', drive: 'C:' });
    return Buffer.from(writeTaskSequence(doc)).toString('latin1');
  };

  it('is refused at the CCMCertFix step, naming both options to give, the program too', () => {
    const text = patched();
    const e = thrown(() => revertKb977203(read(text, 'p.xml'), { ...O, certfixProgram: 'Other' }));
    expect(e.code).toBe('DEPENDENT_PROGRAM_CONFLICT');
    expect(e.message).toContain('Revert with the ones it was applied with: the certfixPackage option CM100010 and the certfixProgram option CCMCertFix;');
    expect(e.toJSON()).toMatchObject({ ...place(text, '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Run CCMCertFix (KB977203)"'), file: 'p.xml', path: 'Install Operating System/Run CCMCertFix (KB977203)' });
  });

  it('says the flags on the command line, a program name with spaces quoted', async () => {
    const doc = read(REFRESH, 'in.xml');
    applyKb977203(doc, { ...O, certfixProgram: 'Run CCMCertFix', clientVersion: 'sp2', drive: 'C:' });
    const m = memoryIo({ 'p.xml': writeTaskSequence(doc) });
    expect(await main(['kb977203', 'p.xml', '--revert', '--dry-run', '--certfix-package', 'CM100010'], m.io)).toBe(1);
    expect(m.stderr).toContain('Revert with the ones it was applied with: --certfix-package CM100010 and --certfix-program "Run CCMCertFix"; nothing was changed.');
  });
});
