// Cases where the KB977203 preset must judge what is already in a sequence the way Windows Installer and the task
// sequence engine will, not the way a loose reading would: how PATCH is written (R6), where its KB977203 entry points
// (R4, R7, R9), whether a restart after CCMCertFix runs exactly when it runs (R14), and a "Run another program first"
// with spaces around its parts (R12). For each: the preset's result, check() agreeing with apply(), apply twice = once,
// and lint saying what the preset does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, conditionOf, lint, listItems, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options, type Kb977203Report } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const EXPECTED = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';

const SETUP = (props: string, attributes = '', condition = '') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description=""${attributes} runIn="WinPEandFullOS" successCodeList="0">${condition}<action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const CERTFIX = (condition = '', attributes = '') =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" description=""${attributes} runIn="FullOS" successCodeList="0">${condition}<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const RESTART = (condition = '', attributes = '') =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart on x64" description=""${attributes} runIn="WinPEandFullOS" successCodeList="0">${condition}<action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const VARIABLE = (name: string, value: string) =>
  `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${value}</variable><variable name="Variable">${name}</variable></expression></condition>`;
const WMI = '<condition><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_Battery</variable></expression></condition>';

/** A 2007 export: the given DependentProgram and sequence items, in the form the 2007 console writes. */
const EXPORT = (items: string, dependent = '<DependentProgram />') =>
  `<?xml version="1.0"?>\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <BootImageID>ABC00001</BootImageID>\n  <Category />\n  ${dependent}\n  <Name>Refresh</Name>\n  <SequenceData><sequence version="3.00">${items}</sequence></SequenceData>\n  <SupportedOperatingSystems />\n</SmsTaskSequencePackage>\n`;
const withProps = (props: string) => EXPORT(SETUP(props));

/** Applies once and twice, and checks: check() reports what apply() does, and the second apply changes nothing. */
function applied(input: string, options: Kb977203Options = O): { report: Kb977203Report; out: string; doc: ReturnType<typeof readTaskSequence> } {
  const checked = checkKb977203(readTaskSequence(input), options);
  const doc = readTaskSequence(input);
  const report = applyKb977203(doc, options);
  expect(checked).toEqual(report);
  const out = Buffer.from(writeTaskSequence(doc)).toString('utf8');
  const again = readTaskSequence(out);
  const second = applyKb977203(again, options);
  expect(second.changes).toEqual([]);
  expect(Buffer.from(writeTaskSequence(again)).toString('utf8')).toBe(out);
  return { report, out, doc };
}

/** The refusal apply() and check() both throw, the document left exactly as it was read. */
function refusal(input: string, options: Kb977203Options = O) {
  const doc = readTaskSequence(input);
  const error = thrown(() => applyKb977203(doc, options));
  expect(Buffer.from(writeTaskSequence(doc)).toString('utf8')).toBe(input);
  const checked = thrown(() => checkKb977203(readTaskSequence(input), options));
  expect([checked.code, checked.message]).toEqual([error.code, error.message]);
  return error;
}

/** Lint's KB977203 findings as `severity code`. */
// The step rules' findings: "Run another program first" (kb977203/run-first, R12) is the package's, which these
// cases leave empty.
const kbLint = (input: string) =>
  lint(readTaskSequence(input))
    .filter((f) => f.code.startsWith('kb977203/') && f.code !== 'kb977203/run-first')
    .map((f) => `${f.severity} ${f.code}`);
const propsOf = (out: string) => /property="ClientInstallProperties">([^<]*)</.exec(out)?.[1];

