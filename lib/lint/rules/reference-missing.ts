/** An Install Software package missing from a present <referenceList>. */
import { referencedPackages, referenceList } from '../../model/mutate.js';
import { STEP_TYPES } from '../../model/steps.js';
import { getVariableValue } from '../../model/variables.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, steps } from '../rule.js';

/** A task sequence variable's reference, `%NAME%`. */
const VARIABLE = /%[^%\s]+%/;

/** Lint rule `reference-missing` (see its description). */
export const referenceMissing: LintRule = {
  id: 'reference-missing',
  severity: 'warning',
  description: 'An Install Software step runs a package that the sequence\'s <referenceList> does not list.',
  check: (doc) => {
    if (!referenceList(doc.sequence)) return [];
    const listed = new Set(referencedPackages(doc.sequence).map((p) => p.toUpperCase()));
    return steps(doc).flatMap((located): Finding[] => {
      if (located.node.attributes.type !== STEP_TYPES.installSoftware) return [];
      const pkg = getVariableValue(located.node, 'PackageID');
      // A package ID given as a variable (`%PKG%`) is known only at run time: no referenceList can list it.
      return pkg && !VARIABLE.test(pkg) && !listed.has(pkg.toUpperCase()) ? [{ located, message: `Package ${shownValue(pkg, '')} is not in the sequence's <referenceList>.` }] : [];
    });
  },
};
