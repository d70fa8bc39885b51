// A wrong KB977203 entry in PATCH (a stale path, the other service pack's .msp, a hand-edited spelling of the .msp)
// is replaced where it stands by apply, and revert takes the KB977203 entry out: nothing in the file records the
// entry that was there before, so revert cannot give it back. Apply said nothing of it; it now says so
// (KB977203_PATCH_NOT_REVERSIBLE, information), naming what revert gives back, and revert does give back that.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, patchList, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { propsOf, SETUP_SEQUENCE } from './helpers/setup-properties.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const KB = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const HOTFIX = 'C:\\Hotfix\\KB968537.msp';

/** Applies, checks that --check says the same, and reverts the result. */
function round(props: string) {
  const input = SETUP_SEQUENCE(props);
  const checked = checkKb977203(readTaskSequence(input), O);
  const doc = readTaskSequence(input);
  const report = applyKb977203(doc, O);
  expect(checked.diagnostics).toEqual(report.diagnostics);
  const back = readTaskSequence(writeTaskSequence(doc));
  revertKb977203(back, O);
  return { report, applied: propsOf(doc), reverted: propsOf(back) };
}

describe('a KB977203 entry apply replaces is flagged as one revert cannot give back', () => {
  it.each([
    ['a hand-edited spelling of the .msp, alone', 'SMSSLP=SLP01 PATCH="C:\\Hotfix\\kb977203-sp2.msp"', 'C:\\Hotfix\\kb977203-sp2.msp', 'SMSSLP=SLP01'],
    ['a stale path (another package), with properties after it', `PATCH="${KB.replace('ABC00002', 'ABC00099')}" FSP=FSP01`, KB.replace('ABC00002', 'ABC00099'), 'PATCH="" FSP=FSP01'],
    ['the SP1 .msp beside another hotfix', `PATCH="${HOTFIX};${KB.replace('SP2', 'SP1')}"`, KB.replace('SP2', 'SP1'), `PATCH="${HOTFIX}"`],
  ])('%s', (_, props, wrong, back) => {
    const { report, applied, reverted } = round(props);
    expect(patchList(applied)).toContain(KB);
    expect(patchList(applied)).not.toContain(wrong);
    const note = report.diagnostics.find((d) => d.code === 'KB977203_PATCH_NOT_REVERSIBLE');
    expect(note).toMatchObject({ severity: 'info', path: 'Install/Setup Windows and ConfigMgr' });
    // The message says what revert gives back, and revert gives back exactly that: the list without any KB977203
    // entry, the replaced one not among them.
    expect(note?.message).toMatch(/revert cannot put it back: revert takes the KB977203 entry out of PATCH/);
    expect(note?.message).toContain(`gives back ${JSON.stringify(back)}, without the old entry`);
    expect(reverted).toBe(back);
    expect(patchList(reverted) ?? []).not.toContain(wrong);
  });

  it('a second KB977203 entry apply takes out is flagged too', () => {
    const { report, reverted } = round(`SMSSLP=SLP01 PATCH="${KB};${KB.replace('SP2', 'SP1')}"`);
    expect(report.diagnostics.map((d) => d.code)).toContain('KB977203_PATCH_NOT_REVERSIBLE');
    expect(reverted).toBe('SMSSLP=SLP01');
    expect(report.diagnostics.find((d) => d.code === 'KB977203_PATCH_NOT_REVERSIBLE')?.message).toContain('gives back "SMSSLP=SLP01"');
  });

  it('a right entry kept as it is, or one added where there was none, is not flagged', () => {
    expect(round(`SMSSLP=SLP01 PATCH="${HOTFIX};${KB}"`).report.diagnostics.map((d) => d.code)).not.toContain('KB977203_PATCH_NOT_REVERSIBLE');
    const added = round(`SMSSLP=SLP01 PATCH="${HOTFIX}"`);
    expect(added.report.diagnostics.map((d) => d.code)).not.toContain('KB977203_PATCH_NOT_REVERSIBLE');
    expect(added.reverted).toBe(`SMSSLP=SLP01 PATCH="${HOTFIX}"`);
  });
});
