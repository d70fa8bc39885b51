/** R14: the Restart Computer after CCMCertFix must not notify the user. */
import { locate, nextItem } from '../../model/query.js';
import { RestartComputerStep, STEP_TYPES } from '../../model/steps.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, steps } from '../rule.js';
import { dependentProgramOf, runsCertfix } from './kb977203-fix.js';

/** Lint rule `kb977203/restart-notifies` (see its description). */
export const restartAfterCertfixNotifies: LintRule = {
  id: 'kb977203/restart-notifies',
  severity: 'warning',
  requirement: 'R14',
  description: 'A Restart Computer right after CCMCertFix still notifies the user; KB977203 says to clear "Notify the user before restarting".',
  check: (doc) => {
    // The package's "Run another program first" is CCMCertFix whatever its program is called, as
    // kb977203/certfix-without-restart takes it: both rules look at the same steps.
    const dependent = dependentProgramOf(doc);
    return steps(doc).flatMap((located): Finding[] => {
      const step = located.node;
      // An Install Software step counts by its program or its name, a Run Command Line step by the command it runs.
      if (step.kind !== 'step' || !runsCertfix(step, dependent, true)) return [];
      const next = nextItem(located.parent, step, located.index);
      if (!next || next.kind !== 'step' || next.attributes.type !== STEP_TYPES.restartComputer || !new RestartComputerStep(next).notifiesUser) return [];
      return [{ located: locate(doc.sequence, next) ?? located, message: `${shownValue(next.attributes.name ?? '', '"')} after CCMCertFix notifies the user (time-out ${new RestartComputerStep(next).timeout} s); clear "Notify the user before restarting" (R14).` }];
    });
  },
};
