/**
 * Pairs items that share a key (twenty "Restart Computer" steps in one group) by how alike their contents are, in
 * their order, in time linear in their number: paired first with first, a step removed before them was told as every
 * one after it changed into the next.
 *
 * The rule: walking both lists in order, the first item of each that is left is looked at with the next
 * {@link WINDOW} of each; the order-keeping pairing of those two windows with the greatest total likeness (see
 * {@link likeness}) says whether the two first items are a pair, or which of them is left unpaired (removed, or
 * added), and the walk moves on by one. On a tie the two are paired, so items nothing tells apart are still paired in
 * order. Each step costs WINDOW² likenesses, so a key of N items costs O(N × WINDOW²); an item more than WINDOW places
 * from its match (many removed or added in one place) is paired with less to go on, as a bounded search must.
 */
import type { Located } from '../model/query.js';
import { COMMAND_LINE, fields, sameField } from './item-fields.js';

/** How many items of each list ahead of the walk the pairing looks at. */
const WINDOW = 8;

/** An item's content as a set of `field\0value` texts (its name left out: every item here shares it). */
function contentOf(l: Located): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of fields(l.node)) if (k !== 'attribute name' && !sameField(k, v, undefined)) out.add(`${k}\u0000${v}`);
  return out;
}

/**
 * How alike two contents are: the share of their fields that are the same in both (1 for the same content). Items
 * of one type with nothing else in common still share their type, so any pair is worth more than none.
 */
function likeness(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let same = 0;
  for (const f of small) if (large.has(f)) same++;
  const all = a.size + b.size - same;
  return all === 0 ? 1 : (same + 1) / (all + 1);
}

/** Calls `pair` for each item of `left` and the item of `right` it became, in order; the rest stay unpaired. */
export function pairSimilar(left: Located[], right: Located[], pair: (l: Located, r: Located) => void): void {
  if (left.length === 1 && right.length === 1) return pair(left[0] as Located, right[0] as Located);
  const contents = new Map<Located, Set<string>>();
  const content = (l: Located): Set<string> => {
    let c = contents.get(l);
    if (c === undefined) contents.set(l, (c = contentOf(l)));
    return c;
  };
  const best = new Float64Array((WINDOW + 1) * (WINDOW + 1));
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const n = Math.min(WINDOW, left.length - i);
    const m = Math.min(WINDOW, right.length - j);
    // best[x][y]: the greatest total likeness of an order-keeping pairing of left[i+x, i+n) with right[j+y, j+m).
    const at = (x: number, y: number) => x * (WINDOW + 1) + y;
    for (let x = n; x >= 0; x--) {
      for (let y = m; y >= 0; y--) {
        if (x === n || y === m) {
          best[at(x, y)] = 0;
          continue;
        }
        const both = likeness(content(left[i + x] as Located), content(right[j + y] as Located)) + (best[at(x + 1, y + 1)] as number);
        best[at(x, y)] = Math.max(both, best[at(x + 1, y)] as number, best[at(x, y + 1)] as number);
      }
    }
    // Paired when pairing them is as good as leaving either out; else the one whose leaving out is better is left.
    const here = likeness(content(left[i] as Located), content(right[j] as Located)) + (best[at(1, 1)] as number);
    const withoutLeft = best[at(1, 0)] as number;
    const withoutRight = best[at(0, 1)] as number;
    if (here < withoutLeft || here < withoutRight) {
      if (withoutLeft >= withoutRight) i++;
      else j++;
      continue;
    }
    pair(left[i++] as Located, right[j++] as Located);
  }
}

/** Whether a field's value says nothing: absent, empty, or what its absence means (`disable="false"`). */
const blank = (key: string, value: string | undefined) => value === undefined || value === '' || sameField(key, value, undefined);

/**
 * Whether two items of one kind and type, their names apart, are mostly the same: the same command line (a step that
 * runs another command is another step), and of their other fields (settings, condition, attributes) no more changed
 * than kept. A field empty or at its default on both sides counts for neither, so two steps that share only what
 * every step of their type has (`description=""`) are not alike; one renamed and disabled is.
 */
export function mostlyAlike(a: Located, b: Located): boolean {
  const fa = fields(a.node);
  const fb = fields(b.node);
  if (!sameField(COMMAND_LINE, fa.get(COMMAND_LINE), fb.get(COMMAND_LINE))) return false;
  // A variable is one setting with its attributes (`property`, which every step of the type has alike, or `hidden`):
  // whether each setting changed.
  const settings = new Map<string, boolean>();
  for (const k of new Set([...fa.keys(), ...fb.keys()])) {
    if (k === 'attribute name' || k === 'attribute type') continue;
    const [x, y] = [fa.get(k), fb.get(k)];
    if (blank(k, x) && blank(k, y)) continue;
    const setting = k.startsWith('variable ') ? k.replace(/ attribute [^ ]+$/, '') : k;
    settings.set(setting, settings.get(setting) === true || !sameField(k, x, y));
  }
  let changed = 0;
  for (const c of settings.values()) if (c) changed++;
  return settings.size - changed > 0 && settings.size - changed >= changed;
}
