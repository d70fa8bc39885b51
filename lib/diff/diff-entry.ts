/**
 * One difference of a semantic diff, {@link DiffEntry}, and how it reads for people: the shape every comparison of
 * lib/diff/ reports in, and the line the command line and the pages print for it, kept apart from the comparing so
 * that what only prints an entry needs none of the diff.
 */
import { TaskSequenceError } from '../errors.js';
import type { DiffReportEntry } from '../generated/schema-types.js';
import { describeValue } from '../model/child-nodes.js';
import { pathNames } from '../model/query.js';

const CHANGES = new Set(['added', 'removed', 'moved', 'changed']);

/**
 * What a difference is of: an item of the sequence (`group`, `step`, `subtasksequence`), a package `property`, the
 * `sequence` element itself, a global `variable`, or a package `reference`: the kinds `schemas/diff.report.schema.json`
 * lists, whose generated type this is.
 */
export type DiffKind = DiffReportEntry['kind'];

/** One difference. */
export interface DiffEntry {
  change: 'added' | 'removed' | 'moved' | 'changed';
  kind: DiffKind;
  /**
   * Step path in the second document (the first for removals), or the property / variable / package name; one object
   * of an object.xml's object array is `References[3]` (the third, counting from 1).
   */
  path: string;
  /**
   * For `changed`: what changed, e.g. `attribute continueOnError`, `variable SMSClientInstallProperties` (`#2` for the
   * second of one name), `variable X attribute hidden`, `condition`, `element <tag>`; for an array property, `values`,
   * `type`, `class`, or an object's property (`Package`), its type (`Package type`) or its schema data (`Package
   * attribute CLASSORIGIN`, `Package qualifier CIMTYPE`); for an object.xml property's schema data, `attribute
   * CLASSORIGIN` or `qualifier CIMTYPE` (path `(instance)` for the instance's own qualifiers).
   */
  field?: string;
  before?: string;
  after?: string;
  /** For `moved`: the path in the first document. */
  from?: string;
  /**
   * For `moved` to another group whose path is the same as the old one's (two groups of one name): the item's
   * position in the second document, as the index of each level from the top, from 1 (`2.1`: the first item of the
   * second), and {@link DiffEntry.fromPosition} its position in the first.
   */
  position?: string;
  /** For `moved` with {@link DiffEntry.position}: the position in the first document. */
  fromPosition?: string;
  /**
   * For an item whose path other items of its document share (twenty steps of one name in a group): its position
   * there, as {@link DiffEntry.position} says one (in the first document for a removal, else in the second), so that
   * the entry names one item.
   */
  at?: string;
}

/**
 * A path or name on a line of its own: a line feed in a step's name is written `\n`, as lint and inspect write it. A
 * difference is one line (`cmts diff` splits its lines at line feeds to print a value's own lines), and a line feed
 * in a name made a line of its own, which could read as another entry (`- step …`). Other control characters are
 * escaped where the line is printed.
 */
export const oneLine = (text: string): string => text.replace(/\n/g, '\\n');

/** The path of an entry as people read it: with the item's position when its path names more than one item. */
export function shownPath(d: DiffEntry): string {
  return d.at === undefined ? d.path : `${d.path} (item ${d.at})`;
}

/**
 * How a `moved` entry moved, in words: from its old path, within its group (within the sequence, for an item at its
 * top), or, between two groups of one path,
 * from its old position to its new one.
 */
export function movedHow(d: DiffEntry): string {
  if (d.position !== undefined) return `moved to another group of the same name: from item ${d.fromPosition ?? '?'} to item ${d.position}`;
  if (d.from !== d.path) return `moved from ${d.from ?? '?'}`;
  // An item at the top of the sequence is in no group: its path is one name.
  return pathNames(d.path).length === 1 ? 'moved within the sequence' : 'moved within its group';
}

/** A difference as one line for people. */
export function formatDiffEntry(d: DiffEntry): string {
  // From plain JavaScript: anything but an entry is refused, typed (null threw a TypeError, an unknown change gave
  // undefined for a line).
  const change = typeof d === 'object' && d !== null ? (d as { change?: unknown }).change : undefined;
  if (typeof change !== 'string' || !CHANGES.has(change)) {
    const given = typeof d === 'object' && d !== null && !Array.isArray(d) ? `an object whose change is ${typeof change === 'string' ? JSON.stringify(change) : describeValue(change)}` : describeValue(d);
    throw new TaskSequenceError('INVALID_ARGUMENT', `A difference to format is an entry of a comparison (change "added", "removed", "moved" or "changed"); it was given ${given}.`);
  }
  const q = (s: string | undefined) => (s === undefined ? '(none)' : JSON.stringify(s));
  const path = oneLine(shownPath(d));
  switch (d.change) {
    case 'added':
      return `+ ${d.kind} ${path}${d.after !== undefined && d.kind !== 'reference' ? ` (${d.kind === 'step' ? oneLine(d.after) : q(d.after)})` : ''}`;
    case 'removed':
      return `- ${d.kind} ${path}${d.before !== undefined && d.kind !== 'reference' ? ` (${d.kind === 'step' ? oneLine(d.before) : q(d.before)})` : ''}`;
    case 'moved':
      return `> ${d.kind} ${path} (${oneLine(movedHow(d))})`;
    case 'changed':
      return `~ ${d.kind} ${path}${d.field ? ` ${d.field}` : ''}: ${q(d.before)} → ${q(d.after)}`;
  }
}
