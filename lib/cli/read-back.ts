/**
 * Reading back the XML a command made from another kind of input (a JSON model for `convert --to xml`, a YAML text for
 * `build`), so that nothing is written that a reader would refuse.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { readTaskSequence, type ReadOptions } from '../read.js';

/**
 * The document `bytes` read back; a refusal is the input's, named by `input` (the XML is not a file the user has),
 * and says where in the XML it was met.
 */
export function readBack(bytes: Uint8Array, input: string, options: Omit<ReadOptions, 'file'>): TaskSequenceDocument {
  try {
    return readTaskSequence(bytes, options);
  } catch (e) {
    if (!(e instanceof TaskSequenceError)) throw e;
    const where = e.linePos ? ` (at line ${e.linePos.line}, column ${e.linePos.col} of that XML)` : '';
    throw new TaskSequenceError(e.code, `The XML written for it is refused${where}: ${e.message}`, {
      file: input,
      ...(e.path !== undefined && { path: e.path }),
      issues: e.issues.slice(1),
    });
  }
}
