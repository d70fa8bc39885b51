// Where a piece of a text is, as the command line prints a place: for tests that check the line and column of a key.
import { expect } from 'vitest';
import { LineCounter } from '../../lib/errors.js';

/** `line:col` of the `nth` (0-based) occurrence of `what` in `text`. */
export function placeOf(text: string, what: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(what, at + 1);
  expect(at, what).toBeGreaterThanOrEqual(0);
  const { line, col } = new LineCounter(text).linePos(at);
  return `${line}:${col}`;
}
