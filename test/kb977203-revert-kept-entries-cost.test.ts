// Revert keeps a Setup step's KB977203 PATCH entry when no CCMCertFix step counts for it, and names the closest
// CCMCertFix step in its note. It found that step in a merged, sorted copy of every CCMCertFix step's position,
// searched from its start, made again for every such Setup step: many Setup steps each beside a disabled CCMCertFix
// step cost the square of their number. The closest is now a binary search in the two position lists. Counted as the
// callbacks of Array sort and find during the revert (a timing would be noise on a shared machine).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTaskSequence, revertKb977203, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const N = 1000;
const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\sccm2007ac-sp2-kb977203-x86.msp';
const setup = (i: number) =>
  `\n    <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup ${i}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=CM01 PATCH=&quot;${ENTRY}&quot;</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const certfix = (i: number) =>
  `\n    <step type="SMS_TaskSequence_InstallSoftwareAction" name="CCMCertFix ${i}" description="" disable="true" runIn="WinPEandFullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const input = (n: number) => `<sequence version="3.00">\n  <group name="G" description="">${Array.from({ length: n }, (_, i) => setup(i) + certfix(i)).join('')}\n  </group>\n</sequence>\n`;

/** Counts every call of the callbacks given to Array.prototype.sort and .find while `f` runs. */
function countCallbacks<T>(f: () => T): { result: T; calls: number } {
  let calls = 0;
  const { sort, find } = Array.prototype;
  vi.spyOn(Array.prototype, 'sort').mockImplementation(function (this: unknown[], compare?: (a: unknown, b: unknown) => number) {
    return sort.call(this, compare && ((a: unknown, b: unknown) => (calls++, compare(a, b))));
  });
  vi.spyOn(Array.prototype, 'find').mockImplementation(function (this: unknown[], test: (v: unknown, i: number, a: unknown[]) => unknown, self?: unknown) {
    return find.call(this, (v, i, a) => (calls++, test.call(self, v, i, a)), self);
  });
  try {
    return { result: f(), calls };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('revert with many Setup steps whose KB977203 entry stays (each beside a disabled CCMCertFix step)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds the closest CCMCertFix step of each without searching all of them', () => {
    const doc = readTaskSequence(input(N));
    const { result: report, calls } = countCallbacks(() => revertKb977203(doc, O));
    const notes = report.diagnostics.filter((d) => d.code === 'KB977203_REVERT_PATCH_KEPT');
    expect(notes).toHaveLength(N);
    // Each names the disabled CCMCertFix step right after its own Setup step as the closest.
    notes.forEach((d, i) => expect(d.message).toContain(`"G/CCMCertFix ${i}", the closest, is disabled`));
    // A sorted copy per Setup step, searched from its start, called the callbacks about 1.5 N² times (1.5 million here).
    expect(calls).toBeLessThan(50 * N);
  });
});
