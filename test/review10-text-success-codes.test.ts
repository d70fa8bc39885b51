import { describe, expect, it } from 'vitest';
import { fromYaml, sequenceToText, toYaml } from '../lib/text/index.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

// A base variable: an Install Package step needs a package or one (setting-choices.ts).
const step = (codes: string) => `steps:\n  - step: Install Package\n    successCodes: [${codes}]\n    settings: { baseVariableName: PKGS }\n`;
const built = (codes: string) => new TextDecoder().decode(writeTaskSequence(fromYaml(step(codes))));

describe('the text form\'s successCodes are exit codes: 32 bits, written signed or unsigned', () => {
  it('a code no exit code can be is refused at its line (4294967296 and 1e30 were written into successCodeList, 1e30 as "1e+30")', () => {
    for (const [bad, bound] of [
      ['4294967296', '<= 4294967295'],
      ['1e30', '<= 4294967295'],
      ['99999999999999999999', '<= 4294967295'],
      ['-2147483649', '>= -2147483648'],
    ] as const) {
      const error = thrown(() => fromYaml(step(`0, ${bad}`)));
      expect(error.code, bad).toBe('NOT_A_TASK_SEQUENCE');
      expect(error.message, bad).toContain(`steps.0.successCodes.1: must be ${bound}`);
      // At its line, as a timeout out of range is (not at the step's, line 2).
      expect(error.linePos?.line, bad).toBe(3);
    }
  });

  it('both spellings of a 32-bit exit code are taken', () => {
    expect(built('0, 3010, -2147024891, 3247440400, 4294967295, -2147483648')).toContain('successCodeList="0 3010 -2147024891 3247440400 4294967295 -2147483648"');
  });

  it('a file whose successCodeList no exit code fits converts with its attributes raw, and builds back the same', () => {
    const xml = '<sequence version="3.10"><step type="SMS_TaskSequence_InstallSoftwareAction" name="P" description="" runIn="FullOS" successCodeList="0 5000000000" retryCount="0" runFromNet="false"><action>smsswd.exe /pkg:ABC00001 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00001</variable></defaultVarList></step></sequence>';
    const doc = readTaskSequence(xml);
    const text = sequenceToText(doc);
    expect(text.steps[0]).not.toHaveProperty('successCodes');
    expect(sequenceToText(fromYaml(toYaml(doc)))).toEqual(text);
  });
});
