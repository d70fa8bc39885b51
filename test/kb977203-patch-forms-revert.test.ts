// Revert normalised PATCH forms it should leave alone outside the entry it takes out: an empty PATCH="" lost its
// property, a list ending in ";" lost the ";", and an unquoted list (or one with each path in quotes of its own) came
// back in quotes. Apply now puts the entry after the last path (a ";" or spaces ending the list stay after it) and
// revert takes out only the entry, so revert(apply(x)) = x for these; where the file cannot tell how PATCH was written
// once the entry is in (an unquoted list, which R6 has quoted; an empty PATCH at the end, which reads as none), apply
// says so (KB977203_PATCH_NOT_REVERSIBLE) and revert gives back the same list to Windows Installer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchList, readTaskSequence, revertKb977203, type Kb977203Options } from './helpers/api.js';
import { appliedTwice, text } from './helpers/kb-apply.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const KB = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const HOTFIX = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB968537\\SCCM2007AC-SP2-KB968537-x86.msp';
/** A 2007 export as the console writes it, one Setup step with the given installation properties. */
const EXPORT = (props: string, dependent = '<DependentProgram />') =>
  `<?xml version="1.0"?>\r\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\r\n  <BootImageID>ABC00001</BootImageID>\r\n  <Category />\r\n  ${dependent}\r\n  <Description />\r\n  <Name>Windows 7 Refresh</Name>\r\n  <SequenceData><sequence version="3.00"><group name="Install Operating System" description=""><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></group></sequence></SequenceData>\r\n</SmsTaskSequencePackage>\r\n`;
const CERTFIX = '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Run CCMCertFix" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const propsOf = (xml: string) => /property="ClientInstallProperties">([^<]*)</.exec(xml)?.[1] ?? '';
const unescape = (s: string) => s.replace(/&quot;/g, '"');

function round(input: string) {
  const { report, out: applied } = appliedTwice(input, O);
  const back = readTaskSequence(applied);
  revertKb977203(back, O);
  return { report, applied, reverted: text(back) };
}

