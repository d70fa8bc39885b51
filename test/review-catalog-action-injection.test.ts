import { describe, expect, it } from 'vitest';
import { buildStep, stepView } from '../lib/catalog/index.js';
import { getAction } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

describe('a value the engine would read differently from its action line is refused', () => {
  it('a variable name holding = (tsenv.exe would set another variable to another value)', () => {
    expect(verdict(() => buildStep('Set Task Sequence Variable', { name: 'Set', settings: { variableName: 'OSDComputerName=PC01', variableValue: 'x' } }))).toBe('INVALID_ARGUMENT');
    const step = buildStep('Set Task Sequence Variable', { name: 'Set', settings: { variableName: 'OSDComputerName', variableValue: 'PC01' } });
    const before = getAction(step);
    expect(verdict(() => stepView<'SMS_TaskSequence_SetVariableAction'>(step).set('variableName', 'A=B'))).toBe('INVALID_ARGUMENT');
    expect(getAction(step)).toBe(before);
    expect(stepView(step).get('variableName' as never)).toBe('OSDComputerName');
  });

  it('a package ID holding a space (smsswd.exe /run: would take the rest as the command line)', () => {
    expect(verdict(() => buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'setup.exe', packageId: 'ABC00001 cmd.exe /c' } }))).toBe('INVALID_ARGUMENT');
    const step = buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'setup.exe', packageId: 'ABC00001' } });
    expect(verdict(() => stepView<'SMS_TaskSequence_RunCommandLineAction'>(step).set('packageId', 'ABC00002 evil.exe'))).toBe('INVALID_ARGUMENT');
    expect(getAction(step)).toBe('smsswd.exe /run:ABC00001 setup.exe');
  });

  it('values the line reads back as written are kept: =, quotes and switches in a value, a destination variable, a command line', () => {
    const set = buildStep('Set Task Sequence Variable', { name: 'Set', settings: { variableName: 'Args', variableValue: 'a=b "c d" /x:1' } });
    expect(getAction(set)).toBe('tsenv.exe "Args=a=b "c d" /x:1" /hiddenflag:False');
    const apply = buildStep('Apply Operating System Image', { name: 'Apply', settings: { imagePackageId: 'ABC00001', imageIndex: 1, destinationVariable: 'OSDisk' } });
    stepView<'SMS_TaskSequence_ApplyOperatingSystemAction'>(apply).set('destinationVariable', 'WindowsDrive');
    const run = buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'cmd.exe /c "a & b"', packageId: '%PKG%' } });
    expect(getAction(run)).toBe('smsswd.exe /run:%PKG% cmd.exe /c "a & b"');
  });
});
