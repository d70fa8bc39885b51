// An edit batch is made for one sequence and records edits against it; given the document, null or a step where the
// sequence is meant (plain JavaScript can), it accepted every edit and then failed with a TypeError from deep inside
// apply(), far from the call that was wrong. It is refused where it is made, as insertAfter refuses the same argument.
import { describe, expect, it } from 'vitest';
import { createRunCommandLineStep, editBatch, plannedBatch, readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const XML = '<sequence version="3.00"><step type="T" name="a"/><step type="T" name="b"/></sequence>';

describe('an edit batch given no sequence', () => {
  it('is refused with INVALID_ARGUMENT when it is made, naming what was meant', () => {
    const doc = readTaskSequence(XML);
    const step = doc.steps()[0]?.node;
    for (const wrong of [doc, null, undefined, step, 'sequence']) {
      const e = thrown(() => editBatch(wrong as never));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toMatch(/editBatch takes a sequence \(doc\.sequence\)/);
      expect(thrown(() => plannedBatch(wrong as never)).message).toMatch(/^plannedBatch takes a sequence/);
    }
    expect(thrown(() => editBatch(doc as never)).message).toMatch(/not the document/);
  });

  it('still makes its edits in the sequence it is given', () => {
    const doc = readTaskSequence(XML);
    const [a, b] = doc.steps().map((s) => s.node);
    const batch = editBatch(doc.sequence);
    batch.insertAfter(a as never, [createRunCommandLineStep({ name: 'new', commandLine: 'cmd' })]);
    batch.remove(b as never);
    expect(batch.apply()).toBe(1);
    expect(doc.steps().map((s) => s.node.attributes.name)).toEqual(['a', 'new']);
  });
});
