/**
 * Changes made visible: the view of the new sequence with the semantic diff laid over it, added, moved and changed
 * items marked (changed settings with before and after), removed items put back where they were, struck through.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type DiffEntry, formatDiffEntry } from '../diff/diff-entry.js';
import { diffChecked, type DiffWithPlaces } from '../diff/semantic-diff.js';
import { type ComparisonSecrets, comparisonSecrets, hiddenChange, type SecretFields, secretsByName, shownGlobal } from './secret-fields.js';
import { buildSequenceView } from './build-sequence-view.js';
import { conditionsInWords } from './condition-change.js';
import { checkRenderedDocument, checkViewOptions } from './render-arguments.js';
import { flattenItems, type ItemView, type SequenceView, type ViewOptions } from './view-model.js';

const ITEM_KINDS = new Set(['group', 'step', 'subtasksequence']);

/**
 * Hides, in place, the values of an item's changed fields that neither sequence's own page shows (`secrets`), a hidden
 * value that changed marked so after (see {@link hiddenChange}); Set Dynamic Variables rules in the page's words.
 */
function hideSecrets(item: ItemView, secrets: SecretFields): void {
  for (const f of item.change?.fields ?? []) {
    const whole = secrets.hidden.has(f.field);
    if (!whole && !secrets.rules.has(f.field)) continue;
    const { before, after } = hiddenChange(f.before, f.after, { whole, words: true });
    delete f.before;
    delete f.after;
    if (before !== undefined) f.before = before;
    if (after !== undefined) f.after = after;
  }
}

/**
 * A copy of an old item and of the contents removed with it, marked removed, with ids that cannot clash with the new
 * view's, and numbered `was 1.2`: its number is the old sequence's, which a new item may have now (a removed `1.2`
 * beside the new `1.2` read as two items in one place). The diff lists each item removed, a removed group's contents
 * too: a child it does not list was kept or moved out of the group, and is shown where it is now, not also struck
 * through here (with the same id twice).
 */
function asRemoved(item: ItemView, removed: ReadonlySet<ItemView>): ItemView {
  const copy = (i: ItemView): ItemView => ({ ...i, id: `r${i.id}`, number: `was ${i.number}`, findings: [], change: { mark: 'removed', fields: [] }, children: [] });
  const root = copy(item);
  // A stack of (old item, its copy) pairs rather than recursion: a removed group can nest as deep as maxDepth allows.
  const stack: [ItemView, ItemView][] = [[item, root]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [from, to] = top;
    for (const c of from.children) {
      if (!removed.has(c)) continue;
      const d = copy(c);
      to.children.push(d);
      stack.push([c, d]);
    }
  }
  return root;
}

/** Items by path, in order: paths repeat when names do. */
function byPathOf(items: ItemView[]): Map<string, ItemView[]> {
  const m = new Map<string, ItemView[]>();
  for (const i of items) {
    const list = m.get(i.path);
    if (list) list.push(i);
    else m.set(i.path, [i]);
  }
  return m;
}

/**
 * The first item of `list` that `fits`, looked for from where the last look in that list stopped (`cursors`): the
 * items passed over never fit again, as long as `fits` only turns false for an item (one placed stays placed), so
 * thousands of entries at one path read each of its items a bounded number of times, not once per entry.
 */
function firstFitting(list: ItemView[], fits: (item: ItemView) => boolean, cursors: Map<ItemView[], number>): ItemView | undefined {
  let k = cursors.get(list) ?? 0;
  while (k < list.length && !fits(list[k] as ItemView)) k++;
  cursors.set(list, k);
  return list[k];
}

/**
 * Lays the differences `entries` (from the old view's document to the new one's) over the new view, in place.
 * `where` (from {@link diffWithPlaces}) says which item each entry is about and which new item each old one became;
 * without it, an entry goes to the first item at its path that fits, which is a guess when names repeat, and a removed
 * item into the first group at its old parent's path.
 */
