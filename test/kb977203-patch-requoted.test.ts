// A right KB977203 entry the preset finds in PATCH is adopted, kept where it stands. When PATCH is not written as one
// double-quoted list (unquoted, `"PATCH=…"`, or only some paths in quotes), the apply writes the list anew as R6 asks,
// so the entry it says it keeps changes form: a change to the administrator's own text that the report must say
// (KB977203_PATCH_REQUOTED, information), with what revert will give back, beside any CCMCertFix step — also the
// preset's own, where KB977203_PATCH_ADOPTED is not said again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTICE_CODES } from '../lib/api/errors.js';
import { readTaskSequence, revertKb977203, type Kb977203Options, type Kb977203Report } from './helpers/api.js';
import { appliedTwice, text } from './helpers/kb-apply.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const CODE = 'KB977203_PATCH_REQUOTED';
const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const SETUP = (props: string) =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const CERTFIX = (name = 'Fix the client certificate', description = '') =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description="${description}" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const RESTART = (name = 'Restart', description = '') =>
  `<step type="SMS_TaskSequence_RebootAction" name="${name}" description="${description}" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const OWN = CERTFIX('Run CCMCertFix (KB977203)', 'KB977203: repair the client certificate with CCMCertFix.exe') + RESTART('Restart Computer (KB977203)', 'KB977203: restart to the installed operating system after CCMCertFix');
const EXPORT = (items: string) =>
  `<?xml version="1.0"?>\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <BootImageID>ABC00001</BootImageID>\n  <Category />\n  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\n  <Name>Refresh</Name>\n  <SequenceData><sequence version="3.00">${items}</sequence></SequenceData>\n  <SupportedOperatingSystems />\n</SmsTaskSequencePackage>\n`;
/** Installation properties as they are in the file (quotation marks as entities). */
const inFile = (props: string) => props.replace(/"/g, '&quot;');
const notes = (report: Kb977203Report, code = CODE) => report.diagnostics.filter((d) => d.code === code);

describe('an adopted KB977203 entry whose PATCH is written anew', () => {
  it.each([
    ['unquoted', `SMSSLP=SLP01 PATCH=${ENTRY}`, `SMSSLP=SLP01 PATCH="${ENTRY}"`],
    ['unquoted, after another path', `PATCH=C:\\Hotfix\\other.msp;${ENTRY} FSP=FSP01`, `PATCH="C:\\Hotfix\\other.msp;${ENTRY}" FSP=FSP01`],
    ['the whole property in quotation marks', `"PATCH=${ENTRY}" FSP=FSP01`, `PATCH="${ENTRY}" FSP=FSP01`],
    ['only its own path in quotation marks', `PATCH=C:\\Hotfix\\other.msp;"${ENTRY}"`, `PATCH="C:\\Hotfix\\other.msp;${ENTRY}"`],
    ['unquoted, with a ";" at its end', `PATCH=${ENTRY};`, `PATCH="${ENTRY}"`],
  ])('%s: the apply says it keeps the entry, and that it writes PATCH anew, with what revert gives back', (_, before, after) => {
    const { report } = appliedTwice(EXPORT(SETUP(inFile(before)) + CERTFIX() + RESTART()), O);
    expect(report.changes.map((c) => [c.before, c.after])).toEqual([[before, after]]);
    expect(notes(report, 'KB977203_PATCH_ADOPTED')).toHaveLength(1);
    const requoted = notes(report);
    expect(requoted).toHaveLength(1);
    expect(requoted[0]).toMatchObject({ severity: 'info', path: 'Setup Windows and ConfigMgr' });
    expect(requoted[0]?.message).toContain('R6');
    expect(requoted[0]?.message).toContain(JSON.stringify(after).slice(0, 40));
    // Nothing else says it: the entry is not replaced, so no KB977203_PATCH_NOT_REVERSIBLE.
    expect(notes(report, 'KB977203_PATCH_NOT_REVERSIBLE')).toEqual([]);
  });

  it("is said beside the preset's own CCMCertFix step too, where KB977203_PATCH_ADOPTED is not", () => {
    const before = `SMSSLP=SLP01 PATCH=${ENTRY}`;
    const input = EXPORT(SETUP(inFile(before)) + OWN);
    const { report, out } = appliedTwice(input, O);
    expect(report.changes.map((c) => c.after)).toEqual([`SMSSLP=SLP01 PATCH="${ENTRY}"`]);
    expect(notes(report, 'KB977203_PATCH_ADOPTED')).toEqual([]);
    expect(notes(report)).toHaveLength(1);
    // What the note says revert gives back is what it gives back.
    const back = readTaskSequence(out);
    revertKb977203(back, O);
    expect(notes(report)[0]?.message).toContain('"SMSSLP=SLP01"');
    expect(text(back)).toContain(SETUP('SMSSLP=SLP01'));
  });

  it.each([
    ['quoted as a whole', `SMSSLP=SLP01 PATCH="${ENTRY}"`],
    ['each path in quotation marks of its own', `PATCH="C:\\Hotfix\\other.msp";"${ENTRY}"`],
    ['quoted, with a ";" at its end', `PATCH="${ENTRY};"`],
  ])('%s: PATCH stays as written, and nothing is said of its form', (_, before) => {
    const { report } = appliedTwice(EXPORT(SETUP(inFile(before)) + CERTFIX() + RESTART()), O);
    expect(report.changes).toEqual([]);
    expect(notes(report)).toEqual([]);
  });

  it('is not said where the preset adds the entry to a list it writes anew (KB977203_PATCH_NOT_REVERSIBLE says that)', () => {
    const { report } = appliedTwice(EXPORT(SETUP('PATCH=C:\\Hotfix\\other.msp') + CERTFIX() + RESTART()), O);
    expect(notes(report)).toEqual([]);
    expect(notes(report, 'KB977203_PATCH_NOT_REVERSIBLE')).toHaveLength(1);
  });
});

describe(`${CODE} is a listed code`, () => {
  it('in NOTICE_CODES, the README and the requirements page', () => {
    expect(NOTICE_CODES[CODE]).toMatch(/quot/);
    expect(readFileSync('README.md', 'utf8')).toContain(`\`${CODE}\``);
    expect(readFileSync('docs/kb977203-requirements.md', 'utf8')).toContain(`\`${CODE}\``);
  });
});
