/**
 * What a lint rule is: an id, a default severity, what it checks, and a function that reports findings.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { LintRuleId, Severity } from '../errors.js';
import { findSteps, type Located } from '../model/query.js';
import type { Node, Step, SubTaskSequence } from '../model/types.js';

/** One finding of a rule, before it gets its place and rule id: about a step or group, or about another node. */
export type Finding = { message: string; located: Located } | { message: string; node: Node; path: string };

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

/** Steps (and sub task sequences) of a document. */
export function steps(doc: TaskSequenceDocument): Located<Step | SubTaskSequence>[] {
  return findSteps(doc.sequence);
}
