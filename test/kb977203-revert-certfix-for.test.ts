// Which CCMCertFix step is "the one for" a Setup Windows and ConfigMgr step, and whether it is the preset's own, has one
// answer for apply and revert. Apply adopts the first CCMCertFix step after Setup that runs whenever Setup does, before
// the next Setup step or user state restore it cannot skip (or inserts its own), and says KB977203_PATCH_ADOPTED of a
// right entry beside any but its own; revert judges each Setup step's KB977203 entry by that same step: beside none it
// keeps the entry (the preset always inserts or adopts one, so it did not write it), beside the administrator's it
// takes it out and names it (KB977203_REVERT_PATCH_REMOVED), beside the preset's own it takes it out. Revert used to
// take "the first CCMCertFix step at or after Setup in execution order" instead, which in messy sequences — a disabled
// step, one in a branch, a step of the preset's the administrator disabled, a Run Command Line CCMCertFix — is another
// step than the one apply took, so the two reports disagreed, and revert took out entries apply would never have
// written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { applyKb977203, checkKb977203, readTaskSequence, revertKb977203, type Kb977203Options, type Kb977203Report } from './helpers/api.js';
import { appliedTwice, text } from './helpers/kb-apply.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const PLAIN = 'SMSSLP=SLP01';
const WITH_ENTRY = `SMSSLP=SLP01 PATCH=&quot;${ENTRY}&quot;`;
const PRESET_DESCRIPTION = 'KB977203: repair the client certificate with CCMCertFix.exe';

const variable = (name: string, operator: string, value: string) =>
  `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${operator}</variable><variable name="Value">${value}</variable><variable name="Variable">${name}</variable></expression>`;
const condition = (...operands: string[]) => `<condition>${operands.join('')}</condition>`;
const LAPTOP = condition(variable('IsLaptop', 'equals', 'True'));
const DESKTOP = condition(variable('IsLaptop', 'notEquals', 'True'));
const group = (name: string, body: string, cond = '') => `<group name="${name}" description="">${cond}${body}</group>`;
const SETUP = (name: string, props: string) =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const CERTFIX = (name: string, { attributes = '', description = '', cond = '' } = {}) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description="${description}"${attributes} runIn="FullOS" successCodeList="0">${cond}<action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const COMMAND = (name: string, command: string, { attributes = '', cond = '' } = {}) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""${attributes} runIn="FullOS" successCodeList="0 3010">${cond}<action>smsswd.exe /run: ${command}</action><defaultVarList><variable name="CommandLine" property="CommandLine">${command}</variable><variable name="PackageID" property="PackageID"></variable></defaultVarList></step>`;
const RESTART = (name: string, attributes = '') =>
  `<step type="SMS_TaskSequence_RebootAction" name="${name}" description=""${attributes} runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">0</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const KB_RESTART = RESTART('Restart Computer (KB977203)').replace('description=""', 'description="KB977203: restart to the installed operating system after CCMCertFix"');
const RESTORE = '<step type="SMS_TaskSequence_RestoreUserStateAction" name="Restore User Files and Settings" description="" runIn="FullOS" successCodeList="0"><action>OSDUSMTRestore.exe</action></step>';
const OFF = ' disable="true"';

/** A 2007 export with DependentProgram already set (so that only the CCMCertFix wiring and PATCH are at stake). */
const EXPORT = (items: string) =>
  `<?xml version="1.0"?>\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <BootImageID>ABC00001</BootImageID>\n  <Category />\n  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\n  <Name>Refresh</Name>\n  <SequenceData><sequence version="3.00">${items}</sequence></SequenceData>\n  <SupportedOperatingSystems />\n</SmsTaskSequencePackage>\n`;

/**
 * Messy sequences, each a function of the installation properties of its Setup steps: the administrator's CCMCertFix
 * wiring in places where the first CCMCertFix step after Setup is not the one apply takes for it.
 */
