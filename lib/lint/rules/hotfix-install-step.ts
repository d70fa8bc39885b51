/** R1: the KB977203 hotfix must not be installed by Install Software or Run Command Line. */
import { hotfixInstallStepsIn } from '../../presets/kb977203-r1.js';
import { disabledNote, neverRuns } from '../../presets/kb977203-step-queries.js';
import { items, type LintRule } from '../rule.js';

/**
 * Lint rule `kb977203/hotfix-install-step` (see its description). As in the preset, a step that is disabled, or in a
 * disabled group, does not run and cannot stop the client service now: it is a warning that says enabling it would.
 */
export const hotfixInstallStep: LintRule = {
  id: 'kb977203/hotfix-install-step',
  severity: 'error',
  requirement: 'R1',
  description: 'A step installs the KB977203 (or KB977384) client .msp with Install Software or Run Command Line; that stops the ConfigMgr client service and fails the task sequence.',
  check: (doc) =>
    hotfixInstallStepsIn(items(doc))
      .filter((h) => h.explicit)
      .map((h) => {
        const off = neverRuns(h.located);
        return {
          located: h.located,
          message: `${h.why} Installing it this way stops the ConfigMgr client service and the task sequence fails; let Setup Windows and ConfigMgr install it through PATCH (R1).${disabledNote(h.located)}`,
          ...(off && { severity: 'warning' as const }),
        };
      }),
};
