/**
 * What parsing a JSON or YAML text costs the heap at most, estimated from a count of its characters before it is
 * parsed, for the heap guard (`xml/heap-guard.ts`): those parsers are other libraries' and cannot be watched as they
 * go. Each rate is the most measured, with a margin, as the least heap (`--max-old-space-size`, found by bisection)
 * the whole read needs, over shapes from real sequences to the costliest a text can take (docs/performance.md):
 * - YAML (`fromYaml`, `cmts build`): a place where an item, tag, anchor or alias can start costs 300–1,500 bytes by
 *   its character (`-`, `?` and `*` the most, a line end the least), a `]` or `}` 500 and a `"` 250 (each can be an
 *   error of the library's), and a character 8 more. A real text form is estimated at 1.3–1.5 × what it needs, every
 *   shape measured at 1.1–2.8 ×.
 * - JSON (`cmts convert --to xml`, options files): 700 bytes a key, counted for a key the schema's check refuses (an
 *   error object each: one object of 750,000 keys needed 478 MiB), 72 an object or array, 16 a comma and 2 a
 *   character. A real model needs far less than that estimate (a 59 MB model 183 MiB, estimated at 980 MiB): a valid
 *   model's keys make no errors, which the count cannot know before the check.
 */
import { countOf } from './xml/chars.js';

/** The characters at which a YAML item, tag, anchor or alias can start: line ends and `, - : ? [ { ! & *`. */
export const YAML_PLACE_CODES: readonly number[] = [0x0a, 0x2c, 0x2d, 0x3a, 0x3f, 0x5b, 0x7b, 0x21, 0x26, 0x2a];

/**
 * Characters that start no item but can cost the library as much: out of place, a `]` or `}` is a token and an error
 * each (500,000 `]` needed 182 MiB), and a `"` an error every two (1,000,000 on one line, 150 MiB). Counted for the
 * estimate, not for `maxNodes`.
 */
export const YAML_COSTLY_CODES: readonly number[] = [0x5d, 0x7d, 0x22];

/** What the `yaml` library's trees cost for each character that can start a place, or is costly (above), at most. */
const YAML_PLACE_COST: Readonly<Record<number, number>> = {
  0x0a: 300, // a line end (a comment or blank line's; a line the library makes an error of)
  0x2c: 1100, // , a flow item
  0x2d: 1500, // - a block item
  0x3a: 1250, // : a key's value
  0x3f: 1500, // ? a complex key
  0x5b: 400, // [
  0x7b: 400, // {
  0x21: 350, // ! a tag
  0x26: 500, // & an anchor
  0x2a: 1500, // * an alias
  0x5d: 500, // ] out of place
  0x7d: 500, // } out of place
  0x22: 250, // " out of place
};

/** What the `yaml` library's trees of a text cost at most, for `count(code)`, its count of each place's character. */
function yamlCostFrom(count: (code: number) => number, chars: number): number {
  let cost = 8 * chars;
  for (const code of [...YAML_PLACE_CODES, ...YAML_COSTLY_CODES]) cost += (YAML_PLACE_COST[code] as number) * count(code);
  return cost;
}

/** What the `yaml` library's trees of a text (or of its bytes, before they are decoded: the count errs upwards) cost. */
export function yamlCostOf(input: Uint8Array | string): number {
  return yamlCostFrom((code) => countOf(input, code), input.length);
}

/** {@link yamlCostOf} for a text whose places were counted by character as it was scanned (`counts[code]`). */
export function yamlCostOfCounts(counts: Int32Array, chars: number): number {
  return yamlCostFrom((code) => counts[code] ?? 0, chars);
}

/** What `JSON.parse` of a text (or its bytes), the check for keys said twice and the schema's check cost, at most. */
export function jsonCostOf(input: Uint8Array | string): number {
  const keys = countOf(input, 0x3a);
  const opens = countOf(input, 0x7b) + countOf(input, 0x5b);
  const commas = countOf(input, 0x2c);
  return 700 * keys + 72 * opens + 16 * commas + 2 * input.length;
}
