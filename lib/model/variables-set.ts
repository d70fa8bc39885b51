/**
 * The task sequence variables a step sets where the file shows it: a property that names a variable the step writes
 * (Set Task Sequence Variable's VariableName, a command's OutputVariableName, a destination variable), and each
 * `<Variable Name="…">` of a Set Dynamic Variables step's rules (kept as escaped XML text). A script that sets one
 * cannot be seen. Shared by the page's usage tables and the KB977203 preset's branch check. A Run Task Sequence step
 * sets none that the file shows, but may set any (see {@link maySetAnyVariable}).
 */
import type { SequenceItem, Step, SubTaskSequence } from './types.js';
import { variables } from './variables.js';

/** Step properties whose value names a variable the step sets. */
const SETS = new Set(['VariableName', 'OutputVariableName', 'DestinationOSVariable', 'DestinationVariable']);
const RULE_VARIABLE = /<Variable\s+Name="([^"]+)"/g;

/** The names of the variables `step` sets, as written (trimmed), in document order, possibly repeated. */
export function variablesSetBy(step: Step | SubTaskSequence): string[] {
  const out: string[] = [];
  for (const v of variables(step)) {
    const prop = v.attributes.property ?? v.attributes.name ?? '';
    const value = v.value.trim();
    if (value === '') continue;
    if (SETS.has(prop)) out.push(value);
    else if (prop === 'Rules') for (const m of v.value.matchAll(RULE_VARIABLE)) out.push(m[1] as string);
  }
  return out;
}

/**
 * Whether a step may set any variable at all, beyond those {@link variablesSetBy} names: a Run Task Sequence step
 * (`<subtasksequence>`) runs a child task sequence, whose steps are in another package and not in this file, and
 * they share this sequence's variables. A check that a variable stays unchanged must count such a step; a list of
 * the variables a step sets (the page's usage tables) has no name to give for it. A group itself sets none. The
 * class written on a `<step>` counts too: counting a step that sets nothing only costs a check its proof.
 */
export function maySetAnyVariable(item: SequenceItem): boolean {
  return item.kind === 'subtasksequence' || (item.kind === 'step' && item.attributes.type === 'SMS_TaskSequence_SubTasksequence');
}
