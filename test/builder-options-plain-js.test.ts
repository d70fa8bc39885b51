// The step and group builders given what plain JavaScript (or data read from a file) can give: no options at all, or
// a flag that is a string. createRunCommandLineStep(null) and createSetupWindowsStep(null) threw a TypeError, and
// { disabled: 'false' } (truthy) built a disabled step or group, the opposite of what was written; createPackageReference
// took null for the package ID and wrote no attribute for it. Now INVALID_ARGUMENT naming the builder.
import { describe, expect, it } from 'vitest';
import {
  createGroup,
  createInstallSoftwareStep,
  createPackageReference,
  createRestartComputerStep,
  createRunCommandLineStep,
  createSetupWindowsStep,
  createSetVariableStep,
} from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('builders given the wrong thing', () => {
  it('refuse it with INVALID_ARGUMENT naming the builder', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['createRunCommandLineStep(null)', () => createRunCommandLineStep(null as never), /^createRunCommandLineStep takes an object of options.*given null/],
      ['createSetupWindowsStep(null)', () => createSetupWindowsStep(null as never), /^createSetupWindowsStep takes an object of options/],
      ['createInstallSoftwareStep("x")', () => createInstallSoftwareStep('x' as never), /^createInstallSoftwareStep takes an object of options.*a string/],
      ['createRestartComputerStep(undefined)', () => createRestartComputerStep(undefined as never), /^createRestartComputerStep takes an object of options/],
      ['createSetVariableStep([])', () => createSetVariableStep([] as never), /^createSetVariableStep takes an object of options.*an array/],
      ['disabled: "false"', () => createRunCommandLineStep({ name: 'n', commandLine: 'c', disabled: 'false' as never }), /^createRunCommandLineStep: disabled is true or false.*a string/],
      ['continueOnError: 1', () => createSetVariableStep({ name: 'n', variableName: 'V', value: 'v', continueOnError: 1 as never }), /^createSetVariableStep: continueOnError is true or false/],
      ['retryAttributes: "no"', () => createRestartComputerStep({ name: 'n', retryAttributes: 'no' as never }), /^createRestartComputerStep: retryAttributes is true or false/],
      ['createGroup disabled: "false"', () => createGroup({ name: 'g', disabled: 'false' as never }), /^createGroup: disabled is true or false/],
      ['createPackageReference(null)', () => createPackageReference(null as never), /^createPackageReference takes a string as the package ID.*given null/],
      ['createPackageReference(…, 5)', () => createPackageReference('ABC00001', 5 as never), /^createPackageReference takes a string as the program/],
    ];
    for (const [label, f, message] of cases) {
      const e = thrown(f);
      expect(e.code, label).toBe('INVALID_ARGUMENT');
      expect(e.message, label).toMatch(message);
    }
  });

  it('still build with boolean flags as before', () => {
    expect(createRunCommandLineStep({ name: 'n', commandLine: 'c', disabled: true }).attributes.disable).toBe('true');
    expect(createRunCommandLineStep({ name: 'n', commandLine: 'c', disabled: false }).attributes.disable).toBeUndefined();
    expect(createGroup({ name: 'g', continueOnError: true }).attributes.continueOnError).toBe('true');
    expect(createPackageReference('ABC00001', 'Install').attributes).toEqual({ package: 'ABC00001', program: 'Install' });
  });
});
