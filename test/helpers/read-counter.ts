// Counting reads, to pin that a cost is linear without timing it: a test wraps the objects an operation may read and
// bounds how often it does.

/** How many counted reads have been made. */
export interface ReadCounter {
  reads: number;
}

/**
 * Makes `key` of each of `objects` an accessor over the value it holds, counting each read in `counter` (a new one
 * by default); its value and enumerability stay, so the model still sees plain data.
 */
export function countPropertyReads<T extends object>(objects: Iterable<T>, key: keyof T & string, counter: ReadCounter = { reads: 0 }): ReadCounter {
  for (const o of objects) {
    const value = o[key];
    Object.defineProperty(o, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        counter.reads++;
        return value;
      },
    });
  }
  return counter;
}

/** A proxy of `array` counting each read of an element (by index) in `counter`. */
export function countingArray<T>(array: T[], counter: ReadCounter): T[] {
  return new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
