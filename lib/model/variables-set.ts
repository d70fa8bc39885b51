/**
 * The task sequence variables a step sets where the file shows it: a property that names a variable the step writes
 * (Set Task Sequence Variable's VariableName, a command's OutputVariableName, a destination variable), and each
 * `<Variable Name="…">` of a Set Dynamic Variables step's rules (kept as escaped XML text). A script that sets one
 * cannot be seen. Shared by the page's usage tables and the KB977203 preset's branch check.
 */
import type { Step, SubTaskSequence } from './types.js';
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
