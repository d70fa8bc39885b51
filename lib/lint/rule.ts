/**
 * What a lint rule is: an id, a default severity, what it checks, and a function that reports findings.
 */
import { consoleFormEntry } from '../catalog/console-form.js';
import type { StepTypeData } from '../catalog/types.js';
import { isCurrentBranch, sequenceRelease } from '../catalog/versions.js';
import type { TaskSequenceDocument } from '../document.js';
import type { LintRuleId, Severity } from '../errors.js';
import { listItems, type Located } from '../model/query.js';
import { disabledNote, neverRuns } from '../presets/kb977203-step-queries.js';
import type { Node, Sequence, Step, SubTaskSequence } from '../model/types.js';

/**
 * One finding of a rule, before it gets its place and rule id: about a step or group (its issue has the item's path),
 * or about another node, such as the sequence or one of its global variables (its issue has a line and column but no
 * path: any text given as a path, `(sequence)` say, is also the path of a step of that name, and a report that
 * matches findings to items by path would put it beside that step). Its severity is the rule's unless the finding
 * says otherwise (a step that would break the sequence, but is disabled and so does not run now, is a warning of a
 * rule whose findings are errors).
 */
export type Finding = ({ message: string; located: Located } | { message: string; node: Node }) & { severity?: Severity };

/** What a finding says in place of a value whose name says it is a secret (see `model/secrets.ts`). */
export const SECRET_NOT_SHOWN = '(value not shown: the name says it is a secret)';

/** A lint rule. */
export interface LintRule {
  /** Stable id, e.g. `kb977203/patch-quoted`. */
  id: LintRuleId;
  severity: Severity;
  /** One sentence: what the rule checks and why. */
  description: string;
  /** The KB977203 requirement it enforces, if any. */
  requirement?: string;
  check(doc: TaskSequenceDocument): Finding[];
}

/**
 * The listing of the sequence being linted, made once per {@link withListing} run: rules only read it, and listing
 * the sequence once per rule (twenty times a run) cost each item's groups again every time.
 */
let listing: { sequence: Sequence; items: Located[] } | undefined;

/** Runs `f` with the document's items listed once for every rule that asks. */
export function withListing<T>(doc: TaskSequenceDocument, f: () => T): T {
  const outer = listing;
  listing = { sequence: doc.sequence, items: listItems(doc.sequence) };
  try {
    return f();
  } finally {
    listing = outer;
  }
}

/** Every step, group and sub task sequence of a document, in order (the run's listing inside {@link withListing}). */
export function items(doc: TaskSequenceDocument): Located[] {
  return listing?.sequence === doc.sequence ? listing.items : listItems(doc.sequence);
}

/** Steps (and sub task sequences) of a document. */
export function steps(doc: TaskSequenceDocument): Located<Step | SubTaskSequence>[] {
  return items(doc).filter((l): l is Located<Step | SubTaskSequence> => l.node.kind !== 'group');
}

/**
 * What `check` finds of each step written in the console's form (`consoleFormEntry`), given its catalog entry: the
 * walk of the catalog's rules, which hold only such steps to the console's spellings (MDT Lite Touch writes the same
 * types otherwise). With `currentBranchOnly`, nothing in a sequence for an earlier release: what the rule knows
 * (variable lists, spellings) is verified against Current Branch exports, and earlier consoles wrote less.
 */
export function consoleFormFindings(doc: TaskSequenceDocument, check: (located: Located<Step | SubTaskSequence>, entry: StepTypeData) => Finding[], currentBranchOnly = false): Finding[] {
  if (currentBranchOnly && !isCurrentBranch(sequenceRelease(doc.sequence, doc.container))) return [];
  return steps(doc).flatMap((located) => {
    const entry = consoleFormEntry(located.node);
    return entry ? check(located, entry) : [];
  });
}

/**
 * A finding about an item as it stands: one that never runs (disabled, or in a disabled group) breaks nothing now, so
 * an error becomes a warning that says so; enabled, it would.
 */
export function asItRuns(located: Located, message: string): Finding {
  return neverRuns(located) ? { located, message: `${message}${disabledNote(located)}`, severity: 'warning' } : { located, message };
}
