/** `cmts/lint`: the linter and its rules; findings are {@link Issue}s whose `code` is the rule id. */
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the old name stays exported for code written against it
export { lint, LINT_RULES, type Finding, type LintDiagnostic, type LintRule } from '../lint/index.js';
export type { Issue, LintRuleId } from '../errors.js';
