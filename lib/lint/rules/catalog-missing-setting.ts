/** A setting the console always writes for the step type is missing. */
import { consoleFormEntry } from '../../catalog/console-form.js';
import { isCurrentBranch, sequenceRelease } from '../../catalog/versions.js';
import { StepView } from '../../catalog/step-view.js';
import { variablesTheLineReads } from '../../catalog/line-variables.js';
import { choiceProblems } from '../../catalog/setting-choices.js';
import { getAction } from '../../model/variables.js';
import { asItRuns, type Finding, type LintRule, steps } from '../rule.js';

/** Lint rule `catalog/missing-setting` (see its description). */
export const catalogMissingSetting: LintRule = {
  id: 'catalog/missing-setting',
  severity: 'warning',
  description: 'In a Current Branch sequence, a setting the console always writes for this step type is missing (settings added by later releases are not required), or one the console writes with the switch of the step\'s <action> line that reads it (%OSDImageIndex% with /image:), or settings that depend on each other are neither or both given (an image package or an installation package, a package\'s program).',
  check: (doc) =>
    // The catalog's variable lists are verified against Current Branch exports; earlier consoles wrote fewer.
    !isCurrentBranch(sequenceRelease(doc.sequence, doc.container))
      ? []
      : steps(doc).flatMap((located): Finding[] => {
      const entry = consoleFormEntry(located.node);
      if (!entry) return [];
      const present = new StepView(located.node).propertyTexts();
      const missing = entry.variables.filter((v) => v.required && !v.arrayOf && v.since === undefined && v.evidence === 'observed' && present[v.property] === undefined);
      // A variable the step's own action line reads that the console writes whenever it writes the switch
      // (`%OSDImageIndex%` with /image:, "required if ImagePackageID is set"). Not one the console leaves out when it
      // has no value (`%OSDShutdownPreparedOs%`: a real Current Branch export has the switch and no variable).
      const read = variablesTheLineReads(entry, getAction(located.node) ?? '').filter((v) => v.requiredWhen !== undefined && present[v.property] === undefined && !missing.includes(v));
      return [
        ...missing.map((v) => `${entry.consoleName} is missing ${v.setting} (variable ${v.name}).`),
        ...read.map((v) => `${entry.consoleName} is missing ${v.setting} (variable ${v.name}), which its <action> line reads as %${v.name}%.`),
        // Settings that depend on each other (requiredWhen): neither or both of two modes, a package without its
        // program; what the builders and set refuse.
        ...choiceProblems(entry, present),
        // A step that never runs (disabled, or in a disabled group) breaks nothing now: the console writes disabled
        // placeholders with neither setting (steps.json X32, an Install Application with no application); the
        // finding says so, and is a warning even where the rule's findings are errors.
      ].map((message) => asItRuns(located, message));
    }),
};
