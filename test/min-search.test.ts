// The list searches the KB977203 preset's indexes are built on (lib/min-search.ts), held to plain scans of random
// lists: a wrong bound here would make the branch index pass over an item the branch check would judge.
import { describe, expect, it } from 'vitest';
import { firstAbove, firstAtOrAbove, minSearch } from '../lib/min-search.js';

/** A deterministic pseudo-random generator (the same lists on every run). */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('list searches', () => {
  it('firstAbove and firstAtOrAbove find what a scan of an ascending list finds, at its ends too', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const list: number[] = [];
      for (let v = Math.floor(next() * 5) - 2, n = Math.floor(next() * 12); list.length < n; v += Math.floor(next() * 3)) list.push(v);
      for (let value = -4; value <= 30; value++) {
        const above = list.findIndex((x) => x > value);
        const atOrAbove = list.findIndex((x) => x >= value);
        expect(firstAbove(list, value), `${JSON.stringify(list)} above ${value}`).toBe(above === -1 ? list.length : above);
        expect(firstAtOrAbove(list, value), `${JSON.stringify(list)} at or above ${value}`).toBe(atOrAbove === -1 ? list.length : atOrAbove);
      }
    }
  });

  it('minSearch finds the first entry under a limit between two places, as a scan does', () => {
    const next = random(11);
    for (let round = 0; round < 100; round++) {
      const values = Array.from({ length: Math.floor(next() * 20) }, () => Math.floor(next() * 10) - 1);
      const search = minSearch(values);
      for (let from = -1; from <= values.length + 1; from++) {
        for (let to = from; to <= values.length + 1; to++) {
          for (const limit of [-1, 0, 3, 9, Infinity]) {
            let expected = to;
            for (let i = Math.max(0, from); i < Math.min(to, values.length); i++) {
              if ((values[i] as number) < limit) {
                expected = i;
                break;
              }
            }
            expect(search.firstBelow(from, to, limit), `${JSON.stringify(values)} [${from}, ${to}) < ${limit}`).toBe(expected);
          }
        }
      }
    }
  });
});
