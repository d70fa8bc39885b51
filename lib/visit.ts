/**
 * Walking the tree. The visitor is called for every node, parents before children, with the chain of ancestors;
 * what it returns steers the walk.
 *
 * Editing during the walk: change the current node freely; insert siblings after it (they are visited next);
 * to remove the current node, return {@link REMOVE} (do not splice it yourself): an element, comment or processing
 * instruction goes with the white space before it, which indented it, as `removeItem` takes a step; return
 * {@link SKIP} after replacing a node's children to avoid walking into them; return {@link BREAK} to stop.
 */
import { checkpointDepth, containsItself, notANode } from './model/contains-itself.js';
import { describeValue, isChildNode } from './model/child-nodes.js';
import { noteTaken } from './model/item-edits.js';
import { checkDocument, checkNodeData } from './model/node-data.js';
import { TaskSequenceError } from './errors.js';
import type { Node, Parent, XmlDocument } from './model/types.js';
import type { TaskSequenceDocument } from './document.js';

/** Stop the whole walk. */
export const BREAK = Symbol('BREAK');
/** Do not walk into this node's children. */
export const SKIP = Symbol('SKIP');
/**
 * Remove this node from its parent and go on with its next sibling. An element, comment or processing instruction is
 * removed with the white space right before it (its indentation), so no blank line is left where it stood.
 */
export const REMOVE = Symbol('REMOVE');

/** What a visitor may return; `undefined` (or nothing) means go on. */
export type VisitResult = typeof BREAK | typeof SKIP | typeof REMOVE | void | undefined;

/** A visitor: the node, its ancestors (root first, direct parent last) and its index in the parent. */
export type Visitor = (node: Node, ancestors: readonly Parent[], index: number) => VisitResult;

/**
 * Throws `INVALID_ARGUMENT` when `root` holds a node inside itself, a child that is no node, or a node that holds
 * something other than the model says where a walk reads it (a tag, attribute value or value that is no string, see
 * `model/node-data.ts`), all put there by hand: for a walk of its own that reads the values, made before it starts,
 * which would otherwise throw a TypeError part-way or never end. One pass over the tree.
 */
export function checkTree(root: Parent | XmlDocument): void {
  // The root first (its tag, attributes, children), then every node under it.
  checkNodeData(root as Node, [], -1);
  visit(root, checkNodeData);
}

/**
 * Documents whose next {@link checkDocumentTree} is skipped, once: their caller read them and has handed them to no
 * one since, so they are as the reader built them, which builds nothing a check refuses. The command line marks each
 * input it reads right before its preset runs: the check was a walk of the whole tree, a quarter of the preset's work
 * on a 100 KB input (0.12 ms of 0.53) and 4 % of a batch's. Not exported from the library: a script's document may
 * have been edited by hand since it was read.
 */
const asRead = new WeakSet<TaskSequenceDocument>();

/**
 * Runs `f` with the first {@link checkDocumentTree} of `doc` skipped; `doc` must be as the reader built it (just read,
 * handed to no one). The mark goes with `f`'s end, whether or not that check was reached.
 */
export function asReadDuring<T>(doc: TaskSequenceDocument, f: () => T): T {
  asRead.add(doc);
  try {
    return f();
  } finally {
    asRead.delete(doc);
  }
}

/**
 * {@link checkTree} for the whole of a document: its XML and, in an object.xml, the sequence it holds. Anything but a
 * document (`null`, its sequence, a path) is refused with `INVALID_ARGUMENT` first, naming `fn`, what was called.
 */
export function checkDocumentTree(doc: TaskSequenceDocument, fn = 'The call'): void {
  if (asRead.delete(doc)) return;
  checkDocument(fn, doc);
  checkTree(doc.xml);
  if (doc.embedded) checkTree(doc.embedded.xml);
}

/**
 * Walks `root`'s descendants depth-first in document order. Returns false if the walk was stopped with BREAK. Throws
 * `INVALID_ARGUMENT` for a node that contains itself (put among its own descendants by hand): the walk would not end;
 * and for a child that is no node (`null`, a number, a string, an array).
 */
export function visit(root: Parent | XmlDocument, visitor: Visitor): boolean {
  // A plain-JavaScript caller's null (as root or visitor) threw a TypeError: refused, typed, before the walk.
  if (typeof root !== 'object' || root === null) throw new TaskSequenceError('INVALID_ARGUMENT', `visit takes a node to walk (doc.sequence, a group); it was given ${describeValue(root)}.`);
  if (typeof visitor !== 'function') throw new TaskSequenceError('INVALID_ARGUMENT', `visit takes a visitor function (node, ancestors, index) => SKIP, BREAK, REMOVE or nothing; it was given ${describeValue(visitor)}.`);
  // Iterative, so no depth the reader allows can overflow the call stack: `ancestors` and `indices` are the stack.
  if (!Array.isArray(root.children)) throw new TaskSequenceError('INVALID_ARGUMENT', `The ${typeof root.kind === 'string' ? `${root.kind} ` : ''}node walked has ${describeValue(root.children)} for its children, not an array (give [] for none).`);
  const ancestors: Parent[] = [root];
  const indices: number[] = [0];
  while (ancestors.length) {
    const parent = ancestors[ancestors.length - 1] as Parent;
    const i = indices[indices.length - 1] as number;
    if (i >= parent.children.length) {
      ancestors.pop();
      indices.pop();
      continue;
    }
    const node = parent.children[i] as Node;
    // A script can put anything among a parent's children: what is not a node is refused, typed, before any visitor
    // meets it (it threw a TypeError here, or in the visitor).
    if (!isChildNode(node)) notANode(parent, i, node);
    const result = visitor(node, ancestors, i);
    if (result === BREAK) return false;
    if (result === REMOVE) {
      // With its indentation: a line of white space left where the node stood was written as a blank line.
      const before = node.kind === 'text' || node.kind === 'cdata' ? undefined : parent.children[i - 1];
      const indented = before !== undefined && before.kind === 'text' && /^[ \t\r\n]*$/.test(before.value);
      parent.children.splice(indented ? i - 1 : i, indented ? 2 : 1);
      if (indented) indices[indices.length - 1] = i - 1;
      noteTaken(node);
      continue;
    }
    indices[indices.length - 1] = i + 1;
    if (result !== SKIP && 'children' in node) {
      if (!Array.isArray(node.children)) {
        throw new TaskSequenceError('INVALID_ARGUMENT', `A ${typeof node.kind === 'string' ? `${node.kind} ` : ''}node has ${describeValue(node.children)} for its children, not an array (give [] for none).`);
      }
      // Compared with one ancestor only (see contains-itself.ts): a node among its own descendants is found all the same.
      if (node === ancestors[checkpointDepth(ancestors.length)]) containsItself(node);
      ancestors.push(node);
      indices.push(0);
    }
  }
  return true;
}
