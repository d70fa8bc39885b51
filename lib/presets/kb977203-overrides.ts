/**
 * Where the Setup step's installation properties are not what Setup reads at run time. `SMSClientInstallProperties`
 * is the step's action variable: ConfigMgr's "Task Sequence Variables" page says a value set for an action variable
 * (by a Set Task Sequence Variable step, or in the sequence's `<globalVarList>`) changes the step's default, and
 * stays in the environment for later steps. Setup then installs the client with that value, and the PATCH the preset
 * keeps in the step's own field is never read (R4 in the file, not in effect). The preset cannot reconcile such a
 * value on a guess (it may be built from other variables, or differ per machine on purpose), so it says where it is.
 * A Run Task Sequence step before Setup may set it from a child sequence that is not in the file: said as information.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue } from '../errors.js';
import { patchList } from '../model/install-properties.js';
import type { Located } from '../model/query.js';
import type { Node } from '../model/types.js';
import { doesNotShowValue } from '../model/secrets.js';
import { SetVariableStep, STEP_TYPES } from '../model/steps.js';
import { elementText } from '../model/variables.js';
import { childSequenceOf } from '../model/child-sequence.js';
import { maySetAnyVariable } from '../model/variables-set.js';
import { shownValue } from '../shown-value.js';
import { isKb977203Entry, isKb977384Entry } from './kb977203-patch.js';
import { neverRuns } from './kb977203-step-queries.js';
import { placeOf } from '../issue-place.js';

/** The diagnostic's code: a warning when the value set lists no KB977203 (or KB977384) entry, information otherwise. */
export const KB977203_PROPERTIES_OVERRIDDEN = 'KB977203_PROPERTIES_OVERRIDDEN' as const;

/** Task sequence variable names are not case-sensitive. */
const VARIABLE = 'smsclientinstallproperties';

/** The PATCH entry a Setup step gets (or keeps), for the step that reads a value set before it. */
export interface SetupEntry {
  /** The Setup step's path. */
  path: string;
  /** Its PATCH entry, in full. */
  entry: string;
}

/**
 * The diagnostic for one place that sets the variable to `value`. A `hidden` value (a step's "Do not display this
 * value") is judged as any other but not shown, nor its PATCH entry: it may hold what its author keeps out of logs.
 * `setup` is the entry of the Setup step that reads the value next, when known (the preset knows it; lint, without
 * the options, does not): a value without the fix is told that exact entry to add.
 */
function overridden(where: string, path: string | undefined, value: string, hidden = false, setup?: SetupEntry): Issue {
  const list = patchList(value) ?? [];
  const entry = list.find((e) => isKb977203Entry(e) || isKb977384Entry(e));
  const shown = hidden ? 'a value it does not display (not shown here either)' : shownValue(value, '"');
  const base = `${where} sets SMSClientInstallProperties, the Setup Windows and ConfigMgr step's action variable, to ${shown}: at run time Setup installs the client with that value, not with the installation properties in the step, where the preset keeps PATCH (R4).`;
  if (entry !== undefined) {
    return { code: KB977203_PROPERTIES_OVERRIDDEN, severity: 'info', ...(path !== undefined && { path }), message: `${base} The value lists ${hidden ? 'a KB977203 or KB977384 entry' : shownValue(entry, '"')}, which the preset does not check: make sure it is the KB977203 .msp of the client package (R4-R10).` };
  }
  return { code: KB977203_PROPERTIES_OVERRIDDEN, severity: 'warning', ...(path !== undefined && { path }), message: `${base} The value has no KB977203 entry in PATCH, so the hotfix is not installed: ${toAdd(value, setup)}, or stop setting the variable there.` };
}

/** What to add to a value without the fix: the exact entry where it is known, to its PATCH list if it has one. */
function toAdd(value: string, setup: SetupEntry | undefined): string {
  if (setup === undefined) return `add PATCH="<the preset's path>" to that value`;
  const whose = `(the entry of "${setup.path}", the Setup step that reads it next)`;
  return patchList(value) === undefined ? `add PATCH="${setup.entry}" ${whose} to that value` : `add ${setup.entry} ${whose} to the PATCH list in it, after a ";"`;
}

/** One place that sets `SMSClientInstallProperties`: its diagnostic, and the node it is about (for a place in the file). */
export interface PropertiesOverride {
  issue: Issue;
  /** The Set Task Sequence Variable step, or the `<globalVarList>` entry. */
  at: Located | Node;
}

