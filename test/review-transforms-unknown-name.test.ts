// transformFromJson takes a name read as data (a JSON file, a command line): one that is no transform was quoted
// whole in the INVALID_ARGUMENT message, however long, and with its line ends and control characters as they were.
import { describe, expect, it } from 'vitest';
import { TaskSequenceError, transformFromJson } from './helpers/api.js';

function refusal(name: string): TaskSequenceError {
  try {
    transformFromJson(name, {});
  } catch (e) {
    if (e instanceof TaskSequenceError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('transformFromJson with a name that is no transform', () => {
  it('shows a long name cut, with its length', () => {
    const short = refusal('add-refrence');
    const long = refusal('x'.repeat(100_000));
    expect(long.code).toBe('INVALID_ARGUMENT');
    expect(long.message).toContain('(100000 characters)');
    expect(long.message.length).toBeLessThan(short.message.length + 100);
  });

  it('shows a line end escaped: the message stays one line', () => {
    const e = refusal('add-reference\nINJECTED');
    expect(e.message).not.toMatch(/[\r\n]/);
    expect(e.message).toContain('There is no transform named "add-reference\\nINJECTED"');
  });
});
