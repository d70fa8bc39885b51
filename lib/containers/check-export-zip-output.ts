/**
 * The checks of an export archive about to be written, for a write, a check or a dry run to fail alike: the parts it
 * copies still match their CRC, and the archive made holds the same entries, each changed one sound (read back
 * without building a tree).
 */
import { TaskSequenceError } from '../errors.js';
import type { ReadOptions } from '../read.js';
import { checkWrittenBytes } from '../write.js';
import { readEntry, readZip, type ZipEntry, type ZipLimits } from '../zip/zip.js';
import { verifyCopiedEntries } from '../zip/zip-write.js';
import { type ExportZip, OBJECT_PART, REFERENCES_INFO_PART, sequencePartLimits } from './export-zip.js';

/**
 * Throws as {@link writeExportZip} would, after an edit, for the parts it copies: one whose bytes no longer match their
 * CRC is `ZIP_INVALID`. The parts it may replace (each object.xml and ReferencesInfo.xml) were inflated and checked
 * when read. For a check or a dry run, which write nothing, to fail where the write would.
 */
export function checkExportZipCopies(x: ExportZip, limits: ZipLimits = x.limits ?? {}): void {
  verifyCopiedEntries(x.zip, new Set(x.sequences.flatMap((s) => (s.referencesInfo ? [s.entry, s.referencesInfo.entry] : [s.entry]))), limits);
}

/**
 * Checks an archive about to be written in place of `x`, building no tree: its directory and headers read back (as
 * {@link readExportZip} reads them), it holds the same entries, and each entry that differs from the one read
 * inflates to its declared size and CRC and, for an object.xml or ReferencesInfo.xml part, is well-formed XML in its
 * own encoding. An entry with the name, size and CRC it was read with is the copy of bytes that were judged when read
 * (the writer copies it verbatim, after checking its CRC). `options` are those `x` was read with: a part is inflated
 * within them. Throws `ZIP_INVALID`/`ZIP_UNSAFE` as reading does, or `OUTPUT_MALFORMED`.
 */
export function checkExportZipOutput(bytes: Uint8Array, x: ExportZip, options: ReadOptions & ZipLimits = {}): void {
  const zip = readZip(bytes);
  const before = new Map(x.zip.entries.map((e) => [e.name, e]));
  // Names are unique in both (readZip refuses a duplicate), so the same count of known names is the same entries,
  // every task sequence part among them.
  if (zip.entries.length !== before.size || zip.entries.some((e) => !before.has(e.name))) {
    throw new TaskSequenceError('OUTPUT_MALFORMED', 'The archive written would not hold the entries read; nothing is written.');
  }
  for (const e of zip.entries) {
    const was = before.get(e.name) as ZipEntry;
    if (e.crc === was.crc && e.size === was.size) continue;
    const data = readEntry(zip, e, OBJECT_PART.test(e.name) ? sequencePartLimits(options) : options);
    if (!OBJECT_PART.test(e.name) && !REFERENCES_INFO_PART.test(e.name)) continue;
    try {
      checkWrittenBytes(data);
    } catch (fault) {
      // Its line and column are the part's: the error names the part they are in (a caller puts the archive's name
      // before it).
      if (fault instanceof TaskSequenceError && fault.file === undefined) fault.file = e.name;
      throw fault;
    }
  }
}
