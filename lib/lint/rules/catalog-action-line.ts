/** The `<action>` command line no longer says what the step's variables say (an edit changed one, not the other). */
import { matchAction } from '../../catalog/action-line.js';
import { consoleFormEntry, expectedAction } from '../../catalog/console-form.js';
import { entryOfStep } from '../../catalog/step-view.js';
import type { StepTypeData } from '../../catalog/types.js';
import { matchVariable } from '../../catalog/variable-match.js';
import { getAction, variables } from '../../model/variables.js';
import { foldReferences, type OutsideForm, type Place, readOutsideForm, settingsTexts } from './action-line-outside-form.js';
import { shownValue } from '../../shown-value.js';
import { asItRuns, type Finding, type LintRule, steps } from '../rule.js';
import { holdsSecret } from '../../catalog/action-line-secret.js';
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
  // Where they part past what a cut value shows, each is shown from a little before it (`…` for what is left out):
  // cut at its start, two lines alike for 40 characters showed nothing of their difference.
  const from = at - 1 > DIFFERENCE_AFTER ? at - 1 - DIFFERENCE_BEFORE : 0;
  const shown = (line: string) => (from === 0 ? shownValue(line, '"') : `…${shownValue(line.slice(from), '"')}`);
  return `The command line is ${shown(actual)} but the settings say ${shown(expected)} (they differ from character ${at}).`;
}

/** How far into a line a difference may be for the line to be shown from its start (within a cut value's 40). */
const DIFFERENCE_AFTER = 30;
/** How much of what the lines share is shown before their difference when they are shown from there. */
const DIFFERENCE_BEFORE = 10;

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

/**
 * The catalog entry of a step whose command line has not the console's form but that the console wrote all the same
 * (its variables carry the console's hidden flags: MDT writes none, see `consoleFormEntry`), and whose line has no
 * dialect's form either (MDT Lite Touch's, another tool's known line); else undefined.
 */
function outsideFormEntry(step: Step | SubTaskSequence, action: string | undefined): StepTypeData | undefined {
  const entry = step.attributes.type === undefined ? undefined : entryOfStep(step);
  if (!entry || action === undefined) return undefined;
  if ([entry.action, ...(entry.dialects ?? []).map((d) => d.action)].some((t) => matchAction(t, action) !== undefined)) return undefined;
  const mdt = variables(step).some((v) => v.attributes.hidden === undefined && matchVariable(entry, v)?.data.hidden === true);
  return mdt ? undefined : entry;
}

/** One place of a line not in the console's form, in words (`secret`: no text of the line or the settings shown). */
function placeShown(p: Place, secret: boolean): string {
  const isReference = p.what.startsWith('%');
  if (secret) return isReference ? `where the console writes ${p.what}` : p.what;
  if (!isReference) return `${p.what} is ${shownValue(p.line, '"')} in it but ${shownValue(p.settings ?? '', '"')} in the settings`;
  return `${shownValue(p.line, '"')} stands where the console writes ${p.what}, which the step sets to ${shownValue(p.settings ?? '', '"')}`;
}

/** The finding on a line not in the console's form: a disagreement (error), or what is not checked (information). */
function outsideFormFinding(read: OutsideForm | undefined, secret: boolean): Pick<Finding, 'message' | 'severity'> | undefined {
  if (read === undefined) return undefined;
  const unchecked = read.unchecked.length === 0 ? '' : ` Not checked (known only at run time): ${read.unchecked.map((p) => placeShown(p, secret)).join('; ')}.`;
  if (read.differ.length > 0) {
    const shown = read.differ.map((p) => placeShown(p, secret)).join('; ');
    return { message: `The command line is not in the console's form; read against the step's settings, it disagrees with them: ${shown}${secret ? ' (no value is shown: the step sets a hidden or password-like variable)' : ''}.${unchecked}` };
  }
  if (read.unchecked.length === 0) return undefined;
  return { severity: 'info', message: `The command line is not in the console's form: ${read.unchecked.map((p) => placeShown(p, secret)).join('; ')}, a value known only at run time, so that part is not checked; the rest agrees with the settings.` };
}

/** Lint rule `catalog/action-line` (see its description). */
export const catalogActionLine: LintRule = {
  id: 'catalog/action-line',
  severity: 'error',
  description: 'The <action> command line disagrees with the step variables; the engine runs the command line, so the step does not do what its settings say. A line not in the console\'s form is read as far as its text allows; what it takes from other variables at run time is reported as not checked.',
  check: (doc) =>
    steps(doc).flatMap((located): Finding[] => {
      const step = located.node;
      const actual = getAction(step);
      const entry = consoleFormEntry(step);
      if (!entry) {
        const outside = outsideFormEntry(step, actual);
        if (!outside || actual === undefined) return [];
        const read = readOutsideForm(outside, step, actual, settingsTexts(outside, step));
        // The line may set a secret its variables no longer name: judged on what it was read to hold.
        const found = outsideFormFinding(read, holdsSecret(step, read?.texts));
        return found ? [{ located, ...found }] : [];
      }
      const expected = expectedAction(entry, step);
      const line = actual ?? '';
      if (expected === undefined || expected === line || sameToEngine(entry, step, line, expected)) return [];
      return [asItRuns(located, mismatch(line, expected, holdsSecret(step)))];
    }),
};
