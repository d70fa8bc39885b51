/**
 * Finding a node that contains itself. The model is plain data, so a script can put a node among its own descendants
 * (`group.children.push(group)`); a walk of such a tree never ends, and one that copies or lists what it walks runs
 * out of memory. Every walk refuses it with {@link containsItself}.
 *
 * The check costs one comparison per node and keeps nothing per node: a node is compared with one of its ancestors
 * only, the one at the greatest power of two below its depth (its checkpoint). A tree that holds a node again at
 * depth `d + L` below itself at depth `d` is found by the time the walk is `2 * max(d, L) + L` deep (at that depth
 * the checkpoint is the node itself), as Brent's cycle finding finds the loop of a list. A node is only ever compared
 * with its own ancestors, so a tree in which one node stands in two places (neither inside the other) is no cycle,
 * and is walked as before.
 *
 * A walk that keeps its chain of ancestors (`ancestors[0]` the root) compares a node entering at depth `n` with
 * `ancestors[`{@link checkpointDepth}`(n)]`. A walk that keeps no chain gives each entry of its stack the node its
 * children are compared with: the root for the root's, then {@link checkpointBelow} for each child's.
 */
import { type ErrorCode, TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { describeValue } from './child-nodes.js';

/** The depth of the ancestor a node entering at `depth` (the root is at 0) is compared with. */
export function checkpointDepth(depth: number): number {
  return depth <= 1 ? 0 : 1 << (31 - Math.clz32(depth - 1));
}

/**
 * What the children of `node`, at `depth`, are compared with, when `node` itself was compared with `checkpoint`:
 * the node, when its depth is a power of two, else its own checkpoint.
 */
export function checkpointBelow<T>(node: T, depth: number, checkpoint: T): T {
  return (depth & (depth - 1)) === 0 ? node : checkpoint;
}

/** How a message names what contains itself: an element by its tag, else by its kind. */
function named(node: unknown): string {
  if (Array.isArray(node)) return 'A list';
  const { tag, kind } = (typeof node === 'object' && node !== null ? node : {}) as { tag?: unknown; kind?: unknown };
  if (typeof tag === 'string') return `<${shownValue(tag, '')}>`;
  if (typeof kind === 'string') return `A ${shownValue(kind, '')} node`;
  return 'An object';
}

/** The name attribute of `node`, as a message shows it, when it has one. */
function nameOf(node: unknown): string | undefined {
  const attributes = typeof node === 'object' && node !== null ? (node as { attributes?: unknown }).attributes : undefined;
  const name = typeof attributes === 'object' && attributes !== null ? (attributes as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? shownValue(name, '"') : undefined;
}

/**
 * Throws for `node`, found among its own ancestors: `INVALID_ARGUMENT` unless `code` says otherwise (the XML writer's
 * `OUTPUT_MALFORMED`, the JSON model's `NOT_A_TASK_SEQUENCE`). `what` names the node when it cannot say what it is (a
 * condition operand).
 */
export function containsItself(node: unknown, code: ErrorCode = 'INVALID_ARGUMENT', what = named(node)): never {
  const name = nameOf(node);
  throw new TaskSequenceError(code, `${what} contains itself: ${name ?? 'it'} is one of its own descendants, so the tree has no end. Take out the node put inside itself.`);
}

/**
 * Throws `INVALID_ARGUMENT` for `value`, no node (see `child-nodes.ts`), at `index` of `parent`'s children: put there
 * by hand, which the plain-data model allows. `where` says whose children they are, when the parent alone does not
 * (inside an item being added); by default the parent is named.
 */
export function notANode(parent: unknown, index: number, value: unknown, where?: string): never {
  const name = nameOf(parent);
  const whose = where ?? `${named(parent)}${name ? ` ${name}` : ''}`;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${whose} has ${describeValue(value)} among its children (at index ${index}): a child is a node, an element or a text, comment, CDATA or instruction. Take it out.`);
}
