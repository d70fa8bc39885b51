import { expect } from 'vitest';
import { TaskSequenceError } from '../../lib/index.js';

/** The TaskSequenceError `f` throws; fails the test if it throws nothing or anything else. */
export function thrown(f: () => unknown): TaskSequenceError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TaskSequenceError);
    return e as TaskSequenceError;
  }
  throw new Error('expected a TaskSequenceError');
}

/** What `f` comes to: 'ok', the code of what it throws, or (no code) the thrown value as text. */
export function verdict(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
