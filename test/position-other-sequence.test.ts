// addItem or moveItem given a position in another document's sequence ({ last: other.sequence }) was refused as
// "The group "" is not in this sequence": a sequence called a group, with no name, which sent a script looking for a
// group. It is still STEP_NOT_FOUND, and now says that the position names another sequence and what to call instead.
import { describe, expect, it } from 'vitest';
import { addItem, createRunCommandLineStep, moveItem, readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const XML = '<sequence version="3.00"><group name="g"><step type="T" name="a"/></group></sequence>';

describe('a position in another sequence', () => {
  it('is refused naming the other sequence, not as a group with no name', () => {
    const doc = readTaskSequence(XML);
    const other = readTaskSequence(XML);
    const a = doc.steps()[0]?.node as never;
    const step = createRunCommandLineStep({ name: 'n', commandLine: 'c' });
    for (const f of [() => addItem(doc.sequence, step, { last: other.sequence }), () => moveItem(doc.sequence, a, { first: other.sequence }), () => moveItem(doc.sequence, a, { parent: other.sequence, index: 0 })]) {
      const e = thrown(f);
      expect(e.code).toBe('STEP_NOT_FOUND');
      expect(e.message).toMatch(/^The position names another sequence than the one the edit is made in.*copyItemTo/);
    }
    expect(doc.toString()).toBe(XML);
    expect(other.toString()).toBe(XML);
  });
});
