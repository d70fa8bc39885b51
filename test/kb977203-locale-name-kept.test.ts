// R10: the .msp name differs by locale, and the name to use is the one in the client files' hotfix folder. An entry
// in the right folder already kept any .msp name; one the preset moves (another package, drive, share, or a path
// outside the client files) was given the default English name, silently: a German client package's entry
// `…\SCCM2007AC-SP2-KB977203-x86-DEU.msp` in a stale package's folder became `…-x86.msp`, a file not in that package.
// It now keeps its name when the name is Microsoft's for the clients' service pack, and the change says so.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, patchList, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { propsOf, SETUP_SEQUENCE } from './helpers/setup-properties.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const FOLDER = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\';
const DEU = 'SCCM2007AC-SP2-KB977203-x86-DEU.msp';

/** Applies; the result must be in place for --check, and the setupSteps report must name the entry written. */
function apply(entry: string, o: Kb977203Options = O) {
  const doc = readTaskSequence(SETUP_SEQUENCE(`SMSSLP=SLP01 PATCH="${entry}"`));
  const report = applyKb977203(doc, o);
  const props = propsOf(doc);
  const written = patchList(props) ?? [];
  expect(written).toHaveLength(1);
  expect(report.setupSteps[0]?.patch).toBe(written[0]);
  const again = readTaskSequence(writeTaskSequence(doc));
  expect(checkKb977203(again, o).changed).toBe(false);
  return { report, entry: written[0] as string, again };
}

describe('KB977203: a replaced entry keeps a locale name (R10)', () => {
  it.each([
    ['another package', `C:\\_SMSTaskSequence\\OSD\\ABC00099\\i386\\hotfix\\KB977203\\${DEU}`, 'package ABC00099'],
    ['another drive, with a drive given', `D:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\${DEU}`, 'on D:'],
    ['a folder outside the client files', `C:\\Temp\\${DEU}`, 'not in \\i386\\hotfix\\KB977203\\'],
    ['a file name alone', DEU, 'a file name without its folder'],
    ['a %variable% path', `%_SMSTSMDataPath%\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\${DEU}`, 'a %variable% path (R8)'],
  ])('%s: moved into the client package, its name kept, and said', (_, wrong, why) => {
    const { report, entry } = apply(wrong);
    expect(entry).toBe(FOLDER + DEU);
    const change = report.changes.find((c) => c.requirement === 'R4');
    expect(change?.what).toContain(why);
    expect(change?.what).toContain("its .msp name kept, as a locale's name can differ (R10)");
  });

  it('revert takes the moved entry out, as it does any KB977203 entry', () => {
    const { again } = apply(`C:\\Temp\\${DEU}`);
    expect(revertKb977203(again, O).changed).toBe(true);
    expect(propsOf(again)).toBe('SMSSLP=SLP01');
  });

  it.each([
    ['the other service pack', `C:\\Temp\\SCCM2007AC-SP1-KB977203-x86-DEU.msp`],
    ['a hand spelling that names no service pack', 'C:\\Temp\\kb977203-sp2.msp'],
    ['a name with a %variable%', 'C:\\Temp\\SCCM2007AC-SP2-KB977203-%LANG%.msp'],
    ['the default name in another case', 'C:\\Temp\\sccm2007ac-sp2-kb977203-x86.msp'],
  ])('%s: the default name goes in', (_, wrong) => {
    const { report, entry } = apply(wrong);
    expect(entry).toBe(`${FOLDER}SCCM2007AC-SP2-KB977203-x86.msp`);
    expect(report.changes.find((c) => c.requirement === 'R4')?.what).not.toContain('name kept');
  });

  it('the msp option is the administrator\'s word: its name goes in', () => {
    const { entry } = apply(`C:\\Temp\\${DEU}`, { ...O, msp: 'SCCM2007AC-SP2-KB977203-x86-FRA.msp' });
    expect(entry).toBe(`${FOLDER}SCCM2007AC-SP2-KB977203-x86-FRA.msp`);
  });

  it('a UNC source given: the name is kept in the source\'s hotfix folder', () => {
    const { drive: _drive, ...rest } = O;
    const o: Kb977203Options = { ...rest, source: '\\\\server\\share\\Client' };
    const { entry } = apply(`C:\\Temp\\${DEU}`, o);
    expect(entry).toBe(`\\\\server\\share\\Client\\i386\\hotfix\\KB977203\\${DEU}`);
  });

  it('a name that would make the path too long for Windows Installer: the default name goes in', () => {
    const long = `SCCM2007AC-SP2-KB977203-x86-${'L'.repeat(200)}.msp`;
    const { entry } = apply(`C:\\Temp\\${long}`);
    expect(entry).toBe(`${FOLDER}SCCM2007AC-SP2-KB977203-x86.msp`);
  });
});
