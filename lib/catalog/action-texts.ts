/**
 * What a step's `<action>` line carries: the template (console or dialect) it has, and the property texts read from
 * it. Shared by the typed view's reading (`get`) and writing (`set`), so both read a line the same way.
 */
import { matchAction, renderAction, templateProperties } from './action-line.js';
import type { StepTypeData } from './types.js';

/** The template an action line has and the texts it carries. */
export interface ActionTexts {
  template: string;
  texts: Record<string, string>;
}

/**
 * The first of the entry's templates (console, then dialects) the line has, and its property texts; undefined when it
 * has none. `variables` are the step's property texts. A line that is exactly what the variables render says no more
 * than they do, so it carries their texts and nothing else: parsing it could only mislead, since optional segments
 * that begin alike make it ambiguous (Apply Operating System Image writes `/target:%OSDisk%` for a destination
 * variable, which also reads as a logical drive `%OSDisk%`). Only a line that disagrees with the variables (MDT keeps
 * values there beside empty variables, or an edit left it stale) is parsed for what it alone holds.
 */
export function actionTexts(entry: StepTypeData, action: string, variables: Readonly<Record<string, string>>): ActionTexts | undefined {
  for (const template of [entry.action, ...(entry.dialects ?? []).map((d) => d.action)]) {
    const found = matchAction(template, action);
    if (!found) continue;
    const markers: Record<string, string> = {};
    for (const [k, v] of Object.entries(found)) if (k.startsWith('@')) markers[k] = v;
    if (renderAction(template, { ...variables, ...markers }) !== action) return { template, texts: found };
    const texts = markers;
    for (const p of templateProperties(template)) if (!p.startsWith('@') && Object.hasOwn(variables, p)) texts[p] = variables[p] as string;
    return { template, texts };
  }
  return undefined;
}

/** Why a value that would not read back from the action line (see `readsBack`) is refused. */
export function misreadMessage(entry: StepTypeData, setting: string, text: string): string {
  return `${entry.consoleName}'s ${setting} ${JSON.stringify(text)} holds what the <action> line writes after it, so the engine, which runs that line, would read another value.`;
}
