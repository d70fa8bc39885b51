import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { overlayChanges } from '../lib/render/comparison-view.js';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';
import { flattenItems, type ItemView } from '../lib/render/view-model.js';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';

const step = (i: number) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="Install"><action>cmd /c ${i}</action></step>`;
const doc = (n: number) => readTaskSequence(`<sequence version="3.10">${Array.from({ length: n }, (_, i) => step(i)).join('')}</sequence>`);

/** Counts each read of `change` of the items (kept writable: overlayChanges sets it). */
function countChangeReads(items: ItemView[]): { reads: number } {
  const counter = { reads: 0 };
  for (const item of items) {
    let value = item.change;
    Object.defineProperty(item, 'change', {
      enumerable: true,
      configurable: true,
      get: () => {
        counter.reads++;
        return value;
      },
      set: (v: ItemView['change']) => {
        value = v;
      },
    });
  }
  return counter;
}

// Without the diff's places, each entry goes to the first item at its path not yet taken; with thousands of items of
// one name (a name repeats: "Install"), looking from the first of them for each entry read the square of their count.
describe('overlayChanges without places costs the same per entry however many items share a path', () => {
  afterEach(() => vi.restoreAllMocks());
  const n = 2000;

  it(`${n} same-named steps added: a bounded number of reads of each item's change`, () => {
    const before = doc(1);
    const after = doc(n + 1);
    const view = buildSequenceView(after, { lint: false });
    const counter = countChangeReads(flattenItems(view.items));
    overlayChanges(view, buildSequenceView(before, { lint: false }), diffTaskSequences(before, after));
    expect(flattenItems(view.items).filter((i) => i.change?.mark === 'added')).toHaveLength(n);
    expect(counter.reads).toBeLessThan(20 * n);
  });

  it(`${n} same-named steps removed: a bounded number of look-ups of the items removed so far`, () => {
    const before = doc(n + 1);
    const after = doc(1);
    const view = buildSequenceView(after, { lint: false });
    const old = buildSequenceView(before, { lint: false });
    const entries = diffTaskSequences(before, after);
    const has = vi.spyOn(Set.prototype, 'has');
    overlayChanges(view, old, entries);
    const calls = has.mock.calls.length;
    vi.restoreAllMocks();
    expect(view.items.filter((i) => i.change?.mark === 'removed')).toHaveLength(n);
    expect(calls).toBeLessThan(20 * n);
  });
});
