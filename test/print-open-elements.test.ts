// The printer's open elements (lib/xml/open-elements.ts): a stack searched one by one for its first levels and through
// a Set below them. What it answers (is this element already open? how deep is the next one? what is the path of a
// fault?) must be the same on either side of that boundary: a loop found at any depth, a node that stands in two
// places of the tree (not a loop) printed in both, and a fault's path naming every open element.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, type Group, type Node } from '../lib/index.js';
import { OpenElements } from '../lib/xml/open-elements.js';
import { thrown } from './helpers/thrown.js';

/** `depth` groups, one inside the next, named G0, G1, …, with one step at the bottom. */
function chain(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<group name="G${i}">`).join('');
  return `<sequence version="3.10">${open}<step type="SMS_TaskSequence_RunCommandLineAction" name="S"><action>cmd</action></step>${'</group>'.repeat(depth)}</sequence>`;
}

/** The groups of a chain read from {@link chain}, outermost first. */
function groupsOf(doc: ReturnType<typeof readTaskSequence>): Group[] {
  return doc.groups().map((l) => l.node);
}

const node = (name: string): Node => ({ kind: 'group', tag: 'group', attributes: { name }, children: [] });

describe('OpenElements', () => {
  it('says which elements are open, at every depth, and forgets each as it is closed', () => {
    const open = new OpenElements();
    const nodes = Array.from({ length: 100 }, (_, i) => node(`n${i}`));
    for (const [i, n] of nodes.entries()) {
      expect(open.has(n)).toBe(false);
      open.push(n);
      expect(open.size).toBe(i + 1);
      expect(open.has(n)).toBe(true);
      expect(open.has(nodes[0] as Node)).toBe(true);
    }
    expect([...open]).toEqual(nodes);
    for (let i = nodes.length - 1; i >= 0; i--) {
      open.pop();
      expect(open.size).toBe(i);
      expect(open.has(nodes[i] as Node)).toBe(false);
      if (i > 0) expect(open.has(nodes[i - 1] as Node)).toBe(true);
    }
    expect([...open]).toEqual([]);
  });

  it('opens the same element again once it is closed, deep or shallow', () => {
    const open = new OpenElements();
    const filler = Array.from({ length: 60 }, (_, i) => node(`f${i}`));
    const again = node('again');
    for (const depth of [0, 10, 31, 32, 33, 59]) {
      for (const f of filler.slice(0, depth)) open.push(f);
      open.push(again);
      expect(open.has(again)).toBe(true);
      open.pop();
      expect(open.has(again)).toBe(false);
      for (let i = 0; i < depth; i++) open.pop();
      expect(open.size).toBe(0);
    }
  });
});

describe('printing around the open elements', () => {
  it('finds an element inside itself far below where the first levels end', () => {
    const doc = readTaskSequence(chain(80), { maxDepth: 100 });
    const groups = groupsOf(doc);
    // The 70th group holds the 50th: both below the levels searched one by one.
    (groups[69] as Group).children.push(groups[49] as Group);
    const e = thrown(() => writeTaskSequence(doc));
    expect(e.code).toBe('OUTPUT_MALFORMED');
    expect(e.message).toContain('contains itself');
    // The path goes through every open element (70 groups) to the second group the 70th holds: the one that loops.
    expect(e.path?.split('/group[').length).toBe(72);
    expect(e.path?.endsWith('/group[1]/group[2]')).toBe(true);
  });

  it('finds a loop where it starts, not some way further down (where a tree read with less depth is refused first)', () => {
    // Read with 90 levels allowed (the chain is 83 deep). The 80th group holds the 41st: the loop starts at level 82.
    // A check against one ancestor only (model/contains-itself.ts) meets it again at level 105, past the 90 allowed,
    // and the tree was refused as nested too deep rather than as the loop it is.
    const doc = readTaskSequence(chain(80), { maxDepth: 90 });
    const groups = groupsOf(doc);
    (groups[79] as Group).children.push(groups[40] as Group);
    const e = thrown(() => writeTaskSequence(doc));
    expect([e.code, e.message]).toEqual(['OUTPUT_MALFORMED', expect.stringContaining('<group> contains itself')]);
  });

  it('finds an element below the first levels that holds one of them', () => {
    const doc = readTaskSequence(chain(80), { maxDepth: 100 });
    const groups = groupsOf(doc);
    (groups[79] as Group).children.push(groups[3] as Group);
    expect(thrown(() => writeTaskSequence(doc)).message).toContain('contains itself');
  });

  it('prints an element that stands in two places, deep in the tree, in both (it is not inside itself)', () => {
    const doc = readTaskSequence(chain(80), { maxDepth: 200 });
    const groups = groupsOf(doc);
    // With a child of its own, so that its children are printed: it is open while they are.
    const shared = { kind: 'group', tag: 'group', attributes: { name: 'Shared' }, children: [node('Inner')] } as Group;
    // Once at level 61 and again at level 41, after the first has been printed and closed.
    (groups[59] as Group).children.push(shared);
    (groups[39] as Group).children.push(shared);
    const text = new TextDecoder().decode(writeTaskSequence(doc));
    expect(text.split('name="Shared"').length - 1).toBe(2);
    // And what was printed reads back with the same two groups.
    const back = readTaskSequence(text, { maxDepth: 200 });
    expect(back.groups().filter((l) => l.node.attributes.name === 'Shared')).toHaveLength(2);
    expect(back.groups().filter((l) => l.node.attributes.name === 'Inner')).toHaveLength(2);
  });

  it('refuses a tree nested deeper than it was read with, at the level where it goes too deep', () => {
    const doc = readTaskSequence(chain(40), { maxDepth: 43 });
    const groups = groupsOf(doc);
    // Three more levels under the deepest group: 44 elements deep with the sequence, where 43 were allowed.
    const extra = node('X0') as Group;
    extra.children.push(node('X1'));
    (extra.children[0] as Group).children.push(node('X2'));
    (groups[39] as Group).children.push(extra);
    const e = thrown(() => writeTaskSequence(doc));
    expect(e.code).toBe('XML_TOO_DEEP');
  });
});
