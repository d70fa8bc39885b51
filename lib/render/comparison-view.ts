/**
 * Changes made visible: the view of the new sequence with the semantic diff laid over it, added, moved and changed
 * items marked (changed settings with before and after), removed items put back where they were, struck through.
 */
import type { TaskSequenceDocument } from '../document.js';
import { type DiffEntry, formatDiffEntry } from '../diff/diff-entry.js';
import { variableNameOf } from '../diff/item-fields.js';
import { diffChecked, type DiffWithPlaces } from '../diff/semantic-diff.js';
import { catalogEntry, isCatalogSecretName } from '../catalog/catalog.js';
import { DO_NOT_SHOW_VALUE, isTrueFlag } from '../model/secrets.js';
import { STEP_TYPES } from '../model/steps.js';
import { HIDDEN, hidesSetValue, shownValue } from './key-settings.js';
import { buildSequenceView } from './build-sequence-view.js';
import { flattenItems, type ItemView, type SequenceView, type ViewOptions } from './view-model.js';

const ITEM_KINDS = new Set(['group', 'step', 'subtasksequence']);

function masked(field: string, value: string | undefined): string | undefined {
  const name = field.startsWith('variable ') ? variableNameOf(field) : undefined;
  return value === undefined || name === undefined ? value : shownValue(name, value);
}

/** The fields of a Set Task Sequence Variable step that carry its value: the action line holds it too. */
const SET_VALUE_FIELDS = ['command line', 'variable VariableValue'];

/** A variable of a Set Dynamic Variables `Rules` text: its start tag's attributes, its value and its end tag. */
const RULE_VARIABLE = /(<Variable\b([^>]*)>)([^<]*)(<\/Variable>)/g;

/** The two attributes of a rule variable's start tag that say whether its value is a secret. */
const RULE_ATTRIBUTE = { IsSecret: /\bIsSecret\s*=\s*(?:"([^"]*)"|'([^']*)')/, Name: /\bName\s*=\s*(?:"([^"]*)"|'([^']*)')/ } as const;

/** An attribute of a rule variable's start tag, as written (undefined when it has none). */
function ruleAttribute(attributes: string, name: keyof typeof RULE_ATTRIBUTE): string | undefined {
  const m = RULE_ATTRIBUTE[name].exec(attributes);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * A `Rules` text with the values its page does not show hidden: a variable marked secret (`IsSecret="true"`) or with
 * a password-like name. The rest of the text is kept as written, so what else changed still shows.
 */
function maskRules(text: string | undefined): string | undefined {
  return text?.replace(RULE_VARIABLE, (whole: string, start: string, attributes: string, value: string, end: string) => {
    const secret = isTrueFlag(ruleAttribute(attributes, 'IsSecret')) || shownValue(ruleAttribute(attributes, 'Name') ?? '', value) === HIDDEN;
    return secret && value.trim() !== '' ? `${start}${HIDDEN}${end}` : whole;
  });
}

/**
 * Hides the values of an item's changed fields that neither sequence's own page shows: settings the step catalog
 * types as secret (a BitLocker PIN; in a class the catalog does not know, a variable it types as secret in any class), and a Set Task Sequence Variable step's value when "Do not display this value"
 * is set or the variable is password-like, on either side (the old side is told by the fields that changed); in a
 * Set Dynamic Variables step's rules, the values of variables marked secret or password-like.
 */
function hideSecrets(item: ItemView): void {
  const fields = item.change?.fields;
  if (!fields?.length) return;
  const secret = new Set<string>();
  const rules = new Set<string>();
  const entry = catalogEntry(item.type);
  for (const v of entry?.variables ?? []) {
    if (v.valueType === 'secret') secret.add(`variable ${v.name}`).add(`variable ${v.property}`);
    else if (v.valueType === 'dynamicRules') rules.add(`variable ${v.name}`).add(`variable ${v.property}`);
  }
  const hiddenBefore = fields.some((f) => f.before !== undefined && ((f.field === `variable ${DO_NOT_SHOW_VALUE}` && isTrueFlag(f.before)) || (f.field === 'variable VariableName' && shownValue(f.before, 'x') === HIDDEN)));
  if (item.type === STEP_TYPES.setVariable && (hiddenBefore || hidesSetValue(item.settings))) for (const f of SET_VALUE_FIELDS) secret.add(f);
  const hide = (v: string | undefined) => (v === undefined || v.trim() === '' ? v : HIDDEN);
  for (const f of fields) {
    // A second variable of a secret name (`variable X #2`) is as secret as the first.
    const name = f.field.startsWith('variable ') ? variableNameOf(f.field) : undefined;
    const key = name === undefined ? f.field : `variable ${name}`;
    // A class the catalog does not know: a variable it types as secret in any class is as secret here, as on its page.
    if (!entry && name !== undefined && isCatalogSecretName(name)) secret.add(key);
    // Set Dynamic Variables rules: the page shows the names they set, never a secret value among them.
    const mask = secret.has(key) ? hide : rules.has(key) ? maskRules : undefined;
    if (mask === undefined) continue;
    const before = mask(f.before);
    const after = mask(f.after);
    delete f.before;
    delete f.after;
    if (before !== undefined) f.before = before;
    if (after !== undefined) f.after = after;
  }
}

/**
 * A copy of an old item and of the contents removed with it, marked removed, with ids that cannot clash with the new
 * view's. The diff lists each item removed, a removed group's contents too: a child it does not list was kept or
 * moved out of the group, and is shown where it is now, not also struck through here (with the same id twice).
 */
function asRemoved(item: ItemView, removed: ReadonlySet<ItemView>): ItemView {
  const copy = (i: ItemView): ItemView => ({ ...i, id: `r${i.id}`, findings: [], change: { mark: 'removed', fields: [] }, children: [] });
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
export function overlayChanges(view: SequenceView, old: SequenceView, entries: DiffEntry[], where?: Omit<DiffWithPlaces, 'entries'>): SequenceView {
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
      other.push(formatDiffEntry(d.kind === 'variable' && d.field === undefined ? { ...d, ...(d.before !== undefined ? { before: shownValue(variableNameOf(d.path) ?? d.path, d.before) } : {}), ...(d.after !== undefined ? { after: shownValue(variableNameOf(d.path) ?? d.path, d.after) } : {}) } : d));
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
      const before = masked(d.field ?? '', d.before);
      const after = masked(d.field ?? '', d.after);
      item.change.fields.push({ field: d.field ?? '', ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
    }
  });
  for (const item of items) hideSecrets(item);
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
  // Each view holds its sequence to the size a view shows; the old one, without lint, is built first, so an old
  // sequence too large is refused before the costlier view of the new one is made.
  const old = buildSequenceView(oldDoc, { lint: false, ...(options.maxItems !== undefined && { maxItems: options.maxItems }) });
  const view = buildSequenceView(newDoc, options);
  // Both documents were checked by their views.
  const { entries, ...where } = diffChecked(oldDoc, newDoc);
  return overlayChanges(view, old, entries, where);
}