/**
 * The places that set `SMSClientInstallProperties` before a Setup step runs: an enabled Set Task Sequence Variable
 * step ahead of the last Setup step in the order the sequence lists them (a disabled one never runs, one after every
 * Setup step sets it too late), and an entry of `<globalVarList>`. Each gives a diagnostic naming it.
 */
export function propertiesOverrides(doc: TaskSequenceDocument, items: readonly Located[], lastSetup: number, setupAfter?: (index: number) => SetupEntry | undefined): Issue[] {
  // Each placed at the node it is about, as lint places its finding there (a global variable has a place but no path).
  return [...propertiesOverrideSites(doc, items, lastSetup, setupAfter).map((o) => ({ ...o.issue, ...placeOf(doc, o.at) })), ...childSequencesBefore(doc, items, lastSetup)];
}

/** The information code for a child sequence that may set the variable (see {@link childSequencesBefore}). */
export const KB977203_PROPERTIES_MAY_BE_OVERRIDDEN = 'KB977203_PROPERTIES_MAY_BE_OVERRIDDEN' as const;

/**
 * An enabled Run Task Sequence step ahead of the last Setup step runs a child sequence whose steps are not in this
 * file and share its variables ({@link maySetAnyVariable}), so it may set SMSClientInstallProperties. Information, not
 * the warning: most child sequences set no such thing, and a warning would fail `--check` and mark the sequence as
 * needing attention for what the file does not show, which no edit of this file could clear. Kept out of
 * {@link propertiesOverrideSites}, whose information entries lint reads as values that carry the fix.
 */
function childSequencesBefore(doc: TaskSequenceDocument, items: readonly Located[], lastSetup: number): Issue[] {
  const out: Issue[] = [];
  for (let i = 0; i < lastSetup && i < items.length; i++) {
    const l = items[i] as Located;
    if (l.node.kind === 'group' || !maySetAnyVariable(l.node) || neverRuns(l)) continue;
    const child = childSequenceOf(l.node);
    const which = child === undefined ? 'a child task sequence' : `the child task sequence ${shownValue(child, '')}`;
    out.push({ code: KB977203_PROPERTIES_MAY_BE_OVERRIDDEN, severity: 'info', path: l.path, ...placeOf(doc, l), message: `The Run Task Sequence step ${shownValue(l.path, '"')} runs ${which} before Setup Windows and ConfigMgr, and a child sequence shares this one's variables: if it sets SMSClientInstallProperties, the Setup step's action variable, Setup installs the client with that value, not with the installation properties in the step, where the preset keeps PATCH (R4). The child's steps are not in this file: check that it does not set the variable, or that its value lists the KB977203 .msp.` });
  }
  return out;
}

/**
 * {@link propertiesOverrides}, each with the node it is about (lint places its findings there). `setupAfter` gives
 * the entry of the first Setup step listed after a position in `items` (-1 for the global variables), when known.
 */
export function propertiesOverrideSites(doc: TaskSequenceDocument, items: readonly Located[], lastSetup: number, setupAfter?: (index: number) => SetupEntry | undefined): PropertiesOverride[] {
  const out: PropertiesOverride[] = [];
  const globals = doc.sequence.children.find((c) => c.kind === 'variableList');
  for (const v of globals && 'children' in globals ? globals.children : []) {
    if (v.kind === 'variable' && (v.attributes.name ?? '').trim().toLowerCase() === VARIABLE) out.push({ issue: overridden('The sequence\'s global variables (<globalVarList>)', undefined, elementText(v), false, setupAfter?.(-1)), at: v });
  }
  for (let i = 0; i < lastSetup && i < items.length; i++) {
    const l = items[i] as Located;
    if (l.node.kind === 'group' || l.node.attributes.type !== STEP_TYPES.setVariable || neverRuns(l)) continue;
    const view = new SetVariableStep(l.node);
    if ((view.variableName ?? '').trim().toLowerCase() === VARIABLE) out.push({ issue: overridden(`The Set Task Sequence Variable step ${shownValue(l.path, '"')}`, l.path, view.variableValue ?? '', doesNotShowValue(l.node), setupAfter?.(i)), at: l });
  }
  return out;
}

/** Whether a report says the Setup step's PATCH is overridden by a value without the fix (what `--check` fails on). */
export function propertiesOverriddenWithoutFix(report: { diagnostics: readonly Issue[] }): boolean {
  return report.diagnostics.some((d) => d.code === KB977203_PROPERTIES_OVERRIDDEN && d.severity === 'warning');
}
