/**
 * The step variables an `<action>` line reads by name: `%OSDImageIndex%` in `OSDApplyOS.exe /image:ABC00001,%OSDImageIndex%`
 * is expanded by the engine from the step's own variable, so a line that reads one of the step type's variables
 * needs that variable written (the console always writes it with the switch that reads it). Shared by the builders,
 * `set` and lint, so a step the builders make is one lint finds whole.
 */
import { TaskSequenceError } from '../errors.js';
import { parse } from './action-line.js';
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

/**
 * What a segment of the action line written only with one setting (`[DestinationDisk| /target:{DestinationDisk},
 * {DestinationPartition}]`) needs besides it: the settings it writes (`written`: without one the line says
 * `/target:0,`, which no engine reads) and the variables it reads that have no default (`read`: `%OSDConfigFileName%`
 * in `"/config:{ConfigFilePackage},%OSDConfigFileName%"`). The builders, `set` and the settings schema hold a step to
 * them alike.
 */
export interface SegmentNeeds {
  /** The setting the segment is written with. */
  when: VariableData;
  written: VariableData[];
  read: VariableData[];
}

const needsOf = new WeakMap<StepTypeData, SegmentNeeds[]>();

/** The {@link SegmentNeeds} of a step type's action line, for each segment that needs anything (remembered per entry). */
export function segmentNeeds(entry: StepTypeData): SegmentNeeds[] {
  const known = needsOf.get(entry);
  if (known) return known;
  const scalar = (v: VariableData) => !v.arrayOf && v.valueType !== 'array';
  const out: SegmentNeeds[] = [];
  for (const part of entry.action ? parse(entry.action) : []) {
    if (part.kind !== 'when') continue;
    const when = entry.variables.find((v) => scalar(v) && v.property === part.property);
    if (!when) continue;
    const written: VariableData[] = [];
    const read: VariableData[] = [];
    for (const p of part.parts) {
      if (p.kind === 'value' && p.property !== when.property) {
        const data = entry.variables.find((v) => scalar(v) && v.property === p.property);
        if (data && !written.includes(data)) written.push(data);
      } else if (p.kind === 'text') {
        for (const data of variablesTheLineReads(entry, p.text)) if (data.default === undefined && !read.includes(data)) read.push(data);
      }
    }
    if (written.length || read.length) out.push({ when, written, read });
  }
  needsOf.set(entry, out);
  return out;
}

/**
 * Refuses (`INVALID_ARGUMENT`) a step whose property texts give a segment's setting but not a setting the segment
 * writes with it: its line would say `/target:0,`. `only`: the segment of this property alone (the one `set` gives a
 * value), so a fault the file already had elsewhere does not stop another setting.
 */
export function checkSegmentsWritten(entry: StepTypeData, props: Readonly<Record<string, string | undefined>>, only?: string): void {
  for (const { when, written } of segmentNeeds(entry)) {
    if (props[when.property] === undefined || (only !== undefined && when.property !== only)) continue;
    for (const data of written) {
      if (props[data.property] === undefined) {
        throw new TaskSequenceError('INVALID_ARGUMENT', `${entry.consoleName} needs the setting ${data.setting} (${data.name}) with ${when.setting}: its <action> line writes them together ({${when.property}} and {${data.property}}).`);
      }
    }
  }
}
