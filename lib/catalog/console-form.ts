/**
 * Whether a step is written in the console's form: MDT Lite Touch writes the same step types with other variable
 * names, unsorted, without hidden flags, and a plain `cscript.exe` action line, so catalog checks apply only to steps
 * whose action line has the console's shape and whose variables carry the console's hidden flags.
 */
import type { Step, SubTaskSequence } from '../model/types.js';
import { getAction, variables } from '../model/variables.js';
import { matchAction, renderAction, templateProperties } from './action-line.js';
import { entryOfStep } from './step-view.js';
import type { StepTypeData } from './types.js';
import { matchVariable } from './variable-match.js';

/** The catalog entry of a step written in the console's form, else undefined. */
export function consoleFormEntry(step: Step | SubTaskSequence): StepTypeData | undefined {
  const entry = step.attributes.type === undefined ? undefined : entryOfStep(step);
  const action = getAction(step);
  if (!entry || action === undefined) return undefined;
  if (matchAction(entry.action, action) === undefined) return undefined;
  // MDT writes no hidden flags: a variable the console hides, written without the flag, marks an MDT step.
  const mdt = variables(step).some((v) => v.attributes.hidden === undefined && matchVariable(entry, v)?.data.hidden === true);
  return mdt ? undefined : entry;
}

/**
 * The step's property texts from its variables (array items aside); of two variables for one property, the first's,
 * as the step's view reads and sets it (see StepView.propertyTexts).
 */
export function variableTexts(entry: StepTypeData, step: Step | SubTaskSequence): Record<string, string> {
  const props: Record<string, string> = {};
  for (const v of variables(step)) {
    const m = matchVariable(entry, v);
    if (m && m.index === undefined && !Object.hasOwn(props, m.data.property)) props[m.data.property] = v.value;
  }
  return props;
}

/**
 * The action line the console would write for the step's variables (keeping the release switches the line has), or
 * undefined when a property the line shows has no variable to compare it with.
 */
export function expectedAction(entry: StepTypeData, step: Step | SubTaskSequence): string | undefined {
  const found = matchAction(entry.action, getAction(step) ?? '') ?? {};
  const props: Record<string, string> = {};
  for (const [k, v] of Object.entries(found)) if (k.startsWith('@')) props[k] = v;
  Object.assign(props, variableTexts(entry, step));
  const shown = templateProperties(entry.action).filter((p) => !p.startsWith('@') && new RegExp(`\\{${p}(:bool)?\\}`).test(entry.action.replace(/\[[^\]]*\]/g, '')));
  // An optional property the console leaves out when empty renders as ''; a required one that is missing leaves nothing to compare.
  if (shown.some((p) => props[p] === undefined && entry.variables.find((v) => v.property === p)?.required !== false)) return undefined;
  return renderAction(entry.action, props);
}
