// The message of the UsageError a command line gets from the option parser, for tests of what it refuses.
import { expect } from 'vitest';
import { parse, UsageError } from '../../lib/cli/args.js';

/** The message of the UsageError `parse(argv, options)` throws; fails the test when it throws none or another error. */
export function usageRefusal(argv: string[], options: Parameters<typeof parse>[1]): string {
  try {
    parse(argv, options);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}
