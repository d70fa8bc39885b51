// KB977203_PATCH_ADOPTED is decided where PATCH is planned, from what the planner is told: whether the CCMCertFix
// step that counts for the Setup step is the preset's own (see kb977203-certfix-for.ts). Beside its own step, a right
// entry was written by an earlier apply, or found then and said then, so a re-apply or check does not say it again;
// beside the administrator's step, or where the pair is inserted, it is said. The caller used to plan the note and
// then filter it out by its code.
import { describe, expect, it } from 'vitest';
import { listItems, readTaskSequence, type Located, type Step } from './helpers/api.js';
import { resolveKb977203Options } from '../lib/presets/kb977203-options.js';
import { planPatch } from '../lib/presets/kb977203-patch.js';

const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const input = (props: string) =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>`;
const o = resolveKb977203Options({ certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' });

function planned(props: string, besideOwnCertfix: boolean) {
  const doc = readTaskSequence(input(props));
  const setup = listItems(doc.sequence)[0] as Located<Step>;
  return planPatch(doc, setup, o, besideOwnCertfix);
}
const codes = (plan: ReturnType<typeof planPatch>) => plan.diagnostics.map((d) => d.code);

describe('KB977203_PATCH_ADOPTED, planned once', () => {
  it('is said of a right entry found in PATCH beside a CCMCertFix step that is not the preset\'s own', () => {
    const plan = planned(`SMSSLP=SLP01 PATCH=&quot;${ENTRY}&quot;`, false);
    expect(codes(plan)).toEqual(['KB977203_PATCH_ADOPTED']);
    expect(plan.already.map((a) => a.what)).toEqual([`PATCH lists ${ENTRY}`]);
  });

  it("is not planned beside the preset's own CCMCertFix step, where an earlier apply wrote or said it", () => {
    const plan = planned(`SMSSLP=SLP01 PATCH=&quot;${ENTRY}&quot;`, true);
    expect(codes(plan)).toEqual([]);
    // What is in place is listed all the same.
    expect(plan.already.map((a) => a.what)).toEqual([`PATCH lists ${ENTRY}`]);
  });

  it('is never said of an entry the preset adds', () => {
    for (const own of [false, true]) expect(codes(planned('SMSSLP=SLP01', own))).toEqual([]);
  });
});
