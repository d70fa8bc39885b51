/**
 * What revert does with the KB977203 entries in PATCH. Nothing in the file records who wrote an entry, so each Setup
 * step's entry is judged by the CCMCertFix step that counts for it, found as apply finds the step it adopts (see
 * kb977203-certfix-for.ts): beside none the preset never wrote it (it always inserts or adopts one) and it stays;
 * beside one the preset inserted it went in with that step (or the apply said it was adopted) and it goes; beside one
 * that is the administrator's it goes, named, since it may be theirs (as the apply said: KB977203_PATCH_ADOPTED).
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue } from '../errors.js';
import { patchList } from '../model/install-properties.js';
import { listItems, type Located } from '../model/query.js';
import { findVariable, variableList } from '../model/variables.js';
import { emptyForm } from '../xml/print-start-tag.js';
import { styleOf } from '../xml/style.js';
import { originOf } from '../xml/origin.js';
import type { Step } from '../model/types.js';
import { InstallSoftwareStep, SetupWindowsStep, STEP_TYPES } from '../model/steps.js';
import { type AlreadyInPlace, type Edit, inSubtrees } from '../transforms/context.js';
import { shownValue } from '../shown-value.js';
import { type CertfixFor, certfixFor } from './kb977203-certfix-for.js';
import { type ExecutionOrder, executionOrder } from './kb977203-execution-order.js';
import { firstAbove } from '../min-search.js';
import type { ResolvedKb977203Options } from './kb977203-options.js';
import { hasPresetDescription } from './kb977203-new-steps.js';
import { isKb977203Entry, isKb977384Entry, withoutKb977203Entries } from './kb977203-patch.js';
import { runsProgram, runsProgramOfAnotherPackage } from './kb977203-step-queries.js';
import { placeOf } from '../issue-place.js';

/** What revert plans for PATCH: edits, entries it leaves, and its notes. */
export interface PatchRevert {
  edits: Edit[];
  kept: AlreadyInPlace[];
  diagnostics: Issue[];
}

/** Plans revert's edits of PATCH, one Setup Windows and ConfigMgr step at a time (see the module comment). */
export function planPatchRevert(doc: TaskSequenceDocument, o: ResolvedKb977203Options): PatchRevert {
  const plan: PatchRevert = { edits: [], kept: [], diagnostics: [] };
  const items = listItems(doc.sequence);
  // The sequence read as apply reads it, for the CCMCertFix step that counts for each Setup step.
  const order = executionOrder(doc, (item) => runsProgram(item, o.certfixPackage, o.program), items);
  const noCertfix = order.certfixes.length === 0 && order.commandLines.length === 0;
  const other = noCertfix ? items.find((l) => runsProgramOfAnotherPackage(l.node, o.certfixPackage, o.program)) : undefined;
  // Whether anything in the file has a description the preset gives what it inserts: looked for once, when needed.
  let traced: boolean | undefined;
  for (const located of items) {
    if (located.node.kind !== 'step' || located.node.attributes.type !== STEP_TYPES.setupWindowsAndConfigMgr) continue;
    const view = new SetupWindowsStep(located.node);
    const before = view.clientInstallProperties;
    const list = patchList(before);
    if (list === undefined || !list.some(isKb977203Entry)) continue;
    // The preset leaves a PATCH that lists the KB977384 client update alone (R2), so a KB977203 entry beside it was
    // never the preset's: it stays.
    const covering = list.find(isKb977384Entry);
    if (covering !== undefined) {
      plan.kept.push({ what: `PATCH with its KB977203 entry, beside the KB977384 client update (${covering}): the preset adds none there`, where: located.path, requirement: 'R2' });
      continue;
    }
    const entries = list.filter(isKb977203Entry).map((e) => shownValue(e, '')).join(', ');
    const found = certfixFor(located as Located<Step>, order);
    // Apply wires every Setup step, so beside none that counts the preset did not write the entry, unless the file was
    // changed by hand since an apply (its CCMCertFix step disabled, moved or given a condition): with something of the
    // preset's in the file, the entry is taken out as beside the administrator's step, named, rather than left to fail
    // the client installation where the .msp is not on the distribution points.
    if (found.step === undefined && (noCertfix || !(traced ??= items.some((l) => hasPresetDescription(l.node))))) {
      plan.kept.push({ what: `PATCH entry ${entries}, beside no CCMCertFix step${noCertfix ? '' : ' that counts for this Setup step'}: the preset did not add it`, where: located.path, requirement: 'R4' });
      plan.diagnostics.push({ code: 'KB977203_REVERT_PATCH_KEPT', severity: 'info', path: located.path, ...placeOf(doc, located), message: `PATCH of ${shownValue(located.path, '"')} lists ${entries}, and ${noCertfix ? noneAnywhere(o, other) : noneForThisStep(o, nearest(order, located), found)}` });
      continue;
    }
    // Beside a CCMCertFix step the entry is taken out, the preset's or not: revert must undo what apply added (a
    // PATCH whose .msp is not on the distribution points fails the client installation), and an entry apply found in
    // place and kept looks the same. Beside the preset's own step the entry went in with it, or the apply said it was
    // adopted (KB977203_PATCH_ADOPTED); beside the administrator's, this names what went, as the apply said it would.
    if (!found.own) plan.diagnostics.push({ code: 'KB977203_REVERT_PATCH_REMOVED', severity: 'info', path: located.path, ...placeOf(doc, located), message: `Revert took ${entries} out of PATCH of ${shownValue(located.path, '"')}. It cannot tell an entry the preset added from one the administrator wrote that the preset found in place and kept (nothing in the file records which): if it was there before the preset, write it back by hand (the change gives PATCH as it was, in full).` });
    const without = withoutKb977203Entries(before);
    const apply = (): void => {
      view.clientInstallProperties = without;
      if (without === '') emptyInFileForm(doc, located.node as Step);
    };
    plan.edits.push({ change: { what: 'removed the KB977203 entry from PATCH', where: located.path, before, after: without, requirement: 'R4' }, apply, scope: inSubtrees([located.node]) });
  }
  return plan;
}

