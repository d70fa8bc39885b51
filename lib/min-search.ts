/**
 * Searches of lists of numbers in logarithmic time: where a value falls in an ascending list (binary search), and the
 * first entry of any list under a limit, between two places (a tree of the minimums of the list's halves, quarters
 * and so on, built once in linear time). A scan from each of many places to the first such entry costs the square of
 * the list's length where such entries are rare.
 */

/** Where the first entry of an ascending list above `from` is in it (the list's length when none is). */
export function firstAbove(list: readonly number[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) > from) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where the first entry of an ascending list of integers at or above `value` is in it (the list's length when none is). */
export function firstAtOrAbove(list: readonly number[], value: number): number {
  return firstAbove(list, value - 1);
}

/** Answers "the first entry under a limit" of one list (see {@link minSearch}). */
export interface MinSearch {
  /** Where the first entry at or after `from` and before `to` that is under `limit` is, or `to` when none is. */
  firstBelow(from: number, to: number, limit: number): number;
}

/** Indexes `values` (not copied: changing it afterwards is not seen) for {@link MinSearch.firstBelow}. */
export function minSearch(values: readonly number[]): MinSearch {
  let size = 1;
  while (size < values.length) size *= 2;
  // Leaves at size…2·size−1, each inner node at i the minimum of 2i and 2i+1; Infinity pads past the list's end.
  const tree = new Float64Array(2 * size).fill(Infinity);
  values.forEach((v, i) => (tree[size + i] = v));
  for (let i = size - 1; i >= 1; i--) tree[i] = Math.min(tree[2 * i] as number, tree[2 * i + 1] as number);
  return {
    firstBelow(from, to, limit) {
      const start = Math.max(0, from);
      if (start >= to || start >= values.length) return to;
      let i = size + start;
      if ((tree[i] as number) >= limit) {
        // Up while nothing after the node's own range is under the limit within its parent: to the first right
        // sibling that has an entry under it, or past the root.
        for (;;) {
          if ((i & 1) === 0 && (tree[i + 1] as number) < limit) {
            i++;
            break;
          }
          i >>= 1;
          if (i <= 1) return to;
        }
        // Down to the leftmost leaf under the limit.
        while (i < size) i = (tree[2 * i] as number) < limit ? 2 * i : 2 * i + 1;
      }
      const found = i - size;
      return found < to ? found : to;
    },
  };
}
