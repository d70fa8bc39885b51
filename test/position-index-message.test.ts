// An index that is no whole number ({ parent, index: '1' }, as data read from a file gives it, or 1.5) was refused as
// "Index 1 is outside 0…2", a message that contradicts itself. Still INVALID_ARGUMENT, it now says that the index must
// be a whole number, and shows what was given (a string as a string).
import { describe, expect, it } from 'vitest';
import { addItem, createRunCommandLineStep, moveItem, readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const XML = '<sequence version="3.00"><group name="g"><step type="T" name="a"/><step type="T" name="b"/></group><step type="T" name="d"/></sequence>';

describe('an index that is no whole number', () => {
  it('is refused saying so, not as outside a range it is inside', () => {
    const doc = readTaskSequence(XML);
    const group = doc.groups()[0]?.node as never;
    const d = doc.find({ name: 'd' })?.node as never;
    const cases: [() => unknown, RegExp][] = [
      [() => moveItem(doc.sequence, d, { parent: group, index: '1' as never }), /^The index must be a whole number from 0 to 2; it was given a string \("1"\)\.$/],
      [() => moveItem(doc.sequence, d, { parent: group, index: 1.5 }), /^The index must be a whole number from 0 to 2; it was given 1\.5\.$/],
      [() => addItem(doc.sequence, createRunCommandLineStep({ name: 'n', commandLine: 'c' }), { parent: group, index: Number.NaN }), /^The index must be a whole number from 0 to 2; it was given NaN\.$/],
      [() => moveItem(doc.sequence, d, { parent: group, index: 3 }), /^Index 3 is outside 0…2\.$/],
    ];
    for (const [f, message] of cases) {
      const e = thrown(f);
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toMatch(message);
    }
    expect(doc.toString()).toBe(XML);
  });
});
