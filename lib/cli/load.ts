/**
 * Reading an input for the commands: a task sequence file, or a Current Branch export .zip with one or more.
 */
import { isZip, readExportZip } from '../containers/export-zip.js';
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { readTaskSequence } from '../read.js';
import type { CliIo } from './io.js';

/** A task sequence read from an input, with the label it is reported under (`file` or `file!part`). */
export interface Loaded {
  label: string;
  doc: TaskSequenceDocument;
}

/** Every task sequence an input holds. */
export function loadDocuments(io: CliIo, file: string): Loaded[] {
  const bytes = io.readFile(file);
  if (!isZip(bytes)) return [{ label: file, doc: readTaskSequence(bytes, { file }) }];
  return readExportZip(bytes, { file }).sequences.map((s) => ({ label: `${file}!${s.part}`, doc: s.doc }));
}

/** The one task sequence of an input; an export .zip with several is refused. */
export function loadOne(io: CliIo, file: string): Loaded {
  const all = loadDocuments(io, file);
  if (all.length !== 1) throw new TaskSequenceError('INVALID_ARGUMENT', `${file} holds ${all.length} task sequences; this command takes one.`, { file });
  return all[0] as Loaded;
}
