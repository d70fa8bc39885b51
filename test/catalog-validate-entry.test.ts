// validateStepSettings takes a step type as stepSettingsSchema does: its catalog entry (as stepCatalog lists them), its
// type or its console name. An entry used to be refused with its whole text in the message (5 KB of JSON).
import { describe, expect, it } from 'vitest';
import { stepCatalog, stepSettingsSchema, validateStepSettings } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const restart = () => {
  const entry = stepCatalog.find((e) => e.type === 'SMS_TaskSequence_RebootAction');
  if (!entry) throw new Error('the catalog has no Restart Computer');
  return entry;
};

describe('validateStepSettings with a catalog entry', () => {
  it('judges settings as it does for the type and the console name', () => {
    const entry = restart();
    for (const settings of [{ messageTimeout: 30 }, { messageTimeout: -5 }, { nope: 1 }, { target: 'Nowhere' }]) {
      const byType = validateStepSettings(entry.type, settings);
      expect(validateStepSettings(entry, settings)).toEqual(byType);
      expect(validateStepSettings(entry.consoleName, settings)).toEqual(byType);
    }
    expect(validateStepSettings(entry, { messageTimeout: -5 })).not.toEqual([]);
    expect(validateStepSettings(entry, { messageTimeout: 30 })).toEqual([]);
  });

  it('an entry changed by the caller is judged by what it says, again and again, beside the catalog own', () => {
    const entry = restart();
    // The same entry without its time-out setting: that setting is then unknown to it.
    const without = { ...entry, variables: entry.variables.filter((v) => v.setting !== 'messageTimeout') };
    for (let i = 0; i < 3; i++) {
      expect(validateStepSettings(without, { messageTimeout: 30 })).not.toEqual([]);
      expect(validateStepSettings(entry, { messageTimeout: 30 })).toEqual([]);
    }
    expect(stepSettingsSchema(without).properties).not.toHaveProperty('messageTimeout');
  });

  it('what is no entry, type or console name is refused in a short message', () => {
    for (const bad of ['No Such Step', { type: 'X' }, null, 42]) {
      const e = thrown(() => validateStepSettings(bad as never, {}));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message.length).toBeLessThan(200);
    }
  });
});
