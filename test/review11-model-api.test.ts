// Review 11 of the public model API: an item already in the sequence given to addItem or insertAfter (the same object
// then stood in two places, so renaming one renamed both), removeItem of an item not there (a silent no-op where
// insertAfter refuses), a step removed with REMOVE in a visit (it left its indentation behind as a blank line),
// object.xml's `Sequence` property (getProperty answered with the text as read, edits since missing, while
// setProperty refused it), and a transform of one's own that throws part-way, applied alone (its edits were kept).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  addItem,
  copyItem,
  createGroup,
  createRunCommandLineStep,
  editBatch,
  findItems,
  insertAfter,
  listItems,
  moveItem,
  readTaskSequence,
  REMOVE,
  removeItem,
  renameItem,
  setAttribute,
  visit,
  type Group,
  type Step,
  type Transform,
} from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const BYTES = readFileSync('examples/refresh-2007.xml');
const CIM = readFileSync('examples/replace-restore.object.xml');

const paths = (doc: ReturnType<typeof readTaskSequence>) => listItems(doc.sequence).map((l) => l.path);
const stepNamed = (doc: ReturnType<typeof readTaskSequence>, name: string) => findItems(doc.sequence, { name })[0]!.node as Step;
const groupNamed = (doc: ReturnType<typeof readTaskSequence>, name: string) => findItems(doc.sequence, { kind: 'group', name })[0]!.node as Group;
const newStep = (name: string) => createRunCommandLineStep({ name, commandLine: 'cmd /c echo' });

