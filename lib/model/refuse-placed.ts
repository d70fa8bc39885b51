/**
 * The check that an item given to an addition (`addItem`, `insertAfter`, an edit batch's `insertAfter`) is not in the
 * sequence already. The same object in two places is one step shown twice: renaming one renames both, and a removal
 * takes out one of them. Such an item is moved with `moveItem`, or a copy of it (`copyItem`) is added.
 *
 * Additions run in loops of thousands (a preset run on a sequence of 2,000 Setup steps), so the check must not search
 * the tree. Only an item that may be there is looked up, through the parent links (the cost of its depth): one cmts
 * last put into a tree, or one read from the same text as the sequence and not taken out by cmts since. A new item
 * (made by a builder or `copyItem`) is neither, and costs nothing more. Each item is also walked once (its own size,
 * as laying it out costs) for a node put inside itself, which no sequence can hold.
 */
import { TaskSequenceError } from '../errors.js';
import { sourceOf } from '../xml/origin.js';
import { dropLayout } from './format.js';
import { placedByEdits } from './item-edits.js';
import { homeOf, noteHome } from './item-homes.js';
import { linkedParentOf, parentIn } from './parents.js';
import { locate } from './query.js';
import { itemNamed, type KidsOf, refuseWithin } from './refuse-within.js';
import type { Node, Parent, Sequence, SequenceItem, XmlDocument } from './types.js';
import { BREAK, visit } from '../visit.js';

/** Whether `item` may stand in `sequence`: false only when it cannot (it is then not looked up). */
export function mayBeIn(sequence: Sequence, item: SequenceItem): boolean {
  const placed = placedByEdits(item);
  if (placed !== undefined) return placed;
  const src = sourceOf(item);
  return (src !== undefined && src === sourceOf(sequence)) || linkedParentOf(item) !== undefined;
}

/**
 * The sequence an addition last let `item` into, or else the document it was read into, when that is not `sequence`'s
 * and cmts has not taken the item out of it since: the item may still stand there. A step or group read from one
 * document, or made by a builder and added to one, and added to another while still in the first would be one object
 * in two documents: an edit of either would change both.
 */
function homeElsewhere(sequence: Sequence, item: SequenceItem): Sequence | XmlDocument | undefined {
  const placed = placedByEdits(item);
  if (placed === false) return undefined;
  // Put into a tree by cmts: the sequence an addition last let it into (a builder's item has no source to say it).
  const home = placed === true ? homeOf(item) : undefined;
  if (home !== undefined) return home === sequence ? undefined : home;
  const src = sourceOf(item);
  // The document a source was read into holds model nodes: the reader's tree is the model's.
  return src !== undefined && src !== sourceOf(sequence) ? (src.home as XmlDocument | undefined) : undefined;
}

/** The refusal of an item that still stands in another document. */
function elsewhereError(item: SequenceItem, within?: SequenceItem): TaskSequenceError {
  const what = itemNamed(item, within);
  return new TaskSequenceError('INVALID_ARGUMENT', `${what} is still in another document (the one it was read from, or added to): an addition takes an item that is in no sequence yet, and one object in two documents would make an edit of either change both. Take it out of that document first (removeItem), or add a copy (copyItemTo, which lays it out as this document is).`);
}

/** The refusal of an item that is already in the sequence, or given twice. */
export function placedError(item: SequenceItem, twice: boolean, within?: SequenceItem): TaskSequenceError {
  const what = itemNamed(item, within);
  const where = twice ? 'is given twice' : 'is already in this sequence';
  return new TaskSequenceError('INVALID_ARGUMENT', `${what} ${where}: an addition takes an item that is in no sequence yet. Move an item with moveItem, or add a copy made with copyItem.`);
}

/** Refuses `item` (inside `within`, an item being added) when it is in `sequence` already or still in another document. */
function refuseOne(sequence: Sequence, item: SequenceItem, within?: SequenceItem): void {
  if (mayBeIn(sequence, item) && locate(sequence, item)) throw placedError(item, false, within);
  refuseElsewhere(sequence, item, within);
}

/**
 * Throws `INVALID_ARGUMENT` when an item of `items` is in `sequence` already or stands twice in `items` (also inside
 * another of them, or inside two of them: two new groups holding one step), naming `moveItem` and `copyItem`, still
 * stands in another document it was read from, contains itself, or holds a step or group that is in the sequence or
 * another document (see {@link refuseWithin}); an item read from another document and accepted has that document's
 * layout taken out, to be laid out as `sequence` is. Costs a walk of each item (as laying it out does), never of the
 * sequence, for a new item; and the depth of the tree for one that may be there (one read from another document and
 * taken out of it by hand, not with `removeItem`, costs a search of that document).
 */