describe('R6: PATCH written in a form Windows Installer does not read as a PATCH list is refused, never rewritten', () => {
  for (const [what, props] of [
    ['the KB entry in single quotes', `SMSSLP=SLP01 PATCH='${EXPECTED}'`],
    ['another hotfix in single quotes', "SMSSLP=SLP01 PATCH='C:\\Hotfixes\\KB968537\\a.msp'"],
    ['a single-quoted path with a space', "PATCH='C:\\Program Files\\Hotfixes\\a.msp' FSP=FSP01"],
    ['single quotes inside the double quotes', `PATCH="'${EXPECTED}'"`],
  ] as const) {
    it(`${what}: INSTALL_PROPERTIES_INVALID, saying Windows Installer takes only double quotation marks`, () => {
      const input = withProps(props);
      const error = refusal(input);
      expect(error.code).toBe('INSTALL_PROPERTIES_INVALID');
      expect(error.message).toMatch(/single quotation marks/);
      expect(error.message).toMatch(/PATCH="<path>;<path>" with double quotation marks/);
      // Lint says the same, once, as an error; the entry's path is not judged as well.
      expect(kbLint(input)).toEqual(['error kb977203/patch-quoted']);
    });
  }

  for (const [what, props, written] of [
    ['an unquoted path with a space, then other properties', 'PATCH=C:\\Program Files\\Hotfix\\a.msp SMSSLP=CM01', 'PATCH=C:\\Program Files\\Hotfix\\a.msp'],
    ['an unquoted list whose first path has a space', 'SMSSLP=SLP01 PATCH=C:\\My Patches\\KB1.msp;C:\\y.msp', 'PATCH=C:\\My Patches\\KB1.msp;C:\\y.msp'],
  ] as const) {
    it(`${what}: refused, not quoted into a list whose first path is the text before the space`, () => {
      const input = withProps(props);
      const error = refusal(input);
      expect(error.code).toBe('INSTALL_PROPERTIES_INVALID');
      expect(error.message).toContain(`have ${written} at character`);
      expect(error.message).toMatch(/has a space and no quotation marks, so Windows Installer ends the value at the space/);
      expect(kbLint(input)).toEqual(['error kb977203/patch-quoted']);
    });
  }

  it('an unquoted PATCH followed by a property or a switch is read as it was', () => {
    for (const props of ['PATCH=C:\\Hotfix\\a.msp SMSSLP=CM01', 'PATCH=C:\\Hotfix\\a.msp /mp:CM01']) {
      const { out } = applied(withProps(props));
      expect(propsOf(out)).toContain(EXPECTED);
    }
  });

  it('names the whole single-quoted value, spaces and all', () => {
    expect(refusal(withProps("PATCH='C:\\Program Files\\Hotfixes\\a.msp' FSP=FSP01")).message).toContain("have PATCH='C:\\Program Files\\Hotfixes\\a.msp' at character 1");
  });

  for (const [what, props] of [
    ['spaces on both sides of =', 'PATCH = "C:\\x\\a.msp"'],
    ['a space before =', 'SMSSLP=SLP01 PATCH ="C:\\x\\a.msp"'],
    ['a space after =', 'SMSSLP=SLP01 PATCH= "C:\\x\\a.msp"'],
    ['the KB entry itself with spaces around =', `PATCH = "${EXPECTED}"`],
    ['lower case, unquoted', 'patch = C:\\x\\a.msp'],
  ] as const) {
    it(`${what}: refused (a second PATCH would be appended), and lint calls it an error, not a missing fix`, () => {
      const input = withProps(props);
      const error = refusal(input);
      expect(error.code).toBe('INSTALL_PROPERTIES_INVALID');
      expect(error.message).toMatch(/spaces around "="|nothing follows its "="/);
      expect(kbLint(input)).toEqual(['error kb977203/patch-quoted']);
    });
  }

  it('names the whole property: its name, the = and the value', () => {
    expect(refusal(withProps('SMSSLP=SLP01 PATCH = "C:\\x\\a.msp" FSP=FSP01')).message).toContain('have PATCH = "C:\\x\\a.msp" at character 14:');
    expect(refusal(withProps('PATCH= "C:\\x\\a.msp"')).message).toContain('have PATCH= "C:\\x\\a.msp" at character 1:');
  });

  it('an apostrophe inside a path, an empty PATCH= at the end and PATCH="" are read as written', () => {
    const inside = "PATCH=\"C:\\O'Brien\\a.msp\"";
    expect(propsOf(applied(withProps(inside)).out)).toBe(`PATCH="C:\\O'Brien\\a.msp;${EXPECTED}"`);
    expect(propsOf(applied(withProps('SMSSLP=SLP01 PATCH=')).out)).toBe(`SMSSLP=SLP01 PATCH="${EXPECTED}"`);
    expect(propsOf(applied(withProps('PATCH="" SMSSLP=SLP01')).out)).toBe(`PATCH="${EXPECTED}" SMSSLP=SLP01`);
    for (const props of [inside, 'SMSSLP=SLP01 PATCH=', 'PATCH="" SMSSLP=SLP01']) expect(kbLint(withProps(props))).not.toContain('error kb977203/patch-quoted');
  });
});

