/**
 * Where an issue about a node is in the file: `doc.positionOf`'s line and column (the outer file's, for a sequence
 * held in object.xml; its line starts found once a document and searched, so N issues cost the text once and N binary
 * searches) and the document's file. Lint's findings and the KB977203 preset's diagnostics are placed by it alike. A
 * node not read from the file (one a transform built) has none: no line, column or file.
 */
import type { TaskSequenceDocument } from './document.js';
import type { Issue, TaskSequenceErrorInit } from './errors.js';
import type { Located } from './model/query.js';
import type { Node } from './model/types.js';

/** The place of an issue: line and column (with the file, when the document was read from a named one), or nothing. */
export type IssuePlace = Pick<Issue, 'line' | 'col' | 'file'>;

/** The place in `doc`'s file of an issue about `at` (an item as listed, or any node), to spread into the issue. */
export function placeOf(doc: TaskSequenceDocument, at: Located | Node): IssuePlace {
  // A listed item has its path; no node has one.
  const pos = doc.positionOf('path' in at ? at.node : at);
  if (pos === undefined) return {};
  return { line: pos.line, col: pos.col, ...(doc.file !== undefined && { file: doc.file }) };
}

/**
 * The place of a refusal about a node, for a {@link TaskSequenceErrorInit}: the line and column (and file) {@link placeOf}
 * gives an issue about it, and the step path (a listed item's own, or `path`, the step a variable or element is of).
 * Every refusal of the KB977203 preset about a step, a variable or a package property is placed by it, so that the
 * command line prints `file:line:col:` and `--json` has `line` and `col`, as for the preset's diagnostics and lint's
 * findings about the same node.
 */
export function refusalPlace(doc: TaskSequenceDocument, at: Located | Node | undefined, path?: string): TaskSequenceErrorInit {
  const place = at === undefined ? {} : placeOf(doc, at);
  const step = path ?? (at !== undefined && 'path' in at ? at.path : undefined);
  return {
    ...(place.line !== undefined && { linePos: { line: place.line, col: place.col ?? 1 } }),
    ...(place.file !== undefined && { file: place.file }),
    ...(step !== undefined && { path: step }),
  };
}
