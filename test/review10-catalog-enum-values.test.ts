// Review of enum settings: a value outside the catalog's allowed list was written as given by buildStep and
// StepView.set, though the settings schema and lint refuse it. Now it is refused with the allowed values named;
// the list is compared without case (consoles differ in case) and an empty text stays allowed, as in the schema.
import { describe, expect, it } from 'vitest';
import { buildStep, readTaskSequence, findItems, stepView, type Step } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

// A script passes any text (no compiler checks it); typed, the setting takes its allowed values only.
const restart = (target: string) => buildStep('Restart Computer', { name: 'R', settings: { target: target as never } });

describe('enum settings outside the allowed list', () => {
  it('buildStep refuses the value, naming the allowed ones', () => {
    const e = thrown(() => restart('Bogus'));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('"HD"');
    expect(e.message).toContain('"WinPE"');
  });

  it('an array item field is checked too', () => {
    const e = thrown(() => buildStep('Format and Partition Disk', { name: 'P', settings: { diskIndex: 0, partitionStyle: 'GPT', partitions: [{ type: 'Primary', quickFormat: true, sizeUnits: 'TB' as never }] } }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('partitions[0].sizeUnits');
  });

  it('StepView.set refuses the value and leaves the step as it was', () => {
    const step = restart('HD') as Step;
    const before = JSON.stringify(step);
    expect(thrown(() => stepView<'SMS_TaskSequence_RebootAction'>(step).set('target', 'Bogus' as never)).code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(step)).toBe(before);
  });

  it('allowed values in any case, and empty, are still written as given', () => {
    expect(JSON.stringify(restart('winpe'))).toContain('smsboot.exe /target:winpe');
    const step = restart('HD') as Step;
    stepView<'SMS_TaskSequence_RebootAction'>(step).set('target', 'WinPE');
    expect(stepView<'SMS_TaskSequence_RebootAction'>(step).settings.target).toBe('WinPE');
    expect(() => buildStep('Capture User State', { name: 'C', settings: { fileAccess: '', usmtPackageId: 'ABC00001' } })).not.toThrow();
  });

  it('a file holding a value outside the list reads it as verbatim, so its settings build again', () => {
    const xml = '<sequence version="3.10"><step type="SMS_TaskSequence_RebootAction" name="R" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:Other</action><defaultVarList><variable name="SMSRebootTarget" property="Target" hidden="true">Other</variable></defaultVarList></step></sequence>';
    const step = findItems(readTaskSequence(Buffer.from(xml)).sequence, { kind: 'step' })[0]?.node as Step;
    const view = stepView<'SMS_TaskSequence_RebootAction'>(step);
    expect(view.settings.target).toBeUndefined();
    expect(view.verbatim).toEqual({ Target: 'Other' });
    const again = buildStep('Restart Computer', { name: 'R', settings: view.settings as never, verbatim: view.verbatim });
    expect(JSON.stringify(again)).toContain('smsboot.exe /target:Other');
  });
});