describe('an item already in the sequence is refused by addItem and insertAfter, before any edit', () => {
  it('addItem of a step read from the file names moveItem and copyItem, and leaves the document as it was', () => {
    const doc = readTaskSequence(BYTES);
    const first = stepNamed(doc, 'Request State Store');
    const e = thrown(() => addItem(doc.sequence, first, { last: doc.sequence }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/moveItem/);
    expect(e.message).toMatch(/copyItem/);
    expect(Buffer.from(doc.toBytes()).equals(BYTES)).toBe(true);
    // What the review saw: the rename showed in two places.
    renameItem(first, 'Renamed');
    expect(paths(doc).filter((p) => p.endsWith('Renamed'))).toEqual(['Capture/Renamed']);
  });

  it('every position is checked, a group too, and a step added once is refused the second time', () => {
    const doc = readTaskSequence(BYTES);
    const capture = groupNamed(doc, 'Capture');
    const restore = groupNamed(doc, 'Restore');
    const step = stepNamed(doc, 'Restore User State');
    for (const position of [{ before: step }, { after: step }, { first: capture }, { last: capture }, { parent: capture, index: 1 }]) {
      expect(thrown(() => addItem(doc.sequence, step, position)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => addItem(doc.sequence, restore, position)).code).toBe('INVALID_ARGUMENT');
    }
    const added = newStep('Added');
    addItem(doc.sequence, added, { last: capture });
    const group = createGroup({ name: 'New group' });
    addItem(doc.sequence, group, { after: capture });
    const text = doc.toString();
    expect(thrown(() => addItem(doc.sequence, added, { first: restore })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => addItem(doc.sequence, group, { last: doc.sequence })).code).toBe('INVALID_ARGUMENT');
    expect(doc.toString()).toBe(text);
  });

  it('insertAfter refuses an item in the sequence and the same item twice in one call, inserting none', () => {
    const doc = readTaskSequence(BYTES);
    const ref = stepNamed(doc, 'Apply Operating System');
    const s = newStep('Twice');
    expect(thrown(() => insertAfter(doc.sequence, ref, [s, s])).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => insertAfter(doc.sequence, ref, [newStep('Fine'), stepNamed(doc, 'Capture User State')])).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => insertAfter(doc.sequence, ref, [ref])).code).toBe('INVALID_ARGUMENT');
    expect(Buffer.from(doc.toBytes()).equals(BYTES)).toBe(true);
    insertAfter(doc.sequence, ref, [s]);
    expect(thrown(() => insertAfter(doc.sequence, stepNamed(doc, 'Restore User State'), [s])).code).toBe('INVALID_ARGUMENT');
    expect(paths(doc).filter((p) => p.endsWith('Twice'))).toEqual(['Install Operating System/Twice']);
  });

  it('an edit batch refuses the same at apply(), before any edit, and takes an item it removed first', () => {
    const doc = readTaskSequence(BYTES);
    const ref = stepNamed(doc, 'Apply Operating System');
    const moved = stepNamed(doc, 'Capture User State');
    const batch = editBatch(doc.sequence);
    batch.insertAfter(ref, [newStep('New')]);
    batch.insertAfter(ref, [moved]);
    expect(thrown(() => batch.apply()).code).toBe('INVALID_ARGUMENT');
    expect(Buffer.from(doc.toBytes()).equals(BYTES)).toBe(true);
    const twice = newStep('Twice');
    batch.insertAfter(ref, [twice]);
    batch.insertAfter(moved, [twice]);
    expect(thrown(() => batch.apply()).code).toBe('INVALID_ARGUMENT');
    batch.remove(moved);
    batch.insertAfter(ref, [moved]);
    batch.apply();
    expect(paths(doc)).toContain('Install Operating System/Capture User State');
    expect(paths(doc)).not.toContain('Capture/Capture User State');
  });

  it('an item taken out (removeItem, REMOVE in a visit) can be added again, a copy added, and an item moved', () => {
    const doc = readTaskSequence(BYTES);
    const restore = groupNamed(doc, 'Restore');
    const a = stepNamed(doc, 'Request State Store');
    removeItem(doc.sequence, a);
    addItem(doc.sequence, a, { last: restore });
    const b = stepNamed(doc, 'Capture User State');
    visit(doc.sequence, (n) => (n === b ? REMOVE : undefined));
    insertAfter(doc.sequence, a, [b]);
    addItem(doc.sequence, copyItem(b), { first: restore });
    moveItem(doc.sequence, b, { first: groupNamed(doc, 'Capture') });
    // A group taken out takes what it holds; put back, what it holds is in the sequence again.
    const restoreStep = stepNamed(doc, 'Restore User State');
    removeItem(doc.sequence, restore);
    addItem(doc.sequence, restoreStep, { last: doc.sequence });
    removeItem(doc.sequence, restoreStep);
    addItem(doc.sequence, restore, { last: doc.sequence });
    expect(thrown(() => addItem(doc.sequence, stepNamed(doc, 'Release State Store'), { last: doc.sequence })).code).toBe('INVALID_ARGUMENT');
    expect(paths(doc).filter((p) => p.startsWith('Restore/'))).toEqual(['Restore/Capture User State', 'Restore/Restore User State', 'Restore/Release State Store', 'Restore/Request State Store']);
    expect(paths(doc)[1]).toBe('Capture/Capture User State');
  });

  it('adding new items costs no search of the sequence (2,000 additions to a flat sequence of 20,000 steps)', () => {
    const n = 20_000;
    const text = `<sequence version="3.10">${Array.from({ length: n }, (_, i) => `\n  <step type="x" name="s${i}"><action>a</action></step>`).join('')}\n</sequence>`;
    const doc = readTaskSequence(text);
    const steps = listItems(doc.sequence).map((l) => l.node as Step);
    const kids = doc.sequence.children;
    let searches = 0;
    const indexOf = Array.prototype.indexOf;
    vi.spyOn(Array.prototype, 'indexOf').mockImplementation(function (this: unknown[], ...args: Parameters<typeof indexOf>) {
      if (this === kids) searches++;
      return indexOf.apply(this, args);
    });
    try {
      let last = steps[n - 1] as Step;
      for (let i = 0; i < 1000; i++) {
        const s = newStep(`a${i}`);
        addItem(doc.sequence, s, { after: last });
        last = s;
      }
      for (let i = 0; i < 1000; i++) insertAfter(doc.sequence, steps[i * 10] as Step, [newStep(`b${i}`)]);
    } finally {
      vi.restoreAllMocks();
    }
    expect(listItems(doc.sequence)).toHaveLength(n + 2000);
    expect(searches).toBeLessThan(20);
  });
});

describe('removeItem of an item not in the sequence', () => {
  it('is refused with STEP_NOT_FOUND, as insertAfter refuses an unknown reference', () => {
    const doc = readTaskSequence(BYTES);
    expect(thrown(() => removeItem(doc.sequence, newStep('Nowhere'))).code).toBe('STEP_NOT_FOUND');
    const step = stepNamed(doc, 'Restore User State');
    removeItem(doc.sequence, step);
    expect(thrown(() => removeItem(doc.sequence, step)).code).toBe('STEP_NOT_FOUND');
    expect(thrown(() => insertAfter(doc.sequence, step, [newStep('After')])).code).toBe('STEP_NOT_FOUND');
  });
});

