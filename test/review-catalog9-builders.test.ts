// Review of the named builders: success codes are taken as written, and a script's wrong name is a typed error.
import { describe, expect, it } from 'vitest';
import { createRunCommandLineStep, createSetVariableStep } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('createRunCommandLineStep success codes', () => {
  it('refuses an empty list and numbers not written in decimal, instead of writing 0 or other numbers', () => {
    for (const successCodes of ['', '   ', '0x10', '1e3', '0 3010,1641', '1.0', '+5']) {
      expect(thrown(() => createRunCommandLineStep({ name: 'Run', commandLine: 'setup.exe', successCodes })).code, successCodes).toBe('INVALID_ARGUMENT');
    }
  });

  it('takes whole numbers separated by any spaces, and defaults to 0 3010', () => {
    expect(createRunCommandLineStep({ name: 'Run', commandLine: 'setup.exe', successCodes: ' 0  1641\t3010 -1 ' }).attributes.successCodeList).toBe('0 1641 3010 -1');
    expect(createRunCommandLineStep({ name: 'Run', commandLine: 'setup.exe' }).attributes.successCodeList).toBe('0 3010');
  });
});

describe('the named builders check a script\'s name and description', () => {
  it('a name or description that is not text is INVALID_ARGUMENT, not a TypeError', () => {
    expect(thrown(() => createSetVariableStep({ name: null as never, variableName: 'A', value: 'b' })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => createSetVariableStep({ name: 'Set', description: 5 as never, variableName: 'A', value: 'b' })).code).toBe('INVALID_ARGUMENT');
  });
});
