// Review of moveItem/addItem in a wide sequence: each move takes the item out of its parent and puts it back
// elsewhere, which shifts its siblings' places, so the next lookup of a sibling found its index hint wrong and
// searched the whole parent (10,000 moves on 100,000 steps took 6–12 s, against 0.65 s for 1,000 on 10,000). A wrong
// hint is now corrected by looking outward from it, which costs how far the node moved, not the parent's size. These
// count the searches of the wide parent instead of timing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addItem, listItems, locate, moveItem, readTaskSequence, type Step } from './helpers/api.js';

function flat(n: number) {
  const steps = Array.from({ length: n }, (_, i) => `\n  <step type="x" name="s${i}"><action>a</action></step>`).join('');
  const doc = readTaskSequence(`<sequence version="3.10">${steps}\n</sequence>`);
  return { doc, steps: listItems(doc.sequence).map((l) => l.node as Step) };
}

/** Counts `indexOf` calls on `array` while `f` runs. */
function searchesOf(array: unknown[], f: () => void): number {
  let n = 0;
  const indexOf = Array.prototype.indexOf;
  vi.spyOn(Array.prototype, 'indexOf').mockImplementation(function (this: unknown[], ...args: Parameters<typeof indexOf>) {
    if (this === array) n++;
    return indexOf.apply(this, args);
  });
  try {
    f();
  } finally {
    vi.restoreAllMocks();
  }
  return n;
}

/** A fixed pseudo-random sequence, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const step = (name: string): Step => ({ kind: 'step', tag: 'step', attributes: { type: 'x', name }, children: [] });
const names = (steps: Step[]) => steps.map((s) => s.attributes.name);

afterEach(() => void vi.restoreAllMocks());

describe('moves and additions in a wide sequence', () => {
  it('moving steps about does not search the sequence for each move, and the order is right', () => {
    const { doc, steps } = flat(3000);
    for (const s of steps.slice(0, 20)) locate(doc.sequence, s); // linked
    const next = random(7);
    const order = steps.slice();
    const searches = searchesOf(doc.sequence.children, () => {
      for (let i = 0; i < 1000; i++) {
        const item = order[Math.floor(next() * order.length)] as Step;
        const ref = order[Math.floor(next() * order.length)] as Step;
        if (ref === item) continue;
        moveItem(doc.sequence, item, { after: ref });
        order.splice(order.indexOf(item), 1);
        order.splice(order.indexOf(ref) + 1, 0, item);
      }
    });
    expect(names(listItems(doc.sequence).map((l) => l.node as Step))).toEqual(names(order));
    // Before: about one search of the 6,000 children per move.
    expect(searches).toBeLessThan(100);
  });

  it('adding steps after others does not search the sequence for each addition', () => {
    const { doc, steps } = flat(3000);
    for (const s of steps.slice(0, 20)) locate(doc.sequence, s);
    const next = random(11);
    const order = steps.slice();
    const searches = searchesOf(doc.sequence.children, () => {
      for (let i = 0; i < 1000; i++) {
        const ref = order[Math.floor(next() * order.length)] as Step;
        const added = step(`n${i}`);
        addItem(doc.sequence, added, { after: ref });
        order.splice(order.indexOf(ref) + 1, 0, added);
      }
    });
    expect(names(listItems(doc.sequence).map((l) => l.node as Step))).toEqual(names(order));
    expect(searches).toBeLessThan(100);
  });
});
