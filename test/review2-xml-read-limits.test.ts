// The reader's limits are checked, not trusted: NaN compares false with everything, so `maxBytes: NaN`,
// `maxDepth: NaN` or `maxNodes: NaN` turned that limit off without a word, and 0, a negative or a fraction gave
// refusals that named a limit no input can meet.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const deep = `<sequence version="3.10">${'<group>'.repeat(300)}${'</group>'.repeat(300)}</sequence>`;

describe('read limits are positive whole numbers', () => {
  for (const name of ['maxBytes', 'maxDepth', 'maxNodes'] as const) {
    for (const value of [Number.NaN, 0, -1, 2.5, Number.POSITIVE_INFINITY, '10' as unknown as number]) {
      it(`${name}: ${String(value)} is INVALID_ARGUMENT, before the input is read`, () => {
        const e = thrown(() => readTaskSequence(deep, { [name]: value }));
        expect(e.code).toBe('INVALID_ARGUMENT');
        expect(e.message).toContain(name);
      });
    }
  }

  it('a limit given as a positive whole number still holds', () => {
    expect(thrown(() => readTaskSequence(deep)).code).toBe('XML_TOO_DEEP');
    expect(thrown(() => readTaskSequence(deep, { maxDepth: 100 })).code).toBe('XML_TOO_DEEP');
    expect(readTaskSequence(deep, { maxDepth: 400 }).sequence.kind).toBe('sequence');
    expect(thrown(() => readTaskSequence(deep, { maxBytes: 100 })).code).toBe('INPUT_TOO_LARGE');
    expect(thrown(() => readTaskSequence(deep, { maxNodes: 100 })).code).toBe('INPUT_TOO_LARGE');
  });
});
