/**
 * What transforms report: each change (what, where, before → after), what was already in place, and diagnostics.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue, IssueCode, Severity } from '../errors.js';
import type { EditScope } from '../xml/edited-spans.js';

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
    for (const e of plan.edits) {
      e.apply();
      ctx.change(e.change);
    }
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
