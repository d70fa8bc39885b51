/**
 * What revert does with the KB977203 entries in PATCH. Nothing in the file records who wrote an entry, so each Setup
 * step's entry is judged by the CCMCertFix step that runs after it: beside none at all the preset never wrote it (it
 * always inserts or adopts one) and it stays; beside one the preset inserted it went in with that step (or the apply
 * said it was adopted) and it goes; beside one that is the administrator's it goes, named, since it may be theirs.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Issue } from '../errors.js';
import { patchList } from '../model/install-properties.js';
import { listItems, type Located } from '../model/query.js';
import type { Step } from '../model/types.js';
import { InstallSoftwareStep, SetupWindowsStep, STEP_TYPES } from '../model/steps.js';
import type { AlreadyInPlace, Edit } from '../transforms/context.js';
import { shownValue } from '../shown-value.js';
import { runsCertfixCommandLine } from './kb977203-command-line.js';
import { hasPresetCertfixDescription } from './kb977203-new-steps.js';
import type { ResolvedKb977203Options } from './kb977203-options.js';
import { isKb977203Entry, namesKb977384, withoutKb977203Entries } from './kb977203-patch.js';
import { runsProgram, runsProgramOfAnotherPackage } from './kb977203-step-queries.js';
import { inSubtrees } from '../transforms/apply-edits.js';

/** What revert plans for PATCH: edits, entries it leaves, and its notes. */
export interface PatchRevert {
  edits: Edit[];
  kept: AlreadyInPlace[];
  diagnostics: Issue[];
}

/**
 * For each item, whether the first CCMCertFix step at or after it in execution order is the preset's own (true),
 * the administrator's (false), or there is none (undefined): one pass from the end, whatever the number of Setup steps.
 */
function certfixAfter(items: readonly Located[], o: ResolvedKb977203Options): (boolean | undefined)[] {
  const out: (boolean | undefined)[] = new Array<boolean | undefined>(items.length);
  let next: boolean | undefined;
  for (let i = items.length - 1; i >= 0; i--) {
    const node = (items[i] as Located).node;
    if (runsProgram(node, o.certfixPackage, o.program)) next = hasPresetCertfixDescription(node);
    else if (runsCertfixCommandLine(node)) next = false;
    out[i] = next;
  }
  return out;
}

/** Plans revert's edits of PATCH, one Setup Windows and ConfigMgr step at a time (see the module comment). */
export function planPatchRevert(doc: TaskSequenceDocument, o: ResolvedKb977203Options): PatchRevert {
  const plan: PatchRevert = { edits: [], kept: [], diagnostics: [] };
  const items = listItems(doc.sequence);
  const after = certfixAfter(items, o);
  // Outside replace-capture the preset always inserts or adopts a CCMCertFix step: with none in the file, it never
  // wrote this sequence (or its work was undone by hand), and a KB977203 entry in PATCH is the administrator's.
  const noCertfix = after[0] === undefined;
  const other = noCertfix ? items.find((l) => runsProgramOfAnotherPackage(l.node, o.certfixPackage, o.program)) : undefined;
  items.forEach((located, i) => {
    if (located.node.kind !== 'step' || located.node.attributes.type !== STEP_TYPES.setupWindowsAndConfigMgr) return;
    const view = new SetupWindowsStep(located.node);
    const before = view.clientInstallProperties;
    const list = patchList(before);
    if (list === undefined || !list.some(isKb977203Entry)) return;
    // The preset leaves a PATCH that lists the KB977384 client update alone (R2), so a KB977203 entry beside it was
    // never the preset's: it stays.
    const covering = list.find(namesKb977384);
    if (covering !== undefined) {
      plan.kept.push({ what: `PATCH with its KB977203 entry, beside the KB977384 client update (${covering}): the preset adds none there`, where: located.path, requirement: 'R2' });
      return;
    }
    const entries = list.filter(isKb977203Entry).map((e) => shownValue(e, '')).join(', ');
    if (noCertfix) {
      plan.kept.push({ what: `PATCH entry ${entries}, beside no CCMCertFix step: the preset did not add it`, where: located.path, requirement: 'R4' });
      // Said of what was looked for: a step running CCMCertFix from another package than the one given (a revert with
      // the wrong package) is named, since the sequence does run CCMCertFix.
      const looked = `no step runs the program ${shownValue(o.program, '"')} of package ${o.certfixPackage} (the CCMCertFix package given), nor CCMCertFix.exe from a command line`;
      const why = other
        ? ` The step ${shownValue(other.path, '"')} runs ${shownValue(o.program, '"')} from package ${shownValue(new InstallSoftwareStep(other.node as Step).packageId ?? '', '')}: if that is the package the apply used, revert with it as the certfixPackage option. The entry is left as it is.`
        : ' The preset always inserts or adopts one, so it did not write this entry: it is left, as the administrator\'s.';
      plan.diagnostics.push({ code: 'KB977203_REVERT_PATCH_KEPT', severity: 'info', path: located.path, message: `PATCH of ${shownValue(located.path, '"')} lists ${entries}, and ${looked}.${why}` });
      return;
    }
    // Beside a CCMCertFix step the entry is taken out, the preset's or not: revert must undo what apply added (a
    // PATCH whose .msp is not on the distribution points fails the client installation), and an entry apply found in
    // place and kept looks the same. Beside the preset's own step the entry went in with it, or the apply said it was
    // adopted (KB977203_PATCH_ADOPTED); beside the administrator's, this names what went.
    if (after[i] !== true) plan.diagnostics.push({ code: 'KB977203_REVERT_PATCH_REMOVED', severity: 'info', path: located.path, message: `Revert took ${entries} out of PATCH of ${shownValue(located.path, '"')}. It cannot tell an entry the preset added from one the administrator wrote that the preset found in place and kept (nothing in the file records which): if it was there before the preset, write it back by hand (the change gives PATCH as it was, in full).` });
    const without = withoutKb977203Entries(before);
    plan.edits.push({ change: { what: 'removed the KB977203 entry from PATCH', where: located.path, before, after: without, requirement: 'R4' }, apply: () => void (view.clientInstallProperties = without), scope: inSubtrees([located.node]) });
  });
  return plan;
}
