/**
 * Setup Windows and ConfigMgr set to continue on error hides a failed client install; so does a group around it that
 * continues on error: when a step fails inside a group, the task sequence skips the rest of that group and, if the
 * group is set to continue on error, goes on after it as if nothing had failed.
 */
import { STEP_TYPES } from '../../model/steps.js';
import { disabledNote } from '../../presets/kb977203-step-queries.js';
import type { Group } from '../../model/types.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, steps } from '../rule.js';

/** Whether an item's `continueOnError` says true (ConfigMgr writes `true`; MDT's editor has been seen to write `True`). */
const continues = (attributes: Record<string, string>): boolean => attributes.continueOnError?.toLowerCase() === 'true';

/** Lint rule `setup-continue-on-error` (see its description). */
export const setupContinueOnError: LintRule = {
  id: 'setup-continue-on-error',
  severity: 'warning',
  description: 'Setup Windows and ConfigMgr, or a group around it, is set to continue on error, so a failed client installation (and its PATCH) goes unnoticed.',
  check: (doc) => {
    const out: Finding[] = [];
    for (const located of steps(doc)) {
      if (located.node.attributes.type !== STEP_TYPES.setupWindowsAndConfigMgr) continue;
      const off = disabledNote(located);
      if (continues(located.node.attributes)) {
        out.push({ located, message: `Setup Windows and ConfigMgr has "Continue on error" set: a failed client installation would not stop the task sequence.${off}` });
        continue;
      }
      // The nearest such group is where the task sequence goes on after a failure.
      const group = located.groups.findLast((g: Group) => continues(g.attributes));
      if (group) {
        out.push({
          located,
          message: `Setup Windows and ConfigMgr is inside the group ${shownValue(group.attributes.name ?? '', '"')}, which has "Continue on error" set: a failed client installation would skip the rest of that group and the task sequence would go on after it.${off}`,
        });
      }
    }
    return out;
  },
};
