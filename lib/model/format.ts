/**
 * Layout for inserted nodes: new elements take the indentation and newline style of their neighbours, so a one-line
 * file stays one line and a pretty-printed file stays pretty.
 */
import { checkpointDepth, containsItself } from './contains-itself.js';
import { noteInserted } from './item-edits.js';
import type { Node, Parent, ParentElement, Text } from './types.js';
import { sourceOf } from '../xml/origin.js';

/** Whether `node` is white space only (the indentation between elements). */
export function isBlank(node: Node | undefined): node is Text {
  // A script can put anything among a parent's children (`null`, by hand): that is no white space, not a TypeError.
  return typeof node === 'object' && node !== null && node.kind === 'text' && typeof node.value === 'string' && /^[ \t\r\n]*$/.test(node.value);
}

function hasChildren(node: Node | Parent): node is Extract<Node | Parent, { children: Node[] }> {
  return 'children' in node;
}

/** The layout found around an existing element: its own indentation, the newline in use, and one indent step. */
export interface Layout {
  newline: string;
  indent: string;
  unit: string;
}

/** The whitespace text right before `children[index]`, or undefined when there is none. */
export function whitespaceBefore(parent: Parent, index: number): Text | undefined {
  const prev = parent.children[index - 1];
  return isBlank(prev) ? prev : undefined;
}

/** The layout of the element at `children[index]` of `parent`; undefined when the document is on one line there. */
export function layoutAt(parent: Parent, index: number, unitHint: string): Layout | undefined {
  const ws = whitespaceBefore(parent, index)?.value;
  if (ws === undefined || !/[\r\n]/.test(ws)) return undefined;
  const nl = ws.includes('\r\n') ? '\r\n' : ws.includes('\r') ? '\r' : '\n';
  return { newline: nl, indent: ws.slice(ws.lastIndexOf('\n') + 1).replace(/^\r/, ''), unit: unitHint };
}

// Learnt once per root: a one-line document has nothing to learn from, and would otherwise be walked whole on every
// edit. (The unit of a tree does not change under cmts's own edits, which copy it.)
const units = new WeakMap<Parent, string>();

/**
 * One indentation step of the tree, learnt from the first element whose child elements sit deeper than it. Throws
 * `INVALID_ARGUMENT` for an element that contains itself, when the search meets one.
 */
export function detectIndentUnit(root: Parent): string {
  let unit = units.get(root);
  if (unit === undefined) {
    unit = learnIndentUnit(root);
    units.set(root, unit);
  }
  return unit;
}

/**
 * An element's own indentation as its end tag shows it: the white space on the last line before `</tag>`, when its
 * last child is white space over more than one line. What a root element (`<sequence>` ⏎ … ⏎ `</sequence>`) tells of
 * itself, whose start tag has no white space of its parent before it.
 */
function closingIndent(node: Parent): string | undefined {
  const last = node.children[node.children.length - 1];
  if (last?.kind !== 'text' || !isBlank(last)) return undefined;
  const nl = last.value.lastIndexOf('\n');
  return nl === -1 ? undefined : last.value.slice(nl + 1);
}

function learnIndentUnit(root: Parent): string {
  // Depth-first in document order with an explicit stack (no depth can overflow the call stack). The root's own
  // indentation is known for a whole document (column 0), and for an element from its end tag; an element's from the
  // white space before it, or its end tag.
  const stack: { node: Parent; indent: string | undefined; i: number }[] = [{ node: root, indent: root.kind === 'document' ? '' : closingIndent(root), i: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1] as { node: Parent; indent: string | undefined; i: number };
    if (frame.i >= frame.node.children.length) {
      stack.pop();
      continue;
    }
    const i = frame.i++;
    const child = frame.node.children[i] as Node;
    // Any element tells the step, one holding only text (`<action>`) too: a flat sequence of such steps has no other.
    // (A child that is no node, put there by hand, tells nothing: passed over, as the writer refuses it.)
    if (typeof child !== 'object' || child === null || !('tag' in child)) continue;
    const ws = whitespaceBefore(frame.node, i)?.value;
    const childIndent = ws !== undefined && ws.includes('\n') ? ws.slice(ws.lastIndexOf('\n') + 1) : undefined;
    if (frame.indent !== undefined && childIndent !== undefined && childIndent.startsWith(frame.indent) && childIndent.length > frame.indent.length) {
      return childIndent.slice(frame.indent.length);
    }
    if (!hasChildren(child)) continue;
    // `stack` is the chain of ancestors: an element among its own descendants (put there by hand) is refused, as the
    // search for its indentation would not end (see contains-itself.ts).
    if (child === (stack[checkpointDepth(stack.length)] as { node: Parent }).node) containsItself(child);
    stack.push({ node: child, indent: childIndent ?? closingIndent(child), i: 0 });
  }
  return '  ';
}

/**
 * The deepest indentation {@link layOut} writes, in steps: a line deeper than this is indented as far as a line this
 * deep. Indenting every line by its full depth made the text grow with the square of the depth (a sequence of 16,000
 * nested groups, 20 MB as JSON, became 513 MB of XML; 20,000 passed the longest string there can be); no real
 * sequence nests groups so deep.
 */
