import { describe, expect, it } from 'vitest';
import { addItem, createGroup, moveItem } from '../lib/model/authoring.js';
import { findGroup, findItems } from '../lib/model/find-items.js';
import { verdict } from './helpers/thrown.js';
import { readTaskSequence, writeTaskSequenceText, type Group } from './helpers/api.js';

const step = (name: string) => `    <step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""><action>${name}</action></step>\n`;
// Items of a group with a comment and blank lines between them: positions count items, not children.
const TEXT = `<sequence version="3.10">\n  <group name="G" description="">\n${step('A')}    <!-- note -->\n${step('B')}\n${step('C')}  </group>\n  <group name="Empty" description="">\n  </group>\n</sequence>\n`;

function names(doc: ReturnType<typeof readTaskSequence>, group: string): string[] {
  return findItems(doc.sequence)
    .filter((l) => l.parent.kind === 'group' && l.parent.attributes.name === group)
    .map((l) => l.node.attributes.name ?? '');
}

describe('addItem finds its place by counting items only as far as it must', () => {
  it('puts an item at every index of a group, first and last, where the list of the items would', () => {
    for (let index = 0; index <= 3; index++) {
      const doc = readTaskSequence(TEXT);
      addItem(doc.sequence, createGroup({ name: 'New' }), { parent: findGroup(doc.sequence, 'G') as Group, index });
      const expected = ['A', 'B', 'C'];
      expected.splice(index, 0, 'New');
      expect(names(doc, 'G')).toEqual(expected);
    }
    const doc = readTaskSequence(TEXT);
    const g = findGroup(doc.sequence, 'G') as Group;
    addItem(doc.sequence, createGroup({ name: 'Last' }), { last: g });
    addItem(doc.sequence, createGroup({ name: 'First' }), { first: g });
    addItem(doc.sequence, createGroup({ name: 'Only' }), { first: findGroup(doc.sequence, 'Empty') as Group });
    // Laid out like the item it follows: C has a blank line before it, and so has Last.
    expect(writeTaskSequenceText(doc)).toBe(
      `<sequence version="3.10">\n  <group name="G" description="">\n    <group name="First" description=""/>\n${step('A')}    <!-- note -->\n${step('B')}\n${step('C')}\n    <group name="Last" description=""/>\n  </group>\n  <group name="Empty" description="">\n    <group name="Only" description=""/>\n  </group>\n</sequence>\n`,
    );
  });

  it('adds thousands of items last and at the end by index, in order', () => {
    const doc = readTaskSequence(TEXT);
    const g = findGroup(doc.sequence, 'G') as Group;
    for (let i = 0; i < 3000; i++) addItem(doc.sequence, createGroup({ name: `L${i}` }), { last: g });
    for (let i = 0; i < 3000; i++) addItem(doc.sequence, createGroup({ name: `I${i}` }), { parent: g, index: 3003 + i });
    const got = names(doc, 'G');
    expect(got.length).toBe(6003);
    expect(got.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(got.slice(3, 3003)).toEqual(Array.from({ length: 3000 }, (_, i) => `L${i}`));
    expect(got.slice(3003)).toEqual(Array.from({ length: 3000 }, (_, i) => `I${i}`));
  });

  it('refuses an index that is not a whole number of items in the group, and leaves the group as it was', () => {
    const doc = readTaskSequence(TEXT);
    const g = findGroup(doc.sequence, 'G') as Group;
    for (const index of [0.5, 2.5, -1, 4, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(verdict(() => addItem(doc.sequence, createGroup({ name: 'X' }), { parent: g, index }))).toBe('INVALID_ARGUMENT');
      const step = findItems(doc.sequence, { name: 'C' })[0]?.node;
      if (step) expect(verdict(() => moveItem(doc.sequence, step, { parent: g, index }))).toBe('INVALID_ARGUMENT');
    }
    expect(writeTaskSequenceText(doc)).toBe(TEXT);
  });
});
