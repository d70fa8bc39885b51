/** A step variable the catalog does not know for the step's type: a misspelt name or a setting of another step type. */
import { consoleFormEntry } from '../../catalog/console-form.js';
import { isCurrentBranch, sequenceRelease } from '../../catalog/versions.js';
import { matchVariable } from '../../catalog/variable-match.js';
import { variables } from '../../model/variables.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, steps } from '../rule.js';

/** Lint rule `catalog/unknown-variable` (see its description). */
export const catalogUnknownVariable: LintRule = {
  id: 'catalog/unknown-variable',
  severity: 'warning',
  description: 'In a Current Branch sequence, a step variable that the step catalog does not know for the step type; the engine ignores it, so the setting it was meant to be has no effect.',
  check: (doc) =>
    // The catalog's variable lists are verified against Current Branch exports; earlier consoles wrote fewer.
    !isCurrentBranch(sequenceRelease(doc.sequence, doc.container))
      ? []
      : steps(doc).flatMap((located): Finding[] => {
      const entry = consoleFormEntry(located.node);
      if (!entry) return [];
      return variables(located.node)
        .filter((v) => !matchVariable(entry, v))
        .map((v) => ({ located, message: `${entry.consoleName} has no variable ${shownValue(v.attributes.name ?? '?', '')} (property ${shownValue(v.attributes.property ?? '?', '')}).` }));
    }),
};
