// Edits find their place through parent links kept current (and checked), and every walk is iterative: these pin the
// behaviour that makes both safe — correct results after edits made behind the index's back, and no depth limit.
import { describe, expect, it } from 'vitest';
import { linkedParentOf } from '../lib/model/parents.js';
import { insertAfter, isUnchanged, locate, readTaskSequence, removeItem, visit, writeTaskSequenceText, type Group, type Step } from './helpers/api.js';

const xml = `<sequence version="3.10">
  <group name="A">
    <step type="X" name="a1"/>
    <step type="X" name="a2"/>
  </group>
  <group name="B">
    <step type="X" name="b1"/>
  </group>
</sequence>`;

const step = (name: string): Step => ({ kind: 'step', tag: 'step', attributes: { type: 'X', name }, children: [] });

describe('edits through parent links', () => {
  it('insertAfter and locate follow a step moved by a plain splice to another group', () => {
    const doc = readTaskSequence(xml);
    const [a, b] = doc.sequence.children.filter((c): c is Group => c.kind === 'group') as [Group, Group];
    const a1 = a.children.find((c) => c.kind === 'step') as Step;
    expect(locate(doc.sequence, a1)?.path).toBe('A/a1');
    // Behind the index's back: move a1 from A to the end of B.
    a.children.splice(a.children.indexOf(a1), 1);
    b.children.splice(b.children.length - 1, 0, a1);
    expect(locate(doc.sequence, a1)?.path).toBe('B/a1');
    insertAfter(doc.sequence, a1, [step('new')]);
    expect(b.children.filter((c) => c.kind === 'step').map((c) => (c).attributes.name)).toEqual(['b1', 'a1', 'new']);
    expect(locate(doc.sequence, b.children.find((c) => c.kind === 'step' && c.attributes.name === 'new') as Step)?.path).toBe('B/new');
  });

  it('removeItem refuses a step already removed behind its back, and steps inserted by it are found at once', () => {
    const doc = readTaskSequence(xml);
    const a = doc.sequence.children.find((c): c is Group => c.kind === 'group') as Group;
    const a2 = a.children.filter((c) => c.kind === 'step')[1] as Step;
    a.children.splice(a.children.indexOf(a2), 1);
    expect(() => removeItem(doc.sequence, a2)).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
    const a1 = a.children.find((c) => c.kind === 'step') as Step;
    let anchor = a1;
    for (let i = 0; i < 50; i++) {
      const s = step(`n${i}`);
      insertAfter(doc.sequence, anchor, [s]);
      anchor = s;
    }
    expect(locate(doc.sequence, anchor)?.path).toBe('A/n49');
    expect(removeItem(doc.sequence, anchor)).toBe(true);
    expect(locate(doc.sequence, anchor)).toBeUndefined();
  });

  it('reads, walks, edits and writes 20,000 levels of nesting without overflowing the stack', () => {
    const n = 20_000;
    const text = `<sequence>${'<group>'.repeat(n)}<step name="a"/>${'</group>'.repeat(n)}</sequence>`;
    const doc = readTaskSequence(text, { maxDepth: n + 10 });
    expect(isUnchanged(doc.sequence)).toBe(true);
    let deepest: Step | undefined;
    visit(doc.sequence, (node) => {
      if (node.kind === 'step') deepest = node;
    });
    deepest!.attributes.name = 'b';
    expect(isUnchanged(doc.sequence)).toBe(false);
    expect(writeTaskSequenceText(doc)).toBe(text.replace('name="a"', 'name="b"'));
    expect(locate(doc.sequence, deepest!)?.path).toBe(`${'/'.repeat(n)}b`);
  });
});

// A link is a WeakMap entry, and V8's young-generation collector holds an entry's value (the parent) whatever becomes
// of its key: so links are made only in a tree linked as a whole (after a few lookups), and there for every node added.
describe('when parent links are made', () => {
  const many = `<sequence version="3.10">\n${Array.from({ length: 12 }, (_, i) => `  <step type="X" name="s${i}"/>\n`).join('')}</sequence>`;
  const steps = (doc: ReturnType<typeof readTaskSequence>) => doc.sequence.children.filter((c): c is Step => c.kind === 'step');

  it('a tree with a few lookups is not linked, and the steps inserted into it get no link', () => {
    const doc = readTaskSequence(many);
    const [first] = steps(doc) as [Step];
    const added = step('added');
    insertAfter(doc.sequence, first, [added]);
    expect(linkedParentOf(first)).toBeUndefined();
    expect(linkedParentOf(added)).toBeUndefined();
    expect(locate(doc.sequence, added)?.path).toBe('added');
  });

  it('in a tree linked as a whole, every step inserted gets its link at once', () => {
    const doc = readTaskSequence(many);
    // Twelve lookups: past the searches made before linking, the tree is linked.
    for (const s of steps(doc)) expect(locate(doc.sequence, s)?.path).toBe(s.attributes.name);
    expect(linkedParentOf(steps(doc)[0] as Step)).toBe(doc.sequence);
    const added = [step('a1'), step('a2')];
    insertAfter(doc.sequence, steps(doc)[3] as Step, added);
    expect(added.map((a) => linkedParentOf(a))).toEqual([doc.sequence, doc.sequence]);
    expect(locate(doc.sequence, added[1] as Step)?.path).toBe('a2');
  });
});

