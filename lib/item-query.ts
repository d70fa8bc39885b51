/**
 * Queries a script uses to pick steps and groups out of a document: by step class, name, path, or any predicate.
 */
import { TaskSequenceError } from './errors.js';
import { describeValue } from './model/child-nodes.js';
import { listItems, type Located } from './model/query.js';
import type { Group, Sequence, SequenceItem, Step, SubTaskSequence } from './model/types.js';

/**
 * What `doc.steps`, `doc.groups` and `doc.find` match; every given field must match. A string matches exactly, a
 * RegExp by `test`. (`findItems` in `cmts/model` takes a query of its own, with `kind` and `where`.)
 */
export interface ItemQuery {
  /** The step class (the `type` attribute, e.g. `SMS_TaskSequence_SetupWindowsAndSMSAction`); groups have none. */
  type?: string | RegExp;
  /** The step's or group's name. */
  name?: string | RegExp;
  /** The path from the top, `Group/Sub group/Step` (a `/` or `\` inside a name is escaped with `\`). */
  path?: string | RegExp;
  /** Whether the item is enabled (has no `disable="true"`). */
  enabled?: boolean;
}

/** A step or sub task sequence together with where it sits. */
export type LocatedStep = Located<Step | SubTaskSequence>;

/** A group together with where it sits. */
export type LocatedGroup = Located<Group>;

/** A query object, or a predicate over the located item. */
export type ItemFilter<T extends SequenceItem> = ItemQuery | ((item: Located<T>) => boolean);

const matches = (pattern: string | RegExp | undefined, value: string | undefined): boolean =>
  pattern === undefined || (typeof pattern === 'string' ? value === pattern : value !== undefined && pattern.test(value));

/** Whether a located item passes a filter. */
export function itemMatches<T extends SequenceItem>(item: Located<T>, filter: ItemFilter<T> | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(item);
  return queryMatches(item, filter);
}

/**
 * Refuses a query the filter cannot use (`{ name: 5 }`: a number is no name and no pattern), typed and before the
 * items are listed, rather than matching nothing or throwing a TypeError. Returns the filter.
 */
export function checkedFilter<F>(fn: string, filter: F): F {
  if (filter === undefined || typeof filter === 'function') return filter;
  if (typeof filter !== 'object' || filter === null) throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a query object or a predicate; it was given ${describeValue(filter)}.`);
  const q = filter as Record<string, unknown>;
  // A pattern is anything with a `test` method (a RegExp of another realm too, which `instanceof` would refuse).
  for (const key of ['name', 'path', 'type'] as const) {
    const v = q[key];
    if (v !== undefined && typeof v !== 'string' && !isPattern(v)) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `${fn}: the query's ${key} is a string or a RegExp; it was given ${describeValue(v)}.`);
    }
  }
  if (q.enabled !== undefined && typeof q.enabled !== 'boolean') throw new TaskSequenceError('INVALID_ARGUMENT', `${fn}: the query's enabled is true or false; it was given ${describeValue(q.enabled)}.`);
  return filter;
}

/** Whether a value can match as a pattern does: an object with a `test` method. */
function isPattern(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { test?: unknown }).test === 'function';
}

function queryMatches<T extends SequenceItem>(item: Located<T>, filter: ItemQuery): boolean {
  return (
    matches(filter.type, item.node.attributes.type) &&
    matches(filter.name, item.node.attributes.name) &&
    matches(filter.path, item.path) &&
    (filter.enabled === undefined || (item.node.attributes.disable !== 'true') === filter.enabled)
  );
}

/** Steps and sub task sequences matching `filter`, in execution order. */
export function selectSteps(sequence: Sequence, filter?: ItemFilter<Step | SubTaskSequence>): LocatedStep[] {
  checkedFilter('steps', filter);
  return listItems(sequence).filter((l): l is LocatedStep => l.node.kind !== 'group' && itemMatches(l as LocatedStep, filter));
}

/** Groups matching `filter`, in execution order (a group before the groups inside it). */
export function selectGroups(sequence: Sequence, filter?: ItemFilter<Group>): LocatedGroup[] {
  checkedFilter('groups', filter);
  return listItems(sequence).filter((l): l is LocatedGroup => l.node.kind === 'group' && itemMatches(l as LocatedGroup, filter));
}
