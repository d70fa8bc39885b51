// Review of where a new <action> goes: setAction put it first in the step (before its <condition>, and before the
// white space that indents the step's first child), where ConfigMgr writes <condition>, then <action>, then
// <defaultVarList> (format.md 1.3). It now goes after the condition, or before the first child, laid out like it.
import { describe, expect, it } from 'vitest';
import { InstallSoftwareStep, readTaskSequence, findItems, writeTaskSequence, type Step } from './helpers/api.js';

const step = (inner: string) =>
  `<sequence version="3.10">\n  <step type="SMS_TaskSequence_InstallSoftwareAction" name="I" description="" runIn="FullOS" successCodeList="0">${inner}</step>\n</sequence>`;
const condition = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">exists</variable><variable name="Variable">X</variable></expression></condition>';
const vars = '<defaultVarList>\n      <variable name="_SMSSWDProgramName" property="ProgramName" hidden="true">P</variable>\n    </defaultVarList>';

function setProgram(xml: string): string {
  const doc = readTaskSequence(Buffer.from(xml));
  new InstallSoftwareStep(findItems(doc.sequence, { kind: 'step' })[0]?.node as Step).setProgram('ABC00010', 'P');
  return Buffer.from(writeTaskSequence(doc)).toString();
}

describe('a step without <action> gets one where the console writes it', () => {
  it('after the condition, on its own line', () => {
    const out = setProgram(step(`\n    ${condition}\n    ${vars}\n  `));
    expect(out).toContain('</condition>\n    <action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action>\n    <defaultVarList>');
  });

  it('before the variables when there is no condition, on one line like the step', () => {
    const out = setProgram(step(`<defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName" hidden="true">P</variable></defaultVarList>`));
    expect(out).toContain('successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList>');
  });

  it('after the condition on one line', () => {
    const out = setProgram(step(`${condition}<defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName" hidden="true">P</variable></defaultVarList>`));
    expect(out).toContain('</condition><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList>');
  });
});
