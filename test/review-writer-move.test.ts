// moveItem took the item out of the tree first and then added it at the position: a position that could not be
// reached once the item was out (next to the item itself, next to a step inside the group being moved, an index past
// the end, a group of another sequence) threw, and the document was left without the item. A move that fails now
// leaves the document as it was; a move next to the item itself leaves it where it is.
import { describe, expect, it } from 'vitest';
import { moveItem, readTaskSequence, writeTaskSequenceText, type Group, type Position, type Sequence, type SequenceItem } from './helpers/api.js';

const SOURCE = '<sequence version="3.10">\n  <step type="T" name="A"/>\n  <group name="G">\n    <step type="T" name="B"/>\n  </group>\n</sequence>\n';

function parts(seq: Sequence): { a: SequenceItem; g: Group; b: SequenceItem } {
  const [a, g] = seq.children.filter((c): c is SequenceItem => c.kind === 'step' || c.kind === 'group');
  const b = (g as Group).children.find((c): c is SequenceItem => c.kind === 'step');
  return { a: a as SequenceItem, g: g as Group, b: b as SequenceItem };
}

describe('moveItem', () => {
  it('leaves an item moved next to itself where it is', () => {
    for (const where of ['before', 'after'] as const) {
      const doc = readTaskSequence(SOURCE);
      const { a } = parts(doc.sequence);
      moveItem(doc.sequence, a, where === 'before' ? { before: a } : { after: a });
      expect(writeTaskSequenceText(doc)).toBe(SOURCE);
    }
  });

  it('refuses to move a group next to a step inside it, and keeps the group', () => {
    for (const where of ['before', 'after'] as const) {
      const doc = readTaskSequence(SOURCE);
      const { g, b } = parts(doc.sequence);
      expect(() => moveItem(doc.sequence, g, (where === 'before' ? { before: b } : { after: b }) as Position)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
      expect(writeTaskSequenceText(doc)).toBe(SOURCE);
    }
  });

  it('keeps the item where it was when the position cannot be reached', () => {
    const other = readTaskSequence(SOURCE);
    const positions: [(s: Sequence) => Position, string][] = [
      ((s) => ({ parent: s, index: 9 })) as (s: Sequence) => Position,
      ((s) => ({ parent: s, index: -1 })) as (s: Sequence) => Position,
      () => ({ first: parts(other.sequence).g }),
      () => ({ before: parts(other.sequence).b }),
    ].map((p, i) => [p, ['INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'STEP_NOT_FOUND', 'STEP_NOT_FOUND'][i] as string]);
    for (const [position, code] of positions) {
      for (const pick of ['a', 'b'] as const) {
        const doc = readTaskSequence(SOURCE);
        expect(() => moveItem(doc.sequence, parts(doc.sequence)[pick], position(doc.sequence))).toThrow(expect.objectContaining({ code }));
        expect(writeTaskSequenceText(doc)).toBe(SOURCE);
      }
    }
  });
});
