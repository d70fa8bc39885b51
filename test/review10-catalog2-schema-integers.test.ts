// Review of the settings schema's integers: validateStepSettings accepted 2^60 for a setting with no range of its
// own, which buildStep and StepView.set refuse (past 2^53 JavaScript has already rounded it). The schema now bounds
// such an integer at Number.MAX_SAFE_INTEGER either side of 0, as the builders do.
import { describe, expect, it } from 'vitest';
import { buildStep, validateStepSettings } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('integers past 2^53 in the settings schema', () => {
  it('validateStepSettings refuses what buildStep refuses', () => {
    for (const n of [2 ** 60, 2 ** 53, -(2 ** 53)]) {
      expect(thrown(() => buildStep('Restart Computer', { name: 'R', settings: { target: 'HD', messageTimeout: n } })).code).toBe('INVALID_ARGUMENT');
      expect(validateStepSettings('Restart Computer', { target: 'HD', messageTimeout: n }), String(n)).not.toEqual([]);
    }
  });

  it('and takes the largest whole number both take', () => {
    // A setting with no range of its own is a uint (steps.json types every integer so): 0 to 2^32 - 1 in both.
    expect(validateStepSettings('Check Readiness', { freeDiskSpace: 2 ** 32 - 1 })).toEqual([]);
    expect(() => buildStep('Check Readiness', { name: 'C', settings: { freeDiskSpace: 2 ** 32 - 1 } })).not.toThrow();
    for (const n of [2 ** 32, -1]) {
      expect(validateStepSettings('Check Readiness', { freeDiskSpace: n }), String(n)).not.toEqual([]);
      expect(thrown(() => buildStep('Check Readiness', { name: 'C', settings: { freeDiskSpace: n } })).code).toBe('INVALID_ARGUMENT');
    }
    // A uint setting stops at 2^32 - 1, in the schema as in the builder.
    expect(validateStepSettings('Restart Computer', { target: 'HD', messageTimeout: 2 ** 32 })).not.toEqual([]);
    expect(validateStepSettings('Restart Computer', { target: 'HD', messageTimeout: 2 ** 32 - 1 })).toEqual([]);
  });
});
