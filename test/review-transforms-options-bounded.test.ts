// OPTIONS_INVALID named every problem the schema found: an options file with many wrong steps (each wrong step of
// insert-steps-after has about ten, one per kind of step it is not) gave a message that grew with the file, 88 KB for
// 200 steps, printed as one line on standard error. The message now names the first ten and counts the rest; each one
// is still an issue of the error.
import { describe, expect, it } from 'vitest';
import { createTransform } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

function refusal(steps: number) {
  const options = { after: { name: 'x' }, steps: Array.from({ length: steps }, () => ({ type: 'run-command-line', name: 'x' })) };
  return thrown(() => createTransform('insert-steps-after', options as never));
}

describe('OPTIONS_INVALID for many wrong items', () => {
  it('names ten problems whatever the number of wrong steps, and counts the rest', () => {
    const one = refusal(1);
    const ten = refusal(10);
    const many = refusal(1000);
    expect(many.code).toBe('OPTIONS_INVALID');
    // Every problem is still an issue of the error: one for each wrong step (see review10-transforms-oneof-problems).
    expect(one.issues.length).toBe(2);
    expect(many.issues.length).toBe(1001);
    const shown = many.message.split('; ').length;
    expect(shown).toBe(11);
    // `issues` is the error itself, then one issue a problem.
    expect(many.message).toContain(`and ${many.issues.length - 1 - 10} more`);
    expect(many.message).toContain(`steps.0: must have required property 'commandLine'`);
    // As long as the message for ten wrong steps, give or take the count: it does not grow with the file.
    expect(many.message.length).toBeLessThan(ten.message.length + 100);
  });

  it('a message with few problems is as it was: each named, none counted', () => {
    const e = thrown(() => createTransform('add-reference', { packageId: 'abc' }));
    expect(e.message).toBe('Options of add-reference are invalid: packageId: A ConfigMgr package ID: a three-character site code and five hexadecimal digits, upper case (ABC00010) (got "abc").');
  });
});
