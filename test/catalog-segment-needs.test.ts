// A switch of the action line written with one setting can need others. A destination disk with no partition built
// `OSDApplyOS.exe /image:ABC00001,%OSDImageIndex% /target:0,`, a line no engine reads, and `set` wrote it too; and the
// settings schema (and the text form's, which `cmts build` checks first) took a configuration package with no file
// name and a boot-critical driver with none of its four values, which the builders refuse. The three now agree.
import { describe, expect, it } from 'vitest';
import { buildStep, stepView, validateStepSettings, validatorFor, type Step } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

const action = (step: Step) => (step.children.find((c) => c.kind === 'action') as { value: string }).value;
const BOOT_CRITICAL = { bootCriticalContentUniqueId: 'U', bootCriticalInfFile: 'x.inf', bootCriticalHardwareComponent: 'scsi', bootCriticalId: 'ID' };

describe('a destination disk without its partition', () => {
  it.each(['Apply Operating System Image', 'Apply Data Image'])('is refused by the builder of %s, naming the partition, and built with it', (kind) => {
    const settings = { imagePackageId: 'ABC00001', destinationDisk: 0 };
    const e = thrown(() => buildStep(kind, { name: 'x', settings }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('destinationPartition');
    expect(action(buildStep(kind, { name: 'x', settings: { ...settings, destinationPartition: 2 } }) as Step)).toContain(' /target:0,2');
    expect(validateStepSettings(kind, settings)).toEqual(['(top level): destinationPartition is needed with destinationDisk']);
    expect(validateStepSettings(kind, { ...settings, destinationPartition: 2 })).toEqual([]);
  });

  it('is refused by set, which leaves the step as it was; given the partition first, the disk is set', () => {
    const step = buildStep('Apply Operating System Image', { name: 'x', settings: { imagePackageId: 'ABC00001' } }) as Step;
    const before = JSON.stringify(step);
    expect(verdict(() => stepView<'SMS_TaskSequence_ApplyOperatingSystemAction'>(step).set('destinationDisk', 0))).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(step)).toBe(before);
    const view = stepView<'SMS_TaskSequence_ApplyOperatingSystemAction'>(step);
    view.set('destinationPartition', 1);
    view.set('destinationDisk', 0);
    expect(action(step)).toContain(' /target:0,1');
  });
});

describe('the settings schema holds what the builders refuse', () => {
  it('a configuration package needs its file name', () => {
    const settings = { imagePackageId: 'ABC00001', configFilePackage: 'ABC00002' };
    expect(verdict(() => buildStep('Apply Operating System Image', { name: 'x', settings }))).toBe('INVALID_ARGUMENT');
    expect(validateStepSettings('Apply Operating System Image', settings)).toEqual(['(top level): configFileName is needed with configFilePackage']);
    expect(validateStepSettings('Apply Operating System Image', { ...settings, configFileName: 'unattend.xml' })).toEqual([]);
  });

  it('a boot-critical driver needs its four values, each named once', () => {
    const settings = { driverPackageId: 'ABC00001', bootCriticalDriverId: 'D' };
    expect(verdict(() => buildStep('Apply Driver Package', { name: 'x', settings }))).toBe('INVALID_ARGUMENT');
    expect(validateStepSettings('Apply Driver Package', settings).sort()).toEqual(Object.keys(BOOT_CRITICAL).map((k) => `(top level): ${k} is needed with bootCriticalDriverId`).sort());
    expect(validateStepSettings('Apply Driver Package', { ...settings, ...BOOT_CRITICAL })).toEqual([]);
    expect(action(buildStep('Apply Driver Package', { name: 'x', settings: { ...settings, ...BOOT_CRITICAL } }) as Step)).toContain('/bootcritical:');
  });

  it('and so does the text form schema that cmts build checks a file against', () => {
    const validate = validatorFor('sequence-text.schema.json');
    const text = (settings: Record<string, unknown>) => ({ steps: [{ step: 'Apply Operating System Image', name: 'Apply', settings }] });
    expect(validate(text({ imagePackageId: 'ABC00001', configFilePackage: 'ABC00002' }))).toBe(false);
    expect(validate(text({ imagePackageId: 'ABC00001', destinationDisk: 0 }))).toBe(false);
    expect(validate(text({ imagePackageId: 'ABC00001', configFilePackage: 'ABC00002', configFileName: 'unattend.xml', destinationDisk: 0, destinationPartition: 1 }))).toBe(true);
  });
});
