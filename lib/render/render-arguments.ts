/**
 * The render API's arguments checked as plain JavaScript can give them: what is no document, options that are no
 * object, a format other than `html` or `md`, `lint` or `source` of another type, and index entries that are no
 * array are refused with `INVALID_ARGUMENT` before any view is built, rather than met as a TypeError part-way or
 * taken for the default (format `markdown` wrote an HTML page, lint `'no'` ran the linter).
 */
import { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { describeGiven } from '../model/child-nodes.js';

/** Refuses `doc` unless it is a document; `which` names it in the message (`the old`, `the new`, or none). */
export function checkRenderedDocument(doc: unknown, which?: 'old' | 'new'): asserts doc is TaskSequenceDocument {
  if (doc instanceof TaskSequenceDocument) return;
  const what = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? 'an object that is no TaskSequenceDocument' : describeGiven(doc);
  const message =
    which === undefined
      ? `A page takes a task sequence document (a TaskSequenceDocument, as readTaskSequence gives it), not ${what}.`
      : `A comparison takes two task sequence documents (TaskSequenceDocument, as readTaskSequence gives them); the ${which} one is ${what}.`;
  throw new TaskSequenceError('INVALID_ARGUMENT', message);
}

/** Refuses options that are no object, or whose `lint` is no boolean or whose `source` is no string (when set). */
export function checkViewOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TaskSequenceError('INVALID_ARGUMENT', `The options of a page are an object, not ${describeGiven(options)}.`);
  const { lint, source } = options as { lint?: unknown; source?: unknown };
  if (lint !== undefined && typeof lint !== 'boolean') throw new TaskSequenceError('INVALID_ARGUMENT', `The option lint is true or false, not ${describeGiven(lint)}.`);
  if (source !== undefined && typeof source !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', `The option source is a string, not ${describeGiven(source)}.`);
}

/** Refuses a format other than `html` or `md` (undefined is the default, `html`). */
export function checkFormat(format: unknown): void {
  if (format !== undefined && format !== 'html' && format !== 'md') throw new TaskSequenceError('INVALID_ARGUMENT', `The format of a page is "html" or "md", not ${describeGiven(format)}.`);
}

/** Refuses index entries that are no array. */
export function checkIndexEntries(entries: unknown): void {
  if (!Array.isArray(entries)) throw new TaskSequenceError('INVALID_ARGUMENT', `An index lists its pages in an array of entries, not ${describeGiven(entries)}.`);
}
