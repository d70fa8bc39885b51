// Review of success codes given through the catalog: Run Command Line's settings.successCodes took any whole number
// up to 2^53 (4294967296 was written into successCodeList, though no exit code is that large), and a bad one was
// refused with "successCodes must be a codes value", naming neither the code nor the range. They now take exit codes
// only, the text form's range (-2147483648 to 4294967295: 32 bits, signed or unsigned), and a refusal names the code.
import { describe, expect, it } from 'vitest';
import { fromYaml, sequenceToText, toYaml } from '../lib/text/index.js';
import { buildStep, findItems, readTaskSequence, createRunCommandLineStep, setSuccessCodes, stepView, validateStepSettings, type Step } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const run = (settings: object, options: object = {}) => buildStep('Run Command Line', { name: 'R', settings: { commandLine: 'x', ...settings }, ...options });

describe('success codes are exit codes', () => {
  it('settings.successCodes out of the exit-code range is refused, naming the code and the range', () => {
    for (const bad of [4294967296, -2147483649, 2 ** 40]) {
      const e = thrown(() => run({ successCodes: [0, bad] }));
      expect(e.code, String(bad)).toBe('INVALID_ARGUMENT');
      expect(e.message, String(bad)).toContain(String(bad));
      expect(e.message, String(bad)).toContain('-2147483648 to 4294967295');
      expect(e.message, String(bad)).not.toContain('codes value');
    }
  });

  it('a code that is no number is named, cut when long', () => {
    const e = thrown(() => run({ successCodes: [0, 'x'.repeat(5000)] }));
    expect(e.message).toContain('(5000 characters)');
    expect(e.message.length).toBeLessThan(400);
    expect(thrown(() => run({ successCodes: [] })).message).not.toContain('codes value');
  });

  it('both spellings of a 32-bit exit code are written', () => {
    expect(JSON.stringify(run({ successCodes: [0, -2147483648, 4294967295, 3247440400] }))).toContain('successCodeList":"0 -2147483648 4294967295 3247440400"');
  });

  it('the step option, StepView.set, setSuccessCodes and createRunCommandLineStep take the same range', () => {
    expect(thrown(() => run({}, { successCodes: [0, 4294967296] })).message).toContain('4294967296');
    const step = run({}) as Step;
    const before = JSON.stringify(step);
    expect(thrown(() => stepView<'SMS_TaskSequence_RunCommandLineAction'>(step).set('successCodes', [4294967296])).message).toContain('4294967296');
    expect(thrown(() => setSuccessCodes(step, [0, -2147483649])).message).toContain('-2147483649');
    expect(JSON.stringify(step)).toBe(before);
    expect(thrown(() => createRunCommandLineStep({ name: 'R', commandLine: 'x', successCodes: '0 4294967296' })).message).toContain('4294967296');
  });

  it('the settings schema says the same', () => {
    expect(validateStepSettings('Run Command Line', { commandLine: 'x', successCodes: [0, 4294967296] })).not.toEqual([]);
    expect(validateStepSettings('Run Command Line', { commandLine: 'x', successCodes: [0, 4294967295, -2147483648] })).toEqual([]);
  });

  it('a file\'s SuccessCodes past the range reads as verbatim text, and converts to the text form and back', () => {
    const xml = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="R" description="" runIn="WinPEandFullOS" successCodeList="0 5000000000"><action>cmd /c x</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c x</variable><variable name="SuccessCodes" property="SuccessCodes" hidden="true">0 5000000000</variable></defaultVarList></step></sequence>';
    const doc = readTaskSequence(xml);
    const view = stepView<'SMS_TaskSequence_RunCommandLineAction'>(findItems(doc.sequence, { kind: 'step' })[0]?.node as Step);
    expect(view.settings.successCodes).toBeUndefined();
    expect(view.verbatim).toEqual({ SuccessCodes: '0 5000000000' });
    const text = sequenceToText(doc);
    expect(sequenceToText(fromYaml(toYaml(doc)))).toEqual(text);
  });
});
