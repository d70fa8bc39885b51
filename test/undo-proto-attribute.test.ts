// An attribute named __proto__ (a valid XML name, which the reader keeps as an own property) was lost when a failed
// apply put back an element whose attributes the transform had changed: the undo point set each attribute by
// assignment, and assigning __proto__ on a plain object sets its prototype instead. It is now put back as an own
// property, in its place, and the document reads as it did.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

describe('an undone apply and an attribute named __proto__', () => {
  it('puts the attribute back, in its place', () => {
    const xml = '<sequence version="3.10"><step type="X" __proto__="v" name="a"><action>x</action></step></sequence>';
    const doc = readTaskSequence(xml);
    const step = doc.sequence.children[0] as { attributes: Record<string, string> };
    expect(verdict(() => doc.apply(() => {
      step.attributes.name = 'b';
      delete step.attributes.type;
      throw new Error('fails part-way');
    }))).toBe('Error: fails part-way');
    expect(Object.hasOwn(step.attributes, '__proto__')).toBe(true);
    expect(Object.keys(step.attributes)).toEqual(['type', '__proto__', 'name']);
    expect(doc.toString()).toBe(xml);
  });
});
