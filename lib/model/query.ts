/**
 * Listing a sequence's steps, groups and sub task sequences in execution order, with their paths, parents and
 * positions (find-items.ts finds them by what they are).
 */
import { TaskSequenceError } from '../errors.js';
import { describeValue } from './child-nodes.js';
import { checkpointDepth, containsItself } from './contains-itself.js';
import { locateByLinks, parentIn } from './parents.js';
import { childIndex } from './index-in.js';
import type { Element, Group, Node, Parent, Sequence, SequenceItem } from './types.js';

/** A step, group or sub task sequence together with where it sits. */
export interface Located<T extends SequenceItem = SequenceItem> {
  node: T;
  parent: Sequence | Group;
  /** Index in `parent.children` (which includes whitespace and comments). */
  index: number;
  /** Names from the top: `Group/Sub group/Step`; a `/` or `\` inside a name is escaped with `\`. */
  path: string;
  /** The groups from the top down to the parent. */
  groups: Group[];
}

/** Whether a node is a step, group or sub task sequence. */
export function isSequenceItem(node: Node): node is SequenceItem {
  // `?.`: a child that is no node (`null`, put among a parent's children by hand) is no item, not a TypeError.
  const kind = (node as Node | null | undefined)?.kind;
  return kind === 'step' || kind === 'group' || kind === 'subtasksequence';
}

/** Whether a node is an element (as opposed to text, comment, CDATA or a processing instruction). */
export function isElement(node: Node): node is Element {
  // A child that is no node (`null` or a number, put among a parent's children by hand) is no element.
  return typeof node === 'object' && node !== null && 'tag' in node;
}

/** The element children of a parent. */
export function elementChildren(parent: Parent): Element[] {
  return parent.children.filter(isElement);
}

/** The first element child with `tag`. */
export function childElement(parent: Parent, tag: string): Element | undefined {
  for (const c of parent.children) if (isElement(c) && c.tag === tag) return c;
  return undefined;
}

/**
 * The name of an item being listed, `''` when it has none. A plain-data tree can hold anything there: what is no
 * string is refused, typed, naming the item by where it stands (a path needs the name, and read as a string it threw
 * a TypeError).
 */
function itemName(node: SequenceItem, prefix: string, index: number): string {
  const attributes: unknown = node.attributes;
  if (typeof attributes !== 'object' || attributes === null) return notListable(node, prefix, index, `its attributes are ${describeValue(attributes)}, not an object of names and values`);
  const name: unknown = (attributes as { name?: unknown }).name;
  if (name === undefined) return '';
  if (typeof name !== 'string') notListable(node, prefix, index, `its name is ${describeValue(name)}, not a string`);
  return name;
}

function notListable(node: SequenceItem, prefix: string, index: number, why: string): never {
  const where = prefix === '' ? 'at the top of the sequence' : `in ${JSON.stringify(prefix.slice(0, -1))}`;
  throw new TaskSequenceError('INVALID_ARGUMENT', `The ${node.kind} at index ${index} ${where} cannot be listed: ${why}. Set it as the model says.`);
}

/**
 * The names a path is made of, each as the path writes it (its own `/` and `\` still escaped): every unescaped `/`
 * parts two. `G/a\/b` is `G` and `a\/b`; an item with no name is ''.
 */
export function pathNames(path: string): string[] {
  const names: string[] = [];
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '\\') i++;
    else if (path[i] === '/') {
      names.push(path.slice(start, i));
      start = i + 1;
    }
  }
  names.push(path.slice(start));
  return names;
}

/** A name as a path writes it: a `/` or `\` in it escaped with `\`. */
export function escapeName(name: string): string {
  // Nearly every name has nothing to escape: it is returned without a search and replace.
  if (name.indexOf('/') === -1 && name.indexOf('\\') === -1) return name;
  return name.replace(/[\\/]/g, (c) => `\\${c}`);
}

