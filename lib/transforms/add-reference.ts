/**
 * add-reference: lists a package in the sequence's `<referenceList>` when it has one (never creates one), and in the
 * container's References array when it has one (a Current Branch object.xml), so the two agree. What the caller says
 * of the package (name, description, version, type) goes into an export .zip's ReferencesInfo.xml when one is written.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { describePackageReference, type PackageReferenceInfo } from '../containers/references-info.js';
import { listPackage } from '../model/list-package.js';
import { referencedPackages, referenceList } from '../model/mutate.js';
import { planContainerReference } from '../containers/container-references.js';
import { emptyPlan, fromPlan, type Plan, type Transform } from './context.js';
import { checkedAt, checkText, PACKAGE_ID, validOptions } from './values.js';
import { shownValue } from '../shown-value.js';

/** Options of {@link addReference}. */
export interface AddReferenceOptions {
  packageId: string;
  /** Written as `program="…"` when given (child task sequences use `*`). */
  program?: string;
  /** Label recorded on each change; default none. */
  requirement?: string;
  /** The package's name, for an export .zip's ReferencesInfo.xml; default none (written empty, and warned about). */
  packageName?: string;
  /** The package's description, for ReferencesInfo.xml; default none (written empty). */
  packageDescription?: string;
  /** The package's version, for ReferencesInfo.xml; default none (written empty). */
  packageVersion?: string;
  /**
   * The package's type (`SMS_PackageBaseclass.PackageType`: 0 package, 3 driver package, 4 task sequence, 257 OS
   * image, 258 boot image, 259 OS upgrade package), for ReferencesInfo.xml; default none: another item of the archive
   * for the package says it, or the package is not listed there (and that is warned about).
   */
  packageType?: number;
}

/** What the options say of the package, for ReferencesInfo.xml. */
export function referenceInfoOf(options: Pick<AddReferenceOptions, 'packageName' | 'packageDescription' | 'packageVersion' | 'packageType'>): PackageReferenceInfo {
  for (const [what, value] of [
    ['packageName option', options.packageName],
    ['packageDescription option', options.packageDescription],
    ['packageVersion option', options.packageVersion],
  ] as const) {
    checkText(what, value);
  }
  return {
    ...(options.packageName !== undefined && { name: options.packageName }),
    ...(options.packageDescription !== undefined && { description: options.packageDescription }),
    ...(options.packageVersion !== undefined && { version: options.packageVersion }),
    ...(options.packageType !== undefined && { packageType: options.packageType }),
  };
}

/**
 * The checks of add-reference's options that need no document (those of its schema aside): throws
 * `INVALID_ARGUMENT`, marked with the option's place. Its factory makes them, and so does `cmts transform` once for
 * its options file, before any input.
 */
export function checkAddReferenceOptions(options: AddReferenceOptions): void {
  checkedAt('/packageId', () => {
    if (!PACKAGE_ID.test(options.packageId)) throw new TaskSequenceError('INVALID_ARGUMENT', `The packageId option ${shownValue(options.packageId, '"')} is not a package ID (site code and five hex digits, upper case).`);
  });
  // Written only as the reference's program attribute (XML text, not a command line): any character XML can carry.
  checkedAt('/program', () => checkText('program option', options.program));
  for (const key of ['packageName', 'packageDescription', 'packageVersion'] as const) checkedAt(`/${key}`, () => checkText(`${key} option`, options[key]));
}

/** What {@link addReference} would do; refuses a package ID that is not one, before any edit. */
export function planAddReference(doc: TaskSequenceDocument, options: AddReferenceOptions): Plan {
  checkAddReferenceOptions(options);
  const info = referenceInfoOf(options);
  const plan = emptyPlan();
  const req = options.requirement === undefined ? {} : { requirement: options.requirement };
  const list = referenceList(doc.sequence);
  if (!list) return plan;
  if (referencedPackages(doc.sequence).some((p) => p.toUpperCase() === options.packageId.toUpperCase())) {
    plan.already.push({ what: `reference to package ${options.packageId}`, where: '(referenceList)', ...req });
  } else {
    plan.edits.push({
      change: { what: `reference to package ${options.packageId}`, where: '(referenceList)', after: options.packageId, ...req },
      // The list alone (not addPackageReference, which keeps the References array too): the array is the next edit.
      apply: () => {
        listPackage(doc.sequence, list, options.packageId, options.program);
        describePackageReference(doc, options.packageId, info);
      },
      scope: { subtrees: [], lists: [list] },
    });
  }
  const container = planContainerReference(doc, options.packageId);
  if (container) plan.edits.push({ change: { what: `package ${options.packageId} in the References array`, where: '(package)', after: options.packageId, ...req }, apply: container });
  return plan;
}

/**
 * The add-reference transform's plan: {@link planAddReference}, and said when there is no list to add to, as
 * set-dependent-program says of a bare <sequence> (a 2007 sequence has none, and a transform that changes nothing
 * without a word looks like one that worked). The transform's every path (its factory, `checkTransform`,
 * `applyTransform`, `cmts transform`) plans with it; the KB977203 preset, which says of the whole sequence what it
 * does, plans with {@link planAddReference}.
 */
export function planAddReferenceTransform(doc: TaskSequenceDocument, options: AddReferenceOptions): Plan {
  const plan = planAddReference(doc, options);
  if (!referenceList(doc.sequence)) {
    plan.diagnostics.push({ code: 'REFERENCES_NOT_IN_FILE', severity: 'info', message: `The sequence has no <referenceList> (a ConfigMgr 2007 sequence keeps none: the site works out the packages a sequence needs from its steps), so no reference to ${options.packageId} is added.` });
  }
  return plan;
}

/** Adds `<reference package="…"/>` to an existing `<referenceList>` (and the container's References) unless listed. */
export function addReference(options: AddReferenceOptions): Transform {
  // Checked here too: a script that calls the factory gets the refusals createTransform gives, before any edit.
  const checked = validOptions<AddReferenceOptions>('add-reference', 'add-reference.options.schema.json', options);
  checkAddReferenceOptions(checked);
  return fromPlan((doc) => planAddReferenceTransform(doc, checked));
}
