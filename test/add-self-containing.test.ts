// A new item that contains itself (a node put among its own descendants by hand), or that holds a step or group of
// the sequence (which would then stand in two places, or inside itself), is refused by every addition before any
// edit: added, it left a sequence that no walk ends and no writer prints, refused only at the next write, with the
// sequence already changed. An item in which one node stands twice, neither inside the other, is no such item.
import { describe, expect, it } from 'vitest';
import { TaskSequenceError } from '../lib/errors.js';
import { addItem, createGroup } from '../lib/model/authoring.js';
import { createRestartComputerStep } from '../lib/model/builders.js';
import { buildCondition } from '../lib/model/condition-builder.js';
import { editBatch } from '../lib/model/edit-batch.js';
import { insertAfter } from '../lib/model/mutate.js';
import type { Group, SequenceItem, Step } from '../lib/model/types.js';
import { locate } from '../lib/model/query.js';
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

  it('a step or group in two places of a new item, neither inside the other, is refused: it would be one item shown twice', () => {
    for (const [how, add] of Object.entries(ADDITIONS)) {
      for (const kind of ['step', 'group'] as const) {
        const doc = readTaskSequence(TEXT);
        const g = createGroup({ name: 'g' });
        const inner = kind === 'step' ? createRestartComputerStep({ name: 'twice' }) : createGroup({ name: 'twice' });
        const h = createGroup({ name: 'h' });
        h.children.push(inner);
        g.children.push(inner, h);
        const e = refusal(() => add(doc, g));
        expect(e?.code, `${how}, ${kind}`).toBe('INVALID_ARGUMENT');
        expect(e?.message).toContain(`The ${kind} "twice", inside the group "g" being added, stands in it twice`);
        expect(writeTaskSequenceText(doc)).toBe(TEXT);
      }
    }
  });

  it('a condition given to two steps of a new item stands at both places and is written at both', () => {
    for (const add of Object.values(ADDITIONS)) {
      const doc = readTaskSequence(TEXT);
      const condition = buildCondition({ variable: 'OSDComputerName', operator: 'equals', value: 'twice' });
      const g = createGroup({ name: 'g' });
      const a = createRestartComputerStep({ name: 'a' });
      const b = createRestartComputerStep({ name: 'b' });
      a.children.unshift(condition);
      b.children.unshift(condition);
      g.children.push(a, b);
      add(doc, g);
      expect(writeTaskSequenceText(doc).split('twice')).toHaveLength(3);
    }
  });
});

const NESTED = '<sequence version="3.00">\n  <group name="G">\n    <step type="SMS_TaskSequence_RebootAction" name="r">\n      <action>smsboot.exe /target:HD</action>\n    </step>\n  </group>\n</sequence>\n';

