/**
 * What a node must hold for a walk that reads it: strings where the model has strings (an element's tag and each of
 * its attribute values, a value element's value, a leaf's value, an instruction's target), an object of attributes,
 * an array of children. The model is plain data, so a script can put anything there (`attributes.name = 5`,
 * `value = null`); the walks that read values (`lint`, `render`, the KB977203 preset, `diff`, the text form) refuse
 * such a tree with `INVALID_ARGUMENT` before they start, naming the node by its XPath, where each threw a TypeError
 * part-way (`name.indexOf is not a function`). Writing it is the writer's `OUTPUT_MALFORMED`, as before.
 */
import { TaskSequenceError } from '../errors.js';
import { shownValue } from '../shown-value.js';
import { xpathOf } from '../xml/print-faults.js';
import { describeValue } from './child-nodes.js';
import type { Node, Parent } from './types.js';

const LEAF_KINDS = new Set(['text', 'comment', 'cdata', 'instruction']);

/**
 * Throws `INVALID_ARGUMENT` when `node` (at `index` of the last of `ancestors`, the root first) holds something other
 * than the model says where a walk reads it; see the module comment. A visitor for `visit`.
 */
export function checkNodeData(node: Node, ancestors: readonly Parent[], index: number): void {
  const n = node as unknown as { tag?: unknown; attributes?: unknown; value?: unknown; children?: unknown; kind?: unknown; target?: unknown };
  if ('tag' in n) {
    if (typeof n.tag !== 'string') refuse(node, ancestors, index, `its tag is ${describeValue(n.tag)}, not a string`);
    const attributes = n.attributes;
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      refuse(node, ancestors, index, `its attributes are ${describeValue(attributes)}, not an object of names and values (give {} for none)`);
    }
    // Every name a for…in meets, inherited ones too: the writer and the walks read them so.
    for (const name in attributes) {
      const value = (attributes as Record<string, unknown>)[name];
      if (typeof value !== 'string') refuse(node, ancestors, index, `its attribute ${shownValue(name, '"')} is ${describeValue(value)}, not a string (every attribute value is a string, as written)`);
    }
    if ('value' in n) {
      if (typeof n.value !== 'string') refuse(node, ancestors, index, `its value is ${describeValue(n.value)}, not a string`);
    } else if (!Array.isArray(n.children)) refuse(node, ancestors, index, `its children are ${describeValue(n.children)}, not an array (give [] for none)`);
    return;
  }
  // An object that says no kind is the writer's to refuse; one of an element's kind needs a tag, which the walks read.
  if (typeof n.kind !== 'string' || n.kind === 'document') return;
  if (!LEAF_KINDS.has(n.kind)) refuse(node, ancestors, index, `it is of the kind ${shownValue(n.kind, '"')} but has no tag`);
  if (typeof n.value !== 'string') refuse(node, ancestors, index, `its value is ${describeValue(n.value)}, not a string`);
  if (n.kind === 'instruction' && typeof n.target !== 'string') refuse(node, ancestors, index, `its target is ${describeValue(n.target)}, not a string`);
}

function refuse(node: Node, ancestors: readonly Parent[], index: number, why: string): never {
  // The root of the walk (no ancestors) is named by its tag; below it, as the writer names a node at fault.
  const root = (ancestors[0] ?? node) as { tag?: unknown };
  const top = typeof root.tag === 'string' ? `/${root.tag}` : '';
  const below = ancestors.length > 0 ? xpathOf((ancestors[0] as Parent).children, ancestors.slice(1), node, index) : '';
  const path = top + (below === '/' ? '' : below) || '/';
  const what = typeof (node as { tag?: unknown }).tag === 'string' ? `The element ${path}` : `The node ${path}`;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${what} cannot be read: ${why}. Set it as the model says, or take the node out.`, { path });
}

/**
 * Refuses anything but a task sequence document (what `readTaskSequence` returns): `null`, its sequence, a path. Looks
 * at the document's parts, not its tree (see `checkDocumentTree` for that).
 */
export function checkDocument(fn: string, doc: unknown): void {
  const d = doc as { xml?: unknown; sequence?: { kind?: unknown } } | null | undefined;
  if (typeof d === 'object' && d !== null && typeof d.xml === 'object' && d.xml !== null && typeof d.sequence === 'object' && d.sequence?.kind === 'sequence') return;
  throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes a task sequence document (what readTaskSequence returns); it was given ${describeValue(doc)}.`);
}
