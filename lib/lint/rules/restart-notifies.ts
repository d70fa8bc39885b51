/** R14: the Restart Computer after CCMCertFix must not notify the user. */
import { locate, nextItem } from '../../model/query.js';
import { InstallSoftwareStep, RestartComputerStep, STEP_TYPES } from '../../model/steps.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, steps } from '../rule.js';

/** Lint rule `kb977203/restart-notifies` (see its description). */
export const restartAfterCertfixNotifies: LintRule = {
  id: 'kb977203/restart-notifies',
  severity: 'warning',
  requirement: 'R14',
  description: 'A Restart Computer right after CCMCertFix still notifies the user; KB977203 says to clear "Notify the user before restarting".',
  check: (doc) =>
    steps(doc).flatMap((located): Finding[] => {
      const step = located.node;
      if (step.kind !== 'step' || step.attributes.type !== STEP_TYPES.installSoftware) return [];
      const program = `${new InstallSoftwareStep(step).programName ?? ''} ${step.attributes.name ?? ''}`;
      if (!/CCMCertFix/i.test(program)) return [];
      const next = nextItem(located.parent, step, located.index);
      if (!next || next.kind !== 'step' || next.attributes.type !== STEP_TYPES.restartComputer || !new RestartComputerStep(next).notifiesUser) return [];
      return [{ located: locate(doc.sequence, next) ?? located, message: `${shownValue(next.attributes.name ?? '', '"')} after CCMCertFix notifies the user (time-out ${new RestartComputerStep(next).timeout} s); clear "Notify the user before restarting" (R14).` }];
    }),
};
