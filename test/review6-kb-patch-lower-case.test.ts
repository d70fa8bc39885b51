// A PATCH property spelled in lower or mixed case is the PATCH property. Windows Installer reads every property name
// on its command line as upper case ("All property names on the command line are interpreted as uppercase but the
// value retains case sensitivity", Command-Line Options, Windows Installer docs), and ccmsetup hands the installation
// properties to client.msi on such a command line. So `patch="…"` is reconciled like `PATCH="…"`: the KB977203 entry
// joins its list (never a second property, which Windows Installer would read as PATCH set twice), and `patch=` next to
// `PATCH=` is PATCH twice, refused.
import { describe, expect, it } from 'vitest';
import { applyKb977203, findSteps, parseInstallProperties, readTaskSequence, revertKb977203, SetupWindowsStep, STEP_TYPES, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const KB = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const OTHER = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB968537\\SCCM2007AC-SP2-KB968537-x86.msp';
const SEQUENCE = (props: string) =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>`;
const props = (doc: ReturnType<typeof readTaskSequence>) => new SetupWindowsStep(findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr })[0]!.node).clientInstallProperties;

describe('a PATCH property written in lower or mixed case', () => {
  for (const name of ['patch', 'Patch']) {
    it(`${name}= gets the KB977203 entry in its own list, and no second PATCH`, () => {
      const doc = readTaskSequence(SEQUENCE(`SMSSLP=SLP01 ${name}=&quot;${OTHER}&quot;`));
      applyKb977203(doc, O);
      expect(props(doc)).toBe(`SMSSLP=SLP01 ${name}="${OTHER};${KB}"`);
      expect(parseInstallProperties(props(doc)).filter((t) => t.name?.toUpperCase() === 'PATCH')).toHaveLength(1);
      // Applied again, it is in place; reverted, the list is what it was.
      const again = readTaskSequence(Buffer.from(writeTaskSequence(doc)));
      expect(applyKb977203(again, O).changes).toEqual([]);
      revertKb977203(again, O);
      expect(props(again)).toBe(`SMSSLP=SLP01 ${name}="${OTHER}"`);
    });
  }

  it('an entry already right under patch= is in place', () => {
    const doc = readTaskSequence(SEQUENCE(`patch=&quot;${KB}&quot;`));
    const report = applyKb977203(doc, O);
    expect(report.changes.filter((c) => c.requirement === 'R4')).toEqual([]);
    expect(report.alreadyInPlace).toContainEqual(expect.objectContaining({ what: `PATCH lists ${KB}`, requirement: 'R4' }));
  });

  it('patch= next to PATCH= is PATCH twice: refused before any edit', () => {
    const input = SEQUENCE(`PATCH=&quot;${OTHER}&quot; patch=&quot;${KB}&quot;`);
    const doc = readTaskSequence(input);
    const e = thrown(() => applyKb977203(doc, O));
    expect(e.code).toBe('INSTALL_PROPERTIES_INVALID');
    expect(e.message).toMatch(/PATCH twice/);
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(input);
  });
});
