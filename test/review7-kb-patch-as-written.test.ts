// A hand-written PATCH="…" list (a space after a `;`, say) keeps its form: the preset appends `;<entry>` to it instead
// of writing the list anew, and revert takes that out again, so revert(apply(x)) is x for such a list too.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { CERTFIX } from './helpers/kb-branches.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const KB = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const SEQUENCE = (props: string) =>
  `<sequence version="3.00"><group name="Install Operating System"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></group></sequence>`;

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

function roundTrip(input: string): { applied: string; twice: string; reverted: string } {
  const doc = readTaskSequence(input);
  const report = applyKb977203(doc, O);
  expect(checkKb977203(readTaskSequence(input), O)).toEqual(report);
  const applied = text(doc);
  const again = readTaskSequence(applied);
  expect(applyKb977203(again, O).changes.filter((c) => c.requirement === 'R4')).toEqual([]);
  const back = readTaskSequence(applied);
  revertKb977203(back, O);
  return { applied, twice: text(again), reverted: text(back) };
}

describe('a PATCH list written by hand', () => {
  it('with spaces after its semicolons: the entry is appended, the list otherwise as written, and revert gives it back', () => {
    const input = SEQUENCE('SMSSLP=SLP01 PATCH="C:\\x\\KB123.msp; C:\\y\\KB456.msp" FSP=FSP01');
    const { applied, twice, reverted } = roundTrip(input);
    expect(applied).toContain(`PATCH="C:\\x\\KB123.msp; C:\\y\\KB456.msp;${KB}" FSP=FSP01`);
    expect(twice).toBe(applied);
    expect(reverted).toBe(input);
  });

  it('in lower case, with a space before a semicolon: the same', () => {
    const input = SEQUENCE('patch="C:\\x\\KB123.msp ;C:\\y\\KB456.msp"');
    const { applied, reverted } = roundTrip(input);
    expect(applied).toContain(`patch="C:\\x\\KB123.msp ;C:\\y\\KB456.msp;${KB}"`);
    expect(reverted).toBe(input);
  });

  it('revert takes a KB977203 entry out of the middle or the front of a list, leaving the others as written', () => {
    for (const [props, left] of [
      [`PATCH="C:\\x\\KB123.msp; ${KB}; C:\\y\\KB456.msp"`, 'PATCH="C:\\x\\KB123.msp; C:\\y\\KB456.msp"'],
      [`PATCH="${KB}; C:\\y\\KB456.msp"`, 'PATCH="C:\\y\\KB456.msp"'],
      [`SMSSLP=SLP01 PATCH="${KB}"`, 'SMSSLP=SLP01'],
    ] as const) {
      // Beside the administrator's CCMCertFix step, as apply leaves it: with none at all, revert leaves the entry, which
      // the preset, always inserting or adopting one, never wrote.
      const withCertfix = (p: string) => SEQUENCE(p).replace('</step></group>', `</step>${CERTFIX}</group>`);
      const doc = readTaskSequence(withCertfix(props));
      revertKb977203(doc, O);
      expect(text(doc)).toBe(withCertfix(left));
    }
  });

  it('ending in a semicolon (or a semicolon and a space): the entry goes after the last path, the end of the list stays after it, and revert gives it back', () => {
    for (const [list, written] of [
      ['C:\\x\\KB123.msp;', `C:\\x\\KB123.msp;${KB};`],
      ['C:\\x\\KB123.msp; ', `C:\\x\\KB123.msp;${KB}; `],
    ] as const) {
      const input = SEQUENCE(`PATCH="${list}" FSP=FSP01`);
      const { applied, twice, reverted } = roundTrip(input);
      // No empty entry between the last path and the new one.
      expect(applied).toContain(`PATCH="${written}" FSP=FSP01`);
      expect(twice).toBe(applied);
      expect(reverted).toBe(input);
    }
  });
});