describe('revert(apply(x)) = x for PATCH forms the file still tells', () => {
  it.each([
    ['an empty PATCH="" between other properties', 'SMSSLP=SLP01 PATCH="" FSP=FSP01', `SMSSLP=SLP01 PATCH="${KB}" FSP=FSP01`],
    ['an empty PATCH="" first', 'PATCH="" SMSSLP=SLP01', `PATCH="${KB}" SMSSLP=SLP01`],
    ['a list ending in ";"', `SMSSLP=SLP01 PATCH="${HOTFIX};" FSP=FSP01`, `SMSSLP=SLP01 PATCH="${HOTFIX};${KB};" FSP=FSP01`],
    ['a list ending in "; "', `SMSSLP=SLP01 PATCH="${HOTFIX}; "`, `SMSSLP=SLP01 PATCH="${HOTFIX};${KB}; "`],
    ['a list of only ";"', 'SMSSLP=SLP01 PATCH=";" FSP=FSP01', `SMSSLP=SLP01 PATCH="${KB};" FSP=FSP01`],
  ])('%s', (_, props, written) => {
    const input = EXPORT(props.replace(/"/g, '&quot;'));
    const { report, applied, reverted } = round(input);
    expect(unescape(propsOf(applied))).toBe(written);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_PATCH_NOT_REVERSIBLE');
    expect(reverted).toBe(input);
  });

  it('<DependentProgram /> comes back in its empty-element form, in an export with other empty elements', () => {
    const input = EXPORT('SMSSLP=SLP01');
    const { applied, reverted } = round(input);
    expect(applied).toContain('<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
    expect(reverted).toContain('\r\n  <DependentProgram />\r\n');
    expect(reverted).toBe(input);
  });
});

describe('where the file cannot tell, apply says so, and revert gives back the same list to Windows Installer', () => {
  it.each([
    ['an unquoted list (R6 quotes it)', `SMSSLP=SLP01 PATCH=${HOTFIX} FSP=FSP01`, `SMSSLP=SLP01 PATCH="${HOTFIX}" FSP=FSP01`],
    ['paths in quotes of their own', `SMSSLP=SLP01 PATCH=${HOTFIX};"C:\\Hotfix\\b.msp"`, `SMSSLP=SLP01 PATCH="${HOTFIX};C:\\Hotfix\\b.msp"`],
    ['an empty PATCH="" at the end (the form apply writes where there was none)', 'SMSSLP=SLP01 PATCH=""', 'SMSSLP=SLP01'],
  ])('%s', (_, props, back) => {
    const input = EXPORT(props.replace(/"/g, '&quot;'));
    const { report, reverted } = round(input);
    const note = report.diagnostics.find((d) => d.code === 'KB977203_PATCH_NOT_REVERSIBLE');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain('revert gives back');
    expect(unescape(propsOf(reverted))).toBe(back);
    expect(patchList(unescape(propsOf(reverted))) ?? []).toEqual(patchList(props) ?? []);
  });
});

describe('revert of a hand-written KB977203 entry takes out that entry only', () => {
  it.each([
    ['unquoted, last', `SMSSLP=SLP01 PATCH=${HOTFIX};${KB} FSP=FSP01`, `SMSSLP=SLP01 PATCH=${HOTFIX} FSP=FSP01`],
    ['unquoted, first', `PATCH=${KB};${HOTFIX} FSP=FSP01`, `PATCH=${HOTFIX} FSP=FSP01`],
    ['in quotes of its own', `PATCH="${HOTFIX}";"${KB}" FSP=FSP01`, `PATCH="${HOTFIX}" FSP=FSP01`],
    ['in quotes of its own, first', `PATCH="${KB}";"${HOTFIX}" FSP=FSP01`, `PATCH="${HOTFIX}" FSP=FSP01`],
    ['before a ";" ending the list', `SMSSLP=SLP01 PATCH="${HOTFIX};${KB};"`, `SMSSLP=SLP01 PATCH="${HOTFIX};"`],
    ['alone, with properties after it', `PATCH="${KB}" FSP=FSP01`, 'PATCH="" FSP=FSP01'],
    ['alone and unquoted, with properties after it', `PATCH=${KB} FSP=FSP01`, 'PATCH="" FSP=FSP01'],
    ['the whole property in quotes', `SMSSLP=SLP01 "PATCH=${HOTFIX};${KB}"`, `SMSSLP=SLP01 "PATCH=${HOTFIX}"`],
  ])('%s', (_, props, left) => {
    // With a CCMCertFix step: revert leaves the entry of a sequence that has none, which the preset never wrote.
    const doc = readTaskSequence(EXPORT(props.replace(/"/g, '&quot;')).replace('</step></group>', `</step>${CERTFIX}</group>`));
    const report = revertKb977203(doc, O);
    expect(report.changes.map((c) => c.what)).toContain('removed the KB977203 entry from PATCH');
    expect(unescape(propsOf(text(doc)))).toBe(left);
  });
});

describe('property: PATCH lists without a KB977203 entry, written as sites write them', () => {
  const path = fc.constantFrom(HOTFIX, 'C:\\Hotfix\\KB123.msp', '\\\\srv\\share\\KB456.msp');
  const list = fc.tuple(fc.array(path, { minLength: 0, maxLength: 3 }), fc.constantFrom(';', '; ', ' ;'), fc.constantFrom('', ';', '; ', ' '), fc.constantFrom('whole', 'none', 'each'));
  const propsArb = fc.tuple(fc.constantFrom('', 'SMSSLP=SLP01'), list, fc.constantFrom('', ' FSP=FSP01', ' SMSCACHESIZE=10240')).map(([before, [paths, sep, end, quoting], after]) => {
    const value = quoting === 'whole' || paths.length === 0 ? `"${paths.join(sep)}${paths.length === 0 ? '' : end}"` : quoting === 'each' ? paths.map((p) => `"${p}"`).join(';') : paths.join(';');
    return `${before}${before === '' ? '' : ' '}PATCH=${value}${after}`;
  });
  it('revert(apply(x)) = x byte for byte unless apply said KB977203_PATCH_NOT_REVERSIBLE, and then the same list', () => {
    fc.assert(
      fc.property(propsArb, (props) => {
        const input = EXPORT(props.replace(/"/g, '&quot;'));
        const { report, reverted } = round(input);
        if (report.diagnostics.some((d) => d.code === 'KB977203_PATCH_NOT_REVERSIBLE')) expect(patchList(unescape(propsOf(reverted)))?.filter(Boolean) ?? []).toEqual(patchList(props) ?? []);
        else expect(reverted).toBe(input);
      }),
      { numRuns: 200 },
    );
  });
});
