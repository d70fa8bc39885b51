/**
 * The longest increasing run of pairs, the core of patience matching: used by the text diff for its anchors and by
 * the semantic diff for the items that kept their order.
 */

/** The longest subsequence of `pairs` (sorted by their first) whose seconds increase: patience sorting, O(n log n). */
export function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const v = (pairs[k] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (((pairs[tails[mid] as number] as [number, number])[1]) < v) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = k;
  }
  const result: [number, number][] = [];
  for (let k = tails.length ? (tails[tails.length - 1] as number) : -1; k !== -1; k = prev[k] as number) result.push(pairs[k] as [number, number]);
  return result.reverse();
}
