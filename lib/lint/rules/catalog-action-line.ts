/** The `<action>` command line no longer says what the step's variables say (an edit changed one, not the other). */
import { matchAction } from '../../catalog/action-line.js';
import { consoleFormEntry, expectedAction } from '../../catalog/console-form.js';
import type { StepTypeData } from '../../catalog/types.js';
import { getAction } from '../../model/variables.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, steps } from '../rule.js';
import { DO_NOT_SHOW_VALUE, isSecretName, isTrueFlag, setsSecret } from '../../model/secrets.js';
import { STEP_TYPES } from '../../model/steps.js';
import type { Step, SubTaskSequence } from '../../model/types.js';

/** The 1-based character (UTF-16 unit) where two different texts first differ. */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i + 1;
}

/**
 * What a finding says of a command line that is not the one the settings make: both, each cut as `shownValue` cuts
 * it, and where they part; neither when the step sets a password-like or hidden variable, whose value both hold.
 */
function mismatch(actual: string, expected: string, secret: boolean): string {
  const at = firstDifference(actual, expected);
  if (secret) return `The command line differs from the one the settings make from character ${at} (neither is shown: the step sets a hidden or password-like variable, whose value both hold).`;
  return `The command line is ${shownValue(actual, '"')} but the settings say ${shownValue(expected, '"')} (they differ from character ${at}).`;
}

/**
 * Whether either command line may hold a secret: the step's variables set one (see `setsSecret`), or its action line
 * does, by its own variable name or hidden flag. The two differ here by definition: a line still setting
 * OSDJoinPassword after its variables were edited to another variable holds the password all the same.
 */
function holdsSecret(entry: StepTypeData, step: Step | SubTaskSequence, actual: string): boolean {
  if (setsSecret(step)) return true;
  if (step.attributes.type !== STEP_TYPES.setVariable) return false;
  const line = matchAction(entry.action, actual);
  return isSecretName(line?.VariableName?.trim() ?? '') || isTrueFlag(line?.[DO_NOT_SHOW_VALUE]);
}

/** A text with each %VAR% reference in lower case: the engine expands a reference whatever its letter case. */
const foldReferences = (text: string): string => text.replace(/%[^%\s]+%/g, (r) => r.toLowerCase());

/**
 * Whether a command line says to the engine what the settings' line says, though the two texts differ: they differ
 * only in the letter case of task sequence variable names, which the engine does not tell apart (ConfigMgr's
 * variable names are not case-sensitive): a %VAR% reference anywhere, or the name Set Task Sequence Variable's
 * tsenv.exe line sets (`"readme=…"` for the variable README). A value's own letters are compared as written.
 */
function sameToEngine(entry: StepTypeData, step: Step | SubTaskSequence, actual: string, expected: string): boolean {
  if (foldReferences(actual) === foldReferences(expected)) return true;
  if (step.attributes.type !== STEP_TYPES.setVariable) return false;
  const a = matchAction(entry.action, actual);
  const b = matchAction(entry.action, expected);
  if (!a || !b || Object.keys(a).length !== Object.keys(b).length) return false;
  return Object.entries(a).every(([k, v]) => {
    const w = b[k];
    if (w === undefined) return false;
    return k === 'VariableName' ? v.toLowerCase() === w.toLowerCase() : foldReferences(v) === foldReferences(w);
  });
}

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
      if (expected === undefined || expected === actual || sameToEngine(entry, located.node, actual, expected)) return [];
      return [{ located, message: mismatch(actual, expected, holdsSecret(entry, located.node, actual)) }];
    }),
};
