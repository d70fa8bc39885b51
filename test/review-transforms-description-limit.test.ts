// A new step's description: the WMI provider takes at most 255 characters (SMS_TaskSequence_Step.Description,
// AllowedLen 0-255), and the transform refuses more. The options schema allowed 256 (the console's limit), so a
// description of 256 passed the schema and was refused later as INVALID_ARGUMENT, not as the options' OPTIONS_INVALID.
import { describe, expect, it } from 'vitest';
import { createTransform } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

const withDescription = (length: number) => ({
  after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' },
  steps: [{ type: 'run-command-line', name: 'Log', description: 'd'.repeat(length), commandLine: 'cmd /c echo' }],
});

const codeOf = (length: number) => verdict(() => createTransform('insert-steps-after', withDescription(length) as never));

describe('insert-steps-after options: a step description', () => {
  it('of 255 characters is taken, and one of 256 is refused by the options schema', () => {
    expect(codeOf(255)).toBe('ok');
    expect(codeOf(256)).toBe('OPTIONS_INVALID');
  });
});
