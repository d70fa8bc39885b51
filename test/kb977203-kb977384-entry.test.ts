// R2 was any PATCH entry that mentioned "KB977384": an unrelated .msp in a folder named KB977384, the SP1 name of an
// update that exists for SP2 only, a KB977384 .msp in another package (R5) or through %_SMSTSMDataPath% (R8) all left
// PATCH alone, "already [R2]", with check passing and lint silent, while no client installed the fix. Now only an entry
// whose file name is a KB977384 .msp counts, held to a KB977203 entry's path rules; one that breaks them is replaced
// with the KB977203 entry as a stale KB977203 entry is (refused where that needs an option not given), and lint's
// kb977203/patch-kb977384 names it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, lint, readTaskSequence, revertKb977203, writeTaskSequenceText, type Kb977203Options } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { SETUP_SEQUENCE, propsOf } from './helpers/setup-properties.js';
import { appliedTwice } from './helpers/kb-apply.js';
import { thrown } from './helpers/thrown.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const OPTIONS: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const KB977203 = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const UPDATE = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977384\\SCCM2007AC-SP2-KB977384-x86.msp';
const STALE: Record<string, [entry: string, why: string]> = {
  'an SP1 name': [UPDATE.replace('-SP2-', '-SP1-'), 'KB977384 is for SP2 clients only'],
  'a %variable% path': [UPDATE.replace('C:\\_SMSTaskSequence', '%_SMSTSMDataPath%'), '(R8)'],
  'another package': [UPDATE.replace('ABC00002', 'ABC00099'), 'not the client package ABC00002 (R5)'],
  'the KB977203 folder': [UPDATE.replace('\\KB977384\\', '\\KB977203\\'), "not KB977384's (R3)"],
  'a file name alone': ['SCCM2007AC-SP2-KB977384-x86.msp', 'PATCH takes full paths'],
  'a cache on another drive than the one given': [UPDATE.replace('C:', 'D:'), 'on D:, where the drive given'],
};
const seq = (entry: string) => SETUP_SEQUENCE(`SMSSLP=SLP01 PATCH="${entry}"`);

