/**
 * Part B of KB977203 on one Setup Windows and ConfigMgr step: CCMCertFix (Install Software) and a restart to the
 * installed OS right after it (R13, R14), running exactly when Setup ran — its disable flag and its condition carried
 * over — and existing CCMCertFix wiring adopted, never moved in execution order or deleted (a group may be put around
 * it to carry its condition). An existing restart is adopted only when it runs exactly when the CCMCertFix step does
 * and does not notify the user (R14); otherwise the KB's own restart goes in before it, and the administrator's stays
 * as it was.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue } from '../errors.js';
import { createInstallSoftwareStep, createRestartComputerStep } from '../model/builders.js';
import { conditionOf, describeCondition } from '../model/conditions.js';
import { insertAfter } from '../model/mutate.js';
import { isElement, listItems, type Located, nextItem } from '../model/query.js';
import { InstallSoftwareStep, RestartComputerStep, STEP_TYPES } from '../model/steps.js';
import type { Attributes, Condition, Element, SequenceItem, Step } from '../model/types.js';
import { conditionMode, copyCondition, wrapInGroup } from '../transforms/conditions.js';
import type { AlreadyInPlace, Edit } from '../transforms/context.js';
import type { ResolvedKb977203Options } from './kb977203-options.js';
import { commandLineAdopted, commandLineNotUsed, runsCertfixCommandLine } from './kb977203-command-line.js';
import { shownValue } from '../shown-value.js';

// Moved to the transforms, which insert-steps-after shares with the preset; still importable from here.
export { conditionMode, reindent } from '../transforms/conditions.js';

/** The description of a group the preset makes to evaluate Setup's condition once, in Windows PE (revert finds it by it). */
export const KB977203_GROUP_DESCRIPTION = "KB977203: Setup Windows and ConfigMgr's condition, evaluated once in Windows PE for Setup and CCMCertFix";

/**
 * The description of a group the preset makes around an adopted CCMCertFix step whose condition can change once it
 * has run, so that the condition is evaluated once for it and the restart after it (revert finds it by it).
 */
export const KB977203_CERTFIX_GROUP_DESCRIPTION = "KB977203: CCMCertFix's condition, evaluated once for CCMCertFix and the restart after it";

/** The description of the CCMCertFix step the preset inserts (revert tells it from an administrator's step by it). */
export const KB977203_CERTFIX_DESCRIPTION = 'KB977203: repair the client certificate with CCMCertFix.exe';

/**
 * The description of that step when the package had no "Run another program first" at all (no DependentProgram
 * element in a 2007 export, a null one in object.xml) and the preset added it. An emptied DependentProgram and a
 * missing one look the same once the preset has set it, so this is how revert knows to take the property away again
 * rather than leave it empty.
 */
export const KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT = `${KB977203_CERTFIX_DESCRIPTION}; it also runs first ("Run another program first"), which the package did not have before`;

/**
 * The description of that step when the package already ran the program first ("Run another program first") before
 * the preset: revert then leaves DependentProgram as it found it, rather than empty it as one the preset set.
 */
export const KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT = `${KB977203_CERTFIX_DESCRIPTION}; the package already ran it first ("Run another program first") before`;

/** Whether a step has a description the preset gives the CCMCertFix step it inserts. */
export function hasPresetCertfixDescription(step: SequenceItem): boolean {
  const d = step.attributes.description;
  return d === KB977203_CERTFIX_DESCRIPTION || d === KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT || d === KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT;
}
const RESTART_DESCRIPTION = 'KB977203: restart to the installed operating system after CCMCertFix';

