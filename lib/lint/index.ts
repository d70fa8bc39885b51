/**
 * The linter: every rule over a document, findings with rule id, severity, step path, and line and column.
 */
import { TaskSequenceDocument } from '../document.js';
import { describeValue } from '../model/child-nodes.js';
import { checkDocumentTree } from '../visit.js';
import { type Issue, TaskSequenceError } from '../errors.js';
import { placeOf } from '../issue-place.js';
import { shownValue } from '../shown-value.js';
import { type LintRule, withListing } from './rule.js';
import { clearTextSecret } from './rules/clear-text-secret.js';
import { hotfixInstallStep } from './rules/hotfix-install-step.js';
import { descriptionLength, nameLength, nameOverLimit, policySize, restartMessageLength, variableNameInvalid, variableValueLength } from './rules/console-limits.js';
import { certfixAfterSetup } from './rules/kb977203-certfix-after-setup.js';
import { runFirst } from './rules/kb977203-run-first.js';
import { certfixWithoutRestart, fixAbsent, hotfixNamedStep, patchContradictory, patchDuplicate } from './rules/kb977203-fix.js';
import { patchKb977384, patchPackage, patchQuoted, patchVariable } from './rules/patch-kb977203.js';
import { referenceMissing } from './rules/reference-missing.js';
import { referencesArrayDiffers } from './rules/references-array-differs.js';
import { restartAfterCertfixNotifies } from './rules/restart-notifies.js';
import { setupContinueOnError } from './rules/setup-continue-on-error.js';
import { winPeStepAfterSetup } from './rules/winpe-step-after-setup.js';
import { catalogActionLine } from './rules/catalog-action-line.js';
import { catalogArrayCount } from './rules/catalog-array-count.js';
import { catalogAllowedValue } from './rules/catalog-allowed-value.js';
import { catalogLineBreak } from './rules/catalog-line-break.js';
import { catalogMissingSetting } from './rules/catalog-missing-setting.js';
import { catalogStepVersion } from './rules/catalog-step-version.js';
import { catalogUnknownAttribute } from './rules/catalog-unknown-attribute.js';
import { catalogUnknownVariable } from './rules/catalog-unknown-variable.js';
import { catalogValueType } from './rules/catalog-value-type.js';
import { catalogVariableName } from './rules/catalog-variable-name.js';

/** Every rule, in the order they run. */
export const LINT_RULES: readonly LintRule[] = [
  hotfixInstallStep,
  hotfixNamedStep,
  fixAbsent,
  patchQuoted,
  patchVariable,
  patchPackage,
  patchKb977384,
  patchDuplicate,
  patchContradictory,
  certfixAfterSetup,
  certfixWithoutRestart,
  runFirst,
  setupContinueOnError,
  winPeStepAfterSetup,
  restartAfterCertfixNotifies,
  referenceMissing,
  referencesArrayDiffers,
  clearTextSecret,
  nameLength,
  nameOverLimit,
  descriptionLength,
  restartMessageLength,
  variableNameInvalid,
  variableValueLength,
  policySize,
  catalogUnknownVariable,
  catalogVariableName,
  catalogMissingSetting,
  catalogArrayCount,
  catalogValueType,
  catalogAllowedValue,
  catalogLineBreak,
  catalogActionLine,
  catalogStepVersion,
  catalogUnknownAttribute,
];

/** @deprecated Use {@link Issue}: a lint finding is an issue whose `code` is the rule id. */
export type LintDiagnostic = Issue;

/**
 * Runs the rules (all, or those whose ids are given) and returns the findings, as issues, in document order. An id
 * that names no rule (a misspelling, or another letter case) throws `INVALID_ARGUMENT` rather than running nothing
 * and so reporting a clean sequence; so does a document that is no `TaskSequenceDocument`, and ids that are no array
 * of strings (from plain JavaScript).
 *
 * @example
 * ```ts
 * for (const issue of lint(doc)) console.log(`${issue.line}:${issue.col} ${issue.severity} ${issue.code} ${issue.message}`);
 * ```
 */
export function lint(doc: TaskSequenceDocument, ruleIds?: readonly string[]): Issue[] {
  if (!((doc as unknown) instanceof TaskSequenceDocument)) throw new TaskSequenceError('INVALID_ARGUMENT', `lint was given ${describeValue(doc)} to check, not a task sequence document (read one with readTaskSequence).`);
  const rules = selectedRules(ruleIds);
  // The rules read values all through the tree: one that is no string (set by hand) is refused here, not met as a
  // TypeError inside a rule.
  checkDocumentTree(doc);
  return lintChecked(doc, rules);
}

/** The rules `ruleIds` names (every rule when it is undefined), or `INVALID_ARGUMENT` naming the first it cannot use. */
function selectedRules(ruleIds: readonly string[] | undefined): readonly LintRule[] {
  if (ruleIds === undefined) return LINT_RULES;
  const known = () => `the rules are ${LINT_RULES.map((r) => r.id).join(', ')}`;
  if (!Array.isArray(ruleIds)) throw new TaskSequenceError('INVALID_ARGUMENT', `lint was given ${describeValue(ruleIds)} for its rule ids, not an array of them (give none for every rule); ${known()}.`);
  // By index, not find or some: a hole in the array (undefined) is refused as a value that is no id, not passed over.
  for (let i = 0; i < ruleIds.length; i++) {
    const id: unknown = ruleIds[i];
    if (typeof id !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', `lint's rule id ${i} is ${describeValue(id)}, not a string; ${known()}.`);
    if (!LINT_RULES.some((r) => r.id === id)) throw new TaskSequenceError('INVALID_ARGUMENT', `There is no lint rule ${shownValue(id, '"')}; ${known()}.`);
  }
  return LINT_RULES.filter((r) => ruleIds.includes(r.id));
}

/** {@link lint} of a document its caller has already checked with `checkDocumentTree` (a rendered view). */
export function lintChecked(doc: TaskSequenceDocument, rules: readonly LintRule[] = LINT_RULES): Issue[] {
  const out: Issue[] = [];
  // The sequence is listed once for the run, however many rules ask for its items.
  const findings = withListing(doc, () => rules.map((rule) => ({ rule, found: rule.check(doc) })));
  for (const { rule, found } of findings) {
    for (const f of found) {
      out.push({
        code: rule.id,
        severity: f.severity ?? rule.severity,
        message: f.message,
        // A step path only for a step or group (see Finding).
        ...('located' in f ? { path: f.located.path } : {}),
        ...placeOf(doc, 'located' in f ? f.located : f.node),
        // Every finding is about this file, placed or not (a node a script added has no line).
        ...(doc.file !== undefined ? { file: doc.file } : {}),
        ...(rule.requirement ? { requirement: rule.requirement } : {}),
      });
    }
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

export type { LintRule, Finding } from './rule.js';
