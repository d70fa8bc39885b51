// doc.apply takes an undo point (a walk of the whole tree) only when a failure could leave the document half edited:
// one of cmts's own transforms alone refuses before its first edit and needs none, so a script's loop of single edits
// on a large sequence costs each edit its own work, not a walk of the tree (quadratic in all).
import { describe, expect, it, vi } from 'vitest';
import * as snapshots from '../lib/model/snapshot.js';
import { createTransform, readTaskSequence, type Transform } from '../lib/index.js';

vi.mock('../lib/model/snapshot.js', { spy: true });

const TS = '<sequence version="3.10"><referenceList/><step type="SMS_TaskSequence_RebootAction" name="r"><action>smsboot.exe /target:HD</action></step></sequence>';

describe('doc.apply and its undo point', () => {
  it("cmts's own transform alone takes none; two, or one of a script's own, take one each apply", () => {
    const doc = readTaskSequence(TS);
    const calls = () => vi.mocked(snapshots.snapshot).mock.calls.length;
    const before = calls();
    for (let i = 0; i < 5; i++) doc.apply(createTransform('add-reference', { packageId: `ABC0000${i}` }));
    expect(calls() - before).toBe(0);
    doc.apply(createTransform('add-reference', { packageId: 'ABC00010' }), createTransform('add-reference', { packageId: 'ABC00011' }));
    expect(calls() - before).toBe(1);
    const own: Transform = (d) => void (d.sequence.attributes.version = '3.00');
    doc.apply(own);
    expect(calls() - before).toBe(2);
  });

  it("a script's transform that fails part-way is still undone", () => {
    const doc = readTaskSequence(TS);
    const half: Transform = (d) => {
      d.sequence.attributes.version = 'HALF';
      throw new Error('failed');
    };
    expect(() => doc.apply(half)).toThrow('failed');
    expect(doc.toString()).toBe(TS);
  });
});
