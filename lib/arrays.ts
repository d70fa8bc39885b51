/**
 * Adding a list to an array without spreading it into a call's arguments: `a.push(...b)`, `a.splice(i, 0, ...b)` and
 * `Math.min(...b)` put every element of `b` on the call stack, and past about 120,000 elements (a hunk of a diff, the
 * findings of a large sequence, its steps in the YAML form) V8 throws "Maximum call stack size exceeded". Any list
 * that grows with the input goes through these instead.
 */

/** Appends every element of `items` to `target`, in order; returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The smallest of `values`, or `Infinity` for none (as `Math.min()` gives). */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}