export function overlayChanges(view: SequenceView, old: SequenceView, entries: DiffEntry[], where?: Omit<DiffWithPlaces, 'entries'>, secrets?: ComparisonSecrets): SequenceView {
  const places = where?.places;
  const items = flattenItems(view.items);
  const oldItems = flattenItems(old.items);
  // Made only when an entry has no place (reading every item's path costs the square of the depth on a deep chain).
  let byPath: Map<string, ItemView[]> | undefined;
  let oldByPath: Map<string, ItemView[]> | undefined;
  const summary = { added: 0, removed: 0, moved: 0, changed: 0 };
  const other: string[] = [];
  const removed = new Set<ItemView>();
  // Where the look for each kind of item stopped in each list of same-path items (see firstFitting): what an added
  // entry takes (an item with no change yet), what a moved or changed one takes (one not added), what a removed one.
  const unmarked = new Map<ItemView[], number>();
  const notAdded = new Map<ItemView[], number>();
  const notRemoved = new Map<ItemView[], number>();
  const isUnmarked = (i: ItemView) => !i.change;
  const isNotAdded = (i: ItemView) => i.change?.mark !== 'added';
  const isNotRemoved = (i: ItemView) => !removed.has(i);
  entries.forEach((d, k) => {
    if (!ITEM_KINDS.has(d.kind)) {
      other.push(formatDiffEntry(shownGlobal(d, secrets, true)));
      return;
    }
    const place = places?.[k];
    if (d.change === 'removed') {
      // Without its place: the first same-path item not yet placed.
      const same = place !== undefined ? undefined : (oldByPath ??= byPathOf(oldItems)).get(d.path);
      const gone = place !== undefined ? oldItems[place] : same && firstFitting(same, isNotRemoved, notRemoved);
      if (gone) removed.add(gone);
      summary.removed++;
      return;
    }
    const candidates = place !== undefined ? [] : ((byPath ??= byPathOf(items)).get(d.path) ?? []);
    // With no item that fits, the first at the path (as a guess, like the rest of a look without places).
    const item = place !== undefined ? items[place] : ((d.change === 'added' ? firstFitting(candidates, isUnmarked, unmarked) : firstFitting(candidates, isNotAdded, notAdded)) ?? candidates[0]);
    if (!item) return;
    if (d.change === 'added') {
      item.change = { mark: 'added', fields: [] };
      summary.added++;
    } else if (d.change === 'moved') {
      // Between two groups of one path, the old path alone reads as no move: the old position says where from.
      const from = d.from !== undefined && d.fromPosition !== undefined ? `${d.from} (item ${d.fromPosition})` : d.from;
      item.change = { mark: 'moved', ...(from !== undefined ? { from } : {}), fields: item.change?.fields ?? [] };
      summary.moved++;
    } else {
      if (!item.change) {
        item.change = { mark: 'changed', fields: [] };
        summary.changed++;
      }
      item.change.fields.push({ field: d.field ?? '', ...(d.before !== undefined ? { before: d.before } : {}), ...(d.after !== undefined ? { after: d.after } : {}) });
    }
  });
  items.forEach((item, n) => hideSecrets(item, secrets?.items[n] ?? secretsByName(item)));
  const oldIndex = new Map(oldItems.map((item, n) => [item, n]));
  placeRemoved(view, old, removed, (parent) => {
    if (parent === undefined) return view.items;
    const at = where ? where.matched[oldIndex.get(parent) ?? -1] : undefined;
    return where ? (at === undefined ? undefined : items[at]?.children) : (byPath ??= byPathOf(items)).get(parent.path)?.[0]?.children;
  });
  view.changes = { summary, other };
  return view;
}

/**
 * Puts each removed item back, struck through, at its old place in the list it was removed from: `listOf` gives the
 * new view's list for an old group (undefined: it has none), or the top level for undefined.
 */
function placeRemoved(view: SequenceView, old: SequenceView, removed: Set<ItemView>, listOf: (parent: ItemView | undefined) => ItemView[] | undefined): void {
  // Each old item's place in its list and its group, with a stack instead of recursion.
  const oldPlace = new Map<ItemView, number>();
  const oldParent = new Map<ItemView, ItemView>();
  const lists: [ItemView[], ItemView | undefined][] = [[old.items, undefined]];
  for (let top = lists.pop(); top !== undefined; top = lists.pop()) {
    const [list, parent] = top;
    list.forEach((i, n) => {
      oldPlace.set(i, n);
      if (parent) oldParent.set(i, parent);
      lists.push([i.children, i]);
    });
  }
  // What goes into each list, in the old order: each list is then rebuilt once (a splice per removed item made
  // thousands of removals quadratic).
  const into = new Map<ItemView[], { at: number; item: ItemView }[]>();
  for (const gone of removed) {
    const parent = oldParent.get(gone);
    // A removed group brings its removed contents along.
    if (parent !== undefined && removed.has(parent)) continue;
    const target = listOf(parent);
    const at = target === undefined ? Number.MAX_SAFE_INTEGER : (oldPlace.get(gone) ?? Number.MAX_SAFE_INTEGER);
    const list = target ?? view.items;
    const pending = into.get(list);
    if (pending) pending.push({ at, item: asRemoved(gone, removed) });
    else into.set(list, [{ at, item: asRemoved(gone, removed) }]);
  }
  for (const [list, pending] of into) {
    // As inserting each at its old place in turn (never past the end): a stable sort keeps the old order on ties.
    pending.sort((x, y) => x.at - y.at);
    const kept = list.splice(0, list.length);
    let next = 0;
    for (const { at, item } of pending) {
      while (list.length < at && next < kept.length) list.push(kept[next++] as ItemView);
      list.push(item);
    }
    while (next < kept.length) list.push(kept[next++] as ItemView);
  }
}

/** The view of `newDoc` with its differences from `oldDoc` marked (see {@link overlayChanges}). */
export function buildComparisonView(oldDoc: TaskSequenceDocument, newDoc: TaskSequenceDocument, options: ViewOptions = {}): SequenceView {
  checkRenderedDocument(oldDoc, 'old');
  checkRenderedDocument(newDoc, 'new');
  checkViewOptions(options);
  // Each view holds its sequence to the size a view shows; the old one, without lint, is built first, so an old
  // sequence too large is refused before the costlier view of the new one is made.
  const old = buildSequenceView(oldDoc, { lint: false, ...(options.maxItems !== undefined && { maxItems: options.maxItems }) });
  const view = buildSequenceView(newDoc, options);
  // Both documents were checked by their views.
  const diff = diffChecked(oldDoc, newDoc);
  return overlayChanges(view, old, conditionsInWords(oldDoc, newDoc, diff), diff, comparisonSecrets(oldDoc, newDoc, diff.matched));
}