/**
 * What listing the items of a sequence may spend on what grows with their depth. Each item's `groups` lists every
 * group above it (an array per group that holds items, shared by those items), and each item's `path` names every
 * group above it (joined strings, which V8 keeps as a pair of the two, a rope, until the text is read: then a string
 * as long as the path). A chain of N groups one inside the other so holds about N²/2 of each once they are read, and
 * `lint`, `diff` and `render` read them: 20,000 nested groups made them run out of heap and abort the process. Past
 * these bounds the listing is refused with `INPUT_TOO_LARGE` before the memory is spent. They are far above any real
 * export (one of 64 MB has about 200,000 items and paths of under 100 characters), and they admit a chain of about
 * 8,000 groups. What is counted is what the arrays and paths hold when read; listing itself costs the number of items
 * at any depth (see {@link listItems}).
 */
export const LIST_LIMITS = {
  /** The most entries of all the `groups` arrays together (256 MiB of them). */
  groupEntries: 1 << 25,
  /** The most characters of all the items' paths together, what reading every path costs (256 MiB of text). */
  pathCharacters: 1 << 28,
};

/**
 * Items this many groups deep or less are listed as plain data, each group's array of the groups above made at once:
 * that costs at most this many entries per group, so it is linear in the size of the sequence. A deeper item's
 * `path` and `groups` are made on their first read, so listing a chain of groups costs the same per item at any depth.
 */
const EAGER_DEPTH = 128;

function tooDeepToList(what: string): never {
  throw new TaskSequenceError('INPUT_TOO_LARGE', `The steps and groups cannot be listed: ${what} (LIST_LIMITS), because the groups nest so deep or their names are so long. Flatten the groups, or shorten their names.`);
}

/** A group being listed: where its items are, their path's start, and the groups down to it once an item needs them. */
interface Listing {
  parent: Sequence | Group;
  /** The path of `parent` and a `/` ('' at the top), a rope: making it costs the same at any depth. */
  prefix: string;
  /** The groups from the top down to `parent` (made when an item needs them: a group with none needs none). */
  groups: Group[] | undefined;
  up: Listing | undefined;
  /** How many groups are above its items: the length of `groups`. */
  depth: number;
  /** Whether its `groups` are counted against the bound (with its first item, whether or not they are made then). */
  counted: boolean;
  next: number;
}

/** The groups from the top down to a listing's parent, made from the chain of listings (not a copy of another's). */
function groupsOf(listing: Listing): Group[] {
  if (listing.groups !== undefined) return listing.groups;
  const groups = new Array<Group>(listing.depth);
  let at = listing;
  for (let i = listing.depth - 1; i >= 0; i--, at = at.up as Listing) groups[i] = at.parent as Group;
  return (listing.groups = groups);
}

/** What a deep item makes its `path` and `groups` from, and them once made (or set). */
interface DeepState {
  listing: Listing;
  name: string;
  path?: string;
  groups?: Group[];
}

const STATE = Symbol('listed item');

const stateOf = (item: object): DeepState => (item as { [STATE]: DeepState })[STATE];

/**
 * The accessors of a deep item's `path` and `groups`: own and enumerable (a copy, a comparison or JSON sees them as
 * it sees values), each made on its first read and kept, and settable. One pair for every item, so that V8 gives the
 * items one shape (a getter made per item made each item cost four times as much).
 */
const DEEP_PATH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: object): string {
    const state = stateOf(this);
    return (state.path ??= state.listing.prefix + state.name);
  },
  set(this: object, value: string) {
    stateOf(this).path = value;
  },
};
const DEEP_GROUPS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: object): Group[] {
    const state = stateOf(this);
    return (state.groups ??= groupsOf(state.listing));
  },
  set(this: object, value: Group[]) {
    stateOf(this).groups = value;
  },
};

/** An item deeper than {@link EAGER_DEPTH}: its `path` and `groups` are made on their first read. */
function deepItem(node: SequenceItem, listing: Listing, index: number, name: string): Located {
  const item = { node, parent: listing.parent, index };
  Object.defineProperty(item, 'path', DEEP_PATH);
  Object.defineProperty(item, 'groups', DEEP_GROUPS);
  Object.defineProperty(item, STATE, { value: { listing, name } });
  return item as Located;
}

