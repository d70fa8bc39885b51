/**
 * How the view names an item's place as the walk meets it, at the same cost at any depth: its outline number (`2.3`),
 * shortened past {@link NUMBER_LEVELS} levels, and its path as a number, so that matching a lint finding to its item
 * never compares path strings.
 */
import { NUMBER_LEVELS } from './view-model.js';

/** An outline number as a page shows it: its level count, and its first and last levels up to half of {@link NUMBER_LEVELS} each. */
export interface Outline {
  levels: number;
  head: readonly number[];
  tail: readonly number[];
}

/** The outline of the `place`-th item in the group numbered `parent` (top level: undefined), from its parent's. */
export function outlineIn(parent: Outline | undefined, place: number): Outline {
  if (parent === undefined) return { levels: 1, head: [place], tail: [place] };
  const half = NUMBER_LEVELS / 2;
  return {
    levels: parent.levels + 1,
    head: parent.head.length < half ? [...parent.head, place] : parent.head,
    tail: parent.tail.length < half ? [...parent.tail, place] : [...parent.tail.slice(1), place],
  };
}

/** The number a page shows for an outline (see {@link ItemView.number}). */
export function shownNumber(o: Outline): string {
  if (o.levels <= NUMBER_LEVELS) return [...o.head, ...o.tail.slice(o.tail.length - (o.levels - o.head.length))].join('.');
  return `${o.head.join('.')}.(${o.levels - NUMBER_LEVELS} more).${o.tail.join('.')}`;
}

/**
 * Item paths as numbers, so that matching a finding to its item never reads a path: two items have one path when
 * their groups have one and their names are the same. The path of the top level is 0.
 */
export class PathIds {
  private readonly ids = new Map<string, number>();
  /** The id of the path of an item named `name` (escaped as in a path) in the group whose path is `parent`. */
  of(parent: number, name: string): number {
    const key = `${parent}/${name}`;
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size + 1));
    return id;
  }
  /** The id of a path given as text (`Group/Sub group/Step`, `\` escaping), or undefined when no item has it. */
  find(path: string): number | undefined {
    let id: number | undefined = 0;
    let from = 0;
    for (let i = 0; i <= path.length; i++) {
      if (path[i] === '\\' && i + 1 < path.length) i++;
      else if (i === path.length || path[i] === '/') {
        id = this.ids.get(`${id}/${path.slice(from, i)}`);
        if (id === undefined) return undefined;
        from = i + 1;
      }
    }
    return id;
  }
}

