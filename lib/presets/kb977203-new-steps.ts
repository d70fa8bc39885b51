/**
 * The steps and groups the KB977203 preset inserts: CCMCertFix (Install Software) and the restart to the installed
 * OS, built from the options, and the descriptions it gives them and its groups, by which revert later tells them
 * from an administrator's.
 */
import { createInstallSoftwareStep, createRestartComputerStep } from '../model/builders.js';
import type { Condition, SequenceItem, Step } from '../model/types.js';
import { copyCondition } from '../transforms/conditions.js';
import { plainCopy } from '../model/plain-copy.js';
import { MAX_ITEM_DESCRIPTION } from '../model/item-checks.js';
import type { ResolvedKb977203Options } from './kb977203-options.js';
import type { Release } from '../catalog/versions.js';

/** The description of a group the preset makes to evaluate Setup's condition once, in Windows PE (revert finds it by it). */
export const KB977203_GROUP_DESCRIPTION = "KB977203: Setup Windows and ConfigMgr's condition, evaluated once in Windows PE for Setup and CCMCertFix";

/**
 * The description of a group earlier versions of the preset made around an adopted CCMCertFix step whose condition can
 * change once it has run, so that the condition was evaluated once for it and the restart after it. Such a step is no
 * longer adopted (its condition, Setup's, is evaluated again after Setup ran: see kb977203-certfix-for.ts); revert
 * still finds such a group by it and undoes it.
 */
export const KB977203_CERTFIX_GROUP_DESCRIPTION = "KB977203: CCMCertFix's condition, evaluated once for CCMCertFix and the restart after it";

/** The description of the CCMCertFix step the preset inserts (revert tells it from an administrator's step by it). */
export const KB977203_CERTFIX_DESCRIPTION = 'KB977203: repair the client certificate with CCMCertFix.exe';

/**
 * The description of that step when the package had no "Run another program first" at all (no DependentProgram
 * element in a 2007 export, a null one in object.xml) and the preset added it. An emptied DependentProgram and a
 * missing one look the same once the preset has set it, so this is how revert knows to take the property away again
 * rather than leave it empty.
 */
export const KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT = `${KB977203_CERTFIX_DESCRIPTION}; it also runs first ("Run another program first"), which the package did not have before`;

/**
 * The description of that step when the package already ran the program first ("Run another program first") before
 * the preset: revert then leaves DependentProgram as it found it, rather than empty it as one the preset set.
 */
export const KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT = `${KB977203_CERTFIX_DESCRIPTION}; the package already ran it first ("Run another program first") before`;

/** Whether a step has a description the preset gives the CCMCertFix step it inserts. */
export function hasPresetCertfixDescription(step: SequenceItem): boolean {
  const d = step.attributes.description;
  return d === KB977203_CERTFIX_DESCRIPTION || d === KB977203_CERTFIX_DESCRIPTION_NEW_DEPENDENT || d === KB977203_CERTFIX_DESCRIPTION_KEPT_DEPENDENT;
}
const RESTART_DESCRIPTION = 'KB977203: restart to the installed operating system after CCMCertFix';

/** Whether a step has the description the preset gives the restart it inserts after CCMCertFix. */
export function hasPresetRestartDescription(step: SequenceItem): boolean {
  return step.attributes.description === RESTART_DESCRIPTION;
}

/**
 * The description of a group the preset makes (`base`: {@link KB977203_GROUP_DESCRIPTION} or
 * {@link KB977203_CERTFIX_GROUP_DESCRIPTION}) around a step whose condition came after its element `<after>` (MDT's
 * files write `<condition>` after `<action>`, or last): nothing else records where it stood, and revert puts it back
 * there, so that it gives back the bytes read. Undefined `after` (the condition first, as ConfigMgr writes it) adds
 * nothing.
 */
