/**
 * Authoring a sequence's structure: new groups, and steps or groups added, moved and copied to any place (before or
 * after an item, first or last in a group, at an index), also between sequences. Every edit lays new nodes out like
 * their neighbours and leaves untouched parts of the file as they were.
 */
import { describeValue } from './child-nodes.js';
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { checkOptionFlags, checkItem, checkPosition, checkSequence } from './argument-checks.js';
import { setItemAttribute } from './attributes.js';
import { buildCondition, type ConditionOperand } from './condition-builder.js';
import { appendLaidOut, detectIndentUnit, dropLayout, insertLaidOut, isBlank, layOut, layoutAt, whitespaceBefore } from './format.js';
import { checkItemDescription, checkItemName } from './item-checks.js';
import { linkAdded } from './parents.js';
import { isSequenceItem, locate, parentOf } from './query.js';
import { refusePlaced } from './refuse-placed.js';
import type { Group, Node, Sequence, SequenceItem } from './types.js';
import { plainCopy } from './plain-copy.js';

/** Where an item goes: next to an item, first or last in a group (or the sequence), or at an item index in it. */
export type Position =
  | { before: SequenceItem }
  | { after: SequenceItem }
  | { first: Sequence | Group }
  | { last: Sequence | Group }
  | { parent: Sequence | Group; index: number };

/** Options for {@link createGroup}. */
export interface GroupOptions {
  name: string;
  /** Default ''. */
  description?: string;
  /** Default false (the `disable` attribute is left out). */
  disabled?: boolean;
  /** Default false (left out). */
  continueOnError?: boolean;
  /** Operands that must all hold for the group to run. */
  condition?: ConditionOperand[];
}

/** A new, empty `<group>` as the console writes it. */
export function createGroup(o: GroupOptions): Group {
  if (typeof o !== 'object' || o === null) throw new TaskSequenceError('INVALID_ARGUMENT', `createGroup needs { name, description?, disabled?, continueOnError?, condition? }, not ${describeValue(o)}.`);
  checkOptionFlags('createGroup', o, ['disabled', 'continueOnError']);
  checkItemName(o.name);
  checkItemDescription(o.description);
  const group: Group = { kind: 'group', tag: 'group', attributes: { name: o.name, description: o.description ?? '' }, children: [] };
  if (o.disabled) setItemAttribute(group, 'disable', 'true');
  if (o.continueOnError) setItemAttribute(group, 'continueOnError', 'true');
  if (o.condition && o.condition.length > 0) group.children.push(buildCondition(...o.condition));
  return group;
}

/** The index in `parent.children` of its last item (step, group or sub task sequence), or -1 when it has none. */
function lastItemAt(parent: Sequence | Group): number {
  const kids = parent.children;
  for (let i = kids.length - 1; i >= 0; i--) if (isSequenceItem(kids[i] as Node)) return i;
  return -1;
}

/**
 * Where item number `n` of `parent` stands in `parent.children` (`at`, -1 past the last), the last item before it, and
 * how many items there are up to it: the search stops there, so adding near the front of a long group costs little,
 * and adding last (`{ last }`) does not count at all.
 */
function itemSlot(parent: Sequence | Group, n: number): { at: number; before: number; count: number } {
  const kids = parent.children;
  let count = 0;
  let before = -1;
  for (let i = 0; i < kids.length; i++) {
    if (!isSequenceItem(kids[i] as Node)) continue;
    if (count === n) return { at: i, before, count };
    count++;
    before = i;
  }
  return { at: -1, before, count };
}

function parentIn(sequence: Sequence, node: Sequence | Group): Sequence | Group {
  // Another document's sequence was refused as "The group "" is not in this sequence", which sent a script looking
  // for a group with no name.
  if (node !== sequence && node.kind === 'sequence') {
    throw new TaskSequenceError('STEP_NOT_FOUND', 'The position names another sequence than the one the edit is made in (its first argument): to put a copy of an item into another document, use copyItemTo.');
  }
  if (node !== sequence && !locate(sequence, node as Group)) throw new TaskSequenceError('STEP_NOT_FOUND', `The group ${JSON.stringify(node.attributes.name ?? '')} is not in this sequence.`);
  return node;
}

/** Inserts `item` before `parent.children[index]` (an element), laid out like it. */
function insertBefore(sequence: Sequence, parent: Sequence | Group, index: number, item: SequenceItem): void {
  const unit = detectIndentUnit(sequence);
  insertLaidOut(parent, index, [item], unit);
  // Inserted after the element with its layout; the two swap places so the new item comes first. Searched for past
  // the element: the same object may already stand earlier (put there behind cmts's back: addItem refuses it).
  const placed = parent.children.indexOf(item, index + 1);
  parent.children[placed] = parent.children[index] as Node;
  parent.children[index] = item;
}

function appendLast(sequence: Sequence, parent: Sequence | Group, item: SequenceItem): void {
  const unit = detectIndentUnit(sequence);
  const where = parent === sequence ? undefined : parentOf(sequence, parent);
  let layout = where ? layoutAt(where.parent, where.index, unit) : undefined;
  // An empty parent written over two lines (`<sequence>` ⏎ `</sequence>`) shows its own indentation before its end tag.
  const only = parent.children.length === 1 ? parent.children[0] : undefined;
  if (!layout && only?.kind === 'text' && /^[ \t]*\r?\n[ \t]*$/.test(only.value)) {
    layout = { newline: only.value.includes('\r\n') ? '\r\n' : '\n', indent: only.value.slice(only.value.lastIndexOf('\n') + 1), unit };
  }
  appendLaidOut(parent, item, layout, unit);
}

