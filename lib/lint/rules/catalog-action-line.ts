/** The `<action>` command line no longer says what the step's variables say (an edit changed one, not the other). */
import { consoleFormEntry, expectedAction } from '../../catalog/console-form.js';
import { getAction } from '../../model/variables.js';
import { type Finding, type LintRule, steps } from '../rule.js';

/** Lint rule `catalog/action-line` (see its description). */
export const catalogActionLine: LintRule = {
  id: 'catalog/action-line',
  severity: 'error',
  description: 'The <action> command line disagrees with the step variables; the engine runs the command line, so the step does not do what its settings say.',
  check: (doc) =>
    steps(doc).flatMap((located): Finding[] => {
      const entry = consoleFormEntry(located.node);
      if (!entry) return [];
      const expected = expectedAction(entry, located.node);
      const actual = getAction(located.node) ?? '';
      return expected === undefined || expected === actual ? [] : [{ located, message: `The command line is ${JSON.stringify(actual)} but the settings say ${JSON.stringify(expected)}.` }];
    }),
};