describe('a new item that holds a step or group of the sequence', () => {
  const parts = (doc: ReturnType<typeof readTaskSequence>) => {
    const g = doc.sequence.children.find((c) => c.kind === 'group') as Group;
    const r = g.children.find((c) => c.kind === 'step') as Step;
    return { g, r };
  };
  const WAYS: Record<string, (doc: ReturnType<typeof readTaskSequence>, a: Group) => void> = {
    'addItem after a step inside it': (doc, a) => addItem(doc.sequence, a, { after: parts(doc).r }),
    'addItem last inside it': (doc, a) => addItem(doc.sequence, a, { last: parts(doc).g }),
    'addItem after it': (doc, a) => addItem(doc.sequence, a, { after: parts(doc).g }),
    'insertAfter a step inside it': (doc, a) => insertAfter(doc.sequence, parts(doc).r, [a]),
    'an edit batch, after a step inside it': (doc, a) => {
      const batch = editBatch(doc.sequence);
      batch.insertAfter(parts(doc).r, [a]);
      batch.apply();
    },
    'an edit batch, after it': (doc, a) => {
      const batch = editBatch(doc.sequence);
      batch.insertAfter(parts(doc).g, [a]);
      batch.apply();
    },
  };
  for (const [how, add] of Object.entries(WAYS)) {
    it(`is refused (${how}), naming what it holds, and the sequence is as it was`, () => {
      const doc = readTaskSequence(NESTED);
      const a = createGroup({ name: 'A' });
      a.children.push(parts(doc).g);
      const e = refusal(() => add(doc, a));
      expect(e?.code).toBe('INVALID_ARGUMENT');
      expect(e?.message).toContain('The group "G", inside the group "A" being added, is already in this sequence');
      expect(writeTaskSequenceText(doc)).toBe(NESTED);
    });
  }

  it('a step of the sequence deeper inside the new item is found too', () => {
    const doc = readTaskSequence(NESTED);
    const a = createGroup({ name: 'A' });
    const b = createGroup({ name: 'B' });
    a.children.push(b);
    b.children.push(parts(doc).r);
    expect(refusal(() => addItem(doc.sequence, a, { last: doc.sequence }))?.message).toContain('The step "r", inside the group "A" being added,');
    expect(writeTaskSequenceText(doc)).toBe(NESTED);
  });

  it('a group the same edit batch took out may go into the new item (as one edit after the other)', () => {
    const doc = readTaskSequence(NESTED);
    const { g } = parts(doc);
    const batch = editBatch(doc.sequence);
    const a = createGroup({ name: 'A' });
    a.children.push(g);
    const s = createRestartComputerStep({ name: 'first' });
    batch.insertAfter(g, [s]);
    batch.remove(g);
    batch.insertAfter(s, [a]);
    batch.apply();
    expect(doc.sequence.children.filter((c) => c.kind === 'group').map((c) => c.attributes.name)).toEqual(['A']);
    expect(writeTaskSequenceText(doc).split('name="G"')).toHaveLength(2);
  });

  it('an item given with another that holds it is given twice', () => {
    const doc = readTaskSequence(TEXT);
    const a = createGroup({ name: 'A' });
    const s = createRestartComputerStep({ name: 's' });
    a.children.push(s);
    const step = doc.steps()[0]?.node as Step;
    expect(refusal(() => insertAfter(doc.sequence, step, [a, s]))?.message).toContain('The step "s", inside the group "A" being added, is given twice');
    expect(refusal(() => insertAfter(doc.sequence, step, [s, a]))?.message).toContain('The step "s", inside the group "A" being added, is given twice');
    const batch = editBatch(doc.sequence);
    batch.insertAfter(step, [a, s]);
    expect(refusal(() => batch.apply())?.message).toContain('is given twice');
    expect(writeTaskSequenceText(doc)).toBe(TEXT);
  });
});

describe('the check of a new item', () => {
  it('refuses 40 levels of groups, each holding the next twice, at the deepest level, and walks each once to find it', () => {
    // Walked path by path, this item has 2^40 paths: the check would not end; added, no link, walk or write would.
    for (const [how, add] of Object.entries(ADDITIONS)) {
      const doc = readTaskSequence(TEXT);
      const top = createGroup({ name: 'top' });
      let at = top;
      for (let i = 0; i < 40; i++) {
        const next = createGroup({ name: `level ${i}` });
        at.children.push(next, next);
        at = next;
      }
      expect(refusal(() => add(doc, top))?.message, how).toContain('The group "level 39", inside the group "top" being added, stands in it twice');
      expect(writeTaskSequenceText(doc)).toBe(TEXT);
    }
  });

  it('an edit batch refuses what is not a step or group as a typed error when it is given, not a TypeError later', () => {
    const doc = readTaskSequence(TEXT);
    const step = doc.steps()[0]?.node as Step;
    const batch = editBatch(doc.sequence);
    const bad = { kind: 'step', tag: 'step', attributes: { name: 'z' } } as unknown as Step;
    expect(refusal(() => batch.insertAfter(step, [bad]))?.code).toBe('INVALID_ARGUMENT');
    expect(refusal(() => batch.insertAfter(bad, [createRestartComputerStep({ name: 'x' })]))?.code).toBe('INVALID_ARGUMENT');
    expect(refusal(() => batch.remove(null as unknown as Step))?.code).toBe('INVALID_ARGUMENT');
    expect(batch.apply()).toBe(0);
    expect(writeTaskSequenceText(doc)).toBe(TEXT);
  });
});

