/**
 * Which CCMCertFix step counts for one Setup Windows and ConfigMgr step, and whether it is the preset's own: the one
 * answer apply and revert share. Apply adopts that step (or inserts its own pair when there is none) and says
 * KB977203_PATCH_ADOPTED of a right PATCH entry beside any step but its own; revert judges the Setup step's KB977203
 * entry by the same step. Judged apart, the two disagreed wherever the first CCMCertFix step after Setup is not the one
 * apply takes (a disabled one, one in a branch, one under a condition of its own, a Run Command Line one before an
 * Install Software one): revert then named, kept or took out entries otherwise than apply had said.
 */
import { describeCondition } from '../model/conditions.js';
import { conditionMode, testedVariableNames } from '../transforms/conditions.js';
import { maySetAnyVariable } from '../model/variables-set.js';
import type { Located } from '../model/query.js';
import { STEP_TYPES, stepTypeName } from '../model/steps.js';
import type { SequenceItem, Step } from '../model/types.js';
import { shownValue } from '../shown-value.js';
import { branchesOf } from './kb977203-branch-index.js';
import type { ExecutionOrder } from './kb977203-execution-order.js';
import { hasPresetCertfixDescription } from './kb977203-new-steps.js';
import { conditionsApartFrom, disabledApartFrom, isDisabled, sameCondition } from './kb977203-step-queries.js';

/** The CCMCertFix step that counts for a Setup step (see {@link certfixFor}). */
export interface CertfixFor {
  /** The step apply adopts for the Setup step; undefined when none counts, and apply inserts its own. */
  step: Located<Step> | undefined;
  /** Whether that step is a Run Command Line step that runs CCMCertFix.exe (taken only where no Install Software one is). */
  commandLine: boolean;
  /**
   * Whether it is the preset's own: an Install Software step with the description the preset gives the one it inserts.
   * A Run Command Line step never is (revert never takes one out, whatever its description).
   */
  own: boolean;
  /** Setup steps and state restores in branches opposite this Setup step's that the engine may still run, and why. */
  branchNotes: { item: Located; why: string }[];
  /** Why a CCMCertFix step near the Setup step is not the one that counts for it, in words. */
  notTaken: (l: Located) => string;
}

/**
 * The CCMCertFix step that counts for `setup` in `order` (the sequence indexed once, see kb977203-execution-order.ts):
 * the first Install Software CCMCertFix step after Setup that runs whenever Setup does — disabled only where Setup is,
 * under no condition Setup does not run under, and under Setup's own only where it tests variables nothing between
 * them sets (one on WMI, files or `_SMS…` variables is evaluated again after Setup ran and can come out otherwise), and
 * not after a Restart Computer step into Windows PE that runs with Setup — before the next Setup step or user state restore it cannot be skipped
 * for (see kb977203-branches.ts); failing that, the first such Run Command Line step that runs CCMCertFix.exe.
 */