describe('R4, R7, R9, R10: a KB977203 entry is in place only where the KB puts the .msp', () => {
  for (const [what, entry, why] of [
    ['a copy in another folder', 'C:\\Temp\\SCCM2007AC-SP2-KB977203-x86.msp', /not in \\i386\\hotfix\\KB977203\\ of the client package/],
    ['a file name with no folder', 'SCCM2007AC-SP2-KB977203-x86.msp', /file name without its folder/],
    ['the hotfix folder outside the client files', 'D:\\Hotfixes\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp', /not in \\i386\\hotfix\\KB977203\\/],
    ['a share that is not the client files', '\\\\srv\\Hotfixes\\SCCM2007AC-SP2-KB977203-x86.msp', /not in \\i386\\hotfix\\KB977203\\/],
    ['the cache, but not the OSD folder Setup stages the client in', 'C:\\_SMSTaskSequence\\Packages\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp', /not in \\i386\\hotfix\\KB977203\\/],
    ['the hotfix folder with no .msp', 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\', /not in \\i386\\hotfix\\KB977203\\/],
  ] as const) {
    it(`${what}: replaced where it stands, never reported in place; lint flags it and is silent afterwards`, () => {
      const input = withProps(`SMSSLP=SLP01 PATCH="C:\\Hotfixes\\KB968537\\a.msp;${entry}" FSP=FSP01`);
      // The Setup step has no CCMCertFix step after it: R13's finding too, which the preset's output no longer has.
      expect(kbLint(input)).toEqual(['error kb977203/patch-package', 'warning kb977203/certfix-after-setup']);
      const { report, out } = applied(input);
      expect(propsOf(out)).toBe(`SMSSLP=SLP01 PATCH="C:\\Hotfixes\\KB968537\\a.msp;${EXPECTED}" FSP=FSP01`);
      expect(report.alreadyInPlace.filter((a) => a.requirement === 'R4')).toEqual([]);
      const change = report.changes.find((c) => c.requirement === 'R4');
      expect(change?.what).toContain(`replaced in PATCH: ${entry} → ${EXPECTED}`);
      expect(change?.what).toMatch(why);
      expect(kbLint(out)).toEqual([]);
    });
  }

  for (const [what, entry] of [
    ['the expected path', EXPECTED],
    ['another drive (R7)', EXPECTED.replace('C:', 'E:')],
    ['a UNC path to the client files (R9)', '\\\\cm01\\SMS_ABC\\Client\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp'],
    ["a locale's .msp name (R10)", EXPECTED.replace('x86.msp', 'x86-JPN.msp')],
  ] as const) {
    it(`${what}: kept and reported in place when the options say nothing of where the file is, with no PATCH change; lint is silent on PATCH`, () => {
      // With the CCMCertFix pair after Setup, so that only PATCH is judged (without it, R13's finding is lint's one).
      const input = EXPORT(SETUP(`SMSSLP=SLP01 PATCH="${entry}"`) + CERTFIX() + RESTART());
      const { report, out } = applied(input, { certfixPackage: 'ABC00010', clientVersion: 'sp2' });
      expect(propsOf(out)).toBe(`SMSSLP=SLP01 PATCH="${entry}"`);
      expect(report.alreadyInPlace).toContainEqual(expect.objectContaining({ what: `PATCH lists ${entry}`, requirement: 'R4' }));
      expect(report.changes.filter((c) => c.requirement === 'R4')).toEqual([]);
      expect(kbLint(input)).toEqual([]);
    });
  }

  const UNC = '\\\\cm01\\SMS_ABC\\Client';
  const IN_UNC = `${UNC}\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp`;
  for (const [what, entry, options, expected, why] of [
    ['an entry on C: with drive D: given (R7)', EXPECTED, { drive: 'D:' }, EXPECTED.replace('C:', 'D:'), 'on C:, where the drive given says the task sequence cache is on D: (R7)'],
    ['a UNC entry with a drive given (R7)', IN_UNC, { drive: 'e:' }, EXPECTED.replace('C:', 'E:'), 'a UNC path, where the drive given says the task sequence cache is on E: (R7)'],
    ['a cache entry with a source given (R9)', EXPECTED, { source: UNC }, IN_UNC, `not in ${UNC}\\i386\\hotfix\\KB977203\\, the source given (R9)`],
    ['an entry on another share with a source given (R9)', IN_UNC.replace('cm01', 'cm02'), { source: UNC }, IN_UNC, `not in ${UNC}\\i386\\hotfix\\KB977203\\, the source given (R9)`],
    ["the English .msp with a locale's name given (R10)", EXPECTED, { drive: 'C:', msp: 'SCCM2007AC-SP2-KB977203-x86-DEU.msp' }, EXPECTED.replace('x86.msp', 'x86-DEU.msp'), 'SCCM2007AC-SP2-KB977203-x86.msp, where the .msp name given is SCCM2007AC-SP2-KB977203-x86-DEU.msp (R10)'],
  ] as const) {
    it(`${what}: replaced where it stands, since the options say where the file is; check does not call it in place`, () => {
      const opts: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', ...options };
      const input = withProps(`SMSSLP=SLP01 PATCH="${entry}"`);
      expect(checkKb977203(readTaskSequence(input), opts).alreadyInPlace.filter((a) => a.requirement === 'R4')).toEqual([]);
      const { report, out } = applied(input, opts);
      expect(propsOf(out)).toBe(`SMSSLP=SLP01 PATCH="${expected}"`);
      expect(report.changes.find((c) => c.requirement === 'R4')?.what).toBe(`replaced in PATCH: ${entry} → ${expected} (${why})`);
    });
  }

  it('an entry where the options say the file is stays, whatever the letter case', () => {
    const entry = EXPECTED.replace('C:', 'd:').replace('_SMSTaskSequence', '_smstasksequence');
    const { report, out } = applied(withProps(`PATCH="${entry}"`), { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'D:', msp: 'sccm2007ac-sp2-kb977203-x86.msp' });
    expect(propsOf(out)).toBe(`PATCH="${entry}"`);
    expect(report.alreadyInPlace).toContainEqual(expect.objectContaining({ what: `PATCH lists ${entry}`, requirement: 'R4' }));
  });

  it('with no drive or source given, a misplaced entry is replaced by the assumed C: path (as a wrong package is), and the report says it assumed C:', () => {
    const { report, out } = applied(withProps('PATCH="C:\\Temp\\SCCM2007AC-SP2-KB977203-x86.msp"'), { certfixPackage: 'ABC00010', clientVersion: 'sp2' });
    expect(propsOf(out)).toBe(`PATCH="${EXPECTED}"`);
    expect(report.diagnostics.map((d) => d.code)).toContain('KB977203_ASSUMED_DRIVE');
  });
});

describe('R14: a restart after an adopted CCMCertFix step is adopted only if it runs exactly when that step runs', () => {
  const restartNames = (doc: ReturnType<typeof readTaskSequence>) => listItems(doc.sequence).map((l) => `${l.node.kind}:${l.node.attributes.name ?? ''}`);

  it('a restart with a condition of its own is not the KB restart: the KB restart is inserted before it, and lint agrees', () => {
    const input = EXPORT(SETUP('SMSSLP=SLP01') + CERTFIX() + RESTART(VARIABLE('OSDArchitecture', 'x64')));
    expect(kbLint(input)).toContain('warning kb977203/certfix-without-restart');
    const { report, doc, out } = applied(input);
    expect(restartNames(doc)).toEqual(['step:Setup Windows and ConfigMgr', 'step:Fix the client certificate', 'step:Restart Computer (KB977203)', 'step:Restart on x64']);
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13']);
    const inserted = report.changes.find((c) => c.requirement === 'R14');
    expect(inserted?.what).toMatch(/^inserted restart-computer step "Restart Computer \(KB977203\)" \(the restart "Restart on x64" after it has a condition of its own \(OSDArchitecture = "x64"\)/);
    // The administrator's restart keeps its condition; the inserted one has none, like the step before it.
    const [, , kb, own] = listItems(doc.sequence).map((l) => l.node);
    expect(conditionOf(kb as never)).toBeUndefined();
    expect(conditionOf(own as never)).toBeDefined();
    expect(kbLint(out)).toEqual([]);
  });

  it('a disabled restart after an enabled step, or an enabled one after a disabled step, is not adopted', () => {
    const disabledRestart = applied(EXPORT(SETUP('SMSSLP=SLP01') + CERTFIX() + RESTART('', ' disable="true"')));
    expect(restartNames(disabledRestart.doc)).toEqual(['step:Setup Windows and ConfigMgr', 'step:Fix the client certificate', 'step:Restart Computer (KB977203)', 'step:Restart on x64']);
    // Setup disabled, so its disabled CCMCertFix step is adopted; an enabled restart after it would restart anyway.
    const enabledRestart = applied(EXPORT(SETUP('SMSSLP=SLP01', ' disable="true"') + CERTFIX('', ' disable="true"') + RESTART()));
    const items = listItems(enabledRestart.doc.sequence).map((l) => l.node);
    expect(items.map((n) => `${n.attributes.name ?? ''}:${n.attributes.disable ?? ''}`)).toEqual(['Setup Windows and ConfigMgr:true', 'Fix the client certificate:true', 'Restart Computer (KB977203):true', 'Restart on x64:']);
    expect(enabledRestart.report.changes.find((c) => c.requirement === 'R14')?.what).toMatch(/is enabled while CCMCertFix is disabled/);
  });

  it("a restart with the step's own condition on an administrator's variable is adopted", () => {
    const condition = VARIABLE('DeployLaptops', 'true');
    // Setup runs under it too: a CCMCertFix step with a condition Setup does not have is not adopted (R13).
    const input = EXPORT(SETUP('SMSSLP=SLP01', '', condition) + CERTFIX(condition) + RESTART(condition));
    const { report, doc } = applied(input);
    expect(restartNames(doc)).toEqual(['step:Setup Windows and ConfigMgr', 'step:Fix the client certificate', 'step:Restart on x64']);
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13', 'R14']);
    expect(kbLint(input)).toEqual(['warning kb977203/fix-absent']);
  });

  it("a CCMCertFix step and restart under Setup's WMI condition (evaluated again after Setup) are not adopted: the KB's pair goes in with Setup, in a group evaluated once", () => {
    const input = EXPORT(SETUP('SMSSLP=SLP01', '', WMI) + CERTFIX(WMI) + RESTART(WMI));
    const { doc, out } = applied(input);
    expect(restartNames(doc)).toEqual(['group:Setup Windows and ConfigMgr', 'step:Setup Windows and ConfigMgr', 'step:Run CCMCertFix (KB977203)', 'step:Restart Computer (KB977203)', 'step:Fix the client certificate', 'step:Restart on x64']);
    expect(kbLint(out)).not.toContainEqual(expect.stringMatching(/^error/));
  });

  it('a restart whose condition differs from the step\'s is not adopted; the KB restart gets the step\'s condition', () => {
    const { doc } = applied(EXPORT(SETUP('SMSSLP=SLP01', '', VARIABLE('DeployLaptops', 'true')) + CERTFIX(VARIABLE('DeployLaptops', 'true')) + RESTART(VARIABLE('DeployLaptops', 'false'))));
    const [, , kb] = listItems(doc.sequence).map((l) => l.node);
    expect(kb?.attributes.name).toBe('Restart Computer (KB977203)');
    expect(JSON.stringify(conditionOf(kb as never))).toContain('"value":"true"');
  });
});

describe('R13: a CCMCertFix step after the user state is restored is too late, in any scenario', () => {
  const REQUEST = (mode: string) => `<step type="SMS_TaskSequence_RequestStateStoreAction" name="Request State Store" description="" runIn="FullOS" successCodeList="0"><action>osdsmpclient.exe /${mode}</action><defaultVarList><variable name="OSDStateRequestType" property="RequestType" hidden="true">${mode}</variable></defaultVarList></step>`;
  const RESTORE = '<step type="SMS_TaskSequence_RestoreUserStateAction" name="Restore User State" description="" runIn="FullOS" successCodeList="0"><action>osdrestorestate.exe</action></step>';
  const names = (doc: ReturnType<typeof readTaskSequence>) => listItems(doc.sequence).map((l) => l.node.attributes.name ?? '');

  for (const scenario of ['refresh', 'new-computer'] as const) {
    it(`${scenario}: after Request State Store (restore) and Restore User State, it is not adopted; the pair goes in right after Setup`, () => {
      const input = EXPORT(SETUP('SMSSLP=SLP01') + REQUEST('restore') + RESTORE + CERTFIX() + RESTART());
      const { report, doc } = applied(input, { ...O, scenario });
      expect(names(doc)).toEqual(['Setup Windows and ConfigMgr', 'Run CCMCertFix (KB977203)', 'Restart Computer (KB977203)', 'Request State Store', 'Restore User State', 'Fix the client certificate', 'Restart on x64']);
      expect(report.alreadyInPlace.filter((a) => a.requirement === 'R13')).toEqual([]);
      expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'KB977203_CERTFIX_ELSEWHERE', message: expect.stringContaining('it comes after "Request State Store" (Request State Store), and CCMCertFix must run before the user state is restored') }));
    });
  }

  it('Restore User State alone ends the window too', () => {
    const { doc } = applied(EXPORT(SETUP('SMSSLP=SLP01') + RESTORE + CERTFIX() + RESTART()));
    expect(names(doc).slice(0, 3)).toEqual(['Setup Windows and ConfigMgr', 'Run CCMCertFix (KB977203)', 'Restart Computer (KB977203)']);
  });

  it('a Request State Store that captures, or a disabled Restore User State, does not: the step after it is adopted', () => {
    for (const between of [REQUEST('capture'), RESTORE.replace('description=""', 'description="" disable="true"')]) {
      const { report, doc } = applied(EXPORT(SETUP('SMSSLP=SLP01') + between + CERTFIX() + RESTART()));
      expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13', 'R14']);
      expect(names(doc)).not.toContain('Run CCMCertFix (KB977203)');
    }
  });
});

