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
    expect(validateStepSettings('Check Readiness', { freeDiskSpace: Number.MAX_SAFE_INTEGER })).toEqual([]);
    expect(() => buildStep('Check Readiness', { name: 'C', settings: { freeDiskSpace: Number.MAX_SAFE_INTEGER } })).not.toThrow();
    // A uint setting stops at 2^32 - 1, in the schema as in the builder.
    expect(validateStepSettings('Restart Computer', { target: 'HD', messageTimeout: 2 ** 32 })).not.toEqual([]);
    expect(validateStepSettings('Restart Computer', { target: 'HD', messageTimeout: 2 ** 32 - 1 })).toEqual([]);
  });
});
