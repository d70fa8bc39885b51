// Adding an item before another inserts it after that item with its layout, then swaps the two. The swap must find
// the item just inserted, not an earlier place of the same object (a node put in two places, which prints twice).
import { describe, expect, it } from 'vitest';
import { addItem, readTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';

describe('adding the same step object before two items', () => {
  it('puts it before each, leaving the items in their order', () => {
    const doc = readTaskSequence('<sequence version="3.10">\n  <step type="T" name="A"/>\n  <step type="T" name="B"/>\n  <step type="T" name="C"/>\n</sequence>\n');
    const [b, c] = doc.sequence.children.filter((n): n is Step => n.kind === 'step').slice(1);
    const added: Step = { kind: 'step', tag: 'step', attributes: { type: 'T', name: 'S' }, children: [] };
    addItem(doc.sequence, added, { before: b as Step });
    addItem(doc.sequence, added, { before: c as Step });
    expect(writeTaskSequenceText(doc)).toBe(
      '<sequence version="3.10">\n  <step type="T" name="A"/>\n  <step type="T" name="S"/>\n  <step type="T" name="B"/>\n  <step type="T" name="S"/>\n  <step type="T" name="C"/>\n</sequence>\n',
    );
  });
});
