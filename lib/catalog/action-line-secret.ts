/**
 * Whether a Set Task Sequence Variable step's value and `<action>` command line are secrets: the engine runs the
 * action line, so what the line sets counts as much as what the step's variables say. One test for lint's
 * `catalog/action-line` findings, a page, a comparison, `cmts diff` and `cmts inspect` (in the catalog layer, below
 * all of them, because the line is read with the catalog's template).
 */
import { DO_NOT_SHOW_VALUE, isSecretName, isTrueFlag, setsSecret } from '../model/secrets.js';
import { STEP_TYPES } from '../model/steps.js';
import type { Step, SubTaskSequence } from '../model/types.js';
import { getAction } from '../model/variables.js';
import { matchAction } from './action-line.js';
import { catalogEntry } from './catalog.js';

/** The properties a Set Task Sequence Variable step's action line carries, read by the catalog's template; else undefined. */
function readSetVariableLine(step: Step | SubTaskSequence): Record<string, string> | undefined {
  const action = getAction(step);
  const entry = catalogEntry(STEP_TYPES.setVariable);
  return action === undefined || entry === undefined ? undefined : matchAction(entry.action, action);
}

/**
 * Whether a step holds a secret in the value it sets: its variables set one (`setsSecret`: a password-like name, or
 * "Do not display this value"), or its action line does, by its own variable name or `/hiddenflag:True`. The two may
 * differ (an edit changed one and not the other): a line still setting OSDJoinPassword after the variables were
 * edited to another name holds the password all the same. `line` is what a caller read from the line (default: the
 * line as the catalog's template reads it).
 */
export function holdsSecret(step: Step | SubTaskSequence, line?: Readonly<Record<string, string>>): boolean {
  if (setsSecret(step)) return true;
  if (step.attributes.type !== STEP_TYPES.setVariable) return false;
  const read = line ?? readSetVariableLine(step);
  return isSecretName(read?.VariableName?.trim() ?? '') || isTrueFlag(read?.[DO_NOT_SHOW_VALUE]);
}

/**
 * Whether nothing cmts prints may show a Set Task Sequence Variable step's action line: the step holds a secret
 * (see {@link holdsSecret}), or the line is one the catalog's template does not read (a hand edit, a doubled space),
 * whose variable name and hidden flag cannot be told, so whether it sets a password cannot either.
 */
export function hidesSetVariableLine(step: Step | SubTaskSequence): boolean {
  if (step.attributes.type !== STEP_TYPES.setVariable) return false;
  // The line read once, for both questions.
  const line = readSetVariableLine(step);
  return holdsSecret(step, line) || (getAction(step) !== undefined && line === undefined);
}
