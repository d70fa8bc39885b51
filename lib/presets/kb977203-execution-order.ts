/**
 * The sequence's items in execution order, indexed once for the whole preset: where each item is, where the steps of
 * each class are, and the CCMCertFix steps, so that planning every Setup step's wiring is linear, not quadratic.
 */
import type { TaskSequenceDocument } from '../document.js';
import { listItems, type Located } from '../model/query.js';
import { STEP_TYPES } from '../model/steps.js';
import type { SequenceItem } from '../model/types.js';
import { getAction, getVariableValue } from '../model/variables.js';
import { runsCertfixCommandLine } from './kb977203-command-line.js';
import { neverRuns } from './kb977203-step-queries.js';

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
  /** The adopted CCMCertFix steps whose restart is planned (one adopted for several Setup steps is planned once). */
  restartPlanned: Set<SequenceItem>;
}

const RESTORE_USER_STATE = 'SMS_TaskSequence_RestoreUserStateAction';
const REQUEST_STATE_STORE = 'SMS_TaskSequence_RequestStateStoreAction';

/** Whether an item restores user state (see {@link ExecutionOrder.stateRestoreAt}) and is not disabled. */
function restoresState(l: Located): boolean {
  const type = l.node.attributes.type;
  if (neverRuns(l) || l.node.kind === 'group') return false;
  if (type === RESTORE_USER_STATE) return true;
  if (type !== REQUEST_STATE_STORE) return false;
  const mode = getVariableValue(l.node, 'RequestType') ?? /\/(capture|restore)\b/i.exec(getAction(l.node) ?? '')?.[1];
  return mode?.trim().toLowerCase() !== 'capture';
}

export /** Where the first entry of an ascending list above `from` is in it (the list's length when none is). */
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
  return { items, index, byType: (type) => types.get(type) ?? [], certfixes: at(certfixAt), certfixAt, commandLines: at(commandLineAt), commandLineAt, stateRestoreAt, restartPlanned: new Set() };
}
