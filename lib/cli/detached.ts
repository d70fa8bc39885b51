/**
 * Copies of report values that share no memory with the input they were read from, so a batch can keep every
 * file's report until its summary without keeping every file's text.
 */

/**
 * A deep copy of `value` (plain objects, arrays, strings) whose strings are fresh: V8 makes a substring a view
 * (a "sliced string") of its parent, so a step name cut from a 100 KB input keeps all 100 KB alive. `(' ' + s)`
 * builds a new string that `slice(1)` flattens into its own memory; the result no longer refers to the input.
 */
export function detached<T>(value: T): T {
  if (typeof value === 'string') return (' ' + value).slice(1) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => detached(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = detached(v);
    return out as T;
  }
  return value;
}