/**
 * Writes an installation-properties variable revert emptied in the form the file writes an empty `<variable>` in. An
 * element keeps its own form when its value changes, so a `<variable … />` the apply gave PATCH came back from revert
 * as `<variable …></variable>`: in a file whose empty variables are self-closing (the form the file shows first), the
 * emptied one is replaced by a fresh one of the same attributes, which the writer prints in that form. In a file of
 * `<variable …></variable>`, or one with no empty variable to learn from, it stays as it is.
 */
function emptyInFileForm(doc: TaskSequenceDocument, step: Step): void {
  const variable = findVariable(step, 'ClientInstallProperties');
  if (variable === undefined || emptyForm(styleOf(doc.xml), variable.tag) === 'pair' || originOf(variable) === undefined) return;
  const list = variableList(step);
  const at = list?.children.indexOf(variable) ?? -1;
  if (list === undefined || at === -1) return;
  list.children[at] = { kind: 'variable', tag: variable.tag, attributes: { ...variable.attributes }, value: '' };
}

/**
 * Why an entry stays in a sequence with no CCMCertFix step of the package given at all, said of what was looked for:
 * a step running CCMCertFix from another package than the one given (a revert with the wrong package) is named, since
 * the sequence does run CCMCertFix.
 */
function noneAnywhere(o: ResolvedKb977203Options, other: Located | undefined): string {
  const looked = `no step runs the program ${shownValue(o.program, '"')} of package ${o.certfixPackage} (the CCMCertFix package given), nor CCMCertFix.exe from a command line`;
  const why = other
    ? ` The step ${shownValue(other.path, '"')} runs ${shownValue(o.program, '"')} from package ${shownValue(new InstallSoftwareStep(other.node as Step).packageId ?? '', '')}: if that is the package the apply used, revert with it as the certfixPackage option. The entry is left as it is.`
    : " The preset always inserts or adopts one, so it did not write this entry: it is left, as the administrator's.";
  return `${looked}.${why}`;
}

/**
 * The CCMCertFix step closest after `setup` in execution order (Install Software or command line), else the last before
 * it. Binary searches in the two ascending lists: a merged, sorted copy searched from its start cost the number of
 * CCMCertFix steps for every Setup step whose entry stays, the square of them in a sequence of many such pairs.
 */
function nearest(order: ExecutionOrder, setup: Located): Located {
  const from = order.index.get(setup.node) ?? -1;
  const after = Math.min(order.certfixAt[firstAbove(order.certfixAt, from)] ?? Infinity, order.commandLineAt[firstAbove(order.commandLineAt, from)] ?? Infinity);
  const i = after !== Infinity ? after : Math.max(order.certfixAt.at(-1) ?? -1, order.commandLineAt.at(-1) ?? -1);
  return order.items[i] as Located;
}

/** Why an entry stays beside CCMCertFix steps none of which counts for its Setup step, naming the closest one. */
function noneForThisStep(o: ResolvedKb977203Options, closest: Located, found: CertfixFor): string {
  const why = `${shownValue(closest.path, '"')}, the closest, ${found.notTaken(closest)}`;
  return `no step that runs the program ${shownValue(o.program, '"')} of package ${o.certfixPackage} (or CCMCertFix.exe from a command line) counts for it, as the apply takes one: right after it, running whenever it runs (${why}). The preset inserts its own for a Setup step it finds none for, so it did not write this entry: it is left, as the administrator's.`;
}
