/**
 * The Current Branch export .zip (`Export-CMTaskSequence`, the console's Export): an OPC package holding each task
 * sequence as `SMS_TaskSequencePackage/<PackageID>/object.xml`, beside it the `ReferencesInfo.xml` that describes the
 * packages it references. Each object.xml is read as a document of its own; on write only the object.xml parts that
 * changed are replaced, and the ReferencesInfo.xml of a sequence whose package references changed gets an item for
 * each package added and loses the items of each package removed (see references-info.ts); every other part, and
 * every other byte of those, is copied as it was.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type Issue, limitOption, TaskSequenceError } from '../errors.js';
import { referencedPackages } from '../model/mutate.js';
import { DEFAULT_MAX_BYTES } from '../read-limits.js';
import { readTaskSequence, type ReadOptions } from '../read.js';
import { writeTaskSequence } from '../write.js';
import { looksLikeZip } from '../zip/end-record.js';
import { nameKey } from '../zip/entry-names.js';
import { DEFAULT_MAX_ENTRY_BYTES, readEntry, readZip, type ZipArchive, type ZipEntry, type ZipLimits } from '../zip/zip.js';
import { writeZip } from '../zip/zip-write.js';
import { describedPackageReference, describedPackages, type PackageReferenceInfo, readReferencesInfo, referencesInfoBytes } from './references-info.js';
import { editReferencesInfo, type ListedPackage } from './references-info-edit.js';
import { withYoungGenerationHeld } from '../xml/young-generation.js';

/** A read export archive and the task sequences in it. */
export interface ExportZip {
  zip: ZipArchive;
  /** One per `SMS_TaskSequencePackage/<ID>/object.xml`, in archive order. */
  sequences: ExportZipPart[];
  /**
   * The limits the archive was read within (an object.xml part's entry limit raised to `maxBytes`, as it is read):
   * {@link writeExportZip} refuses by default to write an archive that a read within them would refuse.
   */
  limits?: ZipLimits;
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
  /** Its `ReferencesInfo.xml` (in the same folder), when the archive has one: the entry and its bytes as read. */
  referencesInfo?: { entry: ZipEntry; original: Uint8Array };
  /** What the archive's ReferencesInfo.xml parts say of each package they list, by upper-case package ID. */
  packagesInArchive: ReadonlyMap<string, PackageReferenceInfo>;
}

/** The entry name of a task sequence's object.xml part. */
export const OBJECT_PART = /^SMS_TaskSequencePackage[/\\][^/\\]+[/\\]object\.xml$/i;
/** The entry name of a ReferencesInfo.xml part. */
export const REFERENCES_INFO_PART = /^SMS_TaskSequencePackage[/\\][^/\\]+[/\\]ReferencesInfo\.xml$/i;

/**
 * Whether bytes look like a zip archive (see looksLikeZip): read as XML, an archive behind a self-extractor's stub or
 * with its first header damaged was refused with an encoding error that said nothing of a zip.
 */
export function isZip(bytes: Uint8Array): boolean {
  return looksLikeZip(bytes);
}

/**
 * How many times maxBytes of object.xml an archive may hold in all. Measured: 16 sequences of 60 MiB (960 MiB in a
 * 57 MiB archive) made `cmts inspect` peak at 5.8 GiB; 4 × the default 64 MiB is about 1.5 GiB at the most.
 */
const SEQUENCES_PER_MAX_BYTES = 4;

/**
 * The limits an object.xml part is inflated within: `maxEntrySize` when given, else the larger of its default and
 * `maxBytes`, which holds the sequence once unpacked. The archive's own 64 MiB entry limit refused, as a zip bomb, a
 * sequence that `maxBytes` (`--max-bytes`) had been raised for, and that was read from a file.
 */
export function sequencePartLimits(options: ReadOptions & ZipLimits): ZipLimits & { maxEntrySize: number } {
  return { ...options, maxEntrySize: options.maxEntrySize ?? Math.max(DEFAULT_MAX_ENTRY_BYTES, options.maxBytes ?? DEFAULT_MAX_BYTES) };
}

