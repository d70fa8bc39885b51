// A new item that contains itself (a node put among its own descendants by hand) is refused by every addition before
// any edit: added, it left a sequence that no walk ends and no writer prints, refused only at the next write, with
// the sequence already changed. An item in which one node stands twice, neither inside the other, is no such item.
import { describe, expect, it } from 'vitest';
import { TaskSequenceError } from '../lib/errors.js';
import { addItem, createGroup } from '../lib/model/authoring.js';
import { createRestartComputerStep } from '../lib/model/builders.js';
import { editBatch } from '../lib/model/edit-batch.js';
import { insertAfter } from '../lib/model/mutate.js';
import type { Group, SequenceItem, Step } from '../lib/model/types.js';
import { readTaskSequence, writeTaskSequenceText } from './helpers/api.js';

const TEXT = '<sequence version="3.00">\n  <step type="SMS_TaskSequence_RebootAction" name="r">\n    <action>smsboot.exe /target:HD</action>\n  </step>\n</sequence>\n';

/** New items that contain themselves, each made afresh. */
const SELF: Record<string, () => SequenceItem> = {
  'a group holding itself': () => {
    const g = createGroup({ name: 'g' });
    g.children.push(g);
    return g;
  },
  'a group holding the group that holds it': () => {
    const outer = createGroup({ name: 'outer' });
    const inner = createGroup({ name: 'inner' });
    outer.children.push(inner);
    inner.children.push(outer);
    return outer;
  },
  'a step holding itself': () => {
    const s = createRestartComputerStep({ name: 's' });
    (s.children as unknown[]).push(s);
    return s;
  },
  'a loop 3,000 groups long, back to the item': () => {
    const g = createGroup({ name: 'g' });
    let at: Group = g;
    for (let i = 0; i < 3000; i++) {
      const n = createGroup({ name: `n${i}` });
      at.children.push(n);
      at = n;
    }
    at.children.push(g);
    return g;
  },
  'a loop below the item': () => {
    const g = createGroup({ name: 'g' });
    const h = createGroup({ name: 'h' });
    const i = createGroup({ name: 'i' });
    g.children.push(h);
    h.children.push(i);
    i.children.push(h);
    return g;
  },
};

function refusal(f: () => void): TaskSequenceError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof TaskSequenceError) return e;
    throw e;
  }
  return undefined;
}

const ADDITIONS: Record<string, (doc: ReturnType<typeof readTaskSequence>, item: SequenceItem) => void> = {
  addItem: (doc, item) => addItem(doc.sequence, item, { last: doc.sequence }),
  insertAfter: (doc, item) => insertAfter(doc.sequence, doc.steps()[0]?.node as Step, [item]),
  'an edit batch': (doc, item) => {
    const batch = editBatch(doc.sequence);
    batch.insertAfter(doc.steps()[0]?.node as Step, [item]);
    batch.apply();
  },
};

describe('an item that contains itself', () => {
  for (const [how, add] of Object.entries(ADDITIONS)) {
    for (const [what, make] of Object.entries(SELF)) {
      it(`${what}: refused by ${how}, and the sequence is as it was`, () => {
        const doc = readTaskSequence(TEXT);
        const e = refusal(() => add(doc, make()));
        expect(e?.code).toBe('INVALID_ARGUMENT');
        expect(e?.message).toContain('contains itself');
        expect(writeTaskSequenceText(doc)).toBe(TEXT);
      });
    }
  }

  it('one node in two places of a new item, neither inside the other, is added and written at both', () => {
    for (const add of Object.values(ADDITIONS)) {
      const doc = readTaskSequence(TEXT);
      const g = createGroup({ name: 'g' });
      const s = createRestartComputerStep({ name: 'twice' });
      g.children.push(s, s);
      add(doc, g);
      expect(writeTaskSequenceText(doc).split('name="twice"')).toHaveLength(3);
    }
  });
});
