/**
 * A known setting written under another task sequence variable name than the console writes for its property, under
 * another property than the console writes for its name, or with another hidden flag.
 *
 * The name is what the step uses at run time: the engine sets each step variable by its `name` before the step runs,
 * and the step's program (or the `%name%` its `<action>` line reads) finds the value by that name (task sequence action
 * variables, in the documentation). A typed view goes by `property`, so `<variable name="SMSRebootTimeOutX"
 * property="MessageTimeout">` reads as the restart's time-out everywhere but where it counts: nothing reads
 * SMSRebootTimeOutX, and the setting may have no effect. That is `catalog/unknown-variable`'s consequence, and so this rule's severity, a warning (not an error:
 * whether an import into the console writes the name again from the property is not known, as whether it renders the
 * action line again is not). Names are compared ignoring letter case, as the engine's variable names are.
 *
 * The hidden flag is graded information. The console writes it per property and it cannot be derived (steps.md 2.2):
 * command-line-only values, counts and `[Global]` ones are hidden, and every variable an action line reads as
 * `%name%` is visible — which fits the reference's reading that a hidden value is not set as a task sequence variable.
 * But Format and Partition Disk's hidden partition count reaches `osddiskpart.exe`, which takes no argument, so a
 * hidden value does reach the step; no export or document shows a run that a flag changed. What is known is that the
 * step is not written as the console writes it. A flag left out of a variable the console hides is not reported:
 * MDT Lite Touch writes no hidden flags, so such a step reads as MDT's and is not held to the console's form (see
 * `consoleFormEntry`, as `catalog/action-line` decides it); a flag the console does not write, or `hidden="false"`
 * where it writes `"true"`, is.
 *
 * Only steps in the console's form are checked (MDT writes other names for the same properties: `Message` for a
 * restart's message, corpus 05), only variables whose spelling the catalog has `observed` in an export (a name from
 * the SDK or inferred is not certain enough to call another one wrong), and only in Current Branch sequences, whose
 * exports the catalog's spellings are verified against.
 */
import type { StepTypeData, VariableData } from '../../catalog/types.js';
import { arraySettingOf, itemSpelling, matchVariable } from '../../catalog/variable-match.js';
import type { Variable } from '../../model/types.js';
import { variables } from '../../model/variables.js';
import { shownValue } from '../../shown-value.js';
import { consoleFormFindings, type Finding, type LintRule } from '../rule.js';

/** A setting as a finding names it: `messageTimeout`, or an item's field `partitions[0].type`. */
function settingName(entry: StepTypeData, data: VariableData, index: number | undefined): string {
  return index === undefined ? data.setting : `${arraySettingOf(entry, data)}[${index}].${data.setting}`;
}

/** The findings on one variable of a step of type `entry` (none for one the catalog does not know). */
function variableFindings(entry: StepTypeData, v: Variable): Pick<Finding, 'message' | 'severity'>[] {
  const matched = matchVariable(entry, v);
  if (!matched || matched.data.evidence !== 'observed') return [];
  const { data, index } = matched;
  const spelling = index === undefined ? { name: data.name, property: data.property } : itemSpelling(data, index);
  const setting = settingName(entry, data, index);
  const out: Pick<Finding, 'message' | 'severity'>[] = [];
  const name = v.attributes.name;
  if (name === undefined || name.toLowerCase() !== spelling.name.toLowerCase()) {
    const written = name === undefined ? 'with no variable name' : `as the variable ${shownValue(name, '')}`;
    out.push({ message: `${entry.consoleName} writes ${setting} (property ${spelling.property}) ${written}; the console names it ${spelling.name}, the task sequence variable the step reads at run time, so the setting may have no effect.` });
  }
  // Matched by its name, with another property: the name is the one the step reads at run time, but the property is
  // the WMI property of the step's class that the console and the provider hold the setting in (format.md), and the
  // class has no property of that spelling. Compared ignoring case, as WMI's property names are.
  const property = v.attributes.property;
  if (property === undefined || property.toLowerCase() !== spelling.property.toLowerCase()) {
    const written = property === undefined ? 'with no property' : `with the property ${shownValue(property, '')}`;
    out.push({ message: `${entry.consoleName} writes ${setting} (variable ${spelling.name}) ${written}; the console's property for it is ${spelling.property}, the property of the step's class the console and the provider keep the setting in, so the console may not show the setting, and an import may not keep it.` });
  }
  const flag = v.attributes.hidden;
  // `true` in any case is the flag set; any other text (`false`) is read as not set.
  if ((flag?.toLowerCase() === 'true') !== data.hidden) {
    // Only a flag that is there can differ here: one missing where the console writes it made the step MDT's.
    const expected = data.hidden ? 'where the console writes hidden="true"' : 'which the console does not write for it';
    out.push({ severity: 'info', message: `${entry.consoleName} writes ${setting} (variable ${spelling.name}) with hidden=${shownValue(flag ?? '', '"')}, ${expected}. The flag is not known to change what the step does; the step is not as the console writes it.` });
  }
  return out;
}

/** Lint rule `catalog/variable-name` (see its description and the file's comment). */
export const catalogVariableName: LintRule = {
  id: 'catalog/variable-name',
  severity: 'warning',
  description:
    'In a Current Branch sequence, a step setting written under another task sequence variable name than the console writes for its property (compared ignoring case): the engine sets the variable by the name written, which the step does not read, so the setting may have no effect (a warning); its name with another property than the console writes (compared ignoring case): the property is the step class\'s WMI property the console and the provider keep the setting in, so the console may not show it and an import may not keep it (a warning); or with another hidden flag than the console writes (information: the flag is not known to change what the step does). Steps not in the console\'s form (MDT Lite Touch\'s, which writes other names) are not checked.',
  check: (doc) =>
    // The catalog's spellings are verified against Current Branch exports; what earlier consoles wrote is not known.
    consoleFormFindings(doc, (located, entry) => variables(located.node).flatMap((v): Finding[] => variableFindings(entry, v).map((f) => ({ located, ...f }))), true),
};