export function presetGroupDescription(base: string, after: string | undefined): string {
  const recorded = after === undefined ? base : `${base} (in the step, its condition stood after ${after})`;
  // Within what the console holds (a tag of an element no console writes can be long): past it, nothing is recorded,
  // and revert puts the condition first.
  return recorded.length <= MAX_ITEM_DESCRIPTION ? recorded : base;
}

const CONDITION_AFTER = / \(in the step, its condition stood after ([^\s()<>&"]+)\)$/;

/**
 * Of a description {@link presetGroupDescription} gives: the element the step's condition stood after (undefined when
 * it stood first); `false` for any other description.
 */
export function presetGroupOf(description: string | undefined): { after: string | undefined } | false {
  if (description === KB977203_GROUP_DESCRIPTION || description === KB977203_CERTFIX_GROUP_DESCRIPTION) return { after: undefined };
  const m = description === undefined ? null : CONDITION_AFTER.exec(description);
  if (!m) return false;
  const base = (description as string).slice(0, m.index);
  return base === KB977203_GROUP_DESCRIPTION || base === KB977203_CERTFIX_GROUP_DESCRIPTION ? { after: m[1] } : false;
}

/** Whether an item has a description the preset gives a step or group it inserts: a trace of an apply in the file. */
export function hasPresetDescription(item: SequenceItem): boolean {
  const d = item.attributes.description;
  return hasPresetCertfixDescription(item) || d === RESTART_DESCRIPTION || presetGroupOf(d) !== false;
}

/**
 * Pairs built before, by what they are built from. Building goes through the step catalog (templates, rendering and
 * checks of every value), the same for every Setup step of a run and every input of a batch: a pair is built once
 * and each caller gets a deep copy, which costs a fraction of a build (and, in a batch's worker threads, spares V8
 * optimising the catalog's code in each of them). A few option sets at most are in use at once.
 */
const built = new Map<string, readonly [Step, Step]>();
const MAX_BUILT = 16;

/** The pair for these options, as built (never handed out: callers get copies). */
function builtPair(o: ResolvedKb977203Options, disabled: boolean, retry: boolean, description: string, release: Release): readonly [Step, Step] {
  const key = JSON.stringify([o.certfixPackage, o.program, o.stepNames.certfix, o.stepNames.restart, disabled, retry, description, release]);
  let pair = built.get(key);
  if (pair === undefined) {
    // Spelled for the sequence's release, as insert-steps-after spells its steps: no setting a later release writes.
    const certfix = createInstallSoftwareStep({ name: 'CCMCertFix', description, packageId: o.certfixPackage, programName: o.program, disabled, retryAttributes: retry, release });
    const restart = createRestartComputerStep({ name: 'Restart', description: RESTART_DESCRIPTION, target: 'HD', notify: false, disabled, retryAttributes: retry, release });
    // Names are set after building: they may be up to the provider's 100 characters (checked with the options).
    certfix.attributes.name = o.stepNames.certfix;
    restart.attributes.name = o.stepNames.restart;
    if (built.size >= MAX_BUILT) built.clear();
    built.set(key, (pair = [certfix, restart]));
  }
  return pair;
}

/**
 * The CCMCertFix step and the restart after it, disabled as `disabled` says, each with a copy of `condition` if one
 * is given, and with the retry attributes if `retry`, spelled for `release` (the sequence's: see `sequenceRelease`).
 * Each call gives new steps, which the caller may change.
 */
export function newSteps(o: ResolvedKb977203Options, disabled: boolean, condition: Condition | undefined, retry: boolean, release: Release, description = KB977203_CERTFIX_DESCRIPTION): [Step, Step] {
  const [builtCertfix, builtRestart] = builtPair(o, disabled, retry, description, release);
  const certfix = plainCopy(builtCertfix);
  const restart = plainCopy(builtRestart);
  if (condition) {
    certfix.children.unshift(copyCondition(condition));
    restart.children.unshift(copyCondition(condition));
  }
  return [certfix, restart];
}
