// A step or group made by a builder (or a copy) has no source text to say which document it stands in, and the note
// that cmts put it into a tree did not say which: added to a second document while it stood in the first, it was
// accepted, one object in two documents (an edit of either changed both). An item read from one document, moved to a
// second and then added to a third was accepted the same way. The addition's check now records the sequence it lets
// each item into, and another sequence refuses the item while it still stands there.
import { describe, expect, it } from 'vitest';
import { addItem } from '../lib/model/authoring.js';
import { createRunCommandLineStep } from '../lib/model/builders.js';
import { editBatch } from '../lib/model/edit-batch.js';
import { insertAfter, removeItem } from '../lib/model/mutate.js';
import type { Group, SequenceItem, Step } from '../lib/model/types.js';
import { readTaskSequence, writeTaskSequenceText } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

const doc = () => readTaskSequence('<sequence version="3.10"><step type="T" name="a"><action>x</action></step></sequence>');
const first = (d: ReturnType<typeof doc>) => d.sequence.children[0] as SequenceItem;
const step = (name = 'n') => createRunCommandLineStep({ name, commandLine: 'cmd' });

describe('an item added to one document, added to another', () => {
  it('is refused by addItem, insertAfter and an edit batch while it stands in the first, and neither document changes', () => {
    const [a, b] = [doc(), doc()];
    const s = step();
    addItem(a.sequence, s, { last: a.sequence });
    const before = [a.toString(), b.toString()];
    expect(verdict(() => addItem(b.sequence, s, { last: b.sequence }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => insertAfter(b.sequence, first(b), [s]))).toBe('INVALID_ARGUMENT');
    const batch = editBatch(b.sequence);
    batch.insertAfter(first(b), [s]);
    expect(verdict(() => batch.apply())).toBe('INVALID_ARGUMENT');
    expect([a.toString(), b.toString()]).toEqual(before);
  });

  it('is refused when it stands inside a group added to the first, and when the batch put it there', () => {
    const [a, b] = [doc(), doc()];
    const inner = step('inner');
    const group: Group = { kind: 'group', tag: 'group', attributes: { name: 'G', description: '' }, children: [inner] };
    addItem(a.sequence, group, { last: a.sequence });
    expect(verdict(() => addItem(b.sequence, inner, { last: b.sequence }))).toBe('INVALID_ARGUMENT');
    const batched = step('batched');
    const batch = editBatch(a.sequence);
    batch.insertAfter(first(a), [batched]);
    batch.apply();
    expect(verdict(() => insertAfter(b.sequence, first(b), [batched]))).toBe('INVALID_ARGUMENT');
  });

  it('an item read from one document, moved to a second, is refused by a third', () => {
    const [a, b, c] = [doc(), doc(), doc()];
    const read = first(a);
    removeItem(a.sequence, read);
    addItem(b.sequence, read, { last: b.sequence });
    expect(verdict(() => addItem(c.sequence, read, { last: c.sequence }))).toBe('INVALID_ARGUMENT');
  });

  it('is taken once it is out of the first: removed, taken out by hand, or undone by a failed apply', () => {
    const [a, b, c, d] = [doc(), doc(), doc(), doc()];
    const removed = step();
    addItem(a.sequence, removed, { last: a.sequence });
    removeItem(a.sequence, removed);
    expect(verdict(() => addItem(b.sequence, removed, { last: b.sequence }))).toBe('ok');
    const byHand = step();
    addItem(c.sequence, byHand, { last: c.sequence });
    c.sequence.children.splice(c.sequence.children.indexOf(byHand), 1);
    expect(verdict(() => addItem(d.sequence, byHand, { last: d.sequence }))).toBe('ok');
    const undone = step();
    expect(verdict(() => a.apply((x) => {
      addItem(x.sequence, undone, { last: x.sequence });
      throw new Error('fails part-way');
    }))).toBe('Error: fails part-way');
    expect(verdict(() => addItem(c.sequence, undone, { last: c.sequence }))).toBe('ok');
  });
});

describe('a frozen item', () => {
  it('is added (its home kept beside it, as it takes no property), and refused by a second document while it stands in the first', () => {
    const one = readTaskSequence('<sequence version="3.00"><step type="X" name="a"/></sequence>');
    const two = readTaskSequence('<sequence version="3.00"><step type="X" name="a"/></sequence>');
    const step = Object.freeze({ kind: 'step', tag: 'step', attributes: { type: 'Y', name: 'b' }, children: [] }) as Step;
    insertAfter(one.sequence, one.sequence.children[0] as Step, [step]);
    expect(writeTaskSequenceText(one)).toContain('name="b"');
    expect(() => insertAfter(two.sequence, two.sequence.children[0] as Step, [step])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
