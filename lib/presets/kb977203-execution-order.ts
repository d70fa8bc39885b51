/**
 * The sequence's items in execution order, indexed once for the whole preset: where each item is, where the steps of
 * each class are, and the CCMCertFix steps, so that planning every Setup step's wiring is linear, not quadratic.
 */
import type { TaskSequenceDocument } from '../document.js';
import { listItems, type Located } from '../model/query.js';
import { STEP_TYPES } from '../model/steps.js';
import type { SequenceItem } from '../model/types.js';
import { getAction, getVariableValue } from '../model/variables.js';
import { maySetAnyVariable, variablesSetBy } from '../model/variables-set.js';
import { runsCertfixCommandLine } from './kb977203-command-line.js';
import { isDisabled, neverRuns, restartsToWinPe } from './kb977203-step-queries.js';
import { firstAbove, firstAtOrAbove, minSearch, type MinSearch } from '../min-search.js';
import type { BranchIndex } from './kb977203-branch-index.js';
import type { Release } from '../catalog/versions.js';

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
  /**
   * Positions, ascending, of the steps that restore user state and may run: Restore User State, and Request State
   * Store unless it says it captures. CCMCertFix must have run before them (the certificate fault is the state
   * store's), so none after one counts for the Setup step before it.
   */
  stateRestoreAt: number[];
  /** The steps that may set each variable (see {@link setterIndex}), indexed on first use. */
  setters: SetterIndex;
  /** The adopted CCMCertFix steps whose restart is planned (one adopted for several Setup steps is planned once). */
  restartPlanned: Set<SequenceItem>;
  /**
   * The first Restart Computer step into Windows PE listed after `from` and before `end` that is not disabled apart
   * from the item at `from` (by its own flag, or by a disabled group not also around that item), if any. Such restarts
   * are indexed on first use, so that each Setup step's question is a binary search, not a walk over every restart
   * after it (the rest of the sequence, past branches that exclude it).
   */
  toWinPeAfter(from: number, end: number): Located | undefined;
  /**
   * What is made from this order on first use and kept for the run: the branch index (`branchesOf`), the sequence's
   * release and the restarts that never run (kb977203-wiring.ts). Held here, not in module WeakMaps keyed by the
   * order: V8's young-generation collections kept such a map's values, and the items the branch index's closures
   * hold, alive until a full collection, so a batch's every document outlived its run (1,000 files of 100 KB: 480 ms
   * of collection where 100 ms had done, the old generation growing by 70 MB between full collections).
   */
  made: { branches?: BranchIndex; release?: Release; disabledRestarts?: number[] };
}

const RESTORE_USER_STATE = 'SMS_TaskSequence_RestoreUserStateAction';
export const CAPTURE_USER_STATE = 'SMS_TaskSequence_CaptureUserStateAction';
const REQUEST_STATE_STORE = 'SMS_TaskSequence_RequestStateStoreAction';

/**
 * What a Request State Store step asks for (`capture`, `restore`), by its request type or, where the step holds none,
 * its command line (ConfigMgr 2007 writes `osdsmpclient.exe /capture`); undefined for any other item, or when neither says.
 */
function stateRequestOf(item: SequenceItem): string | undefined {
  if (item.kind !== 'step' || item.attributes.type !== REQUEST_STATE_STORE) return undefined;
  const said = [getVariableValue(item, 'OSDStateRequestType'), getVariableValue(item, 'RequestType'), /\/(capture|restore)\b/i.exec(getAction(item) ?? '')?.[1]].find((v) => v?.trim());
  return said?.trim().toLowerCase();
}

/** Whether an item restores user state (see {@link ExecutionOrder.stateRestoreAt}) and is not disabled. */
function restoresState(l: Located): boolean {
  const type = l.node.attributes.type;
  if (neverRuns(l) || l.node.kind === 'group') return false;
  return type === RESTORE_USER_STATE || (type === REQUEST_STATE_STORE && stateRequestOf(l.node) !== 'capture');
}

/** Whether an item captures user state: a Capture User State step, or a Request State Store step that captures. */
export function capturesUserState(item: SequenceItem): boolean {
  return item.kind === 'step' && (item.attributes.type === CAPTURE_USER_STATE || stateRequestOf(item) === 'capture');
}

/**
 * Whether an item says it restores user state and runs: a Restore User State step, or a Request State Store step
 * that restores (one that says neither is not taken for it here). A sequence that has one is not the capture half
 * of a replace (R15), whatever else it does.
 */
export function restoresUserState(l: Located): boolean {
  return !neverRuns(l) && l.node.kind === 'step' && (l.node.attributes.type === RESTORE_USER_STATE || stateRequestOf(l.node) === 'restore');
}

/**
 * Whether a sequence is shaped as the capture half of a replace (R15): it captures user state and has no Setup Windows
 * and ConfigMgr step (any item but a group with its class, as findSteps finds it). With no scenario given, such a
 * sequence is taken for replace-capture, by apply and revert alike.
 */
export function isCaptureHalf(items: readonly Located[]): boolean {
  return !items.some((l) => l.node.kind !== 'group' && l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr) && items.some((l) => capturesUserState(l.node));
}

/** Where the steps that may set a variable are (see {@link setterIndex}). */
export interface SetterIndex {
  /** The first enabled step listed between `from` and `to` (both excluded) that sets `variable` (lower case), if any. */
  firstBetween(from: number, to: number, variable: string): Located | undefined;
  /** Where the first enabled step listed after `from` that sets `variable` (lower case) is, or Infinity for none. */
  firstAfter(from: number, variable: string): number;
}