export function refusePlaced(sequence: Sequence, items: readonly SequenceItem[]): void {
  const given = items.length > 1 ? new Set<SequenceItem>(items) : undefined;
  const seen = given && new Set<SequenceItem>();
  // The steps and groups inside the items walked so far: one inside two of them would stand twice.
  const held = given && new Set<SequenceItem>();
  const accepted: SequenceItem[] = [];
  for (const item of items) {
    if (seen) {
      if (seen.has(item)) throw placedError(item, true);
      seen.add(item);
    }
    refuseOne(sequence, item);
    const inner = itemsWithin(item, given);
    if (held) {
      for (const n of inner) if (held.has(n)) throw placedError(n, true, item);
      for (const n of inner) held.add(n);
    }
    const found = firstStanding(sequence, inner.filter((n) => mayBeIn(sequence, n)), (n) => locate(sequence, n) !== undefined);
    if (found) throw placedError(found, false, item);
    refuseElsewhereAll(sequence, inner, item);
    accepted.push(item, ...inner);
  }
  for (const item of items) takeForeignLayout(sequence, item);
  noteHome(sequence, accepted);
}

/**
 * The steps and groups inside `item`, each once, after {@link refuseWithin}'s checks; one of `given` (the items given
 * with it) among them is given twice. With `each`, each is given to it, with where it stands (its index in what
 * `kids` gave for that container; nothing is returned); `kids` is what each container holds (an edit batch's view of
 * the item: without what the batch removed from it, with what it put in).
 */
export function itemsWithin(
  item: SequenceItem,
  given?: ReadonlySet<SequenceItem>,
  each?: (node: SequenceItem, parent: { children: unknown[] }, index: number) => void,
  kids?: KidsOf,
): SequenceItem[] {
  const inner: SequenceItem[] = [];
  refuseWithin(
    item,
    (node, parent, index) => {
      if (given?.has(node)) throw placedError(node, true, item);
      if (each) each(node, parent, index);
      else inner.push(node);
    },
    kids,
  );
  return inner;
}

/**
 * The first of `nodes` that stands in the tree under `root`: one node by `isIn` (a lookup, the depth of the tree when
 * it is linked), several by one walk of the tree. Looked up one by one, the steps of a group read from the tree and
 * taken out of it by hand (each may be there: read from the same text, and not taken out by cmts) re-linked the whole
 * tree each, as their links are stale: 16,000 steps took 15 s.
 */
export function firstStanding(root: Parent | XmlDocument, nodes: readonly SequenceItem[], isIn: (node: SequenceItem) => boolean): SequenceItem | undefined {
  if (nodes.length === 0) return undefined;
  if (nodes.length === 1) return isIn(nodes[0] as SequenceItem) ? nodes[0] : undefined;
  const wanted = new Set<Node>(nodes);
  let found: SequenceItem | undefined;
  visit(root, (n) => {
    if (!wanted.has(n)) return undefined;
    found = n as SequenceItem;
    return BREAK;
  });
  return found;
}

/**
 * Throws `INVALID_ARGUMENT` when a node of `nodes` (inside `within`, an item being added) still stands in another
 * document it was read from; those of one document are looked for together (see {@link firstStanding}).
 */
export function refuseElsewhereAll(sequence: Sequence, nodes: readonly SequenceItem[], within: SequenceItem): void {
  let byHome: Map<Sequence | XmlDocument, SequenceItem[]> | undefined;
  for (const n of nodes) {
    const home = homeElsewhere(sequence, n);
    if (!home) continue;
    byHome ??= new Map();
    const list = byHome.get(home);
    if (list) list.push(n);
    else byHome.set(home, [n]);
  }
  if (!byHome) return;
  for (const [home, list] of byHome) {
    const found = firstStanding(home, list, (n) => parentIn(home, n) !== undefined);
    if (found) throw elsewhereError(found, within);
  }
}

/** Throws `INVALID_ARGUMENT` when `item` still stands in another document it was read from (see homeElsewhere). */
export function refuseElsewhere(sequence: Sequence, item: SequenceItem, within?: SequenceItem): void {
  const home = homeElsewhere(sequence, item);
  if (home && parentIn(home, item)) throw elsewhereError(item, within);
}

/**
 * An accepted item read from another document sheds that document's layout (its indentation, and CR LF or LF between
 * its elements), to be laid out as `sequence` is where it goes, as a copyItemTo copy is.
 */
export function takeForeignLayout(sequence: Sequence, item: SequenceItem): void {
  const src = sourceOf(item);
  if (src !== undefined && src !== sourceOf(sequence)) dropLayout(item);
}
