/**
 * What the KB977203 preset, its revert and lint ask of a step: whether it runs (its own disable flag and its groups'),
 * whether it runs CCMCertFix's program, whether it restarts to the installed OS, and whether a restart runs exactly
 * when the CCMCertFix step before it does (R14).
 */
import { conditionOf, describeCondition } from '../model/conditions.js';
import { checkpointBelow, containsItself } from '../model/contains-itself.js';
import { isElement, type Located } from '../model/query.js';
import { InstallSoftwareStep, RestartComputerStep, STEP_TYPES } from '../model/steps.js';
import type { Attributes, Condition, Element, SequenceItem, Step } from '../model/types.js';
import { conditionMode } from '../transforms/conditions.js';
import { elementText, getAction, variables } from '../model/variables.js';
import { shownValue } from '../shown-value.js';

/**
 * Whether an item (of any step class) names a package as one it runs or reads: a variable whose whole value is the
 * package ID (Install Software's and Run Command Line's `PackageID`, Setup's client package, a driver or OS image
 * package, a sub-sequence's package…) or `/pkg:<id>` in its command line. Judged by value rather than by a list of
 * each class's package properties, so that no class that has a package is forgotten: a whole value that is a package
 * ID names that package.
 */
export function usesPackage(item: SequenceItem, packageId: string): boolean {
  if (item.kind === 'group') return false;
  const id = packageId.toUpperCase();
  if (variables(item).some((v) => elementText(v).trim().toUpperCase() === id)) return true;
  return new RegExp(`/pkg:${id}(?![0-9A-F])`, 'i').test(getAction(item) ?? '');
}

/** Whether an item is disabled (`disable="true"`). */
export function isDisabled(item: SequenceItem): boolean {
  return item.attributes.disable === 'true';
}

/**
 * What a message adds about an item that never runs (see {@link neverRuns}), '' for one that can: what it warns of
 * does not happen now, but would once the item is enabled. The preset's reports and the lint rules say it alike.
 */
export function disabledNote(item: Located): string {
  return neverRuns(item) ? ' It is disabled, so it does not run now; enabled, it would.' : '';
}

/** Whether an item never runs: disabled by its own flag or by any group around it. */
export function neverRuns(item: Located): boolean {
  return isDisabled(item.node) || item.groups.some(isDisabled);
}

/**
 * Whether an item is disabled where it stands relative to another: by its own flag, or by a disabled group around it
 * that is not also around `beside` (a group around both disables both alike). A step in a disabled group never runs,
 * however its own flag reads.
 */
export function disabledApartFrom(item: Located, beside: Located): boolean {
  if (isDisabled(item.node)) return true;
  let shared = 0;
  while (shared < item.groups.length && item.groups[shared] === beside.groups[shared]) shared++;
  return item.groups.slice(shared).some(isDisabled);
}

/**
 * The conditions an item runs under that another does not: its own, and those of the groups around it that are not
 * also around `beside` (a group around both conditions both alike).
 */
export function conditionsApartFrom(item: Located, beside: Located): Condition[] {
  let shared = 0;
  while (shared < item.groups.length && item.groups[shared] === beside.groups[shared]) shared++;
  return [...item.groups.slice(shared), item.node].map((n) => conditionOf(n)).filter((c): c is Condition => c !== undefined);
}

/** Whether an Install Software step runs `packageId`/`program` (letter case aside). */
export function runsProgram(item: SequenceItem | undefined, packageId: string, program: string): item is Step {
  if (!item || item.kind !== 'step' || item.attributes.type !== STEP_TYPES.installSoftware) return false;
  const v = new InstallSoftwareStep(item);
  return (v.packageId ?? '').toUpperCase() === packageId.toUpperCase() && (v.programName ?? '').toLowerCase() === program.toLowerCase();
}

/**
 * Whether a step runs a program named `program` from another package than `packageId` (Install Software): a copy of
 * CCMCertFix, or the package the preset was applied with when it is given another.
 */
export function runsProgramOfAnotherPackage(item: SequenceItem | undefined, packageId: string, program: string): item is Step {
  if (!item || item.kind !== 'step' || item.attributes.type !== STEP_TYPES.installSoftware) return false;
  const v = new InstallSoftwareStep(item);
  return (v.packageId ?? '').toUpperCase() !== packageId.toUpperCase() && (v.programName ?? '').trim().toLowerCase() === program.toLowerCase();
}

