/**
 * The Current Branch export .zip (`Export-CMTaskSequence`, the console's Export): an OPC package holding each task
 * sequence as `SMS_TaskSequencePackage/<PackageID>/object.xml`. Each object.xml is read as a document of its own;
 * on write only the object.xml parts that changed are replaced, every other part is copied byte for byte.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type Issue, TaskSequenceError } from '../errors.js';
import { referencedPackages } from '../model/mutate.js';
import { readTaskSequence, type ReadOptions } from '../read.js';
import { checkWrittenBytes, writeTaskSequence } from '../write.js';
import { readEntry, readZip, writeZip, type ZipArchive, type ZipEntry, type ZipLimits } from '../zip/zip.js';

/** A read export archive and the task sequences in it. */
export interface ExportZip {
  zip: ZipArchive;
  /** One per `SMS_TaskSequencePackage/<ID>/object.xml`, in archive order. */
  sequences: ExportZipPart[];
}

/** One task sequence of an export archive. */
export interface ExportZipPart {
  /** The entry name, `SMS_TaskSequencePackage/<ID>/object.xml`. */
  part: string;
  doc: TaskSequenceDocument;
  /** Its entry in the archive. */
  entry: ZipEntry;
  /** The entry's bytes as read. */
  original: Uint8Array;
  /** The packages the sequence's `<referenceList>` held when read. */
  referencesAtRead: string[];
}

const OBJECT_PART = /^SMS_TaskSequencePackage[/\\][^/\\]+[/\\]object\.xml$/i;

/** Whether bytes look like a zip archive. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Reads an export archive; throws if it holds no task sequence. */
export function readExportZip(bytes: Uint8Array, options: ReadOptions & ZipLimits = {}): ExportZip {
  try {
    return readArchive(bytes, options);
  } catch (e) {
    // Zip errors name the archive like every other error does.
    if (e instanceof TaskSequenceError && e.file === undefined && options.file !== undefined) e.file = options.file;
    throw e;
  }
}

function readArchive(bytes: Uint8Array, options: ReadOptions & ZipLimits): ExportZip {
  const zip = readZip(bytes, options);
  const sequences = zip.entries
    .filter((e) => OBJECT_PART.test(e.name))
    .map((e) => {
      const original = readEntry(zip, e, options);
      const file = `${options.file ?? '(zip)'}!${e.name}`;
      const doc = readTaskSequence(original, { ...options, file });
      return { part: e.name, entry: e, doc, original, referencesAtRead: referencedPackages(doc.sequence) };
    });
  if (sequences.length === 0) {
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', 'The archive has no SMS_TaskSequencePackage/<PackageID>/object.xml: it is not a task sequence export.', options.file === undefined ? {} : { file: options.file });
  }
  return { zip, sequences };
}

/**
 * What writing a part back leaves undone: the export's `ReferencesInfo.xml` is copied as it was, so a package newly
 * referenced by the sequence is not listed there (whether the console's import needs it is untested).
 */
export function exportZipPartWarnings(part: ExportZipPart): Issue[] {
  const before = new Set(part.referencesAtRead.map((p) => p.toUpperCase()));
  const added = referencedPackages(part.doc.sequence).filter((p) => !before.has(p.toUpperCase()));
  if (added.length === 0) return [];
  return [
    {
      code: 'ZIP_REFERENCES_INFO_UNCHANGED',
      severity: 'warning',
      message: `The sequence now references ${added.join(', ')}; the export's ReferencesInfo.xml is left as it was (whether Import-CMTaskSequence needs a new reference listed there is untested).`,
    },
  ];
}

/** The archive with every changed object.xml replaced; unchanged, it is the input bytes. */
export function writeExportZip(x: ExportZip, limits: ZipLimits = {}): Uint8Array {
  // Keyed by the entry, not its name, so one sequence's bytes can never land in another's entry.
  const replace = new Map<ZipEntry, Uint8Array>();
  for (const s of x.sequences) {
    const out = writeTaskSequence(s.doc);
    if (!Buffer.from(out).equals(Buffer.from(s.original))) replace.set(s.entry, out);
  }
  return writeZip(x.zip, replace, limits);
}

/**
 * Checks an archive about to be written in place of `x`, building no tree: its directory and headers read back (as
 * {@link readExportZip} reads them), it still holds every task sequence part, and each part that differs from the
 * one read inflates to its declared size and CRC and is well-formed XML in its own encoding. A part with the name,
 * size and CRC it was read with is the copy of bytes that were judged when read (the writer copies it verbatim, after
 * checking its CRC). Throws `ZIP_INVALID`/`ZIP_UNSAFE` as reading does, or `OUTPUT_MALFORMED`.
 */
export function checkExportZipOutput(bytes: Uint8Array, x: ExportZip): void {
  const zip = readZip(bytes);
  const before = new Map(x.sequences.map((s) => [s.part, s.entry]));
  const parts = zip.entries.filter((e) => OBJECT_PART.test(e.name));
  if (parts.length !== x.sequences.length || parts.some((e) => !before.has(e.name))) {
    throw new TaskSequenceError('OUTPUT_MALFORMED', 'The archive written would not hold the task sequences read; nothing is written.');
  }
  for (const e of parts) {
    const was = before.get(e.name) as ZipEntry;
    if (e.crc === was.crc && e.size === was.size) continue;
    checkWrittenBytes(readEntry(zip, e));
  }
}
