// What every KB977203 apply in the tests must hold: check reports what apply does, and applying again to the output,
// or checking it, changes nothing and writes the same bytes.
import { expect } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, writeTaskSequence, type Kb977203Options, type Kb977203Report } from './api.js';

/** A document written back as text. */
export const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

/** Applies the preset to `input` with `options`, checking what every apply must hold (see above); the report and output. */
export function appliedTwice(input: string, options: Kb977203Options): { report: Kb977203Report; out: string } {
  const checked = checkKb977203(readTaskSequence(input), options);
  const doc = readTaskSequence(input);
  const report = applyKb977203(doc, options);
  expect(checked).toEqual(report);
  const out = text(doc);
  expect(checkKb977203(readTaskSequence(out), options).changed).toBe(false);
  const again = readTaskSequence(out);
  expect(applyKb977203(again, options).changes).toEqual([]);
  expect(text(again)).toBe(out);
  return { report, out };
}
