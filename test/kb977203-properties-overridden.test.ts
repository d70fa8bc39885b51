// SMSClientInstallProperties is the Setup step's action variable: a Set Task Sequence Variable step (or a
// <globalVarList> entry) that sets it overrides the step's installation properties at run time, so the PATCH the
// preset keeps in the step is not read. The preset said nothing and --check passed such a sequence as in place.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyKb977203, checkKb977203, readTaskSequence, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const SET = (value: string, name = 'smsClientInstallProperties', disabled = false) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Client properties" description=""${disabled ? ' disable="true"' : ''} runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe "${name}=${value}"</action><defaultVarList><variable name="VariableName" property="VariableName">${name}</variable><variable name="VariableValue" property="VariableValue">${value}</variable></defaultVarList></step>`;
const SEQUENCE = (items: string, globals = '') => `<sequence version="3.00">${globals}<group name="Install" description="">${items}</group></sequence>\n`;
const codes = (input: string) => applyKb977203(readTaskSequence(input), O).diagnostics.filter((d) => d.code === 'KB977203_PROPERTIES_OVERRIDDEN');

describe('KB977203_PROPERTIES_OVERRIDDEN', () => {
  it('a Set Task Sequence Variable step before Setup (any letter case of the name) is a warning naming the step', () => {
    const found = codes(SEQUENCE(SET('SMSSLP=SLP01 FSP=FSP01') + SETUP));
    expect(found.map((d) => [d.severity, d.path])).toEqual([['warning', 'Install/Client properties']]);
    expect(found[0]?.message).toContain('SMSSLP=SLP01 FSP=FSP01');
  });

  it('a <globalVarList> entry is a warning too', () => {
    const globals = '<globalVarList><variable name="SMSClientInstallProperties" property="">SMSSLP=SLP01</variable></globalVarList>';
    expect(codes(SEQUENCE(SETUP, globals)).map((d) => d.severity)).toEqual(['warning']);
  });

  it('a value that lists a KB977203 entry is information; a disabled step, one after every Setup step or one for another variable is nothing', () => {
    expect(codes(SEQUENCE(SET(`SMSSLP=SLP01 PATCH="${ENTRY}"`) + SETUP)).map((d) => d.severity)).toEqual(['info']);
    expect(codes(SEQUENCE(SET('SMSSLP=SLP01', 'SMSClientInstallProperties', true) + SETUP))).toEqual([]);
    expect(codes(SEQUENCE(SETUP + SET('SMSSLP=SLP01')))).toEqual([]);
    expect(codes(SEQUENCE(SET('SMSSLP=SLP01', 'OSDComputerName') + SETUP))).toEqual([]);
  });

  it('--check fails a sequence whose field is in place but overridden, and says why', async () => {
    const doc = readTaskSequence(SEQUENCE(SET('SMSSLP=SLP01') + SETUP));
    applyKb977203(doc, O);
    const patched = Buffer.from(writeTaskSequence(doc));
    expect(checkKb977203(readTaskSequence(patched), O).changed).toBe(false);
    const m = memoryIo({ 'ts.xml': patched });
    expect(await main(['kb977203', 'ts.xml', '--check', '--certfix-package', 'ABC00010', '--client-version', 'sp2', '--drive', 'C:'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/warning KB977203_PROPERTIES_OVERRIDDEN Install\/Client properties/);
    expect(m.stderr).toMatch(/check: the installation properties Setup reads at run time lack the fix/);
    // In a batch, too; and the same file without the override passes.
    const b = memoryIo({ 'a/ts.xml': patched, 'a/ok.xml': Buffer.from(writeTaskSequence(doc)).toString().replace(/<step type="SMS_TaskSequence_SetVariableAction".*?<\/step>/, '') });
    expect(await main(['kb977203', 'a', '--check', '--certfix-package', 'ABC00010', '--client-version', 'sp2', '--drive', 'C:'], b.io)).toBe(1);
    expect(b.stderr).toMatch(/ts\.xml\s+needs attention/);
    expect(b.stderr).toMatch(/ok\.xml\s+in place/);
    const ok = memoryIo({ 'ok.xml': Buffer.from(writeTaskSequence(doc)).toString().replace(/<step type="SMS_TaskSequence_SetVariableAction".*?<\/step>/, '') });
    expect(await main(['kb977203', 'ok.xml', '--check', '--certfix-package', 'ABC00010', '--client-version', 'sp2', '--drive', 'C:'], ok.io)).toBe(0);
  });
});

// A Run Task Sequence step runs a child sequence that is not in this file and shares this sequence's variables, so it
// may set SMSClientInstallProperties too; the preset said nothing of one before Setup. Run Task Sequence came with
// Current Branch, so the preset applies to such a sequence only by force.
const CHILD = (attributes = '') =>
  `<subtasksequence type="SMS_TaskSequence_SubTasksequence" name="Run driver sequence" description=""${attributes} successCodeList="0" retryCount="0" runFromNet="false"><action>SubTasksequence.exe</action><defaultVarList><variable name="OSDSubTasksequencePackageID" property="TsPackageID">ABC00020</variable></defaultVarList></subtasksequence>`;
const FORCED: Kb977203Options = { ...O, force: true };
const mayBe = (input: string) => applyKb977203(readTaskSequence(input), FORCED).diagnostics.filter((d) => d.code === 'KB977203_PROPERTIES_MAY_BE_OVERRIDDEN');

describe('KB977203_PROPERTIES_MAY_BE_OVERRIDDEN', () => {
  it('an enabled Run Task Sequence step before Setup is information naming it and its child package, and not the warning --check fails on', () => {
    const input = SEQUENCE(CHILD() + SETUP);
    const found = mayBe(input);
    expect(found.map((d) => [d.severity, d.path])).toEqual([['info', 'Install/Run driver sequence']]);
    expect(found[0]?.message).toContain('ABC00020');
    expect(applyKb977203(readTaskSequence(input), FORCED).diagnostics.filter((d) => d.code === 'KB977203_PROPERTIES_OVERRIDDEN')).toEqual([]);
  });

  it('a disabled one, one in a disabled group, or one after every Setup step is nothing', () => {
    expect(mayBe(SEQUENCE(CHILD(' disable="true"') + SETUP))).toEqual([]);
    expect(mayBe(SEQUENCE(`<group name="Off" description="" disable="true">${CHILD()}</group>` + SETUP))).toEqual([]);
    expect(mayBe(SEQUENCE(SETUP + CHILD()))).toEqual([]);
  });
});

// The warning told the administrator to `add PATCH="<the preset's path>"`, though the preset knows the entry (drive,
// client package, .msp): worked out by hand, it may break R5, R7 or R10. It now gives the exact entry of the Setup step
// that reads the value next, to add to the value's PATCH list where it has one.
describe('KB977203_PROPERTIES_OVERRIDDEN says the exact entry to add', () => {
  const SETUP_D = SETUP.replace('name="Setup Windows and ConfigMgr"', 'name="Setup D"').replace('ABC00002', 'ABC00003');
  const messages = (input: string, options = O) => checkKb977203(readTaskSequence(input), options).diagnostics.filter((d) => d.code === 'KB977203_PROPERTIES_OVERRIDDEN').map((d) => d.message);

  it('as PATCH="…" for a value with no PATCH, from the drive, client package and .msp given', () => {
    const [message] = messages(SEQUENCE(SET('SMSSLP=SLP01') + SETUP), { ...O, drive: 'D:', msp: 'SCCM2007AC-SP2-KB977203-x86-DEU.msp' });
    expect(message).toContain('add PATCH="D:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86-DEU.msp" (the entry of "Install/Setup Windows and ConfigMgr", the Setup step that reads it next) to that value');
    expect(message).not.toContain("the preset's path");
  });

  it("as a path for the PATCH list of a value that has one, and the entry of the Setup step read next, for each place", () => {
    const globals = '<globalVarList><variable name="SMSClientInstallProperties" property="">SMSSLP=SLP01</variable></globalVarList>';
    const found = messages(SEQUENCE(SETUP + SET('SMSSLP=SLP01 PATCH="\\\\srv\\p\\other.msp"') + SETUP_D, globals));
    expect(found).toHaveLength(2);
    expect(found[0]).toContain(`add PATCH="${ENTRY}" (the entry of "Install/Setup Windows and ConfigMgr"`);
    expect(found[1]).toContain(`add ${ENTRY.replace('ABC00002', 'ABC00003')} (the entry of "Install/Setup D", the Setup step that reads it next) to the PATCH list in it`);
  });

  it('in the report the apply gives too', () => {
    const report = applyKb977203(readTaskSequence(SEQUENCE(SET('SMSSLP=SLP01') + SETUP)), O);
    expect(report.diagnostics.find((d) => d.code === 'KB977203_PROPERTIES_OVERRIDDEN')?.message).toContain(`add PATCH="${ENTRY}"`);
  });
});
