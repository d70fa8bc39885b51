import { describe, expect, it } from 'vitest';
import { buildStep, stepView, type DynamicRule } from '../lib/catalog/index.js';
import { findSteps, getAction, readTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

const PARTITIONS = { partitionStyle: 'MBR' as const, diskIndex: 0 };
const runCommand = () => buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'setup.exe' } });
const installApp = (applicationName: string[]) => buildStep('Install Application', { name: 'Apps', settings: { applicationName } });

/** The step's settings once written into a sequence and read back. */
function readBack(step: ReturnType<typeof buildStep>): Record<string, unknown> {
  const doc = readTaskSequence('<sequence version="3.10"></sequence>');
  doc.sequence.children.push(step);
  return stepView(findSteps(readTaskSequence(writeTaskSequenceText(doc)).sequence)[0]?.node as Step).settings;
}

describe('a typed value that would not read back as given is refused', () => {
  it('a list item holding a comma, and a list of one empty item, are refused (they read back as other lists)', () => {
    expect(verdict(() => installApp(['Application_1,Application_2', 'Application_3']))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => installApp(['']))).toBe('INVALID_ARGUMENT');
    const step = installApp(['Application_1']);
    expect(verdict(() => stepView<'SMS_TaskSequence_InstallApplicationAction'>(step).set('applicationName', ['a,b']))).toBe('INVALID_ARGUMENT');
    expect(getAction(step)).toBe('smsappinstall.exe /app:Application_1 /basevar: /continueOnError:False');
    // Empty items among others, and an empty list, read back as they are.
    expect(readBack(installApp(['Application_1', '']))).toMatchObject({ applicationName: ['Application_1', ''] });
    // An empty list beside a base variable (an application list or a base variable, setting-choices.ts).
    const dynamic = buildStep('Install Application', { name: 'Apps', settings: { applicationName: [], baseVariableName: 'APPS' } });
    expect(readBack(dynamic)).toMatchObject({ applicationName: [] });
  });

  it('an integer JavaScript prints in exponent form is refused, not written as 1e+21', () => {
    expect(verdict(() => buildStep('Restart Computer', { name: 'Restart', settings: { target: 'HD', messageTimeout: 1e21 } }))).toBe('INVALID_ARGUMENT');
    const step = buildStep('Restart Computer', { name: 'Restart', settings: { target: 'HD', messageTimeout: 60 } });
    expect(verdict(() => stepView<'SMS_TaskSequence_RebootAction'>(step).set('messageTimeout', 1e21))).toBe('INVALID_ARGUMENT');
    expect(readBack(step)).toMatchObject({ messageTimeout: 60 });
  });

  it('success codes must be one or more integers', () => {
    expect(verdict(() => buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'x', successCodes: [] } }))).toBe('INVALID_ARGUMENT');
    const step = runCommand();
    expect(verdict(() => stepView<'SMS_TaskSequence_RunCommandLineAction'>(step).set('successCodes', []))).toBe('INVALID_ARGUMENT');
    expect(step.attributes.successCodeList).toBe('0 3010');
  });

  it('an array given as a count, array items that are not objects, and item fields the type does not have, are refused', () => {
    expect(verdict(() => buildStep('Format and Partition Disk', { name: 'Disk', settings: { ...PARTITIONS, partitions: [null as never] } }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => buildStep('Format and Partition Disk', { name: 'Disk', settings: { ...PARTITIONS, partitions: 2 as never } }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => buildStep('Format and Partition Disk', { name: 'Disk', settings: { ...PARTITIONS, partitions: [{ sizeUnits: 'MB', bogus: 1 } as never] } }))).toBe('INVALID_ARGUMENT');
    const step = buildStep('Format and Partition Disk', { name: 'Disk', settings: { ...PARTITIONS, partitions: [] } });
    const view = stepView<'SMS_TaskSequence_PartitionDiskAction'>(step);
    expect(verdict(() => view.set('partitions', [null as never]))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => view.set('partitions', [{ bogus: 1 } as never]))).toBe('INVALID_ARGUMENT');
    expect(view.get('partitions')).toEqual([]);
  });

  it('Set Dynamic Variables rules of the wrong shape are refused with a typed error', () => {
    for (const rules of [[null], [{}], [{ variables: [{ name: 'A', value: 1, secret: false }] }], [{ conditions: [{ type: 'T', parameters: { a: 1 } }], variables: [] }]]) {
      expect(verdict(() => buildStep('Set Dynamic Variables', { name: 'Rules', settings: { rules: rules as never } }))).toBe('INVALID_ARGUMENT');
    }
    const rules: DynamicRule[] = [{ conditions: [{ type: 'SMS_TaskSequence_VariableConditionExpression', parameters: { Operator: 'equals', Value: '1', Variable: 'A' } }], variables: [{ name: 'B', value: 'x & <y>', secret: false }] }];
    expect(readBack(buildStep('Set Dynamic Variables', { name: 'Rules', settings: { rules } }))).toEqual({ rules });
  });
});
