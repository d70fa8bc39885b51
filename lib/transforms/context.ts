/**
 * What transforms report: each change (what, where, before → after), what was already in place, and diagnostics.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue, IssueCode, Severity } from '../errors.js';
import { snapshot } from '../model/snapshot.js';

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
 * in order and recorded in the context. With `allOrNothing` (for a planner that walks the whole tree anyway, so an undo
 * point costs no more than its planning), the edits are made as {@link applyAllOrNothing} makes them.
 */
export function fromPlan(planner: (doc: TaskSequenceDocument) => Plan, allOrNothing = false): Transform {
  const t: Transform = (doc, ctx) => {
    const plan = planner(doc);
    if (allOrNothing && !undoHeld.has(ctx)) applyAllOrNothing(doc, plan.edits);
    else for (const e of plan.edits) e.apply();
    for (const e of plan.edits) ctx.change(e.change);
    for (const a of plan.already) ctx.already(a);
    for (const d of plan.diagnostics) ctx.diagnostics.push(d);
  };
  planned.add(t);
  return t;
}

/** Contexts of a run that holds an undo point of its own (`doc.apply` with several transforms): none is taken again. */
const undoHeld = new WeakSet<TransformContext>();

/** Marks `ctx` as the context of a run that puts the document back itself when a transform throws. */
export function holdsUndo(ctx: TransformContext): void {
  undoHeld.add(ctx);
}

/**
 * Makes a plan's edits in order, all or nothing: when one throws (what no plan foresees: an array or object frozen by
 * a script, a property that throws, a fault of cmts), the document is put back as it was before the first edit, every
 * node a script holds still in its place, and the error is thrown on. The undo point (a walk of the tree, about a
 * tenth of a read) is taken only when there are edits.
 */
export function applyAllOrNothing(doc: TaskSequenceDocument, edits: readonly Edit[]): void {
  if (edits.length === 0) return;
  const undo = snapshot(doc.embedded ? [doc.xml, doc.embedded.xml] : [doc.xml]);
  try {
    for (const e of edits) e.apply();
  } catch (e) {
    undo.restore();
    throw e;
  }
}

/** The transforms made by {@link fromPlan}. */
const planned = new WeakSet<Transform>();

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
}