/** Whether a step is a restart to the installed OS (not to Windows PE). */
export function restartsToOs(item: SequenceItem | undefined): item is Step {
  return item !== undefined && item.kind === 'step' && item.attributes.type === STEP_TYPES.restartComputer && (new RestartComputerStep(item).target ?? 'HD').toUpperCase() === 'HD';
}

/** Whether an item is a Restart Computer step into Windows PE (the boot image assigned to the task sequence). */
export function restartsToWinPe(item: SequenceItem | undefined): item is Step {
  return item !== undefined && item.kind === 'step' && item.attributes.type === STEP_TYPES.restartComputer && new RestartComputerStep(item).target?.toUpperCase() === 'WINPE';
}

/** Whether two attribute sets are the same, in any order. */
function sameAttributes(a: Attributes, b: Attributes): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * Whether two conditions say the same thing as written: the same elements, attributes and values in the same order,
 * whitespace and comments aside. Operators nest as deep as the reader allows, so the trees are walked from a stack.
 */
export function sameCondition(a: Condition, b: Condition): boolean {
  // Each pair with its depth and what the elements of `a`'s side in it are compared with (see contains-itself.ts): an
  // element of `a` inside itself is refused, as the comparison with an equal loop in `b` would not end.
  const todo: [Element, Element, number, Element][] = [[a, b, 0, a]];
  for (let pair = todo.pop(); pair; pair = todo.pop()) {
    const [x, y, depth, checkpoint] = pair;
    if (x.kind !== y.kind || x.tag !== y.tag || !sameAttributes(x.attributes, y.attributes)) return false;
    if ('value' in x || 'value' in y) {
      if (!('value' in x) || !('value' in y) || x.value !== y.value) return false;
      continue;
    }
    const xs = x.children.filter(isElement);
    const ys = y.children.filter(isElement);
    if (xs.length !== ys.length) return false;
    xs.forEach((c, i) => {
      if (c === checkpoint) containsItself(c);
      todo.push([c, ys[i] as Element, depth + 1, checkpointBelow(c, depth + 1, checkpoint)]);
    });
  }
  return true;
}

/**
 * A key of a condition as {@link sameCondition} compares it: two conditions it takes for the same have one key, so
 * conditions of different keys are surely not the same (two of one key may still differ: all of more than `budget`
 * elements share one). For finding, among many, the conditions that may be the same as a few.
 */
export function conditionKey(condition: Condition, budget = 4096): string {
  const parts: string[] = [];
  const todo: (Element | null)[] = [condition];
  let count = 0;
  for (let x = todo.pop(); x !== undefined; x = todo.pop()) {
    // null closes the children of the element before it.
    if (x === null) {
      parts.push(')');
      continue;
    }
    if (++count > budget) return '\0large';
    const attributes = x.attributes;
    parts.push(JSON.stringify([x.kind, x.tag, Object.keys(attributes).sort().map((k) => [k, attributes[k]])]));
    if ('value' in x) {
      parts.push(JSON.stringify(['=', x.value]));
      continue;
    }
    parts.push('(');
    todo.push(null);
    const children = x.children.filter(isElement);
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i] as Element);
  }
  return parts.join('');
}

/**
 * Why a restart to the installed OS right after a CCMCertFix step does not run whenever that step runs, in words,
 * or undefined when it does. It must be disabled exactly when the step is, and have no condition of its own unless
 * it has the step's very condition and that condition tests only variables the sequence or the administrator sets:
 * one on WMI, files or `_SMS…` variables is evaluated again after CCMCertFix ran and can come out otherwise. A
 * restart with no condition after a conditional CCMCertFix step runs whenever it ran (and also when it did not):
 * that is the KB's restart. A restart that fails this is not (R14): CCMCertFix could run without it.
 */
export function restartMismatch(certfix: Step, restart: Step): string | undefined {
  if (isDisabled(restart) !== isDisabled(certfix)) return isDisabled(restart) ? 'is disabled' : 'is enabled while CCMCertFix is disabled';
  const own = conditionOf(restart);
  const theirs = conditionOf(certfix);
  // A restart with no condition runs whenever CCMCertFix ran, whatever CCMCertFix's condition: it is the KB's restart
  // (R14), and one more after it would restart the computer twice.
  if (own === undefined) return undefined;
  // The condition in words is cut as a value read as data is: its values can be as long as the file.
  if (theirs === undefined || !sameCondition(own, theirs)) return `has a condition of its own (${shownValue(describeCondition(own), '')})`;
  return conditionMode(own) === 'copy' ? undefined : `has CCMCertFix's condition, evaluated again after CCMCertFix ran (${shownValue(describeCondition(own), '')})`;
}
