/** A setting the console always writes for the step type is missing. */
import { itemFieldsOf } from '../../catalog/catalog.js';
import { StepView } from '../../catalog/step-view.js';
import { variablesTheLineReads } from '../../catalog/line-variables.js';
import { choiceProblems } from '../../catalog/setting-choices.js';
import type { StepTypeData, VariableData } from '../../catalog/types.js';
import { itemFieldNeeded, requiredItemFields } from '../../catalog/value-problem.js';
import { arraySettingOf, arraysWritten } from '../../catalog/variable-match.js';
import type { Step, SubTaskSequence } from '../../model/types.js';
import { getAction } from '../../model/variables.js';
import { asItRuns, type Finding, type LintRule, consoleFormFindings } from '../rule.js';

/**
 * What the step's array items lack of the fields the console writes for every item with no default (a partition's
 * type and quick-format flag: `requiredItemFields`), in the builders' words, an item's fields in catalog order. An
 * item is one whose index some variable of the array names; a field is there when its variable is, empty or not (as
 * a top-level setting is). As for top-level settings, a field later releases added, or one no export shows, is not
 * required.
 */
function missingItemFields(entry: StepTypeData, step: Step | SubTaskSequence): string[] {
  const out: string[] = [];
  for (const [array, items] of arraysWritten(entry, step).items) {
    const fields = requiredItemFields(itemFieldsOf(entry, array)).filter((f) => f.since === undefined && f.evidence === 'observed');
    for (const index of [...items.keys()].sort((a, b) => a - b)) {
      const held = items.get(index) as Set<VariableData>;
      for (const field of fields) if (!held.has(field)) out.push(`${entry.consoleName}'s ${arraySettingOf(entry, field)}[${index}] ${itemFieldNeeded(field, index)}.`);
    }
  }
  return out;
}

/** Lint rule `catalog/missing-setting` (see its description). */
export const catalogMissingSetting: LintRule = {
  id: 'catalog/missing-setting',
  severity: 'warning',
  description: 'In a Current Branch sequence, a setting the console always writes for this step type is missing (settings added by later releases are not required), or a field it writes for every item of an array with no default (a partition\'s type), or one the console writes with the switch of the step\'s <action> line that reads it (%OSDImageIndex% with /image:), or settings that depend on each other are neither or both given (an image package or an installation package, a package\'s program).',
  check: (doc) =>
    consoleFormFindings(
      doc,
      (located, entry): Finding[] => {
        const present = new StepView(located.node).propertyTexts();
        const missing = entry.variables.filter((v) => v.required && !v.arrayOf && v.since === undefined && v.evidence === 'observed' && present[v.property] === undefined);
        // A variable the step's own action line reads that the console writes whenever it writes the switch
        // (`%OSDImageIndex%` with /image:, "required if ImagePackageID is set"). Not one the console leaves out when it
        // has no value (`%OSDShutdownPreparedOs%`: a real Current Branch export has the switch and no variable).
        const read = variablesTheLineReads(entry, getAction(located.node) ?? '').filter((v) => v.requiredWhen !== undefined && present[v.property] === undefined && !missing.includes(v));
        return [
          ...missing.map((v) => `${entry.consoleName} is missing ${v.setting} (variable ${v.name}).`),
          ...missingItemFields(entry, located.node),
          ...read.map((v) => `${entry.consoleName} is missing ${v.setting} (variable ${v.name}), which its <action> line reads as %${v.name}%.`),
          // Settings that depend on each other (requiredWhen): neither or both of two modes, a package without its
          // program; what the builders and set refuse.
          ...choiceProblems(entry, present),
          // A step that never runs (disabled, or in a disabled group) breaks nothing now: the console writes disabled
          // placeholders with neither setting (steps.json X32, an Install Application with no application); the
          // finding says so, and is a warning even where the rule's findings are errors.
        ].map((message) => asItRuns(located, message));
      },
      true,
    ),
};
