/** Setup Windows and ConfigMgr set to continue on error hides a failed client install. */
import { STEP_TYPES } from '../../model/steps.js';
import { type LintRule, steps } from '../rule.js';

/** Lint rule `setup-continue-on-error` (see its description). */
export const setupContinueOnError: LintRule = {
  id: 'setup-continue-on-error',
  severity: 'warning',
  description: 'Setup Windows and ConfigMgr is set to continue on error, so a failed client installation (and its PATCH) goes unnoticed.',
  check: (doc) =>
    steps(doc)
      .filter((l) => l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr && l.node.attributes.continueOnError === 'true')
      .map((located) => ({ located, message: 'Setup Windows and ConfigMgr has "Continue on error" set: a failed client installation would not stop the task sequence.' })),
};
