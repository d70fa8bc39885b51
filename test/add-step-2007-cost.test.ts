// addStep on a 2007-style sequence (no step carries retryCount, no reference list) found both out by reading every
// step and every child of the sequence for each step added: N additions cost N times the sequence. What it found is
// now kept while no edit through cmts could change it. These count what it reads instead of timing it, and pin that
// edits through cmts in between are still seen.
import { describe, expect, it } from 'vitest';
import { addStep, insertAfter, readTaskSequence, removeItem, setRetryCount, type Sequence, type Step } from './helpers/api.js';
import { countingArray, countPropertyReads, type ReadCounter } from './helpers/read-counter.js';

const stepXml = (name: string, retry = false) => `\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"${retry ? ' retryCount="0"' : ''}><action>cmd</action></step>`;
const input = (name: string) => ({ name, settings: { variableName: 'X', variableValue: '1' } });
const steps = (s: Sequence) => s.children.filter((c): c is Step => c.kind === 'step');

/** Counts reads of the existing steps' attributes and of the sequence's children. */
function countReads(sequence: Sequence): ReadCounter {
  const counter = countPropertyReads(steps(sequence), 'attributes');
  sequence.children = countingArray(sequence.children, counter);
  return counter;
}

describe('adding steps one by one to a 2007-style sequence', () => {
  for (const [label, text] of [
    ['an SmsTaskSequencePackage', (n: number) => `<SmsTaskSequencePackage><SequenceData><sequence version="3.00">${Array.from({ length: n }, (_, i) => stepXml(`s${i}`)).join('')}\n</sequence></SequenceData></SmsTaskSequencePackage>`],
    ['a bare version="3.00" sequence', (n: number) => `<sequence version="3.00">${Array.from({ length: n }, (_, i) => stepXml(`s${i}`)).join('')}\n</sequence>`],
  ] as const) {
    it(`reads ${label} a bounded number of times, not once per step added`, () => {
      const n = 2_000;
      const doc = readTaskSequence(text(n));
      const counter = countReads(doc.sequence);
      const added: Step[] = [];
      for (let i = 0; i < 200; i++) added.push(addStep(doc, 'Set Task Sequence Variable', input(`a${i}`), { last: doc.sequence }) as Step);
      // Each addition read every step and every child before: 200 × 2,000 reads and more.
      expect(counter.reads).toBeLessThan(20 * n);
      expect(added.every((s) => s.attributes.retryCount === undefined)).toBe(true);
      expect(steps(doc.sequence).slice(-200)).toEqual(added);
    });
  }

  it('sees a retryCount given through cmts between two additions, by setRetryCount or with an inserted step', () => {
    const doc = readTaskSequence(`<sequence version="3.00">${stepXml('a')}${stepXml('b')}\n</sequence>`);
    const [a] = steps(doc.sequence) as [Step];
    expect((addStep(doc, 'Set Task Sequence Variable', input('x'), { last: doc.sequence }) as Step).attributes.retryCount).toBeUndefined();
    setRetryCount(a, 2);
    expect((addStep(doc, 'Set Task Sequence Variable', input('y'), { last: doc.sequence }) as Step).attributes.retryCount).toBe('0');

    const other = readTaskSequence(`<sequence version="3.00">${stepXml('a')}\n</sequence>`);
    expect((addStep(other, 'Set Task Sequence Variable', input('x'), { last: other.sequence }) as Step).attributes.retryCount).toBeUndefined();
    const cb = readTaskSequence(`<sequence version="3.10">${stepXml('c', true)}\n</sequence>`);
    // Taken out of its own document first: one still standing there is refused (one object in two documents).
    const c = steps(cb.sequence)[0] as Step;
    removeItem(cb.sequence, c);
    insertAfter(other.sequence, steps(other.sequence)[0] as Step, [c]);
    expect((addStep(other, 'Set Task Sequence Variable', input('y'), { last: other.sequence }) as Step).attributes.retryCount).toBe('0');
  });

  it('a Current Branch sequence whose steps have no retryCount gets one reference list, made by the first step that needs it', () => {
    const doc = readTaskSequence(`<sequence version="3.10">${stepXml('a')}\n</sequence>`);
    const apps = ['ScopeId_1/Application_1', 'ScopeId_1/Application_2'];
    addStep(doc, 'Set Task Sequence Variable', input('x'), { last: doc.sequence });
    addStep(doc, 'Install Application', { name: 'One', settings: { applicationName: [apps[0] as string] } }, { last: doc.sequence });
    addStep(doc, 'Install Application', { name: 'Two', settings: { applicationName: apps } }, { last: doc.sequence });
    const lists = doc.sequence.children.filter((c) => c.kind === 'referenceList');
    expect(lists).toHaveLength(1);
    expect(doc.sequence.children.find((c) => c.kind !== 'text')).toBe(lists[0]);
    expect((lists[0] as { children: { kind: string; attributes?: Record<string, string> }[] }).children.filter((c) => c.kind === 'reference').map((c) => c.attributes?.application)).toEqual(apps);
  });
});
