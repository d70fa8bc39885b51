/**
 * Run Task Sequence steps and the packages steps name. A Run Task Sequence step is read as a `<subtasksequence>`
 * element, or as a `<step>` of its class where a file writes it so; either runs a child task sequence whose steps are
 * in another package. Package IDs (a site code and five hex digits) are recognised by one rule everywhere.
 */
import type { SequenceItem, Step, SubTaskSequence } from './types.js';
import { getVariableValue } from './variables.js';

/** The class of a Run Task Sequence step. */
const RUN_TASK_SEQUENCE = 'SMS_TaskSequence_SubTasksequence';
const PACKAGE_ID = /^[A-Za-z0-9]{3}[0-9A-Fa-f]{5}$/;

/** Whether `item` runs a child task sequence (a Run Task Sequence step, in either form). */
export function isRunTaskSequence(item: SequenceItem): boolean {
  return item.kind === 'subtasksequence' || (item.kind === 'step' && item.attributes.type === RUN_TASK_SEQUENCE);
}

/** The package of the child task sequence a Run Task Sequence step runs, as written; undefined when it names none. */
export function childSequenceOf(item: Step | SubTaskSequence): string | undefined {
  const id = (getVariableValue(item, 'TsPackageID') ?? getVariableValue(item, 'PackageID'))?.trim();
  return id === '' ? undefined : id;
}

/** Whether `text` is a package ID: a three-character site code and five hex digits. */
export function isPackageId(text: string): boolean {
  return PACKAGE_ID.test(text);
}

/** The package IDs in a list written with spaces, commas or semicolons between them, in order, as written. */
export function packageIdsIn(list: string): string[] {
  return list.split(/[\s,;]+/).filter(isPackageId);
}