/** Whether an item is disabled (`disable="true"`). */
export function isDisabled(item: SequenceItem): boolean {
  return item.attributes.disable === 'true';
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

/** Whether an Install Software step runs `packageId`/`program` (letter case aside). */
export function runsProgram(item: SequenceItem | undefined, packageId: string, program: string): item is Step {
  if (!item || item.kind !== 'step' || item.attributes.type !== STEP_TYPES.installSoftware) return false;
  const v = new InstallSoftwareStep(item);
  return (v.packageId ?? '').toUpperCase() === packageId.toUpperCase() && (v.programName ?? '').toLowerCase() === program.toLowerCase();
}

/** Whether a step is a restart to the installed OS (not to Windows PE). */
export function restartsToOs(item: SequenceItem | undefined): item is Step {
  return item !== undefined && item.kind === 'step' && item.attributes.type === STEP_TYPES.restartComputer && (new RestartComputerStep(item).target ?? 'HD').toUpperCase() === 'HD';
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
function sameCondition(a: Condition, b: Condition): boolean {
  const todo: [Element, Element][] = [[a, b]];
  for (let pair = todo.pop(); pair; pair = todo.pop()) {
    const [x, y] = pair;
    if (x.kind !== y.kind || x.tag !== y.tag || !sameAttributes(x.attributes, y.attributes)) return false;
    if ('value' in x || 'value' in y) {
      if (!('value' in x) || !('value' in y) || x.value !== y.value) return false;
      continue;
    }
    const xs = x.children.filter(isElement);
    const ys = y.children.filter(isElement);
    if (xs.length !== ys.length) return false;
    xs.forEach((c, i) => todo.push([c, ys[i] as Element]));
  }
  return true;
}

/**
 * Why a restart to the installed OS right after a CCMCertFix step does not run exactly when that step runs, in words,
 * or undefined when it does. It must be disabled exactly when the step is, and have no condition of its own unless
 * it has the step's very condition and that condition tests only variables the sequence or the administrator sets:
 * one on WMI, files or `_SMS…` variables is evaluated again after CCMCertFix ran and can come out otherwise. A
 * restart that fails this is not the KB's restart (R14): CCMCertFix could run without it.
 */
export function restartMismatch(certfix: Step, restart: Step): string | undefined {
  if (isDisabled(restart) !== isDisabled(certfix)) return isDisabled(restart) ? 'is disabled' : 'is enabled while CCMCertFix is disabled';
  const own = conditionOf(restart);
  const theirs = conditionOf(certfix);
  if (own === undefined && theirs === undefined) return undefined;
  if (own === undefined) return 'has no condition, while CCMCertFix has one';
  // The condition in words is cut as a value read as data is: its values can be as long as the file.
  if (theirs === undefined || !sameCondition(own, theirs)) return `has a condition of its own (${shownValue(describeCondition(own), '')})`;
  return conditionMode(own) === 'copy' ? undefined : `has CCMCertFix's condition, evaluated again after CCMCertFix ran (${shownValue(describeCondition(own), '')})`;
}

/** What one Setup step needs: edits, what is already there, and notes. */
export interface WiringPlan {
  edits: Edit[];
  already: AlreadyInPlace[];
  diagnostics: Issue[];
  /** Whether a CCMCertFix step is inserted (one with the description given), rather than one adopted. */
  insertsCertfix: boolean;
}

function newSteps(o: ResolvedKb977203Options, disabled: boolean, condition: Condition | undefined, retry: boolean, description = KB977203_CERTFIX_DESCRIPTION): [Step, Step] {
  const certfix = createInstallSoftwareStep({ name: 'CCMCertFix', description, packageId: o.certfixPackage, programName: o.program, disabled, retryAttributes: retry });
  const restart = createRestartComputerStep({ name: 'Restart', description: RESTART_DESCRIPTION, target: 'HD', notify: false, disabled, retryAttributes: retry });
  // Names are set after building: they may be up to the provider's 100 characters (checked with the options).
  certfix.attributes.name = o.stepNames.certfix;
  restart.attributes.name = o.stepNames.restart;
  if (condition) {
    certfix.children.unshift(copyCondition(condition));
    restart.children.unshift(copyCondition(condition));
  }
  return [certfix, restart];
}

/** The sequence's items in execution order, indexed once for every Setup step's plan (linear, not quadratic). */
export interface ExecutionOrder {
  items: Located[];
  index: Map<SequenceItem, number>;
  /** Positions of the items of a step class, ascending. */
  byType(type: string): number[];
  /** The CCMCertFix steps (see {@link executionOrder}). */
  certfixes: Located[];
  /** Their positions in `items`, ascending. */
  certfixAt: number[];
  /** The Run Command Line steps that run CCMCertFix.exe (an administrator's older wiring). */
  commandLines: Located[];
  /** Their positions in `items`, ascending. */
  commandLineAt: number[];
}

/** Where the first entry of an ascending list above `from` is in it (the list's length when none is). */
function firstAbove(list: readonly number[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) > from) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Indexes a sequence for {@link planWiring}. `matches` says whether an Install Software step is a CCMCertFix step (the
 * package and program of the options, or the ones `force` replaces).
 */
export function executionOrder(doc: TaskSequenceDocument, matches: (item: SequenceItem) => boolean, items: Located[] = listItems(doc.sequence)): ExecutionOrder {
  const index = new Map<SequenceItem, number>();
  const types = new Map<string, number[]>();
  items.forEach((l, i) => {
    index.set(l.node, i);
    const type = l.node.attributes.type;
    if (type === undefined) return;
    let list = types.get(type);
    if (!list) types.set(type, (list = []));
    list.push(i);
  });
  const certfixAt: number[] = [];
  items.forEach((l, i) => {
    if (l.node.kind === 'step' && matches(l.node)) certfixAt.push(i);
  });
  const commandLineAt = (types.get(STEP_TYPES.runCommandLine) ?? []).filter((i) => runsCertfixCommandLine(items[i]?.node));
  const at = (list: number[]) => list.map((i) => items[i] as Located);
  return { items, index, byType: (type) => types.get(type) ?? [], certfixes: at(certfixAt), certfixAt, commandLines: at(commandLineAt), commandLineAt };
}

/**
 * Plans CCMCertFix and the restart for one Setup step. `certfixDescription` is the description an inserted CCMCertFix
 * step gets ({@link KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT} when the preset adds DependentProgram to a package
 * that had none, {@link KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT} when the package already had it as the preset
 * sets it).
 */
export function planWiring(doc: TaskSequenceDocument, setup: Located<Step>, o: ResolvedKb977203Options, order: ExecutionOrder, certfixDescription = KB977203_CERTFIX_DESCRIPTION): WiringPlan {
  const plan: WiringPlan = { edits: [], already: [], diagnostics: [], insertsCertfix: false };
  const step = setup.node;
  const { items, certfixes, certfixAt } = order;
  const at = (n: SequenceItem) => order.index.get(n) ?? -1;
  const from = at(step);
  // Binary searches in the ascending position lists: a sequence of many Setup steps is planned in linear time.
  const after = (type: string) => order.byType(type)[firstAbove(order.byType(type), from)] ?? -1;
  const setupsAt = order.byType(STEP_TYPES.setupWindowsAndConfigMgr);
  const nextSetup = after(STEP_TYPES.setupWindowsAndConfigMgr);
  const previousSetup = setupsAt[firstAbove(setupsAt, from - 1) - 1] ?? -1;
  const stateStore = o.scenario === 'replace-restore' ? after('SMS_TaskSequence_RequestStateStoreAction') : -1;
  const end = Math.min(...[nextSetup, stateStore, items.length].filter((i) => i !== -1));
  const disabled = isDisabled(step);
  // A CCMCertFix step that is disabled, or in a disabled group Setup is not in, does not run when Setup does.
  const adoptable = (list: readonly Located[], positions: readonly number[]): Located | undefined => {
    for (let k = firstAbove(positions, from); k < positions.length && (positions[k] as number) < end; k++) {
      const l = list[k] as Located;
      if (!disabledApartFrom(l, setup) || disabled) return l;
    }
    return undefined;
  };
  // A Run Command Line step that runs CCMCertFix.exe is adopted by the same rules, but only where no Install Software
  // CCMCertFix step is: the step the KB asks for comes first, and adopting it keeps what earlier versions did.
  const installs = adoptable(certfixes, certfixAt);
  const commandLine = installs ? undefined : adoptable(order.commandLines, order.commandLineAt);
  const adopted = installs ?? commandLine;
  if (disabled) {
    plan.diagnostics.push({ code: 'KB977203_SETUP_DISABLED', severity: 'warning', path: setup.path, message: `"${setup.path}" is disabled, so the CCMCertFix and restart steps that go with it are disabled too; enabling Setup later needs them enabled as well.` });
  }
  // The other Run Command Line CCMCertFix steps, and why each is not used. Each is named once, for the Setup step it
  // follows most closely, or for the first Setup step when it comes before every one.
  const low = previousSetup === -1 ? -1 : from;
  const high = nextSetup === -1 ? items.length : nextSetup;
  for (let k = firstAbove(order.commandLineAt, low); k < order.commandLineAt.length && (order.commandLineAt[k] as number) < high; k++) {
    const other = order.commandLines[k] as Located;
    if (other === commandLine) continue;
    const off = disabledApartFrom(other, setup) && !disabled;
    const i = at(other.node);
    const why = off
      ? `is disabled${isDisabled(other.node) ? '' : ' by a group around it'}, so it does not run when Setup does`
      : i < from
        ? 'runs before Setup (in Windows PE or the old operating system), not after it'
        : i >= end
          ? 'comes after the Request State Store step, and CCMCertFix must run before the user state is restored'
          : `is not the step taken for CCMCertFix after Setup: ${shownValue(adopted?.node.attributes.name ?? '', '"')} is`;
    plan.diagnostics.push(commandLineNotUsed(other, setup.path, why, !neverRuns(other), o.certfixPackage, o.program));
  }
  if (adopted) {
    const certfix = adopted.node as Step;
    if (commandLine) {
      plan.already.push({ what: `run-command-line step ${shownValue(certfix.attributes.name ?? '', '"')} runs CCMCertFix.exe after Setup (the administrator's, left as it is; KB977203 asks for an Install Software step)`, where: setup.path, requirement: 'R13' });
      plan.diagnostics.push(commandLineAdopted(adopted, setup.path, o.certfixPackage, o.program));
    } else plan.already.push({ what: `install-software step ${shownValue(certfix.attributes.name ?? '', '"')} runs CCMCertFix after Setup`, where: setup.path, requirement: 'R13' });
    const next = nextItem(adopted.parent, certfix, adopted.index);
    // A restart that notifies the user is not the KB's restart either (R14 clears the notice). It is the
    // administrator's step, and is not changed to fit: its time-out would be lost, and revert could not give it back.
    const runsApart = restartsToOs(next) ? restartMismatch(certfix, next) : undefined;
    const notifies = restartsToOs(next) && new RestartComputerStep(next).notifiesUser ? new RestartComputerStep(next).timeout ?? '' : undefined;
    if (restartsToOs(next) && runsApart === undefined && notifies === undefined) {
      plan.already.push({ what: `restart-computer step ${shownValue(next.attributes.name ?? '', '"')}`, where: setup.path, requirement: 'R14' });
      return plan;
    }
    const cond = conditionOf(certfix);
    const wrap = cond !== undefined && conditionMode(cond) === 'wrap';
    const [, restart] = newSteps(o, isDisabled(certfix), cond && !wrap ? cond : undefined, 'retryCount' in certfix.attributes);
    // A restart there that does not run exactly when CCMCertFix runs stays as it is (no administrator's step is
    // changed to fit), and the KB's own restart goes before it; the report says why.
    const name = next?.attributes.name ?? '';
    const because =
      runsApart !== undefined
        ? ` (the restart ${shownValue(name, '"')} after it ${runsApart}, so it does not run exactly when CCMCertFix runs)`
        : notifies !== undefined
          ? ` (the restart ${shownValue(name, '"')} after it notifies the user before restarting, time-out ${notifies} s, which KB977203 says to clear (R14); it is the administrator's and stays as it is)`
          : '';
    const inserted = { what: `inserted restart-computer step "${o.stepNames.restart}"${because}`, where: `${setup.path} (after ${shownValue(certfix.attributes.name ?? '', '"')})`, requirement: 'R14' };
    if (runsApart === undefined && notifies !== undefined) {
      // Said as a diagnostic too, so that a fleet report or a script can find these by code: the administrator's
      // restart now runs after the KB's, and restarts the computer a second time, with its notice.
      plan.diagnostics.push({ code: 'KB977203_RESTART_NOTIFIES', severity: 'warning', path: adopted.path, message: `The restart ${shownValue(name, '"')} right after ${shownValue(certfix.attributes.name ?? '', '"')} notifies the user (time-out ${notifies} s), which KB977203 says to clear (R14): it is the administrator's and stays as it is, and the KB's restart "${o.stepNames.restart}" goes in before it, so the computer restarts twice there. Remove or change ${shownValue(name, '"')} if one restart is meant.` });
    }
    if (!wrap || !cond) {
      plan.edits.push({ change: inserted, apply: () => insertAfter(doc.sequence, certfix, [restart]) });
      return plan;
    }
    // A copy would be evaluated again after CCMCertFix ran (a WMI query, a file, _SMSTSLastActionSucceeded…), so the
    // restart could run without CCMCertFix or be skipped after it: as with Setup, one group evaluates it once for both.
    plan.edits.push({
      change: { what: `moved the condition of ${shownValue(certfix.attributes.name ?? '', '"')} to a new group of the same name around it and the restart after it, evaluated once`, where: adopted.path, requirement: 'R14' },
      apply: () => wrapInGroup(doc, adopted as Located<Step>, cond, [restart], KB977203_CERTFIX_GROUP_DESCRIPTION),
    });
    plan.edits.push({ change: inserted, apply: () => undefined });
    return plan;
  }
  // The CCMCertFix steps between the Setup steps before and after this one: each step is named for at most two Setup
  // steps, not for every one (which made the report grow with their product).
  const last = nextSetup === -1 ? items.length : nextSetup;
  for (let k = firstAbove(certfixAt, previousSetup); k < certfixAt.length && (certfixAt[k] as number) < last; k++) {
    const other = certfixes[k] as Located;
    plan.diagnostics.push({ code: 'KB977203_CERTFIX_ELSEWHERE', severity: 'info', path: other.path, message: `"${other.path}" runs CCMCertFix ${at(other.node) < from ? 'before' : 'where it does not count for'} "${setup.path}"${disabledApartFrom(other, setup) ? ' and is disabled' : ''}; it stays where it is, and the KB's pair is inserted after Setup.` });
  }
  const condition = conditionOf(step);
  const mode = condition ? conditionMode(condition) : undefined;
  const retry = 'retryCount' in step.attributes;
  const [certfix, restart] = newSteps(o, disabled, mode === 'copy' ? condition : undefined, retry, certfixDescription);
  plan.insertsCertfix = true;
  const where = (after: string) => `${setup.path} (after "${after}")`;
  const changes = [
    { what: `inserted install-software step "${o.stepNames.certfix}"`, where: where(step.attributes.name ?? ''), requirement: 'R13' },
    { what: `inserted restart-computer step "${o.stepNames.restart}"`, where: where(o.stepNames.certfix), requirement: 'R14' },
  ];
  if (mode !== 'wrap' || !condition) {
    plan.edits.push({ change: changes[0] as Edit['change'], apply: () => insertAfter(doc.sequence, step, [certfix]) }, { change: changes[1] as Edit['change'], apply: () => insertAfter(doc.sequence, certfix, [restart]) });
    return plan;
  }
  plan.edits.push({
    change: { what: `moved the condition of ${shownValue(step.attributes.name ?? '', '"')} to a new group of the same name around it, evaluated once in Windows PE`, where: setup.path, requirement: 'R13' },
    apply: () => wrapInGroup(doc, setup, condition, [certfix, restart], KB977203_GROUP_DESCRIPTION),
  });
  plan.edits.push({ change: changes[0] as Edit['change'], apply: () => undefined }, { change: changes[1] as Edit['change'], apply: () => undefined });
  return plan;
}
