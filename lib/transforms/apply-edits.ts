/**
 * Making a plan's edits in order, and, for a command that asks, collecting where they changed the tree: its dry run
 * then prints only there (see xml/edited-spans.ts). Every edit must say where it changes the tree (`Edit.scope`) for
 * the collection to count; one that does not makes it unknown, and the whole document is printed as for any write.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Node } from '../model/types.js';
import type { Located } from '../model/query.js';
import type { EditScope } from '../xml/edited-spans.js';
import type { Edit } from './context.js';

/** Documents whose edits are being collected: the scopes so far, or null once an edit did not say its scope. */
const collecting = new WeakMap<TaskSequenceDocument, EditScope[] | null>();

/** Makes `edits` on `doc` in order, noting where each changed the tree when {@link editScopesDuring} asks. */
export function applyEdits(doc: TaskSequenceDocument, edits: readonly Edit[]): void {
  for (const e of edits) {
    e.apply();
    const scopes = collecting.get(doc);
    if (scopes === undefined || scopes === null) continue;
    if (e.scope) scopes.push(e.scope);
    else collecting.set(doc, null);
  }
}

/**
 * Runs `f`, which may edit `doc` only through {@link applyEdits}, and gives where those edits changed the tree; `scopes`
 * is undefined when an edit did not say. Nested calls for one document are not supported (the inner one ends the
 * collection).
 */
export function editScopesDuring<T>(doc: TaskSequenceDocument, f: () => T): { result: T; scopes: EditScope[] | undefined } {
  collecting.set(doc, []);
  try {
    const result = f();
    return { result, scopes: collecting.get(doc) ?? undefined };
  } finally {
    collecting.delete(doc);
  }
}

/** The scope of an edit that changes `node` (anywhere in it), and, when given, the list of children of `parents`. */
export function inSubtrees(nodes: readonly Node[], parents: readonly Node[] = []): EditScope {
  return { subtrees: nodes, lists: parents };
}

/** The scope of an edit that puts items into, or takes them out of, the parent of each of `at`. */
export function childrenOf(...at: readonly Located[]): EditScope {
  return { subtrees: [], lists: at.map((l) => l.parent) };
}
