/**
 * What a `<referenceList>` holds, kept between additions (see {@link KnownReferences}), so that adding N references one
 * by one costs N, not N times the list.
 */
import type { Node, Reference, ReferenceList } from './types.js';

/**
 * The package and application IDs a `<referenceList>` lists (upper case), with where each is, kept between additions
 * (by addStep, copyItemTo and addPackageReference). Built from the list each time, they made adding N steps that each
 * name a new package cost N times the list (16,000 Install Package steps: 59 s, against 1 s for 4,000; copying 10,000
 * items with their references, 39 s; 10,000 addPackageReference calls, 4 s). Kept, they are checked before they are
 * trusted: the list's
 * array and length must be as they were left, and an ID found must still be at its place; otherwise they are built
 * again. What is not seen is an edit behind cmts's back that keeps the length and changes a reference the step does
 * not name (one removed and another pushed): the step's own IDs are found where they are or the list is read again.
 */
export class KnownReferences {
  private children: Node[] = [];
  private length = -1;
  private readonly at = { package: new Map<string, Reference>(), application: new Map<string, Reference>() };
  private readonly index = new Map<Reference, number>();

  constructor(private readonly list: ReferenceList) {}

  /** Reads the list again when it is not as it was left. */
  fresh(): this {
    if (this.children === this.list.children && this.length === this.list.children.length) return this;
    this.at.package.clear();
    this.at.application.clear();
    this.index.clear();
    this.children = this.list.children;
    this.children.forEach((c, i) => {
      if (c.kind === 'reference') this.note(c, i);
    });
    this.length = this.children.length;
    return this;
  }

  /** Whether the list has a reference to `id` (case ignored). */
  has(kind: 'package' | 'application', id: string): boolean {
    const key = id.toUpperCase();
    const ref = this.at[kind].get(key);
    if (ref === undefined) return false;
    if (this.children[this.index.get(ref) as number] === ref && ref.attributes[kind]?.toUpperCase() === key) return true;
    // Moved or changed since: read the list again.
    this.length = -1;
    return this.fresh().at[kind].has(key);
  }

  /** The first reference of the list to `id` as a package or else as an application (case ignored), if any. */
  find(id: string): Reference | undefined {
    for (const kind of ['package', 'application'] as const) if (this.has(kind, id)) return this.at[kind].get(id.toUpperCase());
    return undefined;
  }

  /** Where `reference` is in the list (as the list was last read or added to). */
  indexOf(reference: Reference): number {
    return this.index.get(reference) ?? -1;
  }

  /** Notes `reference`, just appended to the list for `id`. */
  added(kind: 'package' | 'application', id: string, reference: Reference): void {
    this.length = this.children.length;
    this.note(reference, this.children.lastIndexOf(reference), kind, id);
  }

  private note(ref: Reference, i: number, kind?: 'package' | 'application', id?: string): void {
    this.index.set(ref, i);
    for (const k of kind ? [kind] : (['package', 'application'] as const)) {
      const value = id ?? ref.attributes[k];
      if (value !== undefined && !this.at[k].has(value.toUpperCase())) this.at[k].set(value.toUpperCase(), ref);
    }
  }
}
const knownByList = new WeakMap<ReferenceList, KnownReferences>();

/** The IDs `list` holds, read again only when it changed otherwise than by cmts's additions. */
export function knownReferences(list: ReferenceList): KnownReferences {
  let known = knownByList.get(list);
  if (!known) knownByList.set(list, (known = new KnownReferences(list)));
  return known.fresh();
}