describe('R13: the CCMCertFix package run with another program', () => {
  const OTHER = CERTFIX().replace('>CCMCertFix</variable>', '>Run CCMCertFix hidden</variable>');

  it('is not taken for CCMCertFix, and the report warns that the sequence may run it twice, naming the option', () => {
    const { report } = applied(EXPORT(SETUP('SMSSLP=SLP01') + OTHER + RESTART()));
    expect(report.changes.map((c) => c.requirement)).toContain('R13');
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'KB977203_CERTFIX_OTHER_PROGRAM', severity: 'warning', path: 'Fix the client certificate', message: expect.stringContaining('with the program "Run CCMCertFix hidden", not "CCMCertFix"') }));
    expect(report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_OTHER_PROGRAM')?.message).toContain('--certfix-program');
  });

  it('given as the program, it is adopted, and nothing is said', () => {
    const { report } = applied(EXPORT(SETUP('SMSSLP=SLP01') + OTHER + RESTART()), { ...O, certfixProgram: 'Run CCMCertFix hidden' });
    expect(report.alreadyInPlace.map((a) => a.requirement)).toEqual(['R13', 'R14']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_CERTFIX_OTHER_PROGRAM');
  });
});

describe('R12: "Run another program first" with spaces around its parts', () => {
  for (const value of [' ABC00010;;CCMCertFix ', 'ABC00010 ;; CCMCertFix', '\tabc00010;;ccmcertfix\n']) {
    it(`${JSON.stringify(value)} is the same program: rewritten in ConfigMgr's form as a change, not a conflict`, () => {
      const input = EXPORT(SETUP('SMSSLP=SLP01'), `<DependentProgram>${value}</DependentProgram>`);
      const { report, out } = applied(input);
      expect(report.changes).toContainEqual({ what: 'DependentProgram (Run another program first)', where: '(package)', before: value, after: 'ABC00010;;CCMCertFix', requirement: 'R12' });
      expect(report.alreadyInPlace.filter((a) => a.requirement === 'R12')).toEqual([]);
      expect(out).toContain('<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>');
      // The package ran the program first before the preset, and the inserted step says so: revert leaves it, in
      // ConfigMgr's form, rather than take the administrator's "Run another program first" away.
      const back = readTaskSequence(out);
      const reverted = revertKb977203(back, O);
      expect(reverted.changes.map((c) => c.requirement)).not.toContain('R12');
      expect(reverted.alreadyInPlace).toContainEqual(expect.objectContaining({ requirement: 'R12', what: 'DependentProgram ABC00010;;CCMCertFix, which the package had before the preset' }));
      expect(back.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
    });
  }

  it('revert takes out a value with spaces that names the CCMCertFix program', () => {
    // Beside the CCMCertFix step the preset inserted (a sequence with none the preset never wrote, and revert leaves
    // its DependentProgram as the administrator's).
    const applied = readTaskSequence(EXPORT(SETUP('SMSSLP=SLP01'), '<DependentProgram></DependentProgram>'));
    applyKb977203(applied, O);
    const text = Buffer.from(writeTaskSequence(applied)).toString().replace('<DependentProgram>ABC00010;;CCMCertFix</DependentProgram>', '<DependentProgram> ABC00010;;CCMCertFix </DependentProgram>');
    const doc = readTaskSequence(text);
    revertKb977203(doc, O);
    expect(doc.getProperty('DependentProgram')).toBe('');
  });

  it('a different program is still refused, naming what differs; a value not in <package>;;<program> form is quoted as written', () => {
    const other = refusal(EXPORT(SETUP('SMSSLP=SLP01'), '<DependentProgram> ABC00020;;CCMCertFix </DependentProgram>'));
    expect(other.code).toBe('DEPENDENT_PROGRAM_CONFLICT');
    expect(other.message).toContain('already runs package ABC00020, program CCMCertFix; replacing it with ABC00010, program CCMCertFix');
    const odd = refusal(EXPORT(SETUP('SMSSLP=SLP01'), '<DependentProgram> ABC00010;CCMCertFix </DependentProgram>'));
    expect(odd.message).toContain('already runs " ABC00010;CCMCertFix "');
  });
});

describe('the fixture cases of these rules: check() reports what apply() did, or throws what it throws', () => {
  for (const name of [
    'refuse-patch-single-quoted',
    'refuse-patch-spaces-around-equals',
    'patch-entry-outside-client-files-replaced',
    'patch-entry-bare-file-name-replaced',
    'certfix-restart-with-own-condition-not-adopted',
    'dependent-program-with-spaces-hand-wired-rewritten',
  ]) {
    it(name, () => {
      const at = (f: string) => join(FIXTURES_DIR, 'kb977203', name, f);
      const input = readFileSync(at('input.xml'), 'utf8');
      const options = JSON.parse(readFileSync(at('options.json'), 'utf8')) as Kb977203Options;
      if (existsSync(at('error.json'))) expect(refusal(input, options).code).toBe((JSON.parse(readFileSync(at('error.json'), 'utf8')) as { code: string }).code);
      else expect(applied(input, options).report).toEqual(JSON.parse(readFileSync(at('report.json'), 'utf8')));
    });
  }
});

// Found by a black-box review on lived-in sequences.
describe('KB numbers are whole numbers', () => {
  it('a KB9773841 .msp is not the KB977384 update (R2): the fix still goes in, and lint says it is absent', () => {
    const input = withProps('SMSSLP=SLP01 PATCH="C:\\Patches\\SCCM2007AC-SP2-KB9773841-x86.msp"');
    const { out, report } = applied(input);
    expect(propsOf(out)).toBe(`SMSSLP=SLP01 PATCH="C:\\Patches\\SCCM2007AC-SP2-KB9773841-x86.msp;${EXPECTED}"`);
    expect(report.alreadyInPlace.map((a) => a.requirement)).not.toContain('R2');
    expect(kbLint(input)).toContain('warning kb977203/fix-absent');
  });

  it('a KB9772031 .msp is another hotfix: kept in PATCH beside the KB977203 entry, not replaced by it', () => {
    const { out, report } = applied(withProps('SMSSLP=SLP01 PATCH="C:\\Patches\\SCCM2007AC-SP2-KB9772031-x86.msp"'));
    expect(propsOf(out)).toBe(`SMSSLP=SLP01 PATCH="C:\\Patches\\SCCM2007AC-SP2-KB9772031-x86.msp;${EXPECTED}"`);
    expect(report.changes.map((c) => c.what).join('\n')).not.toMatch(/replaced/);
  });

  it('a KB977203 entry written with forward slashes is replaced, saying so (not "a file name without its folder")', () => {
    const { report } = applied(withProps('SMSSLP=SLP01 PATCH="C:/_SMSTaskSequence/OSD/ABC00002/i386/hotfix/KB977203/SCCM2007AC-SP2-KB977203-x86.msp"'));
    const replaced = report.changes.find((c) => c.requirement === 'R4');
    expect(replaced?.after).toContain(EXPECTED);
    expect(JSON.stringify(report)).toMatch(/forward slashes/);
    expect(JSON.stringify(report)).not.toMatch(/file name without its folder/);
  });
});

describe('R1: a program named after KB977203', () => {
  it('in a step named otherwise is warned about, as a step named after it is', () => {
    const step = CERTFIX().replace('name="Fix the client certificate"', 'name="Run CCMCertFix"').replace('/pkg:ABC00010', '/pkg:ABC00020').replace('>ABC00010<', '>ABC00020<').replace('>CCMCertFix</variable>', '>Install KB977203 hotfix</variable>');
    const { report } = applied(EXPORT(SETUP('SMSSLP=SLP01') + step));
    const r1 = report.diagnostics.filter((d) => d.code === 'KB977203_R1');
    expect(r1).toEqual([expect.objectContaining({ severity: 'warning', path: 'Run CCMCertFix', message: expect.stringContaining('runs "Install KB977203 hotfix", a program named after KB977203') })]);
    expect(lint(readTaskSequence(EXPORT(SETUP('SMSSLP=SLP01') + step))).map((f) => f.code)).toContain('kb977203/hotfix-named-step');
  });
});

describe('R13: the CCMCertFix program of another package', () => {
  it('is not taken for CCMCertFix, and the report warns that the sequence now runs it twice', () => {
    const other = CERTFIX().replace('/pkg:ABC00010', '/pkg:ABC00011').replace('>ABC00010<', '>ABC00011<');
    const { report, doc } = applied(EXPORT(SETUP('SMSSLP=SLP01') + other + RESTART()));
    expect(listItems(doc.sequence).map((l) => l.node.attributes.name)).toContain('Run CCMCertFix (KB977203)');
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'KB977203_CERTFIX_OTHER_PACKAGE', severity: 'warning', path: 'Fix the client certificate', message: expect.stringContaining('of the package "ABC00011", not of the CCMCertFix package given, ABC00010') }));
  });
});

describe('revert with another CCMCertFix package than the preset was applied with', () => {
  it('is refused, changing nothing, naming the package to give; with it, revert gives the input back', () => {
    const input = EXPORT(SETUP('SMSSLP=SLP01'));
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    const patched = Buffer.from(writeTaskSequence(doc)).toString('utf8');
    const again = readTaskSequence(patched);
    const e = thrown(() => revertKb977203(again, { ...O, certfixPackage: 'ABC00011' }));
    expect([e.code, e.message]).toEqual(['DEPENDENT_PROGRAM_CONFLICT', expect.stringMatching(/runs ABC00010;;CCMCertFix, not ABC00011;;CCMCertFix.*the certfixPackage option ABC00010 and the certfixProgram option CCMCertFix; nothing was changed/)]);
    expect(Buffer.from(writeTaskSequence(again)).toString('utf8')).toBe(patched);
    revertKb977203(again, O);
    expect(Buffer.from(writeTaskSequence(again)).toString('utf8')).toBe(input);
  });
});
