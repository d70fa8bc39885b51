/** R14: the Restart Computer after CCMCertFix must not notify the user. */
import { RestartComputerStep, STEP_TYPES } from '../../model/steps.js';
import { shownValue } from '../../shown-value.js';
import type { Finding, LintRule } from '../rule.js';
import { certfixesWithNext } from './kb977203-fix.js';

/** Lint rule `kb977203/restart-notifies` (see its description). */
export const restartAfterCertfixNotifies: LintRule = {
  id: 'kb977203/restart-notifies',
  severity: 'warning',
  requirement: 'R14',
  description: 'A Restart Computer right after CCMCertFix (the next step in execution order) still notifies the user; KB977203 says to clear "Notify the user before restarting".',
  // The package's "Run another program first" is CCMCertFix whatever its program is called, and the restart is the
  // next step in execution order, as kb977203/certfix-without-restart takes them: both rules look at the same steps.
  // An Install Software step counts by its program or its name, a Run Command Line step by the command it runs.
  check: (doc) =>
    certfixesWithNext(doc, true).flatMap(({ next }): Finding[] => {
      if (!next || next.node.kind !== 'step' || next.node.attributes.type !== STEP_TYPES.restartComputer) return [];
      const view = new RestartComputerStep(next.node);
      if (!view.notifiesUser) return [];
      return [{ located: next, message: `${shownValue(next.node.attributes.name ?? '', '"')} after CCMCertFix notifies the user (time-out ${view.timeout} s); clear "Notify the user before restarting" (R14).` }];
    }),
};