/** Refuses (`INPUT_TOO_LARGE`, saying `what`), from the sizes the archive declares, parts that together pass `limit`. */
function heldTogether(parts: ZipEntry[], limit: number, what: (total: number) => string): void {
  const total = parts.reduce((sum, e) => sum + e.size, 0);
  if (total > limit) throw new TaskSequenceError('INPUT_TOO_LARGE', what(total));
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
  // Checked before the archive is: NaN would turn off the size checks below, and with them the part limit.
  limitOption('maxBytes', options.maxBytes, DEFAULT_MAX_BYTES);
  const zip = readZip(bytes, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const infoParts = zip.entries.filter((e) => REFERENCES_INFO_PART.test(e.name));
  // Each is inflated, parsed and kept, whichever sequence it is beside: together they are held to maxBytes (a real one
  // is a few KiB a package; 1,000 parts of 1 MiB, under the ratio checked past 1 MiB, made a 1.3 MB archive hold 1.1 GB).
  heldTogether(infoParts, maxBytes, (total) => `The archive's ${infoParts.length} ReferencesInfo.xml parts hold ${total} bytes; at most ${maxBytes} (option maxBytes) are read.`);
  const infos = new Map(infoParts.map((e) => [nameKey(e.name), { entry: e, original: readEntry(zip, e, options) }]));
  // Another sequence of the archive may reference (and so describe) a package that an edit adds to this one.
  const packagesInArchive = new Map<string, PackageReferenceInfo>();
  for (const { original } of infos.values()) {
    const parsed = readReferencesInfo(original);
    if (parsed) for (const [id, info] of describedPackages(parsed)) if (!packagesInArchive.has(id)) packagesInArchive.set(id, info);
  }
  const objects = zip.entries.filter((e) => OBJECT_PART.test(e.name));
  // Every sequence of the archive is read at once, each costing about six times its XML: their sum is bounded, from
  // the sizes the archive declares, before any is inflated (each alone is held to maxBytes when read).
  const maxSequences = SEQUENCES_PER_MAX_BYTES * maxBytes;
  heldTogether(objects, maxSequences, (total) => `The archive's ${objects.length} task sequences hold ${total} bytes of XML; at most ${maxSequences} (${SEQUENCES_PER_MAX_BYTES} × option maxBytes) are read at once. Export fewer sequences per archive, or raise maxBytes.`);
  const partLimits = sequencePartLimits(options);
  // Read together, the parts hold V8's young generation as one large input does (xml/young-generation.ts): several of
  // under 1 MiB each let it grow as one of their size does.
  const xmlBytes = objects.reduce((sum, e) => sum + e.size, 0);
  const sequences = withYoungGenerationHeld(xmlBytes, () => objects
    .map((e) => {
      const file = `${options.file ?? '(zip)'}!${e.name}`;
      // Refused before it is inflated, as a file over maxBytes is before it is read.
      if (e.size > maxBytes) throw new TaskSequenceError('INPUT_TOO_LARGE', `The part is ${e.size} bytes once unpacked; the limit is ${maxBytes} (option maxBytes).`, { file });
      const original = readEntry(zip, e, partLimits);
      // readTaskSequence would tell the caller to call readExportZip, which is where this is: the part is no XML.
      if (isZip(original)) throw new TaskSequenceError('ZIP_INVALID', 'The part holds a .zip archive, not the XML of a task sequence: the export is damaged.', { file });
      const doc = readTaskSequence(original, { ...options, file });
      // The names as Windows compares them, as the archive's check for duplicate names does (not toLowerCase, which
      // folds a final sigma and the Kelvin sign otherwise).
      const referencesInfo = infos.get(nameKey(e.name.replace(/object\.xml$/i, 'ReferencesInfo.xml')));
      return { part: e.name, entry: e, doc, original, referencesAtRead: referencedPackages(doc.sequence), ...(referencesInfo && { referencesInfo }), packagesInArchive };
    }));
  if (sequences.length === 0) {
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', 'The archive has no SMS_TaskSequencePackage/<PackageID>/object.xml: it is not a task sequence export.', options.file === undefined ? {} : { file: options.file });
  }
  const { maxEntrySize, maxTotalSize, maxRatio, maxEntries } = partLimits;
  return { zip, sequences, limits: { maxEntrySize, ...(maxTotalSize !== undefined && { maxTotalSize }), ...(maxRatio !== undefined && { maxRatio }), ...(maxEntries !== undefined && { maxEntries }) } };
}

const unique = (ids: string[]): string[] => [...new Map(ids.map((p) => [p.toUpperCase(), p])).values()];

/** The new ReferencesInfo.xml of a part (when it changes) and what is left undone or unknown. */
function planReferencesInfo(part: ExportZipPart): { bytes?: Uint8Array; issues: Issue[] } {
  const now = referencedPackages(part.doc.sequence);
  const before = new Set(part.referencesAtRead.map((p) => p.toUpperCase()));
  const after = new Set(now.map((p) => p.toUpperCase()));
  const added = unique(now.filter((p) => !before.has(p.toUpperCase())));
  const removed = unique(part.referencesAtRead.filter((p) => !after.has(p.toUpperCase())));
  if (added.length === 0 && removed.length === 0) return { issues: [] };
  const name = part.part.replace(/object\.xml$/i, 'ReferencesInfo.xml');
  const unchanged = (message: string): Issue => ({ code: 'ZIP_REFERENCES_INFO_UNCHANGED', severity: 'warning', message });
  // Nothing to take away from a part that is not there; a package added is not recorded.
  if (!part.referencesInfo) return { issues: added.length > 0 ? [unchanged(`The sequence now references ${added.join(', ')}; the archive has no ${name} to list it in.`)] : [] };
  const file = readReferencesInfo(part.referencesInfo.original);
  if (!file) {
    const changed = [...(added.length > 0 ? [`now references ${added.join(', ')}`] : []), ...(removed.length > 0 ? [`no longer references ${removed.join(', ')}`] : [])].join(' and ');
    return { issues: [unchanged(`The sequence ${changed}, but ${name} is left as it was: it is not a UTF-8 <ArrayOfString> of <string> items, the form cmts can edit.`)] };
  }
  const issues: Issue[] = [];
  const sequencePackage = part.part.split(/[/\\]/)[1] ?? '';
  const listed = new Set(file.items.flatMap((i) => (i.packageId === undefined ? [] : [i.packageId.toUpperCase()])));
  const unknownType: string[] = [];
  const toList: ListedPackage[] = [];
  for (const p of added) {
    if (listed.has(p.toUpperCase())) continue;
    // What the caller said of the package wins; the archive's other items fill in the rest.
    const info = { ...part.packagesInArchive.get(p.toUpperCase()), ...describedPackageReference(part.doc, p) };
    const { packageType } = info;
    if (packageType === undefined) {
      unknownType.push(p);
      continue;
    }
    toList.push({ packageId: p, info: { ...info, packageType } });
    const empty = (['name', 'description', 'version'] as const).filter((k) => info[k] === undefined);
    if (empty.length > 0) {
      issues.push({
        code: 'ZIP_REFERENCES_INFO_INCOMPLETE',
        // A package always has a name, so an empty one is wrong; many have no description or version.
        severity: empty.includes('name') ? 'warning' : 'info',
        message: `${name} lists ${p} with an empty ${empty.map((k) => `Reference${k[0]?.toUpperCase()}${k.slice(1)}`).join(', ')}: nothing said what ${empty.length === 1 ? 'it is' : 'they are'}. Say it where the reference is added: cmts kb977203 --certfix-package-name, --certfix-package-description, --certfix-package-version; add-reference's packageName, packageDescription, packageVersion options.`,
      });
    }
  }
  // All the removals and additions in one pass over the file (one at a time, each read the whole file again).
  const text = editReferencesInfo(file, sequencePackage, removed, toList);
  if (unknownType.length > 0) {
    const one = unknownType.length === 1;
    issues.push(
      unchanged(
        `The sequence now references ${unknownType.join(', ')}, but ${name} does not list ${one ? 'it' : 'them'}: nothing said what kind of package ${one ? 'it is' : 'they are'} (ReferencePackageType: 0 package, 3 driver package, 4 task sequence, 257 OS image…) and no other part of the archive lists ${one ? 'it' : 'them'}; give the package type with the reference (add-reference's packageType option).`,
      ),
    );
  }
  const bytes = referencesInfoBytes(file, text);
  return Buffer.from(bytes).equals(Buffer.from(part.referencesInfo.original)) ? { issues } : { bytes, issues };
}

/**
 * What writing a part back leaves undone or unknown in its ReferencesInfo.xml: a package whose type nothing said, a
 * part that is missing or in a form cmts cannot edit (`ZIP_REFERENCES_INFO_UNCHANGED`), or details written empty
 * because nothing said them (`ZIP_REFERENCES_INFO_INCOMPLETE`).
 */
export function exportZipPartWarnings(part: ExportZipPart): Issue[] {
  return planReferencesInfo(part).issues;
}

/**
 * The archive with every changed object.xml and ReferencesInfo.xml replaced; unchanged, it is the input bytes. Throws
 * `ZIP_UNSAFE` rather than write an archive that a read within `limits` (by default those it was read within) would
 * refuse: a part grown past the entry limit, or entries past the total.
 */
export function writeExportZip(x: ExportZip, limits: ZipLimits = x.limits ?? {}): Uint8Array {
  // Keyed by the entry, not its name, so one sequence's bytes can never land in another's entry.
  const replace = new Map<ZipEntry, Uint8Array>();
  for (const s of x.sequences) {
    const out = writeTaskSequence(s.doc);
    if (!Buffer.from(out).equals(Buffer.from(s.original))) replace.set(s.entry, out);
    const info = planReferencesInfo(s).bytes;
    if (info && s.referencesInfo) replace.set(s.referencesInfo.entry, info);
  }
  return writeZip(x.zip, replace, limits);
}