describe('a step or group that came in inside a new group', () => {
  /** A sequence whose tree has parent links (past the lookups that are searches) or not. */
  const start = (linked: boolean) => {
    const doc = readTaskSequence(TEXT);
    const first = doc.steps()[0]?.node as Step;
    if (linked) for (let i = 0; i < 12; i++) locate(doc.sequence, first);
    return { doc, first };
  };
  for (const linked of [false, true]) {
    for (const [how, add] of Object.entries(ADDITIONS)) {
      it(`is known to be in the sequence: a new item holding it is refused (${how}, tree ${linked ? 'linked' : 'not linked'})`, () => {
        const { doc } = start(linked);
        const h = createGroup({ name: 'H' });
        const s = createRestartComputerStep({ name: 'S' });
        const g = createGroup({ name: 'G' });
        h.children.push(s);
        g.children.push(h);
        addItem(doc.sequence, g, { last: doc.sequence });
        const before = writeTaskSequenceText(doc);
        for (const [inner, name] of [[h, 'group "H"'], [s, 'step "S"']] as const) {
          const x = createGroup({ name: 'X' });
          x.children.push(inner);
          expect(refusal(() => add(doc, x))?.message).toContain(`The ${name}, inside the group "X" being added, is already in this sequence`);
        }
        // Into the group that holds it, too: it would be inside itself.
        const y = createGroup({ name: 'Y' });
        y.children.push(h);
        expect(refusal(() => addItem(doc.sequence, y, { last: h }))?.code).toBe('INVALID_ARGUMENT');
        expect(writeTaskSequenceText(doc)).toBe(before);
      });
    }
  }

  it('is in the sequence while the group the same edit batch put in is there: given again, it is given twice', () => {
    const { doc, first } = start(false);
    const s = createRestartComputerStep({ name: 'S' });
    const g = createGroup({ name: 'G' });
    g.children.push(s);
    const x = createGroup({ name: 'X' });
    x.children.push(s);
    for (const second of [x, s]) {
      const batch = editBatch(doc.sequence);
      batch.insertAfter(first, [g]);
      batch.insertAfter(first, [second]);
      expect(refusal(() => batch.apply())?.message).toContain('The step "S"');
      expect(writeTaskSequenceText(doc)).toBe(TEXT);
    }
    // Once the batch took the group out again, the step may go elsewhere.
    const batch = editBatch(doc.sequence);
    batch.insertAfter(first, [g]);
    batch.remove(g);
    batch.insertAfter(first, [x]);
    batch.apply();
    expect(writeTaskSequenceText(doc).split('name="S"')).toHaveLength(2);
  });
});

describe('a group read from the sequence, taken out by hand and added again', () => {
  const N = 2000;
  const stepXml = (name: string) => `  <step type="SMS_TaskSequence_RebootAction" name="${name}">\n    <action>smsboot.exe /target:HD</action>\n  </step>\n`;
  const xml = (prefix: string) => `<sequence version="3.00">\n  <group name="G">\n${Array.from({ length: N }, (_, i) => stepXml(`${prefix}g${i}`)).join('')}  </group>\n${Array.from({ length: N }, (_, i) => stepXml(`${prefix}s${i}`)).join('')}</sequence>\n`;
  /** Counts the reads of items of `parent.children` (each walk or search of the tree reads them all). */
  const counted = (parent: { children: unknown[] }) => {
    const reads = { n: 0 };
    parent.children = new Proxy(parent.children, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
        return Reflect.get(target, key, receiver);
      },
    });
    return reads;
  };
  // Each of its steps may be in the sequence (read from the same text, and not taken out by cmts): looked up one by
  // one, each lookup found stale links and re-linked the whole tree, N times (16,000 steps: 15 s).
  for (const [how, add] of Object.entries(ADDITIONS)) {
    it(`has its ${N} steps looked for in one walk of the sequence, not one each (${how})`, () => {
      const doc = readTaskSequence(xml(''));
      const g = doc.sequence.children.find((c) => c.kind === 'group') as Group;
      doc.sequence.children.splice(doc.sequence.children.indexOf(g) - 1, 2);
      const reads = counted(doc.sequence);
      add(doc, g);
      expect(reads.n).toBeLessThan(20 * N);
      expect(writeTaskSequenceText(doc).split('name="G"')).toHaveLength(2);
    });
  }

  it(`from another document: its ${N} steps are looked for there in one walk, not one each`, () => {
    const home = readTaskSequence(xml('b'));
    const doc = readTaskSequence(TEXT);
    const g = home.sequence.children.find((c) => c.kind === 'group') as Group;
    home.sequence.children.splice(home.sequence.children.indexOf(g) - 1, 2);
    const reads = counted(home.sequence);
    addItem(doc.sequence, g, { last: doc.sequence });
    expect(reads.n).toBeLessThan(20 * N);
    expect(doc.sequence.children).toContain(g);
  });
});
