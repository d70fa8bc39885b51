// A new step's name: the WMI provider takes 1 to 100 characters (SMS_TaskSequence_Step.Name, AllowedLen 1-100); the
// console shows 50, which lint's name-too-long warns about, as the KB977203 preset's step names do. The options
// schema of insert-steps-after allowed 50 while the transform checks 100, so a name of 51 to 100 characters, which
// the provider imports, was refused (OPTIONS_INVALID) and the transform's own check could never be reached.
import { describe, expect, it } from 'vitest';
import { applyTransform, createTransform, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

const AFTER = { type: 'SMS_TaskSequence_RunCommandLineAction' };
const SPECS = {
  'install-software': { packageId: 'CM100010', programName: 'Install' },
  'restart-computer': {},
  'run-command-line': { commandLine: 'cmd /c echo' },
  'set-variable': { variableName: 'V', value: '1' },
};
const options = (type: keyof typeof SPECS, name: string) => ({ after: AFTER, steps: [{ type, name, ...SPECS[type] }] });

describe('insert-steps-after options: a step name', () => {
  for (const type of Object.keys(SPECS) as (keyof typeof SPECS)[]) {
    it(`${type}: up to 100 characters is taken, 101 refused by the options schema`, () => {
      expect(verdict(() => createTransform('insert-steps-after', options(type, 'n'.repeat(100)) as never))).toBe('ok');
      expect(verdict(() => createTransform('insert-steps-after', options(type, 'n'.repeat(101)) as never))).toBe('OPTIONS_INVALID');
    });
  }

  it('a name of 80 characters is written as given', () => {
    const doc = readTaskSequence(Buffer.from('<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="R"><action>smsswd.exe /run: cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step></sequence>'));
    const name = 'Restart into the full operating system after the client and its hotfix are in';
    applyTransform('insert-steps-after', doc, options('restart-computer', name) as never);
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toContain(`name="${name}"`);
  });
});
