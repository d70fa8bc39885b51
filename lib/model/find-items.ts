/**
 * Finding steps, groups and sub task sequences by what they are: type, name, path, kind, enabled or a predicate of
 * your own, in execution order, over {@link listItems}.
 */
import { TaskSequenceError } from '../errors.js';
import { checkSequence } from './argument-checks.js';
import { describeValue } from './child-nodes.js';
import { listItems, type Located } from './query.js';
import type { Group, Sequence, SequenceItem, Step, SubTaskSequence } from './types.js';

/** What {@link findSteps} matches on; every given field must match. */
export interface StepQuery {
  /** The step's `type` attribute (WMI class), e.g. `SMS_TaskSequence_SetupWindowsAndSMSAction`. */
  type?: string;
  /** The step's name, exactly. */
  name?: string;
  /** The step's path, exactly (see {@link Located.path}). */
  path?: string;
}

/** Steps (and sub task sequences) matching `query`, in execution order. */
export function findSteps(sequence: Sequence, query: StepQuery = {}): Located<Step | SubTaskSequence>[] {
  checkSequence('findSteps', sequence);
  checkQuery('findSteps', query);
  return listItems(sequence).filter(
    (l): l is Located<Step | SubTaskSequence> =>
      l.node.kind !== 'group' &&
      (query.type === undefined || l.node.attributes.type === query.type) &&
      (query.name === undefined || l.node.attributes.name === query.name) &&
      (query.path === undefined || l.path === query.path),
  );
}

/** What {@link findItems} matches on; every given field must match. */
export interface ItemQuery extends StepQuery {
  /** `group`, `step` or `subtasksequence`. */
  kind?: SequenceItem['kind'];
  /** Whether the item is enabled (has no `disable="true"`). */
  enabled?: boolean;
  /** A predicate of your own. */
  where?: (item: SequenceItem) => boolean;
}

/** Steps, groups and sub task sequences matching `query`, in execution order (groups before their contents). */
export function findItems(sequence: Sequence, query: ItemQuery = {}): Located[] {
  checkSequence('findItems', sequence);
  checkQuery('findItems', query);
  return listItems(sequence).filter(
    (l) =>
      (query.kind === undefined || l.node.kind === query.kind) &&
      (query.type === undefined || l.node.attributes.type === query.type) &&
      (query.name === undefined || l.node.attributes.name === query.name) &&
      (query.path === undefined || l.path === query.path) &&
      (query.enabled === undefined || (l.node.attributes.disable !== 'true') === query.enabled) &&
      (query.where === undefined || query.where(l.node)),
  );
}

/** The group at a path (`Group/Sub group`), or undefined. */
export function findGroup(sequence: Sequence, path: string): Group | undefined {
  return findItems(sequence, { kind: 'group', path })[0]?.node as Group | undefined;
}

/** Refuses a query that is no object (a plain-JavaScript caller's `null` read as a TypeError), or a `where` that is no function. */
function checkQuery(fn: string, query: unknown): void {
  const q = query as { where?: unknown } | null;
  if (typeof q !== 'object' || q === null) throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a query object as its second argument; it was given ${describeValue(query)}.`);
  if (q.where !== undefined && typeof q.where !== 'function') throw new TaskSequenceError('INVALID_ARGUMENT', `${fn}'s query.where is a function of a node; it was given ${describeValue(q.where)}.`);
}
