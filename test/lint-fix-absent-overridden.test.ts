// kb977203/fix-absent read only the Setup step's own field. SMSClientInstallProperties is that step's action variable:
// a Set Task Sequence Variable step before Setup, or a <globalVarList> entry, that sets it overrides the field at run
// time, so a PATCH there is never read. Lint passed such a sequence although the preset's --check warned
// (KB977203_PROPERTIES_OVERRIDDEN); it now reports each such place, judged by the preset's own test.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyKb977203, lint, readTaskSequence, type Kb977203Options } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const SETUP = (props = `SMSSLP=SLP01 PATCH=&quot;${ENTRY}&quot;`, disabled = false) =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description=""${disabled ? ' disable="true"' : ''} runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const SET = (value: string, name = 'smsClientInstallProperties ', disabled = false) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Client properties" description=""${disabled ? ' disable="true"' : ''} runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe</action><defaultVarList><variable name="VariableName" property="VariableName">${name}</variable><variable name="VariableValue" property="VariableValue">${value}</variable></defaultVarList></step>`;
const GLOBAL = (value: string) => `<globalVarList>\r\n<variable name="SMSClientInstallProperties" property="">${value}</variable></globalVarList>`;
const SEQUENCE = (items: string, globals = '') => `<sequence version="3.00">${globals}<group name="Install" description="">${items}</group></sequence>\n`;
const fixAbsent = (input: string) => lint(readTaskSequence(input), ['kb977203/fix-absent']).map((d) => [d.severity, d.path ?? null, d.line, d.col]);

describe('kb977203/fix-absent: SMSClientInstallProperties set before Setup', () => {
  it('a Set Task Sequence Variable step before Setup (any letter case, spaces around the name) is found at that step', () => {
    const input = SEQUENCE(SET('SMSSLP=SLP01') + SETUP());
    expect(fixAbsent(input)).toEqual([['warning', 'Install/Client properties', 1, input.indexOf('<step') + 1]]);
    expect(lint(readTaskSequence(input))[0]?.message).toContain('"SMSSLP=SLP01"');
    // In a nested group, behind a condition, the step still runs before Setup.
    expect(fixAbsent(SEQUENCE(`<group name="Pre" description=""><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Variable">X</variable><variable name="Value">1</variable></expression></condition>${SET('SMSSLP=SLP01')}</group>${SETUP()}`)).map((f) => f[1])).toEqual(['Install/Pre/Client properties']);
  });

  it('a <globalVarList> entry is found at the entry (line and column, no path)', () => {
    expect(fixAbsent(SEQUENCE(SETUP(), GLOBAL('SMSSLP=SLP01')))).toEqual([['warning', null, 2, 1]]);
  });

  it('the field and the override are each reported when both lack the fix', () => {
    expect(fixAbsent(SEQUENCE(SET('SMSSLP=SLP01') + SETUP('SMSSLP=SLP01'))).map((f) => f[1])).toEqual(['Install/Client properties', 'Install/Setup Windows and ConfigMgr']);
  });

  it('silent where the override lists the fix, the step is disabled or comes after every Setup step, or sets another variable', () => {
    expect(fixAbsent(SEQUENCE(SET(`SMSSLP=SLP01 PATCH=&quot;${ENTRY}&quot;`) + SETUP()))).toEqual([]);
    expect(fixAbsent(SEQUENCE(SETUP(), GLOBAL('PATCH=&quot;C:\\x\\KB977384\\SCCM2007AC-SP2-KB977384-x86.msp&quot;')))).toEqual([]);
    expect(fixAbsent(SEQUENCE(SET('SMSSLP=SLP01', 'SMSClientInstallProperties', true) + SETUP()))).toEqual([]);
    expect(fixAbsent(SEQUENCE(`<group name="Off" description="" disable="true">${SET('SMSSLP=SLP01')}</group>${SETUP()}`))).toEqual([]);
    expect(fixAbsent(SEQUENCE(SETUP() + SET('SMSSLP=SLP01')))).toEqual([]);
    expect(fixAbsent(SEQUENCE(SET('SMSSLP=SLP01', 'OSDComputerName') + SETUP()))).toEqual([]);
    // No Setup step: nothing reads the variable, and the rule asks nothing of the sequence.
    expect(fixAbsent(SEQUENCE(SET('SMSSLP=SLP01'), GLOBAL('SMSSLP=SLP01')))).toEqual([]);
    // A Current Branch sequence is not asked for the fix at all.
    expect(fixAbsent(SEQUENCE(SET('SMSSLP=SLP01') + SETUP()).replace('3.00', '3.10'))).toEqual([]);
  });

  it('a value its step does not display is judged but never shown, by lint or the preset', () => {
    const hidden = (value: string) => SET(value).replace('</defaultVarList>', '<variable name="DoNotShowVariableValue" property="DoNotShowVariableValue">true</variable></defaultVarList>');
    const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
    const without = SEQUENCE(hidden('SMSSLP=SLP01 SECRETKEY=Hunter2') + SETUP());
    const found = lint(readTaskSequence(without), ['kb977203/fix-absent']);
    expect(found.map((d) => d.path)).toEqual(['Install/Client properties']);
    const withEntry = SEQUENCE(hidden(`SECRETKEY=Hunter2 PATCH=&quot;${ENTRY}&quot;`) + SETUP());
    const preset = [without, withEntry].flatMap((input) => applyKb977203(readTaskSequence(input), O).diagnostics.filter((d) => d.code === 'KB977203_PROPERTIES_OVERRIDDEN'));
    expect(preset.map((d) => d.severity)).toEqual(['warning', 'info']);
    for (const d of [...found, ...preset]) {
      expect(d.message).not.toContain('Hunter2');
      // The entry the hidden value lists is not shown; the preset's own entry, to add to one without it, is.
      if (d.severity === 'info') expect(d.message).not.toContain('SCCM2007AC');
    }
  });

  it('finds exactly the places the preset warns of, and cmts lint fails on them with --strict', async () => {
    const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
    const input = SEQUENCE(SET('SMSSLP=SLP01') + SET('FSP=FSP01', 'SMSClientInstallProperties') + SETUP(), GLOBAL('SMSSLP=SLP01'));
    const preset = applyKb977203(readTaskSequence(input), O).diagnostics.filter((d) => d.code === 'KB977203_PROPERTIES_OVERRIDDEN' && d.severity === 'warning');
    // The same words but what to add: the preset, given the options, names the exact entry; lint cannot.
    const judged = (message: string) => message.slice(0, message.indexOf(' so the hotfix is not installed:'));
    expect(lint(readTaskSequence(input), ['kb977203/fix-absent']).map((d) => judged(d.message))).toEqual(preset.map((d) => judged(d.message)));
    expect(preset.map((d) => d.message.includes(`add PATCH="${ENTRY}"`))).toEqual([true, true, true]);
    const m = memoryIo({ 'ts.xml': Buffer.from(input) });
    expect(await main(['lint', 'ts.xml', '--strict'], m.io)).toBe(1);
    expect(m.stdout).toMatch(/^ts\.xml:2:1: warning kb977203\/fix-absent \[R4\]: The sequence's global variables/m);
  });
});
