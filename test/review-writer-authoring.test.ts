// Adding an item before another inserts it after that item with its layout, then swaps the two. The swap must find
// the item just inserted, not an earlier place of the same object (a node put in two places, which prints twice).
// addItem now refuses an item already in the sequence, so such a node stands there only when put in behind cmts's back.
import { describe, expect, it } from 'vitest';
import { addItem, readTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('adding the same step object before two items', () => {
  const text = '<sequence version="3.10">\n  <step type="T" name="A"/>\n  <step type="T" name="B"/>\n  <step type="T" name="C"/>\n</sequence>\n';

  it('is refused the second time, leaving the sequence as the first addition made it', () => {
    const doc = readTaskSequence(text);
    const [b, c] = doc.sequence.children.filter((n): n is Step => n.kind === 'step').slice(1);
    const added: Step = { kind: 'step', tag: 'step', attributes: { type: 'T', name: 'S' }, children: [] };
    addItem(doc.sequence, added, { before: b as Step });
    expect(thrown(() => addItem(doc.sequence, added, { before: c as Step })).code).toBe('INVALID_ARGUMENT');
    expect(writeTaskSequenceText(doc)).toBe(text.replace('  <step type="T" name="B"/>', '  <step type="T" name="S"/>\n  <step type="T" name="B"/>'));
  });

  it('put there once behind cmts’s back, puts it before the item, leaving the items in their order', () => {
    const doc = readTaskSequence(text);
    const [b, c] = doc.sequence.children.filter((n): n is Step => n.kind === 'step').slice(1);
    const added: Step = { kind: 'step', tag: 'step', attributes: { type: 'T', name: 'S' }, children: [] };
    const kids = doc.sequence.children;
    kids.splice(kids.indexOf(b as Step), 0, added, { kind: 'text', value: '\n  ' });
    addItem(doc.sequence, added, { before: c as Step });
    expect(writeTaskSequenceText(doc)).toBe(
      '<sequence version="3.10">\n  <step type="T" name="A"/>\n  <step type="T" name="S"/>\n  <step type="T" name="B"/>\n  <step type="T" name="S"/>\n  <step type="T" name="C"/>\n</sequence>\n',
    );
  });
});