/**
 * Adds a step or group at `position`. Throws `STEP_NOT_FOUND` when the reference item or group is not in `sequence`.
 * `item` must be in no sequence yet (a new one, or a {@link copyItem} copy): one already in `sequence` is refused with
 * `INVALID_ARGUMENT`, before any edit, and is moved with {@link moveItem}; so is an item that contains itself. The
 * check costs a new item a walk of itself, never of the tree (see `refuse-placed.ts`), so additions in a loop do not
 * search the tree.
 */
export function addItem(sequence: Sequence, item: SequenceItem, position: Position): void {
  checkSequence('addItem', sequence);
  checkItem('addItem', item);
  checkPosition('addItem', position);
  refusePlaced(sequence, [item]);
  place(sequence, item, position);
}

/** Puts `item`, which is in no parent, at `position`: {@link addItem} without its check, for a move. */
function place(sequence: Sequence, item: SequenceItem, position: Position): void {
  if ('before' in position || 'after' in position) {
    const ref = 'before' in position ? position.before : position.after;
    const where = locate(sequence, ref);
    if (!where) throw new TaskSequenceError('STEP_NOT_FOUND', `The step ${JSON.stringify(ref.attributes.name ?? '')} is not in this sequence.`);
    if ('after' in position) insertLaidOut(where.parent, where.index, [item], detectIndentUnit(sequence));
    else insertBefore(sequence, where.parent, where.index, item);
    // In a linked tree the item gets its parent link now, as insertAfter's items do: unlinked, the next addition next
    // to it (or into it, a group) re-linked the whole tree, so adding N steps each after the last cost N times the tree.
    linkAdded(sequence, where.parent, [item], 'after' in position ? where.index + 2 : where.index);
    return;
  }
  const parent = parentIn(sequence, 'first' in position ? position.first : 'last' in position ? position.last : position.parent);
  // Found from the end for `last`, and from the front only as far as the index for the others: building the list of
  // every item's place first made each addition to a group cost its size (10,000 added last: 12 s).
  const slot = 'last' in position ? { at: -1, before: lastItemAt(parent), count: 0 } : itemSlot(parent, 'first' in position ? 0 : position.index);
  if ('parent' in position && !Number.isInteger(position.index)) {
    // Said as given: '1' (a string) was shown as 1, and refused as "Index 1 is outside 0…2".
    const index: unknown = position.index;
    const given = typeof index === 'number' ? String(index) : typeof index === 'string' ? `a string (${shownValue(index, '"')})` : describeValue(index);
    throw new TaskSequenceError('INVALID_ARGUMENT', `The index must be a whole number from 0 to ${itemSlot(parent, -1).count}; it was given ${given}.`);
  }
  if ('parent' in position && (position.index < 0 || (slot.at === -1 && position.index > slot.count))) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `Index ${position.index} is outside 0…${itemSlot(parent, -1).count}.`);
  }
  if (slot.at !== -1) insertBefore(sequence, parent, slot.at, item);
  else if (slot.before !== -1) insertLaidOut(parent, slot.before, [item], detectIndentUnit(sequence));
  else appendLast(sequence, parent, item);
  linkAdded(sequence, parent, [item], slot.at !== -1 ? slot.at : slot.before !== -1 ? slot.before + 2 : parent.children.length - 2);
}

/**
 * Moves a step or group (with its contents) to `position` in the same sequence; next to itself, it stays where it is.
 * `{ parent, index }` within the item's own parent counts the parent's items as they are once it is taken out (the
 * first of `[a, b, c]` moved to index 2 is last; index 3 is refused). A move that throws leaves the sequence as it was.
 */
export function moveItem(sequence: Sequence, item: SequenceItem, position: Position): void {
  checkSequence('moveItem', sequence);
  checkItem('moveItem', item);
  checkPosition('moveItem', position);
  const where = locate(sequence, item);
  if (!where) throw new TaskSequenceError('STEP_NOT_FOUND', `The step ${JSON.stringify(item.attributes.name ?? '')} is not in this sequence.`);
  const ref = 'before' in position ? position.before : 'after' in position ? position.after : undefined;
  if (ref === item) return;
  const target = 'first' in position ? position.first : 'last' in position ? position.last : 'parent' in position ? position.parent : ref;
  if (item.kind === 'group' && target && (target === item || (target !== sequence && locate(item as unknown as Sequence, target as Group)))) {
    throw new TaskSequenceError('INVALID_ARGUMENT', 'A group cannot move into itself.');
  }
  // Taken out (with the white space that indents it) and put back if the position cannot be reached without it.
  const ws = whitespaceBefore(where.parent, where.index);
  const unit = detectIndentUnit(sequence);
  const before = layoutAt(where.parent, where.index, unit);
  const from = ws ? where.index - 1 : where.index;
  const taken = where.parent.children.splice(from, ws ? 2 : 1);
  try {
    place(sequence, item, position);
  } catch (e) {
    where.parent.children.splice(from, 0, ...taken);
    throw e;
  }
  // Moved to another depth, what it holds is indented for the new one (its own line already is, like its neighbours):
  // kept as it was, a group moved out of a group had its steps a level too deep, and its end tag a level too shallow.
  // One written with no white space inside has none to indent, and is kept as it is written (see layOut).
  if (!before || !item.children.some(isBlank)) return;
  const now = parentOf(sequence, item);
  const after = now && layoutAt(now.parent, now.index, unit);
  if (after && after.indent !== before.indent) {
    dropLayout(item);
    layOut(item, after);
  }
}

/** A deep copy of a step or group, with no link to the file it came from (it is printed anew where it goes). */
export function copyItem<T extends SequenceItem>(item: T): T {
  // Checked: whatever else it was given (null, the document, the sequence) it copied, for the addition to refuse later.
  checkItem('copyItem', item, 'argument');
  return plainCopy(item);
}
