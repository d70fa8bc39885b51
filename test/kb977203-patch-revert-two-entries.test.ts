// Revert of a PATCH that lists KB977203 twice and nothing else (the SP1 and the SP2 .msp, say, or the same path twice)
// took out each path but left the `;` between them, and each one's own quotation marks: `PATCH="a;b"` became
// `PATCH=";"`, `PATCH="a";"b"` became `PATCH="";""` and `PATCH=a;b` became `PATCH=;`, an empty list with separators
// (and, quoted each, two values) where a list that keeps no path is left as `PATCH=""`. Each entry after the first now
// goes with the `;` before it, as it does where other paths stay.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SP2 = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const SP1 = SP2.replace('SP2', 'SP1');
const HOTFIX = 'C:\\Program Files\\Hot fix\\KB968537.msp';
// With a CCMCertFix step: revert leaves the entry of a sequence that has none, which the preset never wrote.
const CERTFIX = '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Run CCMCertFix" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const SEQUENCE = (props: string) =>
  `<sequence version="3.00"><group name="Install Operating System" description=""><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props.replace(/"/g, '&quot;')}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>${CERTFIX}</group></sequence>\n`;
const propsOf = (xml: string) => (/property="ClientInstallProperties">([^<]*)</.exec(xml)?.[1] ?? '').replace(/&quot;/g, '"');

describe('revert of a PATCH listing KB977203 twice takes out both entries and the ";" between them', () => {
  it.each([
    ['in the list\'s quotes', `SMSSLP=SLP01 PATCH="${SP1};${SP2}" FSP=FSP01`, 'SMSSLP=SLP01 PATCH="" FSP=FSP01'],
    ['with a space after the ";"', `SMSSLP=SLP01 PATCH="${SP1}; ${SP2}" FSP=FSP01`, 'SMSSLP=SLP01 PATCH="" FSP=FSP01'],
    ['the same path twice, at the end', `SMSSLP=SLP01 PATCH="${SP2};${SP2}"`, 'SMSSLP=SLP01 PATCH=""'],
    ['each in quotes of its own', `SMSSLP=SLP01 PATCH="${SP1}";"${SP2}" FSP=FSP01`, 'SMSSLP=SLP01 PATCH="" FSP=FSP01'],
    ['unquoted', `PATCH=${SP1};${SP2} FSP=FSP01`, 'PATCH="" FSP=FSP01'],
    ['before a ";" ending the list', `PATCH="${SP1};${SP2};" FSP=FSP01`, 'PATCH=";" FSP=FSP01'],
    ['around another path (unchanged: it stays alone)', `PATCH="${SP1};${HOTFIX};${SP2}" FSP=FSP01`, `PATCH="${HOTFIX}" FSP=FSP01`],
  ])('%s', (_, props, left) => {
    const doc = readTaskSequence(SEQUENCE(props));
    const report = revertKb977203(doc, O);
    expect(report.changes.map((c) => c.what)).toContain('removed the KB977203 entry from PATCH');
    expect(propsOf(Buffer.from(writeTaskSequence(doc)).toString('utf8'))).toBe(left);
  });
});
