/**
 * What the printer (`printer.ts`) has left to write, on its explicit stack: nodes, literal text, spans of the source to
 * copy, and markers told apart by identity, so its loop asks no node what properties it has. And the one look ahead
 * it makes on that stack: the white space after a node printed afresh, copied from what is written next.
 */
import type { XmlNode as Node } from './types.js';
import { type Source, sourceOf, startOf } from './origin.js';
import type { Out } from './print-out.js';
import { layoutStartBefore } from './unchanged.js';

/** On `todo` after an element's children: the innermost open element is no longer open. */
export const LEAVE = { leave: true } as const;

/** On `todo` above a span to copy: the source, the start and the end are under it. */
export const COPY = { copy: true } as const;

/** On `todo` in place of a child that is no node: its parent and its index are under it. */
export const BAD = { bad: true } as const;

/** What is left to write: a node, literal text, or a span of the source to copy (pushed as end, start, source, COPY). */
export type Work = Node | string | Source | number | typeof LEAVE | typeof COPY | typeof BAD;

/**
 * Copies white space written after a node printed afresh (a fresh element in the place of one read from the file)
 * from the source text before what is written next, when that is copied from the source and white space there says
 * `value`: so its line ends stay as written, also in a file that mixes them. False when it is not. `printer` says
 * whether a source's text may be copied into this output. (The printer itself, not a closure over it: a closure made
 * in the printer's per-node method gave that method a context to allocate on every call, and a round trip took 15 %
 * longer.)
 */
export function copyLayoutBefore(value: string, out: Out, todo: readonly Work[], printer: { copyable(src: Source | undefined): Source | undefined }): boolean {
  let i = todo.length - 1;
  while (todo[i] === LEAVE) i--;
  const next = todo[i];
  const src = next === COPY ? (todo[i - 1] as Source) : typeof next === 'object' && next !== null && next !== BAD ? printer.copyable(sourceOf(next as Node)) : undefined;
  if (!src) return false;
  const end = next === COPY ? (todo[i - 2] as number) : startOf(next as Node);
  const start = layoutStartBefore(src, end, value);
  if (start !== -1) out.copy(src, start, end);
  return start !== -1;
}