describe('REMOVE in a visit', () => {
  it('takes the indentation before the node with it, as removeItem does', () => {
    const byRemoveItem = readTaskSequence(BYTES);
    removeItem(byRemoveItem.sequence, stepNamed(byRemoveItem, 'Restore User State'));
    const byVisit = readTaskSequence(BYTES);
    byVisit.visit((n) => (n.kind === 'step' && n.attributes.name === 'Restore User State' ? REMOVE : undefined));
    expect(byVisit.toString()).toBe(byRemoveItem.toString());
    expect(byVisit.toString()).not.toMatch(/\n[ \t]*\r?\n/);
  });

  it('goes on with the next sibling, and removes consecutive nodes and a node with no indentation', () => {
    const doc = readTaskSequence('<sequence>\n  <step name="a"/>\n  <step name="b"/>\n  <step name="c"/><step name="d"/>\n  <!-- note -->\n</sequence>');
    const seen: string[] = [];
    visit(doc.sequence, (n) => {
      if (n.kind === 'text') return undefined;
      seen.push(n.kind === 'step' ? (n.attributes.name ?? '') : n.kind);
      return n.kind === 'step' && n.attributes.name !== 'c' ? REMOVE : undefined;
    });
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'comment']);
    expect(doc.toString()).toBe('<sequence>\n  <step name="c"/>\n  <!-- note -->\n</sequence>');
  });
});

describe("object.xml's Sequence property", () => {
  it('is refused by getProperty as by setProperty, pointing to the sequence; SequenceData in a 2007 export too', () => {
    const cim = readTaskSequence(CIM);
    expect(Object.keys(cim.properties())).not.toContain('Sequence');
    expect(thrown(() => cim.setProperty('Sequence', 'x')).code).toBe('INVALID_ARGUMENT');
    const e = thrown(() => cim.getProperty('Sequence'));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/doc\.sequence/);
    const sms = readTaskSequence(BYTES);
    expect(thrown(() => sms.getProperty('SequenceData')).code).toBe('INVALID_ARGUMENT');
    expect(sms.getProperty('Name')).toBe('Windows 7 Refresh');
    expect(readTaskSequence('<sequence/>').getProperty('Sequence')).toBeUndefined();
  });
});

describe('a transform of your own that throws part-way', () => {
  const failing: Transform = (doc) => {
    const step = doc.steps()[0]!.node;
    renameItem(step, 'Half done');
    setAttribute(doc.sequence, 'version', '9.99');
    insertAfter(doc.sequence, step, [newStep('Inserted')]);
    removeItem(doc.sequence, doc.steps({ name: 'Restore User State' })[0]!.node);
    const group = doc.groups()[0]!.node;
    group.children = [];
    group.attributes = { name: 'Replaced' };
    doc.setProperty('Name', 'changed');
    throw new Error('stopped');
  };

  it('applied alone leaves the document as it was: its bytes, and the very nodes a script holds', () => {
    for (const input of [BYTES, CIM]) {
      const doc = readTaskSequence(input);
      const held = doc.steps().map((l) => l.node);
      const group = doc.groups()[0]!.node;
      const kids = group.children;
      expect(() => doc.apply(failing)).toThrow('stopped');
      expect(() => doc.apply({ apply: failing })).toThrow('stopped');
      expect(Buffer.from(doc.toBytes()).equals(input)).toBe(true);
      expect(doc.steps().map((l) => l.node)).toEqual(held);
      expect(doc.steps().every((l, i) => l.node === held[i])).toBe(true);
      expect(doc.groups()[0]!.node).toBe(group);
      expect(group.children).toBe(kids);
      // The held nodes are in the tree again, the one the transform removed too: adding one is refused.
      for (const node of [held[0]!, doc.steps({ name: 'Restore User State' })[0]!.node]) {
        expect(thrown(() => addItem(doc.sequence, node, { last: doc.sequence })).code).toBe('INVALID_ARGUMENT');
      }
      renameItem(held[0]!, 'After');
      const fresh = readTaskSequence(input);
      renameItem(fresh.steps()[0]!.node, 'After');
      expect(doc.toString()).toBe(fresh.toString());
    }
  });

  it('after another transform is rolled back as before, and a transform that succeeds keeps its edits', () => {
    const doc = readTaskSequence(BYTES);
    const rename: Transform = (d) => renameItem(d.steps()[0]!.node, 'Renamed');
    expect(() => doc.apply(rename, failing)).toThrow('stopped');
    expect(Buffer.from(doc.toBytes()).equals(BYTES)).toBe(true);
    let calls = 0;
    const counted: Transform = (d, ctx) => {
      calls++;
      rename(d, ctx);
      ctx.change({ what: 'renamed', where: 'x' });
    };
    expect(doc.apply(counted, counted).changes).toHaveLength(2);
    expect(calls).toBe(2);
    expect(doc.steps()[0]!.path).toBe('Capture/Renamed');
  });
});
