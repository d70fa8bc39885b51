/**
 * The settings that are one line, found from the catalog's data rather than listed: each one the `<action>` command
 * line writes (`{CommandLine}`) or reads (`%OSDConfigFileName%`), in the console's template or a dialect's, and each
 * one with characters it cannot hold where it goes (`forbidden`: a program's name, written into
 * `<PackageID>;;<ProgramName>`). A line end in one ends the command line there (`cmd /c echo a` runs, and what
 * follows is another command, or lost) or the name. Package IDs, drive letters, GUIDs and variable names hold none by
 * their form already. Other texts (a restart message, a description) may hold line ends: the catalog does not say
 * their boxes are one line.
 */
import { LINE_END, LINE_END_WORDS } from '../model/item-checks.js';
import { shownValue } from '../shown-value.js';
import { templateProperties } from './action-line.js';
import { stepCatalog } from './catalog.js';
import { variablesTheLineReads } from './line-variables.js';
import type { StepTypeData, VariableData } from './types.js';

/**
 * The catalog's entries that hold each setting, in the catalog's order. Why a setting is one line is worked out from
 * its entry's templates only when first asked (`reasonsOf`): parsing all the catalog's templates when this module
 * loaded cost a command's start-up several milliseconds of code not yet compiled, for the few settings a run asks
 * about.
 */
const holders = new WeakMap<VariableData, StepTypeData[]>();
for (const entry of stepCatalog) {
  for (const data of entry.variables) {
    const list = holders.get(data);
    if (list === undefined) holders.set(data, [entry]);
    else list.push(entry);
  }
}

/** Why each one-line setting of `entry` is one line, in words; made once per entry. */
const reasonsByEntry = new WeakMap<StepTypeData, Map<VariableData, string>>();
function reasonsOf(entry: StepTypeData): Map<VariableData, string> {
  let reasons = reasonsByEntry.get(entry);
  if (reasons !== undefined) return reasons;
  reasons = new Map();
  const actions = [entry.action, ...(entry.dialects ?? []).map((d) => d.action)];
  const written = new Set(actions.flatMap((a) => templateProperties(a)));
  const read = new Set(actions.flatMap((a) => variablesTheLineReads(entry, a)));
  for (const data of entry.variables) {
    if (data.arrayOf === undefined && written.has(data.property)) reasons.set(data, 'the step\'s <action> command line, which is one line, is written with it');
    else if (read.has(data)) reasons.set(data, `the step's <action> command line, which is one line, reads it (%${data.name}%)`);
    else if (data.forbidden !== undefined) reasons.set(data, `it is written on one line${data.forbiddenNote ? ` (${data.forbiddenNote})` : ''}`);
  }
  reasonsByEntry.set(entry, reasons);
  return reasons;
}

/** Why `data` is a one-line setting, in words (see above); undefined for a setting that may hold line ends. */
export function oneLineReason(data: VariableData): string | undefined {
  // A setting shared by entries: the last entry that gives a reason gives it.
  let reason: string | undefined;
  for (const entry of holders.get(data) ?? []) reason = reasonsOf(entry).get(data) ?? reason;
  return reason;
}

/**
 * Why `text`, the value of `data` named as `where` (`is` for a text, `has the item` for a list's), is not one line;
 * undefined when it is, or when the setting may hold line ends. Builders and `set` refuse such a value
 * (`valueProblem`); lint's `catalog/line-break` reports a file's.
 */
export function lineEndProblem(data: VariableData, text: string, where: string, is = 'is'): string | undefined {
  const reason = oneLineReason(data);
  return reason !== undefined && LINE_END.test(text) ? `${where} ${is} ${shownValue(text, '"')}, which holds ${LINE_END_WORDS}: ${reason}.` : undefined;
}
