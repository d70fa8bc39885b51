// Attributes count against the reader's bound on what the tree costs: `maxNodes` counted `<` only, so one start tag of
// millions of distinct attribute names (36 MB took 800 MB of heap, and minutes to read and write) was bounded by
// nothing but the input's size. Attributes are now held to the same number, counted apart from the markup items.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const stepWith = (n: number): string => {
  const attributes = Array.from({ length: n }, (_, i) => ` a${i}="${i}"`).join('');
  return `<sequence version="3.10">\n<step type="X"${attributes}/>\n</sequence>`;
};

describe('attributes are bounded by maxNodes', () => {
  it('refuses the attribute past the bound, with its place, and reads one at the bound', () => {
    // Three markup items (<sequence>, <step/>, </sequence>): only the attributes can pass a bound of 1,000.
    const over = stepWith(1000); // 1,001 attributes with version and type
    const e = thrown(() => readTaskSequence(over, { maxNodes: 1001 }));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    // The 1,002nd attribute (version, type, a0 … a999) is refused where its name starts.
    const name = over.indexOf(' a999=') + 1;
    expect(e.linePos).toEqual({ line: 2, col: name - over.indexOf('<step') + 1 });
    expect(readTaskSequence(over, { maxNodes: 1002 }).sequence.kind).toBe('sequence');
  });

  it('counts the attributes of every element together', () => {
    const steps = Array.from({ length: 100 }, (_, i) => `<step type="X" name="s${i}" a="1" b="2"/>`).join('');
    const text = `<sequence version="3.10">${steps}</sequence>`;
    // 201 markup items and 401 attributes.
    expect(readTaskSequence(text, { maxNodes: 401 }).sequence.children).toHaveLength(100);
    expect(thrown(() => readTaskSequence(text, { maxNodes: 400 })).code).toBe('INPUT_TOO_LARGE');
  });

  it('leaves room for the corpus-like export of the default size: as many attributes as markup items pass', () => {
    const step = '<step type="SMS_TaskSequence_RunCommandLineAction" name="s" continueOnError="false"><action>x</action></step>';
    const text = `<sequence version="3.10">${step.repeat(500)}</sequence>`;
    // 2,002 markup items and 1,501 attributes.
    expect(readTaskSequence(text, { maxNodes: 2002 }).sequence.children).toHaveLength(500);
  });
});