export function certfixFor(setup: Located<Step>, order: ExecutionOrder): CertfixFor {
  const { items, certfixAt } = order;
  const at = (n: SequenceItem) => order.index.get(n) ?? -1;
  const from = at(setup.node);
  // CCMCertFix must have run before the user state is restored, in any scenario: a step after that is too late. Only a
  // step that restores and may run counts (see stateRestoreAt): a Request State Store that is disabled, or that
  // captures, restores nothing, and a CCMCertFix step after it is still in time.
  // A Setup step or state restore in a branch that excludes this Setup step's (see kb977203-branches.ts) is skipped
  // once this one ran: a CCMCertFix step after both branches runs next after this one too.
  const branchNotes: { item: Located; why: string }[] = [];
  const branches = branchesOf(order);
  const boundary = branches.firstRunAfter(order.byType(STEP_TYPES.setupWindowsAndConfigMgr), setup, branchNotes);
  // Only up to the next Setup step, which ends the span anyway: a restore past it bounds nothing here.
  const restore = branches.firstRunAfter(order.stateRestoreAt, setup, branchNotes, boundary === -1 ? Infinity : boundary);
  const end = Math.min(...[boundary, restore, items.length].filter((i) => i !== -1));
  const endItem = end < (boundary === -1 ? items.length : boundary) ? items[end] : undefined;
  const disabled = isDisabled(setup.node);
  // The first Restart Computer step into Windows PE (the boot image) after Setup and before `end` that runs when Setup
  // does (enabled, or disabled only with it): a CCMCertFix step after it would run in Windows PE, not in the operating
  // system Setup installed, where Install Software does not run at all. Found once per Setup step, in the index of
  // such restarts (see `toWinPeAfter`).
  let toWinPe: Located | null | undefined;
  const restartToWinPe = (): Located | null => (toWinPe ??= order.toWinPeAfter(from, end) ?? null);
  /** Why a CCMCertFix step after Setup and before `end` does not run whenever Setup does, or undefined when it does. */
  const runsApart = (l: Located): string | undefined => {
    // Disabled, or in a disabled group Setup is not in (unless Setup is disabled too: then the new steps would be).
    if (disabledApartFrom(l, setup) && !disabled) return `is disabled${isDisabled(l.node) ? '' : ' by a group around it'}, so it does not run when Setup does`;
    // Enabled after a disabled Setup, it runs now, when Setup does not: adopted, it would get an enabled restart, a
    // change to how the sequence runs today, where the pair the preset gives a disabled Setup is disabled with it.
    if (disabledApartFrom(setup, l) && !disabledApartFrom(l, setup)) return 'is enabled while Setup is disabled, so it runs when Setup does not (the steps that go with a disabled Setup are disabled with it)';
    // After a restart into Windows PE: it does not run in the operating system Setup installed (R13 wants it right
    // after Setup, there). A restart on the way that may not run (a condition) is still taken: where it runs, CCMCertFix
    // is in Windows PE.
    const winPe = restartToWinPe();
    if (winPe !== null && at(winPe.node) < at(l.node)) return `comes after the Restart Computer step ${shownValue(winPe.path, '"')}, which restarts into Windows PE (the boot image), so it does not run in the operating system Setup installed`;
    // A condition of its own, or of a group Setup is not in, that Setup does not run under too (its own, or a group's
    // that is not around the step): where it is false, Setup runs and CCMCertFix does not (R13 wants it right after
    // Setup, running with it).
    const setupOnly = conditionsApartFrom(setup, l);
    for (const c of conditionsApartFrom(l, setup)) {
      const shown = shownValue(describeCondition(c), '');
      if (!setupOnly.some((s) => sameCondition(c, s))) return `has a condition Setup does not have (${shown}), so it does not run whenever Setup does`;
      // Setup's condition, but evaluated again once Setup ran: one on WMI, files or `_SMS…` variables can come out
      // otherwise (`_SMSTSInWinPE` is true for Setup and false after it), as the restart's is judged (see
      // `restartMismatch`); one on a variable an enabled step between them sets, too.
      if (conditionMode(c) !== 'copy') return `has Setup's condition (${shown}), evaluated again after Setup ran, when what it tests (WMI, files, _SMS… variables) can come out otherwise, so it does not run whenever Setup does`;
      for (const [variable, written] of testedVariableNames(c)) {
        const setter = order.setters.firstBetween(from, at(l.node), variable);
        const does = setter !== undefined && maySetAnyVariable(setter.node) ? 'runs a child task sequence, which can set' : 'sets';
        if (setter !== undefined) return `has Setup's condition (${shown}), but the ${stepTypeName(setter.node.attributes.type)} step ${shownValue(setter.path, '"')} between them ${does} ${written}, so it does not run whenever Setup does`;
      }
    }
    return undefined;
  };
  // The first that runs whenever Setup does. Those in branches that exclude Setup's are passed at once (each has a
  // condition Setup does not have): a Setup step in one of many such branches looked at every later branch's.
  const adoptable = (positions: readonly number[]): Located<Step> | undefined => {
    const i = branches.firstTaken(positions, setup, end, (l) => runsApart(l) === undefined);
    return i === -1 ? undefined : (items[i] as Located<Step>);
  };
  // A Run Command Line step that runs CCMCertFix.exe counts by the same rules, but only where no Install Software
  // CCMCertFix step does: the step the KB asks for comes first, and taking it keeps what earlier versions did.
  const installs = adoptable(certfixAt);
  const commandLine = installs ? undefined : adoptable(order.commandLineAt);
  const step = installs ?? commandLine;
  return {
    step,
    commandLine: commandLine !== undefined,
    own: installs !== undefined && hasPresetCertfixDescription(installs.node),
    branchNotes,
    notTaken: (l) => {
      const i = at(l.node);
      if (i < from) return `runs before Setup (in Windows PE or the old operating system), not after it${disabledApartFrom(l, setup) ? ', and is disabled' : ''}`;
      if (i >= end && endItem !== undefined) return `comes after ${shownValue(endItem.node.attributes.name ?? '', '"')} (${stepTypeName(endItem.node.attributes.type)}), and CCMCertFix must run before the user state is restored`;
      if (i >= end) return `comes after the next Setup step, ${shownValue(items[end]?.node.attributes.name ?? '', '"')}`;
      return runsApart(l) ?? `is not the step taken for CCMCertFix after Setup: ${shownValue(step?.node.attributes.name ?? '', '"')} is`;
    },
  };
}