/**
 * Every step, group and sub task sequence in execution order (groups before their contents). Costs the number of
 * items at any depth: the `path` and `groups` of an item more than {@link EAGER_DEPTH} groups deep are made when first
 * read, from its group's (the lengths they will have are known, and counted against {@link LIST_LIMITS}, at once).
 * Throws `INVALID_ARGUMENT` for a group that contains itself (put among its own descendants by hand).
 */
export function listItems(sequence: Sequence): Located[] {
  const out: Located[] = [];
  let groupEntries = 0;
  let pathCharacters = 0;
  // Iterative (an explicit stack of the groups being listed): no depth the reader allows overflows the call stack.
  const open: Listing[] = [{ parent: sequence, prefix: '', groups: [], up: undefined, depth: 0, counted: true, next: 0 }];
  while (open.length) {
    const at = open[open.length - 1] as Listing;
    if (at.next >= at.parent.children.length) {
      open.pop();
      continue;
    }
    const index = at.next++;
    const node = at.parent.children[index] as Node;
    if (!isSequenceItem(node)) continue;
    const name = escapeName(itemName(node, at.prefix, index));
    if ((pathCharacters += at.prefix.length + name.length) > LIST_LIMITS.pathCharacters) tooDeepToList(`their paths would hold over ${LIST_LIMITS.pathCharacters} characters`);
    // One array of the groups above for each group that holds items, shared by them: counted with its first item.
    if (!at.counted) {
      at.counted = true;
      if ((groupEntries += at.depth) > LIST_LIMITS.groupEntries) tooDeepToList(`the lists of the groups above each would hold over ${LIST_LIMITS.groupEntries} entries`);
    }
    let path: string;
    if (at.depth <= EAGER_DEPTH) {
      path = at.prefix + name;
      out.push({ node, parent: at.parent, index, path, groups: groupsOf(at) });
    } else {
      out.push(deepItem(node, at, index, name));
      path = at.prefix + name;
    }
    if (node.kind !== 'group') continue;
    // A group among its own descendants (put there by hand) would be listed without end: `open` is the chain of its
    // ancestors, one compared with (see contains-itself.ts).
    if (node === (open[checkpointDepth(open.length)] as Listing).parent) containsItself(node);
    if (!Array.isArray(node.children)) notListable(node, at.prefix, index, `its children are ${describeValue(node.children)}, not an array (give [] for none)`);
    open.push({ parent: node, prefix: `${path}/`, groups: undefined, up: at, depth: at.depth + 1, counted: false, next: 0 });
  }
  return out;
}

/** Where a step or group sits, or undefined if it is not in the sequence. */
export function locate(sequence: Sequence, node: SequenceItem): Located | undefined {
  const found = locateByLinks(sequence, node);
  return found && { node, ...found };
}

/** The parent of any node under `root`, and the node's index in it. */
export function parentOf(root: Parent, node: Node): { parent: Parent; index: number } | undefined {
  return parentIn(root, node);
}

/**
 * The step or group after `item` in `parent`, skipping whitespace and comments. `at`, where the caller knows it (a
 * {@link Located}'s `index`), saves searching the parent for the item: it is used when the item is still there.
 */
export function nextItem(parent: Sequence | Group, item: SequenceItem, at?: number): SequenceItem | undefined {
  const i = nextItemIndex(parent, item, at);
  return i === -1 ? undefined : (parent.children[i] as SequenceItem);
}

/** The index in `parent.children` of {@link nextItem}'s answer, or -1 when there is none. */
export function nextItemIndex(parent: Sequence | Group, item: SequenceItem, at?: number): number {
  const kids = parent.children;
  // Without a right `at`, the item's noted place or a search (see childIndex: a walk over every item costs the parent once).
  for (let i = (at !== undefined && kids[at] === item ? at : childIndex(parent, item)) + 1; i < kids.length; i++) {
    if (isSequenceItem(kids[i] as Node)) return i;
  }
  return -1;
}
