/**
 * A deep copy of plain data that gives what `JSON.parse(JSON.stringify(value))` gives, without its recursion.
 *
 * V8's `JSON.stringify` recurses on the native stack and throws `RangeError` a few thousand levels down, while the
 * reader accepts any nesting up to the caller's `maxDepth`. The copy is made with an explicit stack instead, so it
 * works at any depth the reader accepted. Like JSON it keeps own enumerable string keys in their order, drops the
 * hidden source link of nodes read from a file (a private field), omits `undefined` and functions in objects and
 * writes them as `null` in arrays, and writes a number that is not finite as `null`. The model holds only strings,
 * arrays and plain objects, so `toJSON` methods and dates are not expected. A value that contains itself (a node put
 * inside itself by hand), which JSON throws a TypeError for, is refused with a `TaskSequenceError` (see
 * `contains-itself.ts`).
 */
import type { ErrorCode } from '../errors.js';
import { checkpointBelow, containsItself } from './contains-itself.js';

type Holder = Record<string, unknown> | unknown[];

/** `value` as JSON leaf data, a fresh empty container to fill, or `undefined` where JSON writes nothing. */
function shallow(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return undefined;
  return Array.isArray(value) ? [] : {};
}

/**
 * A deep copy of JSON-like data, as a JSON round trip makes it, at any depth. Throws `code` (default
 * `INVALID_ARGUMENT`) for a value that contains itself.
 */
export function plainCopy<T>(value: T, code: ErrorCode = 'INVALID_ARGUMENT'): T {
  const root = shallow(value);
  // Filling each copy queues the containers found inside: side by side, the source, its copy, its depth and what the
  // containers in it are compared with (see contains-itself.ts).
  const froms: object[] = [];
  const intos: Holder[] = [];
  const depths: number[] = [];
  const checkpoints: object[] = [];
  if (typeof root === 'object' && root !== null) {
    froms.push(value as object);
    intos.push(root as Holder);
    depths.push(0);
    checkpoints.push(value as object);
  }
  for (let from = froms.pop(); from !== undefined; from = froms.pop()) {
    const into = intos.pop() as Holder;
    // The depth of the containers in it.
    const depth = (depths.pop() as number) + 1;
    const checkpoint = checkpoints.pop() as object;
    /** Queues a container found in `from` (and its copy) to be filled in turn; refuses one that contains itself. */
    const queue = (item: unknown, copy: unknown): void => {
      if (typeof copy !== 'object' || copy === null) return;
      if (item === checkpoint) containsItself(item, code);
      froms.push(item as object);
      intos.push(copy as Holder);
      depths.push(depth);
      checkpoints.push(checkpointBelow(item as object, depth, checkpoint));
    };
    if (Array.isArray(into)) {
      for (const item of from as unknown[]) {
        const copy = shallow(item);
        into.push(copy ?? null);
        queue(item, copy);
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
      queue(item, copy);
    }
  }
  return root as T;
}
