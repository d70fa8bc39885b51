/**
 * add-reference: lists a package in the sequence's `<referenceList>` when it has one (never creates one), and in the
 * container's References array when it has one (a Current Branch object.xml), so the two agree.
 */
import type { TaskSequenceDocument } from '../document.js';
import { addPackageReference } from '../model/mutate.js';
import type { Transform, TransformContext } from './context.js';
import { addContainerReference } from './container-references.js';

/** Options of {@link addReference}. */
export interface AddReferenceOptions {
  packageId: string;
  /** Written as `program="…"` when given (child task sequences use `*`). */
  program?: string;
  requirement?: string;
}

/** Adds `<reference package="…"/>` to an existing `<referenceList>` unless the package is listed. */
export function addReference(options: AddReferenceOptions): Transform {
  return (doc: TaskSequenceDocument, ctx: TransformContext) => {
    const req = options.requirement === undefined ? {} : { requirement: options.requirement };
    const result = addPackageReference(doc.sequence, options.packageId, options.program);
    if (result === 'added') ctx.change({ what: `reference to package ${options.packageId}`, where: '(referenceList)', after: options.packageId, ...req });
    if (result !== 'no-list' && addContainerReference(doc, options.packageId)) ctx.change({ what: `package ${options.packageId} in the References array`, where: '(package)', after: options.packageId, ...req });
    else if (result === 'present') ctx.already({ what: `reference to package ${options.packageId}`, where: '(referenceList)', ...req });
  };
}
