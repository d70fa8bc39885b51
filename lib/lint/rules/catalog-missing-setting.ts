/** A setting the console always writes for the step type is missing. */
import { consoleFormEntry } from '../../catalog/console-form.js';
import { isCurrentBranch, sequenceRelease } from '../../catalog/versions.js';
import { StepView } from '../../catalog/step-view.js';
import { type Finding, type LintRule, steps } from '../rule.js';

/** Lint rule `catalog/missing-setting` (see its description). */
export const catalogMissingSetting: LintRule = {
  id: 'catalog/missing-setting',
  severity: 'warning',
  description: 'In a Current Branch sequence, a setting the console always writes for this step type is missing (settings added by later releases are not required).',
  check: (doc) =>
    // The catalog's variable lists are verified against Current Branch exports; earlier consoles wrote fewer.
    !isCurrentBranch(sequenceRelease(doc.sequence, doc.container))
      ? []
      : steps(doc).flatMap((located): Finding[] => {
      const entry = consoleFormEntry(located.node);
      if (!entry) return [];
      const present = new StepView(located.node).propertyTexts();
      return entry.variables
        .filter((v) => v.required && !v.arrayOf && v.since === undefined && v.evidence === 'observed' && present[v.property] === undefined)
        .map((v) => ({ located, message: `${entry.consoleName} is missing ${v.setting} (variable ${v.name}).` }));
    }),
};
