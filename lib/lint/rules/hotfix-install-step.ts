/** R1: the KB977203 hotfix must not be installed by Install Software or Run Command Line. */
import { findHotfixInstallSteps } from '../../presets/kb977203-r1.js';
import type { LintRule } from '../rule.js';

/** Lint rule `kb977203/hotfix-install-step` (see its description). */
export const hotfixInstallStep: LintRule = {
  id: 'kb977203/hotfix-install-step',
  severity: 'error',
  requirement: 'R1',
  description: 'A step installs the KB977203 (or KB977384) client .msp with Install Software or Run Command Line; that stops the ConfigMgr client service and fails the task sequence.',
  check: (doc) =>
    findHotfixInstallSteps(doc.sequence)
      .filter((h) => h.explicit)
      .map((h) => ({
      located: h.located,
      message: `${h.why} Installing it this way stops the ConfigMgr client service and the task sequence fails; let Setup Windows and ConfigMgr install it through PATCH (R1).`,
    })),
};
