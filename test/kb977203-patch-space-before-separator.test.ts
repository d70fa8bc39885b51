// A PATCH list whose last path has a space before the ";" that ends it (`PATCH="a ;"`): apply puts the entry right
// after the path (`"a;<entry> ;"`), and revert took the entry out with the space after it (`"a;"`), so apply said the
// list could not be given back (KB977203_PATCH_NOT_REVERSIBLE). A path that is not in quotation marks of its own now
// goes with the ";" before it only, and what follows it stays: revert(apply(x)) = x.
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const KB = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const HOTFIX = 'C:\\Program Files\\Hot fix\\KB968537.msp';
const SEQUENCE = (props: string) =>
  `<sequence version="3.00"><group name="Install Operating System" description=""><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props.replace(/"/g, '&quot;')}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></group></sequence>\n`;
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const propsOf = (xml: string) => (/property="ClientInstallProperties">([^<]*)</.exec(xml)?.[1] ?? '').replace(/&quot;/g, '"');

describe('a space before the ";" ending a PATCH list stays through apply and revert', () => {
  it.each([
    [`SMSSLP=SLP01 PATCH="${HOTFIX} ;" FSP=FSP01`, `SMSSLP=SLP01 PATCH="${HOTFIX};${KB} ;" FSP=FSP01`],
    [`SMSSLP=SLP01 PATCH="C:\\a.msp ; C:\\b.msp ; "`, `SMSSLP=SLP01 PATCH="C:\\a.msp ; C:\\b.msp;${KB} ; "`],
  ])('%s', (props, written) => {
    const input = SEQUENCE(props);
    const doc = readTaskSequence(input);
    const report = applyKb977203(doc, O);
    const out = text(doc);
    expect(propsOf(out)).toBe(written);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_PATCH_NOT_REVERSIBLE');
    const back = readTaskSequence(out);
    revertKb977203(back, O);
    expect(text(back)).toBe(input);
  });
});
