// What a script reads a step or document with, given what plain JavaScript can give: no item (null, undefined), the
// document where a node is meant, a visitor that is no function, a property name or value that is no string. Each threw
// a TypeError from inside (conditionOf(null), describeCondition(undefined), viewOf(null), doc.visit(null),
// doc.setProperty(null, …)), or took the value for the writer to refuse later (doc.setProperty('Name', 5), written
// as OUTPUT_MALFORMED at a line of the output). Now INVALID_ARGUMENT naming the function, and nothing changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conditionOf, describeCondition, readCondition, readTaskSequence, viewOf, visit } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const SOURCE = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));

describe('readers given the wrong thing', () => {
  it('refuse it with INVALID_ARGUMENT naming the function, and change nothing', () => {
    const doc = readTaskSequence(SOURCE);
    const cases: [string, () => unknown, RegExp][] = [
      ['conditionOf(null)', () => conditionOf(null as never), /^conditionOf takes a step or group.*given null/],
      ['conditionOf(doc)', () => conditionOf(doc as never), /^conditionOf takes a step or group/],
      ['describeCondition(undefined)', () => describeCondition(undefined as never), /^describeCondition takes a condition.*given undefined/],
      ['describeCondition(step)', () => describeCondition(doc.steps()[0]?.node as never), /^describeCondition takes a condition.*"step"/],
      ['readCondition(null)', () => readCondition(null as never), /^readCondition takes a condition/],
      ['viewOf(null)', () => viewOf(null as never), /^viewOf takes a step/],
      ['doc.visit(null)', () => doc.visit(null as never), /^visit takes a visitor function.*given null/],
      ['visit(seq, {})', () => visit(doc.sequence, {} as never), /^visit takes a visitor function/],
      ['visit(null, f)', () => visit(null as never, () => undefined), /^visit takes a node to walk.*given null/],
      ['doc.setProperty(null, …)', () => doc.setProperty(null as never, 'x'), /^setProperty takes a string as the property name.*given null/],
      ['doc.setProperty(…, 5)', () => doc.setProperty('Name', 5 as never), /^setProperty takes a string as the value.*a number/],
      ['doc.setProperty(…, 5) new', () => doc.setProperty('Category2', 5 as never), /^setProperty takes a string as the value/],
      ['doc.getProperty(5)', () => doc.getProperty(5 as never), /^getProperty takes a string as the property name/],
    ];
    for (const [label, f, message] of cases) {
      const e = thrown(f);
      expect(e.code, label).toBe('INVALID_ARGUMENT');
      expect(e.message, label).toMatch(message);
    }
    expect(doc.toString()).toBe(SOURCE.toString());
  });
});
