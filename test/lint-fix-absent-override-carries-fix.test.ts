// kb977203/fix-absent said of a Setup step whose own field has no PATCH that "user state migration fails", although
// a Set Task Sequence Variable step before it (or a global variable) sets SMSClientInstallProperties to a value that
// installs KB977203: Setup reads that value at run time, not its field, so the fix is not absent. The field is now
// passed when such a value is always in effect for that Setup step; it is still reported when the value is set
// behind a condition Setup does not share (where the condition is false, the field is what Setup reads), after the
// Setup step, or by a disabled step.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const WITH_FIX = `SMSSLP=SLP01 PATCH=&quot;${ENTRY}&quot;`;
const SETUP = (props = 'SMSSLP=SLP01') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const SET = (value: string, extra = '') =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Client properties" description=""${extra} runIn="WinPEandFullOS" successCodeList="0"><action>tsenv.exe</action><defaultVarList><variable name="VariableName" property="VariableName">smsclientinstallproperties</variable><variable name="VariableValue" property="VariableValue">${value}</variable></defaultVarList></step>`;
const CONDITION = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Variable">X</variable><variable name="Value">1</variable></expression></condition>';
const GROUP = (name: string, body: string, condition = '') => `<group name="${name}" description="">${condition}${body}</group>`;
const GLOBAL = (value: string) => `<globalVarList><variable name="SMSClientInstallProperties" property="">${value}</variable></globalVarList>`;
const fixAbsent = (body: string, globals = '') =>
  lint(readTaskSequence(`<sequence version="3.00">${globals}${body}</sequence>`), ['kb977203/fix-absent']).map((d) => `${d.severity} ${d.path ?? '(global)'}`);

describe('kb977203/fix-absent: the field of a Setup step whose value is set, with the fix, before it', () => {
  it('is passed when a Set Task Sequence Variable step before it, or a global variable, always sets a value with the fix', () => {
    expect(fixAbsent(SET(WITH_FIX) + SETUP())).toEqual([]);
    expect(fixAbsent(SETUP(), GLOBAL(WITH_FIX))).toEqual([]);
    // A condition on a group around both runs both alike.
    expect(fixAbsent(GROUP('Both', SET(WITH_FIX) + SETUP(), CONDITION))).toEqual([]);
  });

  it('is still reported when that value may not be set when Setup runs, or is set too late', () => {
    expect(fixAbsent(SET(WITH_FIX, ' disable="true"') + SETUP())).toEqual(['warning Setup']);
    expect(fixAbsent(GROUP('Maybe', SET(WITH_FIX), CONDITION) + SETUP())).toEqual(['warning Setup']);
    expect(fixAbsent(SET(WITH_FIX).replace('<action>', `${CONDITION}<action>`) + SETUP())).toEqual(['warning Setup']);
    expect(fixAbsent(SETUP() + SET(WITH_FIX))).toEqual(['warning Setup']);
    // Only the Setup step after the value is passed.
    expect(fixAbsent(GROUP('First', SETUP()) + SET(WITH_FIX) + GROUP('Second', SETUP()))).toEqual(['warning First/Setup']);
  });
});
