/**
 * Listing a package in a `<referenceList>`, and nothing else: addPackageReference's edit of the sequence, which the
 * add-reference transform makes alone, as it plans an object.xml's References array as an edit of its own (its report
 * names each change).
 */
import { createPackageReference } from './builders.js';
import { appendLaidOut, detectIndentUnit, layoutAt } from './format.js';
import { knownReferences } from './known-references.js';
import type { ReferenceList, Sequence } from './types.js';

/**
 * Appends `<reference package="…"/>` (with `program` when given) to `list`, the `<referenceList>` of `sequence`, laid
 * out like the other references, unless the list has the package (case ignored); returns whether it did.
 */
export function listPackage(sequence: Sequence, list: ReferenceList, packageId: string, program?: string): boolean {
  // Looked up in the list's kept index, not by listing it: adding N references cost N times the list (10,000: 4 s).
  const known = knownReferences(list);
  if (known.has('package', packageId)) return false;
  const unit = detectIndentUnit(sequence);
  const reference = createPackageReference(packageId, program);
  appendLaidOut(list, reference, layoutAt(sequence, sequence.children.indexOf(list), unit), unit);
  known.added('package', packageId, reference);
  return true;
}
