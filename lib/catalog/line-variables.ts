/**
 * The step variables an `<action>` line reads by name: `%OSDImageIndex%` in `OSDApplyOS.exe /image:ABC00001,%OSDImageIndex%`
 * is expanded by the engine from the step's own variable, so a line that reads one of the step type's variables
 * needs that variable written (the console always writes it with the switch that reads it). Shared by the builders,
 * `set` and lint, so a step the builders make is one lint finds whole.
 */
import type { StepTypeData, VariableData } from './types.js';

/** A `%name%` reference in a command line (what the engine expands). */
const REFERENCE = /%([A-Za-z_][A-Za-z0-9_-]*)%/g;

/**
 * The entry's scalar variables (not arrays or their items) whose `%name%` the line reads, each once, in line order.
 * Names are compared ignoring case, as the engine's variables are.
 */
export function variablesTheLineReads(entry: StepTypeData, action: string): VariableData[] {
  if (action.indexOf('%') === -1) return [];
  const out: VariableData[] = [];
  for (const m of action.matchAll(REFERENCE)) {
    const name = (m[1] as string).toLowerCase();
    const data = entry.variables.find((v) => !v.arrayOf && v.valueType !== 'array' && v.name.toLowerCase() === name);
    if (data && !out.includes(data)) out.push(data);
  }
  return out;
}
