/**
 * Reading an input for the commands: a task sequence file, or a Current Branch export .zip with one or more; and
 * writing it back the same way.
 */
import { exportZipPartWarnings, isZip, readExportZip, writeExportZip } from '../containers/export-zip.js';
import { checkExportZipCopies, checkExportZipOutput } from '../containers/check-export-zip-output.js';
import type { TaskSequenceDocument } from '../document.js';
import { type Issue, TaskSequenceError } from '../errors.js';
import { readTaskSequence } from '../read.js';
import { checkWrittenBytes, writeEditedBytes } from '../write.js';
import type { EditScope } from '../xml/edited-spans.js';
import { type ReadLimits, withLimitFlags } from './args.js';
import type { CliIo } from './io.js';

/** A task sequence read from an input, with the label it is reported under (`file` or `file!part`). */
export interface Loaded {
  label: string;
  /** For a sequence of an export .zip, its part (`SMS_TaskSequencePackage/<ID>/object.xml`), the label's `part`. */
  part?: string;
  doc: TaskSequenceDocument;
  /**
   * What writing it back leaves undone, as the container knows it (after any edit); of `edited` instead of `doc` when
   * given (a clone of `doc` edited to preview what an edit would leave, as a check does).
   */
  warnings: (edited?: TaskSequenceDocument) => Issue[];
}

/** An input and how to write it back. */
export interface LoadedInput {
  docs: Loaded[];
  /**
   * The whole input with its edits: the file, or the archive with every other part copied. `edited`, for a file, names
   * every edit of its sequence since it was read (as `editScopesDuring` gives them): only there is it printed, the
   * rest copied as read without being compared (see xml/edited-spans.ts). An archive is written as it is without.
   */
  write(edited?: readonly EditScope[]): Uint8Array;
  /**
   * Throws unless `bytes` read back as this kind of input (used before anything is written). A fault's line and
   * column are in `bytes`, so the error names `output`, where they were to go (`file`, or `file!part` for a part of
   * an archive; `-` for standard output, as standard input is named), not the input.
   */
  verify(bytes: Uint8Array, output: string): void;
  /**
   * Throws as writing the input back after an edit would for what it copies: for an export .zip, a part whose bytes
   * no longer match their CRC (`ZIP_INVALID`), so a `--check` or a dry run that finds changes fails as the run
   * would, rather than promise a write that cannot happen. Nothing for a task sequence file.
   */
  checkCopies(): void;
}

/** Reads an input: a task sequence file or an export .zip. */
export function loadInput(io: CliIo, file: string): LoadedInput {
  // The limits of --max-bytes/--max-nodes/--max-depth (set by startCommand): the file is read no further than maxBytes.
  const limits = io.readLimits ?? {};
  return loadBytes(io.readFile(file, limits.maxBytes), file, limits);
}

/**
 * An input already read (by the main thread, for a worker): a task sequence file or an export .zip. A limit it passes
 * is named by its flag (`--max-nodes`), which is what the command line's user can raise.
 */
export function loadBytes(bytes: Uint8Array, file: string, limits: ReadLimits): LoadedInput {
  try {
    return readInput(bytes, file, limits);
  } catch (e) {
    throw e instanceof TaskSequenceError ? withLimitFlags(e) : e;
  }
}

function readInput(bytes: Uint8Array, file: string, limits: ReadLimits): LoadedInput {
  if (!isZip(bytes)) {
    const doc = readTaskSequence(bytes, { file, ...limits });
    return {
      docs: [{ label: file, doc, warnings: () => [] }],
      write: (edited) => writeEditedBytes(doc, edited),
      // Judged without a second tree: the document read is still in memory while its output is checked.
      verify: (out, output) => placedIn(output, () => checkWrittenBytes(out)),
      checkCopies: () => undefined,
    };
  }
  const zip = readExportZip(bytes, { file, ...limits });
  return {
    docs: zip.sequences.map((s) => ({ label: `${file}!${s.part}`, part: s.part, doc: s.doc, warnings: (edited = s.doc) => exportZipPartWarnings({ ...s, doc: edited }) })),
    write: () => writeExportZip(zip),
    // Judged without a second tree: the archive's structure, and each changed part's bytes as well-formed XML.
    verify: (out, output) => placedIn(output, () => checkExportZipOutput(out, zip, limits)),
    checkCopies: () => checkExportZipCopies(zip),
  };
}

/** Runs `check`; a refusal of the output names `output` as its file (`output!part` when it names a part). */
function placedIn(output: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof TaskSequenceError && e.code === 'OUTPUT_MALFORMED') e.file = e.file === undefined ? output : `${output}!${e.file}`;
    throw e;
  }
}

/** Every task sequence an input holds. */
export function loadDocuments(io: CliIo, file: string): Loaded[] {
  return loadInput(io, file).docs;
}

/** The one task sequence of an input; an export .zip with several is refused. */
export function loadOne(io: CliIo, file: string): Loaded {
  const all = loadDocuments(io, file);
  if (all.length !== 1) throw new TaskSequenceError('INVALID_ARGUMENT', `${file} holds ${all.length} task sequences; this command takes one.`, { file });
  return all[0] as Loaded;
}
