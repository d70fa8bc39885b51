/**
 * The last check before cmts writes: the text it is about to write is well-formed XML. Judged by the same parser that
 * reads, in its mode that builds no tree, so checking costs no second copy of the document in memory.
 */
import { LineCounter, TaskSequenceError } from '../errors.js';
import { checkWellFormed } from './parse.js';

/** Judges text cmts is about to write; a failure is `OUTPUT_MALFORMED`, placed in that text. */
export function checkOutput(text: string, what: string, options: { embedded?: boolean } = {}): void {
  try {
    // No size limits here: the text came from a tree that was itself read within them.
    checkWellFormed(text, { maxNodes: Number.MAX_SAFE_INTEGER, maxDepth: Number.MAX_SAFE_INTEGER, ...options });
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    const { line, col } = new LineCounter(text).linePos(e.range?.[0] ?? 0);
    throw new TaskSequenceError('OUTPUT_MALFORMED', `${what} would not be well-formed XML (line ${line}, column ${col} of the output): ${e.message} Nothing is written.`);
  }
}
