/**
 * The task sequence variables a step sets where the file shows it: a property that names a variable the step writes
 * (Set Task Sequence Variable's VariableName, a command's OutputVariableName, a partition's drive letter variable,
 * the variables Download Package Content saves its packages' paths in), and each `<Variable Name="…">` of a Set
 * Dynamic Variables step's rules (kept as escaped XML text). A script that sets one cannot be seen. Shared by the
 * page's usage tables and the KB977203 preset's branch check. A Run Task Sequence step sets none that the file shows,
 * but may set any (see {@link maySetAnyVariable}). The variables a step reads by name are here too
 * ({@link variablesReadByName}), so that a setting counts on one side only.
 */
import { isRunTaskSequence, packageIdsIn } from './child-sequence.js';
import type { SequenceItem, Step, SubTaskSequence } from './types.js';
import { variables } from './variables.js';

/** Step properties whose value names a variable the step sets. */
const SETS = new Set(['VariableName', 'OutputVariableName']);
/**
 * Format and Partition Disk: the variable each partition's drive letter goes to (Partitions0VolumeLetterVariable, …),
 * the one Microsoft's step reference says an Apply Operating System step's "Logical drive letter stored in a
 * variable" then reads.
 */
const VOLUME_LETTER = /^Partitions\d+VolumeLetterVariable$/;
/**
 * Step properties whose value names a variable the step reads: a drive letter to work on (Apply Operating System,
 * Apply Data Image, Pre-provision BitLocker, MDT's Install Operating System), a disk number (Format and Partition
 * Disk), the base of a list of names (Install Software, Install Application). Download Package Content's
 * DestinationVariable is the exception: it names variables that step sets (see {@link downloadedTo}).
 */
const READS = new Set(['DestinationVariable', 'DestinationOSVariable', 'DiskIndexVariable', 'BaseVariableName']);
const DOWNLOAD_PACKAGE_CONTENT = 'SMS_TaskSequence_DownloadPackageContentAction';
const RULE_VARIABLE = /<Variable\s+Name="([^"]+)"/g;

/**
 * The variables Download Package Content saves its packages' paths in: Microsoft's step reference says the name given
 * gets a numerical suffix per package (MyContent01 for the first), so `Drivers` with two packages sets Drivers01 and
 * Drivers02, and not Drivers itself. One at least, for a step whose package list cannot be read.
 */
function downloadedTo(step: Step | SubTaskSequence, base: string): string[] {
  const list = variables(step).find((v) => (v.attributes.property ?? v.attributes.name) === 'DownloadPackages')?.value ?? '';
  const count = Math.max(1, packageIdsIn(list).length);
  return Array.from({ length: count }, (_, i) => `${base}${String(i + 1).padStart(2, '0')}`);
}

/** The names of the variables `step` sets, as written (trimmed), in document order, possibly repeated. */
export function variablesSetBy(step: Step | SubTaskSequence): string[] {
  const out: string[] = [];
  const download = step.attributes.type === DOWNLOAD_PACKAGE_CONTENT;
  for (const v of variables(step)) {
    const prop = v.attributes.property ?? v.attributes.name ?? '';
    const value = v.value.trim();
    if (value === '') continue;
    if (SETS.has(prop) || VOLUME_LETTER.test(prop)) out.push(value);
    else if (download && prop === 'DestinationVariable') out.push(...downloadedTo(step, value));
    else if (prop === 'Rules') for (const m of v.value.matchAll(RULE_VARIABLE)) out.push(m[1] as string);
  }
  return out;
}

/** The names of the variables `step` reads by name from a setting (see READS), as written (trimmed), in document order. */
export function variablesReadByName(step: Step | SubTaskSequence): string[] {
  const download = step.attributes.type === DOWNLOAD_PACKAGE_CONTENT;
  const out: string[] = [];
  for (const v of variables(step)) {
    const prop = v.attributes.property ?? v.attributes.name ?? '';
    const value = v.value.trim();
    if (value !== '' && READS.has(prop) && !(download && prop === 'DestinationVariable')) out.push(value);
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
  return isRunTaskSequence(item);
}
