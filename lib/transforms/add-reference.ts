/**
 * add-reference: lists a package in the sequence's `<referenceList>` when it has one (never creates one), and in the
 * container's References array when it has one (a Current Branch object.xml), so the two agree.
 */
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { addPackageReference, referencedPackages, referenceList } from '../model/mutate.js';
import { planContainerReference } from './container-references.js';
import { emptyPlan, fromPlan, type Plan, type Transform } from './context.js';
import { PACKAGE_ID } from './values.js';

/** Options of {@link addReference}. */
export interface AddReferenceOptions {
  packageId: string;
  /** Written as `program="…"` when given (child task sequences use `*`). */
  program?: string;
  /** Label recorded on each change; default none. */
  requirement?: string;
}

/** What {@link addReference} would do; refuses a package ID that is not one, before any edit. */
export function planAddReference(doc: TaskSequenceDocument, options: AddReferenceOptions): Plan {
  if (!PACKAGE_ID.test(options.packageId)) throw new TaskSequenceError('INVALID_ARGUMENT', `The packageId option ${JSON.stringify(options.packageId)} is not a package ID (site code and five hex digits, upper case).`);
  const plan = emptyPlan();
  const req = options.requirement === undefined ? {} : { requirement: options.requirement };
  if (!referenceList(doc.sequence)) return plan;
  if (referencedPackages(doc.sequence).some((p) => p.toUpperCase() === options.packageId.toUpperCase())) {
    plan.already.push({ what: `reference to package ${options.packageId}`, where: '(referenceList)', ...req });
  } else {
    plan.edits.push({ change: { what: `reference to package ${options.packageId}`, where: '(referenceList)', after: options.packageId, ...req }, apply: () => void addPackageReference(doc.sequence, options.packageId, options.program) });
  }
  const container = planContainerReference(doc, options.packageId);
  if (container) plan.edits.push({ change: { what: `package ${options.packageId} in the References array`, where: '(package)', after: options.packageId, ...req }, apply: container });
  return plan;
}

/** Adds `<reference package="…"/>` to an existing `<referenceList>` (and the container's References) unless listed. */
export function addReference(options: AddReferenceOptions): Transform {
  return fromPlan((doc) => planAddReference(doc, options));
}
