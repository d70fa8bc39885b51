/**
 * Where a diagnostic of the KB977203 preset is in the file. A diagnostic about a step, a group or a variable read from
 * the file gets the place `cmts lint` gives a finding about the same node: `doc.positionOf`'s line and column (the
 * outer file's, for a sequence held in object.xml; its line starts found once a document and searched, so N
 * diagnostics cost the text once and N binary searches), and the document's file. One about a node the preset built,
 * or about the document as a whole, has none: no line, column or file.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue } from '../errors.js';
import type { Located } from '../model/query.js';
import type { Node } from '../model/types.js';

/** The place of a diagnostic: line and column (with the file, when the document was read from a named one), or nothing. */
export type Kb977203Place = Pick<Issue, 'line' | 'col' | 'file'>;

/** The place in `doc`'s file of a diagnostic about `at` (an item as listed, or any node), to spread into the issue. */
export function placeOf(doc: TaskSequenceDocument, at: Located | Node): Kb977203Place {
  // A listed item has its path; no node has one (the test lint's kb977203/fix rule makes of the same union).
  const pos = doc.positionOf('path' in at ? at.node : at);
  if (pos === undefined) return {};
  return { line: pos.line, col: pos.col, ...(doc.file !== undefined && { file: doc.file }) };
}
