/**
 * How a document runs transforms: all or nothing (an undo point, or none for one of cmts's own transforms that refuses
 * before its first edit), and how it checks them without changing itself (the transform's plan, or a run on a clone).
 * The bodies of {@link TaskSequenceDocument.apply} and {@link TaskSequenceDocument.check}.
 */
import { appendAll } from './arrays.js';
import { type Issue, TaskSequenceError } from './errors.js';
import { describeValue } from './model/child-nodes.js';
import { snapshot } from './model/snapshot.js';
import { type AlreadyInPlace, type Change, plannerOf, refusesBeforeEditing, type Transform, TransformContext } from './transforms/context.js';

// The document as transforms take it: named through Transform, so this file need not import document.ts (which imports it).
type Doc = Parameters<Transform>[0];

/** What {@link TaskSequenceDocument.apply} runs: a transform function, or an object with an `apply` method. */
export type Applicable = Transform | { apply: Transform };

/**
 * Refuses (`INVALID_ARGUMENT`, before any edit) what is neither a transform function nor an object with an `apply`
 * function: a script's `doc.apply(null)`, or a transform's name, threw a TypeError.
 */
function checkApplicable(fn: string, transforms: readonly unknown[]): void {
  transforms.forEach((t, i) => {
    if (typeof t === 'function' || (typeof t === 'object' && t !== null && typeof (t as { apply?: unknown }).apply === 'function')) return;
    const hint = typeof t === 'string' ? ' Make one with createTransform(name, options).' : '';
    throw new TaskSequenceError('INVALID_ARGUMENT', `${fn} takes transforms (functions, or objects with an apply function); transform ${i + 1} is ${describeValue(t)}.${hint}`);
  });
}

/** What transforms did (or, from {@link TaskSequenceDocument.check}, would do) to a document. */
export interface ApplyReport {
  /** Whether anything changed; false when everything was already in place. */
  changed: boolean;
  /** Each change: what, where (a step path or `(package)`), before and after. */
  changes: Change[];
  /** What was found already in place. */
  alreadyInPlace: AlreadyInPlace[];
  /** Warnings and notes of the transforms. */
  issues: Issue[];
}

/** What {@link TaskSequenceDocument.apply} does: runs the transforms in order, all or nothing, and reports what they changed. */
export function applyTransforms(doc: Doc, transforms: Applicable[]): ApplyReport {
  checkApplicable('apply', transforms);
  // An undo point rather than a first run on a copy: no text is printed or parsed, each transform runs once, and
  // the nodes a script holds stay the document's.
  // One of cmts's own transforms alone refuses before its first edit: nothing to undo, and no walk of the tree.
  const only = transforms.length === 1 ? (transforms[0] as Applicable) : undefined;
  if (only !== undefined && refusesBeforeEditing(typeof only === 'function' ? (only as Transform) : only.apply)) return run(doc, transforms);
  const undo = snapshot(doc.embedded ? [doc.xml, doc.embedded.xml] : [doc.xml]);
  const issues = doc.issues.slice();
  try {
    return run(doc, transforms);
  } catch (e) {
    undo.restore();
    doc.issues.length = 0;
    appendAll(doc.issues, issues);
    throw e;
  }
}

/** What {@link TaskSequenceDocument.check} does: what applying the transforms would report, the document left as it is. */
export function checkTransforms(doc: Doc, transforms: Applicable[]): ApplyReport {
  checkApplicable('check', transforms);
  const only = transforms.length === 1 ? (transforms[0] as Applicable) : undefined;
  const planner = only === undefined ? undefined : plannerOf(typeof only === 'function' ? (only as Transform) : only.apply);
  if (planner !== undefined) {
    const plan = planner(doc);
    return { changed: plan.edits.length > 0, changes: plan.edits.map((e) => e.change), alreadyInPlace: plan.already.slice(), issues: plan.diagnostics.slice() };
  }
  return run(doc.clone(), transforms);
}

function run(doc: Doc, transforms: Applicable[]): ApplyReport {
  const ctx = new TransformContext();
  for (const t of transforms) {
    if (typeof t === 'function') t(doc, ctx);
    else t.apply(doc, ctx);
  }
  return { changed: ctx.changes.length > 0, changes: ctx.changes, alreadyInPlace: ctx.alreadyInPlace, issues: ctx.diagnostics };
}
