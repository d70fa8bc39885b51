/**
 * What each command's work after a read costs, as a multiple of the tree it read, for the reader's watch on the heap
 * (see `xml/heap-guard.ts`): an input whose tree, with this much more, would not fit in the heap the process has is
 * refused with `INPUT_TOO_LARGE`, not left to run the process out of memory (an abort, exit 134, that nothing catches).
 *
 * Measured as the least heap (`--max-old-space-size`) each command needs against the least its read needs, on a
 * 19 MB sequence, 2,000 Setup steps in 11 MB, and 500,000 empty elements in 2.5 MB: a render, a lint and a conversion
 * to JSON up to 2.2 × the tree more, a diff 1.9 × for each of its two; an inspection 0.4 ×, the preset and a
 * transform less. Each is taken with a margin, for shapes not measured.
 */
const WORK: Record<string, number> = { inspect: 1, kb977203: 1, transform: 1 };

/** The rest: render, lint, convert, diff. */
const HEAVY = 2.5;

/** What command `name`'s work after each read costs, as a multiple of the tree read. */
export function workAfterRead(name: string): number {
  return Object.hasOwn(WORK, name) ? (WORK[name] as number) : HEAVY;
}
