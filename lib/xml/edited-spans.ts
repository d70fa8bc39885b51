/**
 * What the edits of a document since it was read may have changed, as offsets in the text it was read from: for a
 * writer that copies every other element of the source as it is, without looking into it (recast's "reprint only what
 * was touched"). The printer otherwise compares every node with the text it was read from, which is what makes a write
 * after a small edit cost as much as a write of the whole document; a caller that made every edit itself, on a tree
 * it had just read and handed to no one, can say where they were, and the printer then walks only there.
 *
 * Only a caller that knows every edit may say so: an edit it does not name is not written. The commands' dry runs use
 * it (their edits are the preset's, each of which names what it changes); a script's document never is.
 */
import type { XmlNode as Node, XmlDocument } from './types.js';
import { endOf, isSourcedElement, type Source, sourceOf, startOf } from './origin.js';

/** Where an edit may have changed a tree. Nodes not read from the document's text (new ones) need no naming. */
export interface EditScope {
  /** Nodes that may have changed anywhere: their own fields, their children, and everything below them. */
  readonly subtrees: readonly (Node | XmlDocument)[];
  /**
   * Elements whose list of children may have changed (nodes put in, taken out or moved, the white space between
   * them); the children read from the text, and everything below them, are as they were unless named themselves.
   */
  readonly lists: readonly (Node | XmlDocument)[];
}

/** The first index of the sorted `a` whose value is at least `x` (`a.length` when none is). */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The offsets of what a set of {@link EditScope}s names in one source text, for questions in O(log n). */
export class EditedSpans {
  /** The start of every node named, sorted. */
  private readonly points: number[] = [];
  /** The starts of the subtrees named, sorted, and the furthest end of any of them up to each. */
  private readonly subtreeStarts: number[] = [];
  private readonly reach: number[] = [];

  constructor(src: Source, scopes: readonly EditScope[]) {
    const subtrees: [number, number][] = [];
    for (const scope of scopes) {
      for (const n of scope.lists) if (sourceOf(n) === src) this.points.push(startOf(n));
      for (const n of scope.subtrees) {
        if (sourceOf(n) !== src) continue;
        this.points.push(startOf(n));
        subtrees.push([startOf(n), endOf(n)]);
      }
    }
    this.points.sort((a, b) => a - b);
    subtrees.sort((a, b) => a[0] - b[0]);
    let far = -1;
    for (const [start, end] of subtrees) {
      far = Math.max(far, end);
      this.subtreeStarts.push(start);
      this.reach.push(far);
    }
  }

  /**
   * Whether the element read at `[start, end)` is as it was read, all of it, as far as the edits named say: no node
   * named starts inside it, and it lies inside no subtree named.
   */
  untouched(start: number, end: number): boolean {
    const p = lowerBound(this.points, start);
    if (p < this.points.length && (this.points[p] as number) < end) return false;
    const s = lowerBound(this.subtreeStarts, start + 1) - 1;
    return s < 0 || (this.reach[s] as number) <= start;
  }
}

/**
 * What a printer needs to copy unedited elements whole: the {@link EditedSpans}, and `[start, end]` in the document's
 * own text of each open element, from the outermost, for as long as each lies inside the one before it (as it was
 * read). An element copied whole must lie inside all the elements open around it: then it is no deeper than it was
 * read, and so is everything in it, which the reader judged. One moved elsewhere is printed node by node, and its
 * depth judged.
 */
export class UneditedCopies {
  private readonly chain: number[] = [];

  constructor(
    private readonly own: Source,
    private readonly spans: EditedSpans,
  ) {}

  /** Whether the element of the document's own text about to be printed, inside `open` open elements, is copied whole. */
  copies(node: Node, open: number): boolean {
    const c = this.chain;
    const n = c.length;
    const start = startOf(node);
    const end = endOf(node);
    if (n !== 2 * open || (n > 0 && (start < (c[n - 2] as number) || end > (c[n - 1] as number)))) return false;
    return this.spans.untouched(start, end);
  }

  /** An element was opened (its children are printed next); `open` counts it. */
  enter(node: Node, open: number): void {
    const c = this.chain;
    if (c.length !== 2 * (open - 1) || !isSourcedElement(node) || sourceOf(node) !== this.own) return;
    const start = startOf(node);
    const end = endOf(node);
    if (c.length === 0 || (start >= (c[c.length - 2] as number) && end <= (c[c.length - 1] as number))) c.push(start, end);
  }

  /** The innermost open element is left; `open` still counts it. */
  leave(open: number): void {
    // It was in the chain when every element open, itself too, is.
    if (this.chain.length > 0 && this.chain.length === 2 * open) this.chain.length -= 2;
  }
}
