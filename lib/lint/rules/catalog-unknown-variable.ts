/** A step variable the catalog does not know for the step's type: a misspelt name or a setting of another step type. */
import { matchVariable } from '../../catalog/variable-match.js';
import { variables } from '../../model/variables.js';
import { shownValue } from '../../shown-value.js';
import { consoleFormFindings, type LintRule } from '../rule.js';

/** Lint rule `catalog/unknown-variable` (see its description). */
export const catalogUnknownVariable: LintRule = {
  id: 'catalog/unknown-variable',
  severity: 'warning',
  description: 'In a Current Branch sequence, a step variable that the step catalog does not know for the step type; the engine ignores it, so the setting it was meant to be has no effect.',
  check: (doc) =>
    consoleFormFindings(
      doc,
      (located, entry) =>
        variables(located.node)
          .filter((v) => !matchVariable(entry, v))
          .map((v) => ({ located, message: `${entry.consoleName} has no variable ${shownValue(v.attributes.name ?? '?', '')} (property ${shownValue(v.attributes.property ?? '?', '')}).` })),
      true,
    ),
};