const MESSY: [string, (props: string) => string][] = [
  ["the administrator's CCMCertFix step runs before Setup only", (p) => CERTFIX('Fix the certificate first') + RESTART('Restart first') + SETUP('Setup Windows and ConfigMgr', p)],
  ["the administrator's CCMCertFix step after Setup is disabled", (p) => SETUP('Setup Windows and ConfigMgr', p) + CERTFIX('Fix the certificate', { attributes: OFF }) + RESTART('Restart', OFF)],
  ["the administrator's Run Command Line CCMCertFix after Setup has a condition Setup does not have", (p) => SETUP('Setup Windows and ConfigMgr', p) + COMMAND('Fix the certificate', 'CCMCertFix.exe', { cond: LAPTOP }) + RESTART('Restart')],
  [
    "a Setup branch restores user state, and the administrator's CCMCertFix step after both branches counts for the other one",
    (p) => group('Laptops', SETUP('Setup (laptops)', p), LAPTOP) + group('Desktops', SETUP('Setup (desktops)', p) + RESTORE, DESKTOP) + CERTFIX('Fix the certificate') + RESTART('Restart'),
  ],
  [
    "a CCMCertFix step of the preset's, renamed and disabled, stands before the administrator's",
    (p) => SETUP('Setup Windows and ConfigMgr', p) + CERTFIX('Old CCMCertFix', { attributes: OFF, description: PRESET_DESCRIPTION }) + CERTFIX('Fix the certificate') + RESTART('Restart'),
  ],
  [
    "a disabled Run Command Line CCMCertFix stands between Setup and the preset's own CCMCertFix step",
    (p) => SETUP('Setup Windows and ConfigMgr', p) + COMMAND('Fix with a log', 'CCMCertFix.exe CCMCertFix.log', { attributes: OFF }) + CERTFIX('Run CCMCertFix (KB977203)', { description: PRESET_DESCRIPTION }) + KB_RESTART,
  ],
];

const paths = (report: Kb977203Report, code: string) => report.diagnostics.filter((d) => d.code === code).map((d) => d.path);
const setupPaths = (report: Kb977203Report) => report.setupSteps.map((s) => s.path);
/** The Setup steps the preset inserts its own CCMCertFix step after (the others it adopts one for). */
const inserting = (report: Kb977203Report) => setupPaths(report).filter((p) => report.changes.some((c) => c.what.startsWith('inserted install-software step') && c.where.startsWith(`${p} (after `)));
const removedFrom = (report: Kb977203Report) => report.changes.filter((c) => c.what === 'removed the KB977203 entry from PATCH').map((c) => c.where);

describe('revert judges each KB977203 entry by the CCMCertFix step apply takes for that Setup step', () => {
  it.each(MESSY)('%s: revert keeps the entries of the Setup steps apply would insert CCMCertFix after, and takes out the others', (_, items) => {
    const input = EXPORT(items(WITH_ENTRY));
    const check = checkKb977203(readTaskSequence(input), O);
    const inserted = inserting(check);
    const adopted = setupPaths(check).filter((p) => !inserted.includes(p));
    const doc = readTaskSequence(input);
    const reverted = revertKb977203(doc, O);
    expect(removedFrom(reverted).sort()).toEqual(adopted.sort());
    expect(paths(reverted, 'KB977203_REVERT_PATCH_KEPT').sort()).toEqual(inserted.sort());
    // Named where apply says it adopts the entry, beside a CCMCertFix step that is not its own.
    expect(paths(reverted, 'KB977203_REVERT_PATCH_REMOVED').sort()).toEqual(paths(check, 'KB977203_PATCH_ADOPTED').filter((p) => p !== undefined && !inserted.includes(p)).sort());
  });

  it.each(MESSY)('%s: on the applied file, revert names an entry exactly where a check of that file says KB977203_PATCH_ADOPTED', (_, items) => {
    const out = appliedTwice(EXPORT(items(WITH_ENTRY)), O).out;
    const check = checkKb977203(readTaskSequence(out), O);
    const reverted = revertKb977203(readTaskSequence(out), O);
    expect(removedFrom(reverted).sort()).toEqual(setupPaths(check).sort());
    expect(paths(reverted, 'KB977203_REVERT_PATCH_KEPT')).toEqual([]);
    expect(paths(reverted, 'KB977203_REVERT_PATCH_REMOVED').sort()).toEqual(paths(check, 'KB977203_PATCH_ADOPTED').sort());
  });
});

