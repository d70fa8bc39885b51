// The text form says values as XML defines them: a CRLF file and its LF copy give the same text, typed settings
// included (they are matched by their exact spelling, which a CR at a line end had spoilt: the step fell back to its
// raw variables, each value ending in "\r\n").
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { toYaml } from '../lib/text/to-text.js';
import { fromYaml } from '../lib/text/from-yaml.js';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';

const RULES = '<Rules><Rule><condition><expression type="SMS_TaskSequence_ComputerConditionExpression"><variable name="AssetTag">s</variable><variable name="MACAddress"></variable><variable name="SerialNumber"></variable><variable name="UUID"></variable></expression></condition><Variables><Variable Name="s" IsSecret="false"></Variable></Variables></Rule></Rules>';
const lfSequence = [
  '<sequence version="3.10">',
  '<step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Set Dynamic Variables" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false">',
  '<action>osdgather.exe /nogather /rulesvariable:OSDSetDynamicVariablesRules</action>',
  `<defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules">${RULES.replace(/[<>"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)}\n</variable></defaultVarList>`,
  '</step>',
  '<step type="SMS_TaskSequence_RunCommandLineAction" name="Run">',
  '<condition><expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_BIOS\nWHERE Version LIKE "%x%"</variable></expression></condition>',
  '<action>cmd /c echo one\ntwo</action>',
  '</step>',
  '</sequence>',
].join('\n');
const crlfSequence = lfSequence.replace(/\n/g, '\r\n');

describe('the text form of a CRLF file', () => {
  it('is the text of its LF copy, with no CR in any value', () => {
    const lf = toYaml(readTaskSequence(lfSequence));
    const crlf = toYaml(readTaskSequence(crlfSequence));
    expect(crlf).toBe(lf);
    expect(crlf).not.toContain('\\r');
    expect(lf).toContain('rules:');
  });

  it('global variables and 2007 package properties say LF too', () => {
    const pkg = (nl: string) =>
      `<SmsTaskSequencePackage xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${nl}<Name>OSD</Name>${nl}<Description>one${nl}two</Description>${nl}<SequenceData>${nl}<sequence version="3.00"><globalVarList><variable name="G">a${nl}b</variable></globalVarList><step type="SMS_TaskSequence_RunCommandLineAction" name="Run"><action>cmd</action></step></sequence>${nl}</SequenceData>${nl}</SmsTaskSequencePackage>`;
    const crlf = toYaml(readTaskSequence(pkg('\r\n')));
    expect(crlf).toBe(toYaml(readTaskSequence(pkg('\n'))));
    expect(crlf).not.toContain('\\r');
  });

  it('builds a sequence equal by meaning to the CRLF original', () => {
    const doc = readTaskSequence(crlfSequence);
    expect(diffTaskSequences(doc, fromYaml(toYaml(doc)))).toEqual([]);
  });
});
