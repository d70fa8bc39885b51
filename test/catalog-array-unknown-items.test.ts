// Apply Network Settings' adapters is an array whose items the catalog cannot write (no export shows one): the
// builders, `set` and the settings schema agree that it can only be empty, instead of the builder writing a bare
// count that reads back as no array and `set` refusing what the builder accepted.
import { describe, expect, it } from 'vitest';
import { validateStepSettings } from '../lib/catalog/step-schemas.js';
import { buildStep, findSteps, readTaskSequence, stepView, writeTaskSequenceText } from './helpers/api.js';

const TYPE = 'SMS_TaskSequence_ApplyNetworkSettingsAction';

function built(adapters: unknown): () => unknown {
  return () => buildStep(TYPE, { name: 'Apply Network Settings', settings: { networkJoinType: '1', workgroupName: 'WG', adapters } as never });
}

describe('an array whose items are not known', () => {
  it('is refused by the builder as a count or as items, and taken empty', () => {
    expect(built(2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/list of items/) }));
    expect(built([{}])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/can only be empty/) }));
    const step = buildStep(TYPE, { name: 'Apply Network Settings', settings: { networkJoinType: '1', workgroupName: 'WG', adapters: [] } });
    expect(stepView(step).settings.adapters).toEqual([]);
  });

  it('is refused by set as the builder refuses it, leaving the step as it was', () => {
    const doc = readTaskSequence('<sequence version="3.00"/>');
    const text = writeTaskSequenceText(doc);
    const step = buildStep(TYPE, { name: 'Apply Network Settings', settings: { networkJoinType: '1', workgroupName: 'WG' } });
    const view = stepView(step);
    const before = JSON.stringify(step);
    expect(() => view.set('adapters', 2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => view.set('adapters', [{}])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/can only be empty/) }));
    expect(JSON.stringify(step)).toBe(before);
    view.set('adapters', []);
    expect(view.settings.adapters).toEqual([]);
    expect(findSteps(doc.sequence)).toHaveLength(0);
    expect(writeTaskSequenceText(doc)).toBe(text);
  });

  it('is only empty in the settings schema too', () => {
    expect(validateStepSettings(TYPE, { adapters: [] })).toEqual([]);
    expect(validateStepSettings(TYPE, { adapters: 2 })).not.toEqual([]);
    expect(validateStepSettings(TYPE, { adapters: [{}] })).not.toEqual([]);
  });
});
