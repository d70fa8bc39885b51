/**
 * A deep copy of plain data that gives what `JSON.parse(JSON.stringify(value))` gives, without its recursion.
 *
 * V8's `JSON.stringify` recurses on the native stack and throws `RangeError` a few thousand levels down, while the
 * reader accepts any nesting up to the caller's `maxDepth`. The copy is made with an explicit stack instead, so it
 * works at any depth the reader accepted. Like JSON it keeps own enumerable string keys in their order, drops the
 * hidden source link of nodes read from a file (a private field), omits `undefined` and functions in objects and
 * writes them as `null` in arrays, and writes a number that is not finite as `null`. The model holds only strings,
 * arrays and plain objects, so `toJSON` methods, dates and cycles (which JSON would throw on) are not expected.
 */

type Holder = Record<string, unknown> | unknown[];

/** `value` as JSON leaf data, a fresh empty container to fill, or `undefined` where JSON writes nothing. */
function shallow(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return undefined;
  return Array.isArray(value) ? [] : {};
}

/** A deep copy of JSON-like data, as a JSON round trip makes it, at any depth. */
export function plainCopy<T>(value: T): T {
  const root = shallow(value);
  // Each entry is a source container and its empty copy; filling the copy queues the containers found inside.
  const work: Array<[from: object, into: Holder]> = [];
  if (typeof root === 'object' && root !== null) work.push([value as object, root as Holder]);
  for (let entry = work.pop(); entry; entry = work.pop()) {
    const [from, into] = entry;
    if (Array.isArray(into)) {
      for (const item of from as unknown[]) {
        const copy = shallow(item);
        into.push(copy ?? null);
        if (typeof copy === 'object' && copy !== null) work.push([item as object, copy as Holder]);
      }
      continue;
    }
    for (const key of Object.keys(from)) {
      const item = (from as Record<string, unknown>)[key];
      const copy = shallow(item);
      if (copy === undefined) continue;
      // An attribute may be named `__proto__`: JSON.parse makes it an own property, and so must the copy.
      if (key === '__proto__') Object.defineProperty(into, key, { value: copy, enumerable: true, writable: true, configurable: true });
      else into[key] = copy;
      if (typeof copy === 'object' && copy !== null) work.push([item as object, copy as Holder]);
    }
  }
  return root as T;
}
