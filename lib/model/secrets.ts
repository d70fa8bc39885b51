/**
 * Which values of a sequence are secrets, so that nothing cmts prints shows them: lint's findings, `cmts inspect`, a
 * rendered page and a rendered comparison. One test for all of them: a value hidden on a page and quoted by a lint
 * finding on the same page is not hidden. (The step catalog adds what it types as secret, `isCatalogSecretName` in
 * `catalog/catalog.ts`, for the pages of steps of a class it does not know.)
 */
import { SetVariableStep, STEP_TYPES } from './steps.js';
import type { Step, SubTaskSequence, Variable } from './types.js';
import { getVariableValue } from './variables.js';
import { isTrueFlag } from './true-flag.js';
import { isSecretName, NOT_A_SECRET } from './secret-name.js';

export { isTrueFlag } from './true-flag.js';
export { isSecretName } from './secret-name.js';

/**
 * Whether a variable's name or property says it holds a password or another secret (also one the reader left generic).
 * White space around either is ignored (`OSDJoinPassword ` by a hand edit still names the password): a test that
 * hides too much shows less, one that hides too little prints the password.
 */
export function hasSecretName(v: Pick<Variable, 'attributes'>): boolean {
  const name = (v.attributes.name ?? '').trim();
  return !NOT_A_SECRET.test(name) && (isSecretName(name) || isSecretName((v.attributes.property ?? '').trim()));
}

/** Set Task Sequence Variable's "Do not display this value": the variable that says it. */
export const DO_NOT_SHOW_VALUE = 'DoNotShowVariableValue';


/** Whether a Set Task Sequence Variable step has "Do not display this value" set. */
export function doesNotShowValue(step: Step | SubTaskSequence): boolean {
  return step.attributes.type === STEP_TYPES.setVariable && isTrueFlag(getVariableValue(step, DO_NOT_SHOW_VALUE));
}

/**
 * Whether a Set Task Sequence Variable step sets a secret: a variable named like a password (OSDJoinPassword), or one
 * marked "Do not display this value". Its value is then in its action line and its VariableValue, which nothing may
 * show.
 */
export function setsSecret(step: Step | SubTaskSequence): boolean {
  if (step.attributes.type !== STEP_TYPES.setVariable) return false;
  return doesNotShowValue(step) || isSecretName(new SetVariableStep(step).variableName?.trim() ?? '');
}
