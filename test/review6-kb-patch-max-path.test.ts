// The PATCH path must fit in Windows' MAX_PATH (260 characters with the terminating null, so 259): ccmsetup and
// Windows Installer open the .msp by the path as written, and a longer one names a file the client cannot open.
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, kb977203PatchPath, patchList, readTaskSequence, SetupWindowsStep, findSteps, STEP_TYPES, type Kb977203Options } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const SETUP = (props: string) =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>`;
const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2' };
const MSP = 'SCCM2007AC-SP2-KB977203-x86.msp';

/** A UNC source whose PATCH path (for client package ABC00002 and the SP2 .msp) has exactly `length` characters. */
function sourceFor(length: number): string {
  const base = '\\\\server\\SMS_ABC\\Client';
  const rest = kb977203PatchPath({ clientPackage: 'ABC00002', msp: MSP, source: base }).length - base.length;
  const folder = 'x'.repeat(length - rest - base.length - 1);
  const source = `${base}\\${folder}`;
  expect(kb977203PatchPath({ clientPackage: 'ABC00002', msp: MSP, source })).toHaveLength(length);
  return source;
}

const props = (doc: ReturnType<typeof readTaskSequence>) => new SetupWindowsStep(findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr })[0]!.node).clientInstallProperties;

describe('a PATCH path longer than MAX_PATH', () => {
  it('from a long source share is refused, by check and apply alike, before any edit', () => {
    const options = { ...O, source: sourceFor(260) };
    const input = SETUP('SMSSLP=SLP01');
    for (const run of [checkKb977203, applyKb977203]) {
      const doc = readTaskSequence(input);
      const e = thrown(() => run(doc, options));
      expect(e.code).toBe('PATCH_PATH_TOO_LONG');
      expect(e.message).toMatch(/260 characters long, more than the 259 Windows' MAX_PATH allows/);
      expect(props(doc)).toBe('SMSSLP=SLP01');
    }
  });

  it('from a long locale .msp name on the cache drive is refused too', () => {
    const msp = `${'L'.repeat(240)}.msp`;
    const e = thrown(() => applyKb977203(readTaskSequence(SETUP('')), { ...O, drive: 'D:', msp }));
    expect(e.code).toBe('PATCH_PATH_TOO_LONG');
    expect(e.message).toMatch(/MAX_PATH/);
  });

  it('of exactly 259 characters is written', () => {
    const source = sourceFor(259);
    const doc = readTaskSequence(SETUP(''));
    applyKb977203(doc, { ...O, source });
    expect(patchList(props(doc))).toEqual([kb977203PatchPath({ clientPackage: 'ABC00002', msp: MSP, source })]);
  });

  it('already in PATCH (a share path otherwise in an allowed form) is not kept in place: it is replaced', () => {
    const long = kb977203PatchPath({ clientPackage: 'ABC00002', msp: MSP, source: sourceFor(300) });
    const doc = readTaskSequence(SETUP(`PATCH="${long}"`));
    const report = applyKb977203(doc, { ...O, drive: 'C:' });
    expect(patchList(props(doc))).toEqual([kb977203PatchPath({ clientPackage: 'ABC00002', msp: MSP, drive: 'C:' })]);
    expect(report.changes[0]!.what).toMatch(/MAX_PATH/);
    expect(report.alreadyInPlace.map((a) => a.what).join('\n')).not.toContain(long);
  });
});
