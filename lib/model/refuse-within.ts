/**
 * The walk of an item about to be added: refuses an item that contains itself or holds one step or group in two
 * places, and hands each step or group inside it to a check of its own (see refuse-placed.ts, which refuses one
 * already in the sequence or still in another document). Costs the item's size, as laying it out does.
 */
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { isChildNode } from './child-nodes.js';
import { checkpointDepth, containsItself, notANode } from './contains-itself.js';
import { isSequenceItem } from './query.js';
import type { Node, SequenceItem } from './types.js';

/** How a refusal names an item, and the item being added that holds it, if it is not that item itself. */
export function itemNamed(item: SequenceItem, within?: SequenceItem): string {
  const named = (n: SequenceItem): string => `${n.kind === 'group' ? 'group' : 'step'} ${JSON.stringify(n.attributes.name ?? '')}`;
  return within === undefined ? `The ${named(item)}` : `The ${named(item)}, inside the ${named(within)} being added,`;
}

/** The refusal of an item that stands twice inside an item being added. */
function twiceWithinError(item: SequenceItem, within: SequenceItem): TaskSequenceError {
  const what = itemNamed(item, within);
  return new TaskSequenceError('INVALID_ARGUMENT', `${what} stands in it twice: one object in two places is one item shown twice (renaming one renames both, and a removal takes out one of them). Put a copy made with copyItem in the second place.`);
}

/** A container's children as a walk sees them (see {@link refuseWithin}). */
export type KidsOf = (container: { children: unknown[] }) => readonly unknown[];

/** Whether a value is a node with children (an array) to walk into. */
function hasChildren(value: unknown): value is { children: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { children?: unknown }).children);
}

/**
 * Walks what `item` holds, before it is added: throws `INVALID_ARGUMENT` when it contains itself (a node put among its
 * own descendants by hand, which the plain-data model allows), and lets `check` refuse each step or group inside it
 * as the item itself is refused (one already in the sequence, or still in another document). Added, an item that
 * contains itself would leave a sequence no walk ends and no writer prints, and one that holds a group of the
 * sequence would put that group in two places, or inside itself; either was refused only by the next walk or write,
 * the sequence already changed. A step or group that stands in two places of the item (neither inside the other) is
 * refused too: added, it would be one item shown twice, as one already in the sequence would be, and a tree of groups
 * each held twice by the one above has a number of paths that doubles with each level, which no walk, link or writer
 * gets through. Another node in several places (a condition given to two builders) is walked once. So the cost is
 * the item's size, as laying it out costs, and one comparison per node for loops (see contains-itself.ts).
 */
export function refuseWithin(
  item: SequenceItem,
  check: (node: SequenceItem, parent: { children: unknown[] }, index: number) => void,
  kids: KidsOf = (container) => container.children,
): void {
  // The chain of containers being walked (`ancestors[0]` the item), what each holds, and the index of the next child.
  const ancestors: { children: unknown[] }[] = [item];
  const lists: (readonly unknown[])[] = [kids(item)];
  const indices: number[] = [0];
  // Containers walked to their end: found again elsewhere in the item, they hold nothing new. (One inside a loop is
  // never finished: the loop is found first.)
  const done = new Set<object>();
  while (ancestors.length) {
    const parent = ancestors[ancestors.length - 1] as { children: unknown[] };
    const list = lists[lists.length - 1] as readonly unknown[];
    const i = indices[indices.length - 1] as number;
    if (i >= list.length) {
      done.add(parent);
      ancestors.pop();
      lists.pop();
      indices.pop();
      continue;
    }
    indices[indices.length - 1] = i + 1;
    const node = list[i];
    if (!hasChildren(node)) {
      // No node (`null`, a number, a string, an array, put there by hand): laying the item out read its `kind` and
      // threw a TypeError part-way through the edit. Named by the item being added, and the element that holds it.
      if (!isChildNode(node)) notANode(parent, i, node, parent === item ? itemNamed(item) : `${itemNamed(item)} holds a <${shownValue(String((parent as { tag?: unknown }).tag), '')}> that`);
      continue;
    }
    if (node === ancestors[checkpointDepth(ancestors.length)]) containsItself(node);
    const isItem = isSequenceItem(node as Node);
    if (done.has(node)) {
      if (isItem) throw twiceWithinError(node as SequenceItem, item);
      continue;
    }
    if (isItem) check(node as SequenceItem, parent, i);
    ancestors.push(node);
    lists.push(kids(node));
    indices.push(0);
  }
}
