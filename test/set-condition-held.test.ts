// setCondition given a condition that is already some item's: `setCondition(b, conditionOf(a))`, the way a script gives
// one step another's condition. The one node stood in two places (an edit of either condition changed both, and a
// removal from one left it in the other), and it kept the indentation of its first place, so that at another depth
// its lines were written at the wrong indentation. Such a condition is now put in as a copy, laid out for its new
// place; a condition a script built is put in itself, as before, and moved when taken from where it was set.
// Given no item, or what is no condition (the operands' array createGroup takes, a string), setCondition threw a
// TypeError or left the fault to the writer; now INVALID_ARGUMENT.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCondition, conditionOf, readCondition, readTaskSequence, setCondition, type TaskSequenceDocument } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';
import type { Condition, Group, Step } from '../lib/model/types.js';

const SOURCE = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));
const capture = (doc: TaskSequenceDocument) => doc.groups()[0]?.node as Group;
const restoreStep = (doc: TaskSequenceDocument) => doc.steps({ name: 'Restore User State' })[0]?.node as Step;

describe('setCondition given a condition some item has', () => {
  it('puts in a copy, laid out as a condition built for that place', () => {
    const doc = readTaskSequence(SOURCE);
    setCondition(restoreStep(doc), conditionOf(capture(doc)));
    const built = readTaskSequence(SOURCE);
    setCondition(restoreStep(built), buildCondition(...readCondition(conditionOf(capture(built)) as Condition)));
    expect(doc.toString()).toBe(built.toString());
    expect(conditionOf(restoreStep(doc))).not.toBe(conditionOf(capture(doc)));
  });

  it('leaves the first item its own condition: an edit of the copy does not change it', () => {
    const doc = readTaskSequence(SOURCE);
    const before = JSON.stringify(conditionOf(capture(doc)));
    setCondition(restoreStep(doc), conditionOf(capture(doc)));
    (conditionOf(restoreStep(doc)) as Condition).children.length = 0;
    expect(JSON.stringify(conditionOf(capture(doc)))).toBe(before);
  });

  it('copies a built condition set a second time, and moves one taken from where it was set', () => {
    const doc = readTaskSequence(SOURCE);
    const [a, b, c] = doc.steps().map((s) => s.node);
    const built = buildCondition({ variable: 'X', operator: 'equals', value: '1' });
    setCondition(a as Step, built);
    expect(conditionOf(a as Step)).toBe(built);
    setCondition(b as Step, built);
    expect(conditionOf(b as Step)).not.toBe(built);
    setCondition(a as Step, undefined);
    setCondition(c as Step, built);
    expect(conditionOf(c as Step)).toBe(built);
  });

  it('refuses no item, or what is no condition, with INVALID_ARGUMENT', () => {
    const doc = readTaskSequence(SOURCE);
    const step = restoreStep(doc);
    const cases: [unknown, unknown, RegExp][] = [
      [null, buildCondition({ variable: 'X', operator: 'exists' }), /^setCondition takes a step or group/],
      [step, [{ variable: 'X', operator: 'exists' }], /^setCondition takes a condition \(buildCondition\(…operands\), conditionOf\(item\)\) or undefined.*an array/],
      [step, 'x', /^setCondition takes a condition.*a string/],
      [step, {}, /^setCondition takes a condition.*no node/],
    ];
    for (const [item, condition, message] of cases) {
      const e = thrown(() => setCondition(item as never, condition as never));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toMatch(message);
    }
    expect(doc.toString()).toBe(SOURCE.toString());
  });
});
