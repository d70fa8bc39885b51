// doc.check(transform) found its report on a clone: the document written to bytes and read back, a write and a read of
// the whole sequence on every check (10,000 steps: about 0.12 s a check), though each of cmts's own transforms plans
// its edits before making any, and a plan is the report. A single one of them is now checked by its plan, on the
// document itself, which it does not change; the report is the one apply gives. Transforms of a script's own, or
// several together (each sees the edits of those before it), are still run on a clone.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTransform, readTaskSequence, STEP_TYPES, TaskSequenceDocument } from './helpers/api.js';

const SOURCE = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));

const TRANSFORMS = () => [
  createTransform('set-dependent-program', { packageId: 'CM100010', programName: 'CCMCertFix' }),
  createTransform('add-client-patch', { msp: 'C:\\patch\\a.msp' }),
  createTransform('insert-steps-after', { after: { type: STEP_TYPES.setupWindowsAndConfigMgr }, steps: [{ type: 'restart-computer', name: 'Restart' }] }),
  createTransform('add-reference', { packageId: 'CM100011' }),
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('doc.check of one of cmts transforms', () => {
  it('makes no copy of the document, changes nothing, and reports what apply then does', () => {
    for (const transform of TRANSFORMS()) {
      const doc = readTaskSequence(SOURCE);
      const clone = vi.spyOn(TaskSequenceDocument.prototype, 'clone');
      const checked = doc.check(transform);
      expect(clone).not.toHaveBeenCalled();
      clone.mockRestore();
      expect(doc.toString()).toBe(SOURCE.toString());
      expect(doc.apply(transform)).toEqual(checked);
      expect(doc.check({ apply: transform })).toEqual(doc.apply(transform));
    }
  });

  it('still runs a script’s own transform, or several, on a copy', () => {
    const doc = readTaskSequence(SOURCE);
    const clone = vi.spyOn(TaskSequenceDocument.prototype, 'clone');
    const [first, second] = TRANSFORMS();
    const report = doc.check(first as never, second as never);
    expect(clone).toHaveBeenCalledTimes(1);
    expect(report.changes.length).toBeGreaterThan(1);
    doc.check((d) => d.setProperty('Name', 'x'));
    expect(clone).toHaveBeenCalledTimes(2);
    expect(doc.toString()).toBe(SOURCE.toString());
  });
});