describe('R2: a KB977384 entry covers KB977203 only where the update installs from', () => {
  it('the update where it installs from leaves PATCH alone (R2), on a drive or a share', () => {
    for (const entry of [UPDATE, '\\\\CM01\\SMS_ABC\\Client\\i386\\hotfix\\KB977384\\SCCM2007AC-SP2-KB977384-x86.msp', 'D:\\_SMSTaskSequence\\OSD\\ABC00002\\x\\SCCM2007AC-SP2-KB977384-x86-DEU.msp']) {
      const options = entry.startsWith('D:') ? { certfixPackage: 'ABC00010' } : OPTIONS;
      const { report, out } = appliedTwice(seq(entry), options);
      expect(propsOf(readTaskSequence(out)), entry).toBe(`SMSSLP=SLP01 PATCH="${entry}"`);
      expect(report.alreadyInPlace).toContainEqual(expect.objectContaining({ requirement: 'R2' }));
    }
  });

  for (const [what, [entry, why]] of Object.entries(STALE)) {
    it(`one with ${what} is no cover: replaced with the KB977203 entry, saying why; check fails; lint names it`, () => {
      expect(checkKb977203(readTaskSequence(seq(entry)), OPTIONS).changes.map((c) => c.what).join()).toContain('KB977384 client update, which does not install from there');
      const { report, out } = appliedTwice(seq(entry), OPTIONS);
      expect(propsOf(readTaskSequence(out))).toBe(`SMSSLP=SLP01 PATCH="${KB977203}"`);
      expect(report.alreadyInPlace.map((a) => a.requirement)).not.toContain('R2');
      expect(report.changes.find((c) => c.requirement === 'R4')?.what).toContain(why);
      // Revert cannot put it back, and the apply says so, naming the update.
      expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'KB977203_PATCH_NOT_REVERSIBLE', message: expect.stringContaining('a KB977384 entry') }));
      // Lint, without options, cannot know the drive the cache is on.
      const found = lint(readTaskSequence(seq(entry))).filter((d) => d.code === 'kb977203/patch-kb977384');
      expect(found.length).toBe(what.includes('another drive') ? 0 : 1);
    });
  }

  it('an .msp in a folder named KB977384 is not the update: the KB977203 entry is added after it, and revert gives the input back', () => {
    const input = seq('\\\\CM01\\Hotfixes\\KB977384\\readme-notes.msp');
    const { report, out } = appliedTwice(input, OPTIONS);
    expect(propsOf(readTaskSequence(out))).toBe(`SMSSLP=SLP01 PATCH="\\\\CM01\\Hotfixes\\KB977384\\readme-notes.msp;${KB977203}"`);
    expect(report.alreadyInPlace.map((a) => a.requirement)).not.toContain('R2');
    const back = readTaskSequence(out);
    revertKb977203(back, OPTIONS);
    expect(writeTaskSequenceText(back)).toBe(input);
    expect(lint(readTaskSequence(input)).map((d) => d.code)).toContain('kb977203/fix-absent');
  });

  it('SP1 clients: the KB977384 update (SP2 only) is replaced with the SP1 KB977203 entry', () => {
    const { out } = appliedTwice(seq(UPDATE), { ...OPTIONS, clientVersion: 'sp1' });
    expect(propsOf(readTaskSequence(out))).toBe(`SMSSLP=SLP01 PATCH="${KB977203.replace('-SP2-', '-SP1-')}"`);
  });

  it('refused, as a stale KB977203 entry is, where replacing it needs an option not given', () => {
    expect(thrown(() => applyKb977203(readTaskSequence(seq(STALE['a %variable% path']![0])), { certfixPackage: 'ABC00010' })).code).toBe('VARIABLE_IN_PATH');
    expect(thrown(() => applyKb977203(readTaskSequence(seq(STALE['an SP1 name']![0])), { certfixPackage: 'ABC00010', drive: 'C:' })).code).toBe('INVALID_ARGUMENT');
  });

  it('beside a right KB977203 entry a stale KB977384 one is taken out', () => {
    const { out } = appliedTwice(seq(`${STALE['another package']![0]};${KB977203}`), OPTIONS);
    expect(propsOf(readTaskSequence(out))).toBe(`SMSSLP=SLP01 PATCH="${KB977203}"`);
  });

  it('a value of SMSClientInstallProperties set before Setup that lists an .msp in a KB977384 folder is no fix', () => {
    const set = (value: string) =>
      `<sequence version="3.00"><step type="SMS_TaskSequence_SetVariableAction" name="Set props" description="" runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe</action><defaultVarList><variable name="VariableName" property="VariableName">SMSClientInstallProperties</variable><variable name="VariableValue" property="VariableValue">${value}</variable></defaultVarList></step>${SETUP_SEQUENCE(`PATCH="${KB977203}"`).replace(/^<sequence version="3.00">|<\/sequence>\n$/g, '')}</sequence>`;
    const severity = (value: string) => checkKb977203(readTaskSequence(set(value)), OPTIONS).diagnostics.find((d) => d.code === 'KB977203_PROPERTIES_OVERRIDDEN')?.severity;
    expect(severity('PATCH=&quot;C:\\x\\KB977384\\readme.msp&quot;')).toBe('warning');
    expect(severity('PATCH=&quot;C:\\x\\KB977384\\SCCM2007AC-SP2-KB977384-x86.msp&quot;')).toBe('info');
  });

  it('lint names each stale entry of the fixture, at its step, and passes the right one', () => {
    const found = lint(readTaskSequence(readFileSync(join(FIXTURES_DIR, 'lint', 'kb977203-kb977384.xml'))));
    expect(found.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code} ${d.path}`)).toEqual([
      '4:3 error kb977203/patch-kb977384 Setup SP1 name',
      '26:3 error kb977203/patch-kb977384 Setup variable',
      '48:3 error kb977203/patch-kb977384 Setup other package',
      '70:3 error kb977203/patch-kb977384 Setup in KB977203 folder',
    ]);
  });

  it('cmts kb977203 --check fails (exit 1) on a stale KB977384 entry and does not call it already in place', async () => {
    const run = async (entry: string) => {
      const m = memoryIo({ 'in.xml': seq(entry) });
      return main(['kb977203', 'in.xml', '--check', '--certfix-package', 'ABC00010', '--client-version', 'sp2', '--drive', 'C:'], m.io);
    };
    expect(await run(STALE['another package']![0])).toBe(1);
    // In place but for CCMCertFix and its restart: check needs them (exit 1) whatever PATCH has; the apply of the
    // right entry is asserted above, so here only that a stale one is not "already".
    const m = memoryIo({ 'in.xml': seq(STALE['an SP1 name']![0]) });
    await main(['kb977203', 'in.xml', '--check', '--certfix-package', 'ABC00010', '--client-version', 'sp2', '--drive', 'C:'], m.io);
    expect(m.stderr).not.toContain('already [R2]');
  });
});
