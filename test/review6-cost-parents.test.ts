// Finding where a node sits followed its parent link, then searched the parent's children for the node: in a flat
// sequence of 100,000 steps each lookup searched up to 200,000 nodes (locating each step took 12.6 s). Linked nodes
// now keep a hint of their index, checked before use. These count the searches of the wide parent instead of timing,
// and pin that a hint made wrong by edits behind the index's back is never believed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertAfter, listItems, locate, parentOf, readTaskSequence, removeItem, type Node, type Step } from './helpers/api.js';

const N = 3_000;

function flat(n: number) {
  const steps = Array.from({ length: n }, (_, i) => `\n  <step type="x" name="s${i}"><action>a</action></step>`).join('');
  const doc = readTaskSequence(`<sequence version="3.10">${steps}\n</sequence>`);
  return { doc, steps: listItems(doc.sequence).map((l) => l.node as Step) };
}

/** Counts `indexOf` and `includes` calls on `array` while `f` runs. */
function searchesOf(array: unknown[], f: () => void): number {
  let n = 0;
  const indexOf = Array.prototype.indexOf;
  const includes = Array.prototype.includes;
  vi.spyOn(Array.prototype, 'indexOf').mockImplementation(function (this: unknown[], ...args: Parameters<typeof indexOf>) {
    if (this === array) n++;
    return indexOf.apply(this, args);
  });
  vi.spyOn(Array.prototype, 'includes').mockImplementation(function (this: unknown[], ...args: Parameters<typeof includes>) {
    if (this === array) n++;
    return includes.apply(this, args);
  });
  try {
    f();
  } finally {
    vi.restoreAllMocks();
  }
  return n;
}

const step = (name: string): Step => ({ kind: 'step', tag: 'step', attributes: { type: 'x', name }, children: [] });

afterEach(() => void vi.restoreAllMocks());

describe('parent links in a wide sequence', () => {
  it('locates each of N steps of a flat sequence without searching the sequence for each', () => {
    const { doc, steps } = flat(N);
    const found: (number | undefined)[] = [];
    const searches = searchesOf(doc.sequence.children, () => {
      for (const s of steps) found.push(locate(doc.sequence, s)?.index);
    });
    expect(found).toEqual(steps.map((s) => doc.sequence.children.indexOf(s)));
    // Before: one search per lookup once the tree was linked (N - 8 of them).
    expect(searches).toBeLessThan(20);
  });

  it('answers right after the children move behind its back: a hint is checked, then corrected by a search', () => {
    const { doc, steps } = flat(200);
    for (const s of steps.slice(0, 20)) locate(doc.sequence, s); // linked, hints made
    const kids = doc.sequence.children;
    // Two nodes in front of everything: every hint is now two short.
    kids.unshift({ kind: 'text', value: '\n  ' }, step('first'));
    expect(locate(doc.sequence, steps[50] as Step)?.index).toBe(kids.indexOf(steps[50] as Node));
    // Reversed: each step's hint points at another step.
    kids.reverse();
    for (const s of [steps[0], steps[199], steps[120]] as Step[]) expect(parentOf(doc.sequence, s)).toEqual({ parent: doc.sequence, index: kids.indexOf(s) });
    // Removed by a splice: not found, although its hint's place holds another node.
    const gone = steps[77] as Step;
    kids.splice(kids.indexOf(gone), 1);
    expect(locate(doc.sequence, gone)).toBeUndefined();
    expect(() => removeItem(doc.sequence, gone)).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND' }));
    // Edits through cmts keep working on the moved tree.
    insertAfter(doc.sequence, steps[10] as Step, [step('new')]);
    const names = kids.filter((c): c is Step => c.kind === 'step').map((c) => c.attributes.name);
    expect(names.indexOf('new')).toBe(names.indexOf('s10') + 1);
    expect(locate(doc.sequence, steps[10] as Step)?.index).toBe(kids.indexOf(steps[10] as Node));
  });

  it('finds a step moved into a group by hand at its new place, not at its old hint', () => {
    const doc = readTaskSequence(`<sequence version="3.10"><group name="g"/>${Array.from({ length: 40 }, (_, i) => `<step type="x" name="s${i}"/>`).join('')}</sequence>`);
    const [group, ...steps] = listItems(doc.sequence).map((l) => l.node);
    for (const s of steps) locate(doc.sequence, s);
    const moved = steps[5] as Step;
    doc.sequence.children.splice(doc.sequence.children.indexOf(moved), 1);
    (group as { children: Node[] }).children.push(step('pad'), step('pad2'), moved);
    expect(locate(doc.sequence, moved)).toMatchObject({ parent: group, index: 2, path: 'g/s5' });
  });
});
