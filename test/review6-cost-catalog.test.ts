// addStep spells a new step like the sequence's others (retryCount or not), and found that out by listing every item
// of the sequence on each call: adding N steps one by one cost N² (10,000 to a Current Branch sequence: 20 s), and a
// sequence nested past the listing's bounds refused every addition. The walk now stops at the first step that
// carries retryCount and goes into nothing but groups. These count what it reads instead of timing it.
import { describe, expect, it } from 'vitest';
import { addStep, readTaskSequence, type Step } from './helpers/api.js';
import { sequenceRelease, stepAttributes } from '../lib/catalog/versions.js';
import { countPropertyReads } from './helpers/read-counter.js';

const stepXml = (name: string, retry: boolean) => `\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"${retry ? ' retryCount="0"' : ''}><action>cmd</action></step>`;
const input = { name: 'Mark', settings: { variableName: 'X', variableValue: '1' } };

describe('adding steps one by one', () => {
  it('reads a step or so of a Current Branch sequence per step added, not every item', () => {
    const n = 2_000;
    const doc = readTaskSequence(`<sequence version="3.10">${Array.from({ length: n }, (_, i) => stepXml(`s${i}`, true)).join('')}\n</sequence>`);
    const existing = doc.sequence.children.filter((c): c is Step => c.kind === 'step');
    const counter = countPropertyReads(existing, 'attributes');
    const added: Step[] = [];
    for (let i = 0; i < 100; i++) added.push(addStep(doc, 'Set Task Sequence Variable', input, { last: doc.sequence }) as Step);
    // Listing every item read each one's name: 100 × 2,000 reads.
    expect(counter.reads).toBeLessThan(1_000);
    expect(added.every((s) => s.attributes.retryCount === '0')).toBe(true);
  });

  it('spells the new step like the others: retryCount only where a step has it, at any depth', () => {
    const old = readTaskSequence(`<sequence version="3.00"><group name="g">${stepXml('a', false)}</group>${stepXml('b', false)}</sequence>`);
    expect(sequenceRelease(old.sequence)).toBe('2012 R2');
    expect(stepAttributes(old.sequence)).toEqual({ anyStep: true, retryCount: false });
    expect((addStep(old, 'Set Task Sequence Variable', input, { last: old.sequence }) as Step).attributes.retryCount).toBeUndefined();

    // One step with retryCount, at the bottom of 300 groups, behind a step without: Current Branch.
    const deep = readTaskSequence(`<sequence version="3.00">${stepXml('a', false)}${'<group name="g">'.repeat(300)}${stepXml('z', true)}${'</group>'.repeat(300)}</sequence>`, { maxDepth: 400 });
    expect(stepAttributes(deep.sequence)).toEqual({ anyStep: true, retryCount: true });
    expect(sequenceRelease(deep.sequence)).not.toBe('2012 R2');
    expect((addStep(deep, 'Set Task Sequence Variable', input, { last: deep.sequence }) as Step).attributes.retryCount).toBeDefined();

    // No step at all (only an empty group): the release decides.
    const empty = readTaskSequence('<sequence version="3.10"><group name="g"/></sequence>');
    expect(stepAttributes(empty.sequence)).toEqual({ anyStep: false, retryCount: false });
  });

  it('adds a step to a sequence nested 10,000 groups deep (the listing refused it)', () => {
    const depth = 10_000;
    const doc = readTaskSequence(`<sequence version="3.00">${'<group name="g">'.repeat(depth)}${stepXml('z', true)}${'</group>'.repeat(depth)}</sequence>`, { maxDepth: depth + 10 });
    const step = addStep(doc, 'Set Task Sequence Variable', input, { last: doc.sequence }) as Step;
    expect(step.attributes.retryCount).toBeDefined();
    expect(doc.sequence.children.filter((c) => c.kind === 'step')).toEqual([step]);
  });
});
