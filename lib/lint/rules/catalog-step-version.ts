/** A step type that the sequence's ConfigMgr version does not have (an Install Application in a 2007 export). */
import { catalogEntry } from '../../catalog/catalog.js';
import { describeRelease, isAvailableIn, sequenceRelease } from '../../catalog/versions.js';
import { type Finding, type LintRule, steps } from '../rule.js';

/** Lint rule `catalog/step-version` (see its description). */
export const catalogStepVersion: LintRule = {
  id: 'catalog/step-version',
  severity: 'error',
  description: 'A step type that first shipped in a later ConfigMgr release than the one this sequence is written for; that console cannot import or run it.',
  check: (doc) => {
    const release = sequenceRelease(doc.sequence, doc.container);
    return steps(doc).flatMap((located): Finding[] => {
      const entry = catalogEntry(located.node.attributes.type);
      if (!entry || isAvailableIn(entry.since, release)) return [];
      return [{ located, message: `${entry.consoleName} first shipped in ConfigMgr ${entry.since}; this sequence is for ${describeRelease(release)}.` }];
    });
  },
};
