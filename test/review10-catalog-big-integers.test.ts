// Review of whole-number settings past 2^53: JavaScript had already rounded such a number when buildStep, set or
// createRunCommandLineStep wrote it (2^60 + 1 was written as 1152921504606847000), so the file held another value
// than the script's. Numbers beyond Number.MAX_SAFE_INTEGER are now refused (give them as verbatim text), and a file's
// such value reads as verbatim, as setAttribute's time-out already did.
import { describe, expect, it } from 'vitest';
import { buildStep, createRunCommandLineStep, readTaskSequence, findItems, stepView, type Step } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const restart = (settings: object, options: object = {}) => buildStep('Restart Computer', { name: 'R', settings: { target: 'HD', ...settings }, ...options });

describe('whole numbers JavaScript cannot hold exactly', () => {
  it('buildStep refuses an integer setting past 2^53 (and past 2^32 - 1), and writes the largest uint', () => {
    expect(thrown(() => restart({ messageTimeout: 2 ** 60 + 1 })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => restart({ messageTimeout: 2 ** 53 })).code).toBe('INVALID_ARGUMENT');
    // A setting with no bound of its own is a uint (steps.json types every integer so) and stops at 2^32 - 1 too.
    expect(thrown(() => buildStep('Check Readiness', { name: 'C', settings: { freeDiskSpace: Number.MAX_SAFE_INTEGER } })).message).toContain('from 0 to 4294967295');
    expect(JSON.stringify(buildStep('Check Readiness', { name: 'C', settings: { freeDiskSpace: 2 ** 32 - 1 } }))).toContain('"4294967295"');
    expect(thrown(() => restart({ messageTimeout: 2 ** 32 })).code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(restart({ messageTimeout: 2 ** 32 - 1 }))).toContain('"4294967295"');
  });

  it('the step time-out past 2^53 is refused too', () => {
    expect(thrown(() => restart({}, { timeout: 2 ** 60 })).code).toBe('INVALID_ARGUMENT');
  });

  it('success codes past 2^53 are refused, not rounded', () => {
    expect(thrown(() => createRunCommandLineStep({ name: 'R', commandLine: 'x', successCodes: '0 99999999999999999999' })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => buildStep('Run Command Line', { name: 'R', settings: { commandLine: 'x' }, successCodes: [0, 2 ** 60] })).code).toBe('INVALID_ARGUMENT');
  });

  it('StepView.set refuses it and leaves the step as it was', () => {
    const step = restart({ messageTimeout: 5 }) as Step;
    const before = JSON.stringify(step);
    expect(thrown(() => stepView<'SMS_TaskSequence_RebootAction'>(step).set('messageTimeout', 2 ** 60)).code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(step)).toBe(before);
  });

  it('a file holding 2^53 reads it as verbatim text, which builds again as written', () => {
    const xml = '<sequence version="3.10"><step type="SMS_TaskSequence_RebootAction" name="R" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootTimeout" property="MessageTimeout">9007199254740992</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step></sequence>';
    const view = stepView<'SMS_TaskSequence_RebootAction'>(findItems(readTaskSequence(Buffer.from(xml)).sequence, { kind: 'step' })[0]?.node as Step);
    expect(view.settings.messageTimeout).toBeUndefined();
    expect(view.verbatim).toEqual({ MessageTimeout: '9007199254740992' });
    expect(JSON.stringify(buildStep('Restart Computer', { name: 'R', settings: view.settings as never, verbatim: view.verbatim }))).toContain('"9007199254740992"');
  });
});
