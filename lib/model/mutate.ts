/**
 * Edits that transforms build on: insert steps after a step, remove one, set attributes, add references. Every edit
 * lays new nodes out like their neighbours and leaves the rest of the tree untouched, so the written file differs
 * only where the edit is. Each finds its place through parent links (`parents.ts`), so it costs the depth of the
 * tree, not its size.
 */
import { followReference } from '../containers/container-references.js';
import { TaskSequenceError } from '../errors.js';
import { checkAttributeName, checkElement, checkItem, checkItems, checkSequence, checkString } from './argument-checks.js';
import { detectIndentUnit, insertLaidOut, appendLaidOut, layoutAt, whitespaceBefore } from './format.js';
import { noteAttribute, noteTaken } from './item-edits.js';
import { setOwnAttribute } from './own-attribute.js';
import { describeValue, isChildNode } from './child-nodes.js';
import { listPackage } from './list-package.js';
import { linkAdded } from './parents.js';
import { locate, parentOf } from './query.js';
import { refusePlaced } from './refuse-placed.js';
import type { Element, Node, ParentElement, Reference, ReferenceList, Sequence, SequenceItem } from './types.js';

/**
 * Inserts `items` right after `ref` (same parent, in the given order). Throws `STEP_NOT_FOUND` if `ref` is not in
 * `sequence`, and `INVALID_ARGUMENT`, inserting none, if an item is in it already or given twice: move one with
 * `moveItem`, or insert a `copyItem` copy.
 *
 * Cost: finding `ref` costs the depth of the tree, and the insertion the splice of its parent's `children`, which
 * moves every child after it. A loop of single inserts into one parent of N children so costs N² (200,000 steps:
 * 80 s); for many edits use `editBatch`, which splices each parent once (3 s).
 */
export function insertAfter(sequence: Sequence, ref: SequenceItem, items: SequenceItem[]): void {
  checkSequence('insertAfter', sequence);
  checkItem('insertAfter', ref, 'reference');
  checkItems('insertAfter', items);
  const where = locate(sequence, ref);
  if (!where) throw new TaskSequenceError('STEP_NOT_FOUND', `The step ${JSON.stringify(ref.attributes.name ?? '')} is not in this sequence.`);
  refusePlaced(sequence, items);
  insertLaidOut(where.parent, where.index, items, detectIndentUnit(sequence));
  // In a linked tree the new items get parent links now, so the next edit after them finds them without re-linking.
  linkAdded(sequence, where.parent, items, where.index + 2);
}

/**
 * Removes a step or group (and the whitespace that indented it). Throws `STEP_NOT_FOUND` if it is not in `sequence`,
 * as {@link insertAfter} does for its reference (it returned false, which a caller could miss). Returns true.
 *
 * Cost: as {@link insertAfter}'s, the splice of the parent's `children`; removing many items of one parent is linear
 * with `editBatch`, quadratic one call at a time (removing 200,000 steps from the first: 36 s).
 */
export function removeItem(sequence: Sequence, item: SequenceItem): true {
  checkSequence('removeItem', sequence);
  checkItem('removeItem', item);
  const where = locate(sequence, item);
  if (!where) throw new TaskSequenceError('STEP_NOT_FOUND', `The ${item.kind === 'group' ? 'group' : 'step'} ${JSON.stringify(item.attributes.name ?? '')} is not in this sequence.`);
  const ws = whitespaceBefore(where.parent, where.index);
  where.parent.children.splice(ws ? where.index - 1 : where.index, ws ? 2 : 1);
  noteTaken(item);
  return true;
}

/**
 * Sets an attribute: an existing one keeps its place, a new one goes last. Throws `INVALID_ARGUMENT` for no element, a
 * name that is no XML name, or a value that is no string (the writer refused them only later, at a line of its output).
 */
export function setAttribute(element: Element, name: string, value: string): void {
  checkElement('setAttribute', element);
  checkAttributeName('setAttribute', name);
  checkString('setAttribute', value);
  noteAttribute(name);
  // An own property whatever the name: assigned, `__proto__` set the object's prototype and the attribute was lost.
  setOwnAttribute(element.attributes, name, value);
}

/** Removes an attribute; returns whether it was there. */
export function removeAttribute(element: Element, name: string): boolean {
  checkElement('removeAttribute', element);
  checkString('removeAttribute', name, 'the attribute name');
  // Own attributes only: `in` also finds what Object.prototype holds (`constructor`, `toString`).
  if (!Object.hasOwn(element.attributes, name)) return false;
  delete element.attributes[name];
  return true;
}

/** The sequence's `<referenceList>`, if it has one. */
export function referenceList(sequence: Sequence): ReferenceList | undefined {
  for (const c of sequence.children) if (c.kind === 'referenceList') return c;
  return undefined;
}

/** The package IDs in the `<referenceList>` (empty when there is none). */
export function referencedPackages(sequence: Sequence): string[] {
  const list = referenceList(sequence);
  if (!list) return [];
  return list.children.filter((c): c is Reference => c.kind === 'reference' && c.attributes.package !== undefined).map((r) => r.attributes.package as string);
}

/**
 * Adds `<reference package="…"/>` to the sequence's `<referenceList>`, laid out like the other references, and, in a
 * Current Branch object.xml, to its References array and `ReferencesCount`, so the two agree. Never creates a list
 * where there is none (ConfigMgr 2007 sequences have none). Returns `added`, `present` or `no-list`. The list's IDs
 * are kept between calls (`known-references.ts`): a reference whose package is changed in place behind cmts's back
 * (`ref.attributes.package = …`) while the list keeps its length is not seen as that package.
 */
export function addPackageReference(sequence: Sequence, packageId: string, program?: string): 'added' | 'present' | 'no-list' {
  checkSequence('addPackageReference', sequence);
  checkString('addPackageReference', packageId, 'the package ID');
  if (program !== undefined) checkString('addPackageReference', program, 'the program');
  const list = referenceList(sequence);
  if (!list) return 'no-list';
  if (!listPackage(sequence, list, packageId, program)) return 'present';
  followReference(sequence, 'package', packageId);
  return 'added';
}

/** Appends a node as the last element child of `parent` (an element under `sequence`), laid out like its siblings. */
export function appendChild(sequence: Sequence, parent: ParentElement, node: Node): void {
  checkSequence('appendChild', sequence);
  if (!isChildNode(parent) || !('children' in parent) || !Array.isArray(parent.children)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `appendChild takes a parent element (a group, a step, the sequence) as its second argument; it was given ${describeValue(parent)}.`);
  }
  if (!isChildNode(node)) throw new TaskSequenceError('INVALID_ARGUMENT', `appendChild takes a node to append as its third argument; it was given ${describeValue(node)}.`);
  const unit = detectIndentUnit(sequence);
  const where = parent === sequence ? undefined : parentOf(sequence, parent);
  appendLaidOut(parent, node, where ? layoutAt(where.parent, where.index, unit) : undefined, unit);
}