/**
 * The steps that may set each variable, by position, for the branch check's question "does an enabled step between
 * these two positions set this variable?" (kb977203-branches.ts). A scan of the items between cost the distance each
 * time, and one Setup step whose branch excludes many later ones (an `X equals 1` branch, then many `X notEquals 1`
 * branches with a Setup step each) asks it once for each of them: the square of the sequence's length. Indexed, each
 * answer is a binary search. Built on the first question only: most sequences never ask it, and reading every step's
 * variables costs about as much as the rest of the planning. A step sets a variable when it is enabled (not a group,
 * not disabled by its flag or a group around it) and names it among those it sets, or may set any (a Run Task
 * Sequence step's child sequence, see {@link maySetAnyVariable}).
 */
export function setterIndex(items: readonly Located[]): SetterIndex {
  let byName: Map<string, number[]> | undefined;
  const anyAt: number[] = [];
  const build = (): Map<string, number[]> => {
    const map = new Map<string, number[]>();
    items.forEach((l, i) => {
      if (l.node.kind === 'group' || neverRuns(l)) return;
      if (maySetAnyVariable(l.node)) {
        anyAt.push(i);
        return;
      }
      // A step that names a variable twice is listed once: each list stays strictly ascending.
      for (const name of new Set(variablesSetBy(l.node).map((n) => n.toLowerCase()))) {
        let list = map.get(name);
        if (!list) map.set(name, (list = []));
        list.push(i);
      }
    });
    return map;
  };
  const firstAfter = (from: number, variable: string): number => {
    byName ??= build();
    const named = byName.get(variable) ?? [];
    return Math.min(named[firstAbove(named, from)] ?? Infinity, anyAt[firstAbove(anyAt, from)] ?? Infinity);
  };
  return {
    firstBetween(from, to, variable) {
      const first = firstAfter(from, variable);
      return first < to ? items[first] : undefined;
    },
    firstAfter,
  };
}

/**
 * Indexes a sequence for planWiring (kb977203-wiring.ts). `matches` says whether an Install Software step is a
 * CCMCertFix step (the package and program of the options, or the ones `force` replaces).
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
  const stateRestoreAt = [...(types.get(RESTORE_USER_STATE) ?? []), ...(types.get(REQUEST_STATE_STORE) ?? [])].filter((i) => restoresState(items[i] as Located)).sort((a, b) => a - b);
  let toWinPe: { at: number[]; search: MinSearch } | undefined;
  const toWinPeAfter = (from: number, end: number): Located | undefined => {
    toWinPe ??= restartsToWinPeIn(items, types.get(STEP_TYPES.restartComputer) ?? []);
    const { at: list, search } = toWinPe;
    // A disabled group around the restart is around the item at `from` too exactly when it comes before that item.
    const to = firstAtOrAbove(list, end);
    const k = search.firstBelow(firstAbove(list, from), to, from);
    return k < to ? items[list[k] as number] : undefined;
  };
  return { items, index, byType: (type) => types.get(type) ?? [], certfixes: at(certfixAt), certfixAt, commandLines: at(commandLineAt), commandLineAt, stateRestoreAt, setters: setterIndex(items), restartPlanned: new Set(), toWinPeAfter, made: {} };
}

/**
 * The Restart Computer steps into Windows PE among `restarts` (positions in `items`) that are not disabled by their
 * own flag, and for each, where the innermost disabled group around it is (-1 for none), searchable for one under a
 * position: such a restart is disabled apart from an item listed before it exactly when that group comes after the item.
 */
function restartsToWinPeIn(items: readonly Located[], restarts: readonly number[]): { at: number[]; search: MinSearch } {
  const at = restarts.filter((i) => {
    const node = items[i]?.node;
    return restartsToWinPe(node) && !isDisabled(node);
  });
  // Where the innermost disabled group around each group is (itself, when disabled), groups before their contents.
  const offAt = new Map<SequenceItem, number>();
  const offAround = (l: Located) => (l.parent.kind === 'group' ? (offAt.get(l.parent) as number) : -1);
  if (at.length > 0) items.forEach((l, i) => l.node.kind === 'group' && offAt.set(l.node, isDisabled(l.node) ? i : offAround(l)));
  return { at, search: minSearch(at.map((i) => offAround(items[i] as Located))) };
}

/**
 * The CCMCertFix steps that can run after `certfix`, the one that counts for a Setup step (or the Setup step, where
 * the KB's pair goes in right after it), before the next Setup step: the sequence runs CCMCertFix again there (a pair
 * wired twice, an administrator's step after the KB's pair), and restarts again if a restart follows. None after one
 * that never runs (disabled with its Setup step): CCMCertFix runs once. The preset's report and lint's
 * `kb977203/certfix-after-setup` say so of each, from this one search.
 */
export function certfixesRunAgain(order: ExecutionOrder, certfix: Located): Located[] {
  if (neverRuns(certfix)) return [];
  const from = order.index.get(certfix.node) ?? -1;
  const setupsAt = order.byType(STEP_TYPES.setupWindowsAndConfigMgr);
  const high = setupsAt[firstAbove(setupsAt, from)] ?? order.items.length;
  const out: Located[] = [];
  for (let k = firstAbove(order.certfixAt, from); k < order.certfixAt.length && (order.certfixAt[k] as number) < high; k++) {
    const other = order.certfixes[k] as Located;
    if (!neverRuns(other)) out.push(other);
  }
  return out;
}