describe('apply then revert of a messy sequence', () => {
  // The last two already hold a step the preset's revert takes for its own (or keeps as renamed): not all the work there is the preset's.
  it.each(MESSY.slice(0, 4))('%s: where the preset did all the work, revert gives back the original bytes, the administrator\'s steps with them', (_, items) => {
    const input = EXPORT(items(PLAIN));
    const out = appliedTwice(input, O).out;
    const back = readTaskSequence(out);
    const reverted = revertKb977203(back, O);
    expect(text(back)).toBe(input);
    // Every entry went in beside the preset's own step or was said to be adopted by a check of the applied file.
    const check = checkKb977203(readTaskSequence(out), O);
    expect(paths(reverted, 'KB977203_REVERT_PATCH_REMOVED').sort()).toEqual(paths(check, 'KB977203_PATCH_ADOPTED').sort());
  });

  it("the administrator's entry beside their own CCMCertFix step before Setup stays when the sequence is reverted untouched, and goes, as apply said, once applied", () => {
    const [, items] = MESSY[0] as [string, (p: string) => string];
    const input = EXPORT(items(WITH_ENTRY));
    const untouched = readTaskSequence(input);
    const kept = revertKb977203(untouched, O);
    expect(kept.changes).toEqual([]);
    expect(text(untouched)).toBe(input);
    expect(kept.diagnostics.find((d) => d.code === 'KB977203_REVERT_PATCH_KEPT')?.message).toContain('Setup Windows and ConfigMgr');

    const doc = readTaskSequence(input);
    const applied = applyKb977203(doc, O);
    expect(paths(applied, 'KB977203_PATCH_ADOPTED')).toEqual(['Setup Windows and ConfigMgr']);
    const back = readTaskSequence(text(doc));
    revertKb977203(back, O);
    // All but the entry comes back, and the administrator's own steps stay; the entry is the one apply said revert takes out.
    expect(text(back)).toBe(EXPORT(items(PLAIN)));
  });

  it("an entry beside no CCMCertFix step that counts still goes, named, where the preset's work in the file was changed by hand since", () => {
    const [, items] = MESSY[1] as [string, (p: string) => string];
    const out = appliedTwice(EXPORT(items(PLAIN)), O).out;
    // The administrator disables the preset's CCMCertFix step: it no longer counts for Setup, but the file holds the
    // preset's work, and its entry must not be left to fail the client installation.
    const edited = out.replace('<step type="SMS_TaskSequence_InstallSoftwareAction" name="Run CCMCertFix (KB977203)"', '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Run CCMCertFix (KB977203)" disable="true"');
    expect(edited).not.toBe(out);
    expect(inserting(checkKb977203(readTaskSequence(edited), O))).toEqual(['Setup Windows and ConfigMgr']);
    const reverted = revertKb977203(readTaskSequence(edited), O);
    expect(removedFrom(reverted)).toEqual(['Setup Windows and ConfigMgr']);
    expect(paths(reverted, 'KB977203_REVERT_PATCH_REMOVED')).toEqual(['Setup Windows and ConfigMgr']);
    expect(paths(reverted, 'KB977203_REVERT_PATCH_KEPT')).toEqual([]);
  });

  it('the fixture with a user state restore in one Setup branch: revert names only the entry beside the administrator\'s pair, and gives the input back', () => {
    const at = (f: string) => join(FIXTURES_DIR, 'kb977203', 'branches-restore-in-one-certfix-after-both-adopted-for-other', f);
    const input = readFileSync(at('input.xml'), 'utf8');
    const options = JSON.parse(readFileSync(at('options.json'), 'utf8')) as Kb977203Options;
    const out = readFileSync(at('output.xml'), 'utf8');
    expect(paths(checkKb977203(readTaskSequence(out), options), 'KB977203_PATCH_ADOPTED')).toEqual(['Laptops/Setup Windows and ConfigMgr (laptops)']);
    const back = readTaskSequence(out);
    const reverted = revertKb977203(back, options);
    // The first CCMCertFix step after the laptops' Setup step is the preset's, in the desktops' branch; the one apply
    // took for it, after both branches, is the administrator's.
    expect(paths(reverted, 'KB977203_REVERT_PATCH_REMOVED')).toEqual(['Laptops/Setup Windows and ConfigMgr (laptops)']);
    expect(text(back)).toBe(input);
  });
});
