// transformFromJson takes a name read as data (a JSON file, a command line): one that is no transform was quoted
// whole in the INVALID_ARGUMENT message, however long, and with its line ends and control characters as they were.
import { describe, expect, it } from 'vitest';
import { transformFromJson } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const refusal = (name: string) => thrown(() => transformFromJson(name, {}));

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
