/**
 * What transforms report: each change (what, where, before → after), what was already in place, and diagnostics.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue, IssueCode, Severity } from '../errors.js';
import type { EditScope } from '../xml/edited-spans.js';
import type { Node } from '../model/types.js';
import type { Located } from '../model/query.js';

/** One change a transform made. `where` is a step path, or `(package)` for container properties. */
export interface Change {
  what: string;
  where: string;
  before?: string;
  after?: string;
  /** A label the caller gave the change (a preset records its requirement numbers here), when it gave one. */
  requirement?: string;
}

/** Something a transform found already in place. */
export interface AlreadyInPlace {
  what: string;
  where: string;
  requirement?: string;
}

/** Collects what transforms did; pass one to several transforms to get one report. */
export class TransformContext {
  readonly changes: Change[] = [];
  readonly alreadyInPlace: AlreadyInPlace[] = [];
  readonly diagnostics: Issue[] = [];

  change(change: Change): void {
    this.changes.push(change);
  }

  already(note: AlreadyInPlace): void {
    this.alreadyInPlace.push(note);
  }

  report(code: IssueCode, severity: Severity, message: string, path?: string): void {
    this.diagnostics.push(path === undefined ? { code, severity, message } : { code, severity, message, path });
  }
}

/** A transform: edits a document in place and says what it did. */
export type Transform = (doc: TaskSequenceDocument, ctx: TransformContext) => void;

/** What a transform would do to a document: its edits (not yet made), what is already in place, and notes. */
export interface Plan {
  edits: Edit[];
  already: AlreadyInPlace[];
  diagnostics: Issue[];
}

/** An empty plan, to fill in. */
export function emptyPlan(): Plan {
  return { edits: [], already: [], diagnostics: [] };
}

/**
 * A transform from a planner: every refusal is thrown while planning, before the first edit; then the edits are made
 * in order and recorded in the context.
 */
export function fromPlan(planner: (doc: TaskSequenceDocument) => Plan): Transform {
  const t: Transform = (doc, ctx) => {
    const plan = planner(doc);
    applyEdits(doc, plan.edits);
    for (const e of plan.edits) ctx.change(e.change);
    for (const a of plan.already) ctx.already(a);
    for (const d of plan.diagnostics) ctx.diagnostics.push(d);
  };
  planned.set(t, planner);
  return t;
}

/** The transforms made by {@link fromPlan}, with their planners. */
const planned = new WeakMap<Transform, (doc: TaskSequenceDocument) => Plan>();

/**
 * The planner of a transform made by {@link fromPlan}: what it would do, found without an edit (so a check needs no
 * copy of the document); undefined for any other transform.
 */
export function plannerOf(t: Transform): ((doc: TaskSequenceDocument) => Plan) | undefined {
  return planned.get(t);
}

/**
 * Whether a transform refuses before its first edit ({@link fromPlan}'s do): run alone, it cannot leave a document
 * half edited, so it needs no undo point (a walk of the whole tree, which per edit made a script's loop of edits
 * quadratic).
 */
export function refusesBeforeEditing(t: Transform): boolean {
  return planned.has(t);
}

/**
 * A planned edit: what it will change, and the function that makes the change. Planning every edit before making any
 * lets a transform refuse before it has touched the document, and lets a check report changes without making them.
 */
export interface Edit {
  change: Change;
  apply(): void;
  /**
   * Where the edit may change the tree (see xml/edited-spans.ts), for a command's dry run to print only there;
   * without it, the whole document is compared with what was read, as for any write.
   */
  scope?: EditScope;
}

// Making a plan's edits in order, and, for a command that asks, collecting where they changed the tree: its dry run
// then prints only there (see xml/edited-spans.ts). Every edit must say where it changes the tree (`Edit.scope`) for
// the collection to count; one that does not makes it unknown, and the whole document is printed as for any write.

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