export const MAX_INDENT_STEPS = 64;

/**
 * Subtrees whose layout {@link dropLayout} took out, to be laid out afresh even though they were read from a text (a
 * copy from another document, an item moved to another depth): see `keepRead` in {@link layOut}.
 */
const dropped = new WeakSet<Node>();

/**
 * Adds whitespace text to a new subtree so it lays out like the document at `indent`; a subtree that already has
 * whitespace of its own (moved from elsewhere) is left alone. Indentation stops growing {@link MAX_INDENT_STEPS} steps
 * deeper than `indent`. With `keepRead` (what an edit puts in place: see insertLaidOut), an element read from the text
 * is left alone too, as it is written, also one written with no white space inside (`<step …><action>x</action></step>`
 * in an indented file): laid out, moving it away and back (or taking it out and putting it back) did not give back the
 * file, and the diff of a move showed its whole inside. Only what was made since, and a subtree whose layout
 * {@link dropLayout} took out, is laid out.
 */
export function layOut(root: Node, layout: Layout | undefined, keepRead = false): void {
  if (!layout) return;
  const deepest = layout.indent.length + MAX_INDENT_STEPS * layout.unit.length;
  // Each with whether it is laid out whatever it was read from (inside a subtree whose layout was dropped).
  const todo: [Node, string, boolean][] = [[root, layout.indent, !keepRead || dropped.has(root)]];
  while (todo.length) {
    const [node, indent, fresh] = todo.pop() as [Node, string, boolean];
    if (!hasChildren(node) || node.children.length === 0 || node.children.some((c) => c.kind === 'text')) continue;
    if (!fresh && sourceOf(node) !== undefined) continue;
    const inner = indent.length + layout.unit.length > deepest ? indent : indent + layout.unit;
    const kids: Node[] = [];
    for (const child of node.children) {
      kids.push({ kind: 'text', value: layout.newline + inner }, child);
      todo.push([child, inner, fresh || dropped.has(child)]);
    }
    kids.push({ kind: 'text', value: layout.newline + indent });
    node.children = kids;
  }
}

/**
 * Takes the white space between elements out of a subtree (in place, at any depth), so that {@link layOut} lays it
 * out afresh: for a copy from another document, whose indentation and newlines are that document's. Text of an
 * element without element children is content, not layout, and stays.
 */
export function dropLayout(root: Node): void {
  dropped.add(root);
  const todo: Node[] = [root];
  for (let node = todo.pop(); node; node = todo.pop()) {
    if (!hasChildren(node) || !node.children.some((c) => 'tag' in c)) continue;
    node.children = node.children.filter((c) => !isBlank(c));
    for (const c of node.children) todo.push(c);
  }
}

/** Inserts `nodes` right after `parent.children[index]`, each on its own line like that child when it has one. */
export function insertLaidOut(parent: Parent, index: number, nodes: Node[], unit: string): void {
  const ws = whitespaceBefore(parent, index);
  const layout = layoutAt(parent, index, unit);
  const added: Node[] = [];
  for (const n of nodes) {
    if (ws) added.push({ kind: 'text', value: ws.value });
    layOut(n, layout, true);
    added.push(n);
  }
  parent.children.splice(index + 1, 0, ...added);
  noteInserted(nodes);
}

/** Inserts `nodes` right before `parent.children[index]`, each on its own line like that child when it has one. */
export function insertLaidOutBefore(parent: Parent, index: number, nodes: Node[], unit: string): void {
  const ws = whitespaceBefore(parent, index);
  const layout = layoutAt(parent, index, unit);
  const added: Node[] = [];
  for (const n of nodes) {
    layOut(n, layout, true);
    added.push(n);
    if (ws) added.push({ kind: 'text', value: ws.value });
  }
  parent.children.splice(index, 0, ...added);
  noteInserted(nodes);
}

/**
 * Appends `node` as the last element child of `parent`, after its last element (before closing whitespace), laid
 * out like its siblings; for a parent with no element child, one level deeper than `parentLayout`.
 */
export function appendLaidOut(parent: ParentElement, node: Node, parentLayout: Layout | undefined, unit: string): void {
  noteInserted([node]);
  let last = -1;
  for (let i = parent.children.length - 1; i >= 0; i--) {
    if ((parent.children[i] as Node).kind !== 'text') {
      last = i;
      break;
    }
  }
  if (last !== -1) {
    insertLaidOut(parent, last, [node], unit);
    return;
  }
  if (!parentLayout || parent.children.some((c) => !isBlank(c))) {
    parent.children.push(node);
    return;
  }
  const inner = parentLayout.indent + parentLayout.unit;
  layOut(node, { ...parentLayout, indent: inner }, true);
  parent.children = [{ kind: 'text', value: parentLayout.newline + inner }, node, { kind: 'text', value: parentLayout.newline + parentLayout.indent }];
}
