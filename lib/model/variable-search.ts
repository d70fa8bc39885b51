/**
 * How a step's variable is found in its `<defaultVarList>`: the lookup rule as a search of the list (the first
 * variable of the name, case ignored, else the first of the property), and the index that answers it without a search
 * in long lists, checked against the list so that an edit behind its back is seen. variables.ts reads and writes
 * variables through it; apart because the index, its checks and what they cannot see are a subject of their own.
 */
import type { Node, ParentElement, Variable, VariableList } from './types.js';

/**
 * A `<variable>` that holds markup besides its text (a comment, a processing instruction): the reader keeps it as an
 * element with children, not as a value, so that its bytes are kept; what it says is its text (textOf, in
 * variables.ts).
 */
export type MarkedUpVariable = ParentElement & { tag: 'variable' };

/** Whether a node is a `<variable>` with markup (see {@link MarkedUpVariable}). */
export const isMarkedUpVariable = (c: Node): c is MarkedUpVariable => c.kind !== 'variable' && 'tag' in c && c.tag === 'variable' && 'children' in c;

/** The rule itself, by a search of the list: the first variable of the name, else the first of the property. */
export function searchList(children: readonly Node[], name: string, property: string): Variable | MarkedUpVariable | undefined {
  let byProperty: Variable | MarkedUpVariable | undefined;
  for (const c of children) {
    if (c.kind !== 'variable' && !isMarkedUpVariable(c)) continue;
    const n = c.attributes.name;
    if (n !== undefined && sameIgnoringCase(n, name)) return c;
    if (byProperty === undefined && c.attributes.property === property) byProperty = c;
  }
  return byProperty;
}

/**
 * Lists of fewer children than this are searched on every lookup, as they always were. A longer list is indexed on
 * its second lookup, so that a loop that reads or sets each of a step's N variables costs N lookups, not N searches of
 * N (100,000 variables: minutes before). One lookup of a long list (rendering reads a setting or two of each step)
 * makes no index.
 */
export const INDEX_FROM = 64;

/** A variable the index holds, and the place in `children` it was at when the index was made. */
interface Entry {
  node: Variable | MarkedUpVariable;
  at: number;
}

/**
 * The first variable of each name (lower case) and of each property in a list, as {@link searchList} finds them, and
 * what the list was when they were found: its `children` array and that array's length.
 */
interface Index {
  children: Node[];
  length: number;
  byName: Map<string, Entry>;
  byProperty: Map<string, Entry>;
  find(name: string, property: string): Variable | MarkedUpVariable | undefined;
}

/**
 * The indexes, by list, and lists looked up once (`false`): not yet indexed. Held weakly, so the model stays plain
 * data (nothing to copy, serialise or keep in sync by hand) and an index goes with its list.
 */
export const indexes = new WeakMap<VariableList, Index | false>();

/**
 * The list's index, checked against the list: none on a first lookup (the caller searches), a new one when the list
 * was edited behind it. An edit that gives `children` another array or another length (push, splice, filter, a
 * variable removed or added by hand) is seen here, and the index is made again (its cost is paid by the lookups since
 * the last edit, or by the edit itself). An answer is checked again in {@link Index.find}: the variable the index
 * names for the key must still be at its place and still have the name (or property) it was found by, so renaming
 * or replacing that variable is seen too, and the search answers.
 *
 * What is not seen: an edit in place, keeping the array and its length, of a variable the index does not name for
 * the key looked up. Three shapes, in a list of {@link INDEX_FROM} variables or more that has been looked up twice:
 * another variable renamed to the key (`v.attributes.name = 'X'`, or its `attributes` replaced), which a lookup of
 * `X` misses, or, when a later variable is already named `X`, answers with that one rather than the first; a node
 * put in the place of another (`children[i] = v`), which a lookup of `v`'s name misses; and the same for `property`.
 * The next edit that changes the list's length, or any edit through cmts (`setVariable`, `addVariable`), is seen.
 * Not closed, because no check that costs less than the search can see it: the renamed variable is one the index
 * does not point at, so finding it means reading every variable's name, which is the search itself. Checking only
 * the lookups the index answers with nothing (the misses) would not do either: `setVariable` misses once for each
 * variable it adds, and adding N variables one by one would again cost N searches of N.
 */
export function currentIndex(list: VariableList): Index | undefined {
  const known = indexes.get(list);
  if (known === undefined) {
    indexes.set(list, false);
    return undefined;
  }
  if (known !== false && known.children === list.children && known.length === list.children.length) return known;
  const index = makeIndex(list);
  indexes.set(list, index);
  return index;
}

function makeIndex(list: VariableList): Index {
  const children = list.children;
  const byName = new Map<string, Entry>();
  const byProperty = new Map<string, Entry>();
  const index: Index = {
    children,
    length: children.length,
    byName,
    byProperty,
    find(name, property) {
      const named = byName.get(name.toLowerCase());
      const entry = named ?? byProperty.get(property);
      if (entry === undefined) return undefined;
      const node = entry.node;
      // Still there, still so named: else the list changed without its length changing (a variable replaced or
      // renamed in place), and the search answers.
      const fits = named !== undefined ? node.attributes.name !== undefined && sameIgnoringCase(node.attributes.name, name) : node.attributes.property === property;
      if (children[entry.at] === node && fits) return node;
      indexes.delete(list);
      return searchList(children, name, property);
    },
  };
  children.forEach((c, at) => {
    if (c.kind === 'variable' || isMarkedUpVariable(c)) noteVariable(index, c, at);
  });
  return index;
}

/** Notes a variable in an index, unless it has one of the name or property already (the first wins, as in a search). */
export function noteVariable(index: Index, node: Variable | MarkedUpVariable, at: number): void {
  const name = node.attributes.name;
  if (name !== undefined && !index.byName.has(name.toLowerCase())) index.byName.set(name.toLowerCase(), { node, at });
  const property = node.attributes.property;
  if (property !== undefined && !index.byProperty.has(property)) index.byProperty.set(property, { node, at });
}

/** Whether `s` has a character outside ASCII (a loop: a regular expression per name compared cost more than it). */
function nonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * Whether `a.toLowerCase() === b.toLowerCase()`, without making either copy where the names are ASCII (nearly all:
 * the preset looks a few up in every step of every input). Anything else is compared as `toLowerCase` says, which can
 * change a length (`İ`) or make ASCII of what was not (`K`, the Kelvin sign).
 */
function sameIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return (nonAscii(a) || nonAscii(b)) && a.toLowerCase() === b.toLowerCase();
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x > 0x7f || y > 0x7f) return a.toLowerCase() === b.toLowerCase();
    if (x >= 0x41 && x <= 0x5a) x |= 0x20;
    if (y >= 0x41 && y <= 0x5a) y |= 0x20;
    if (x !== y) return false;
  }
  return true;
}
