import { describe, expect, it } from 'vitest';
import { fromYaml, sequenceToText, toYaml } from '../lib/text/index.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const step = (timeout: string) => `steps:\n  - step: Run Command Line\n    timeout: ${timeout}\n    settings:\n      commandLine: x\n`;

describe('the text form\'s timeout is a UInt32, as ConfigMgr\'s Action.Timeout is', () => {
  it('a timeout past it is refused at its line (99999999999999999999 was written as 100000000000000000000)', () => {
    for (const big of ['99999999999999999999', '4294967296']) {
      const error = thrown(() => fromYaml(step(big)));
      expect(error.code, big).toBe('NOT_A_TASK_SEQUENCE');
      expect(error.message).toMatch(/timeout: must be <= 4294967295/);
      // At the value (line 3), not at its step (line 2), where the problems of a group it is not used to put it.
      expect(error.linePos?.line).toBe(3);
    }
    expect(new TextDecoder().decode(writeTaskSequence(fromYaml(step('4294967295'))))).toContain('timeout="4294967295"');
  });

  it('a file with a larger timeout converts with its attributes raw, and builds back the same', () => {
    const xml = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="R" description="" timeout="5000000000" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false"><action>smsswd.exe /run: x</action><defaultVarList><variable name="CommandLine" property="CommandLine">x</variable></defaultVarList></step></sequence>';
    const doc = readTaskSequence(xml);
    const text = sequenceToText(doc);
    expect(text.steps[0]).not.toHaveProperty('timeout');
    expect(sequenceToText(fromYaml(toYaml(doc)))).toEqual(text);
  });
});
