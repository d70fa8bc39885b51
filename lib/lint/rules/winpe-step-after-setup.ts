/**
 * A step that runs only in Windows PE (`runIn="WinPE"`: Apply Driver Package, Apply Operating System, Format and
 * Partition Disk, Apply Windows Settings…) placed after Setup Windows and ConfigMgr: Setup ends in the new operating
 * system, and Microsoft's step reference says such a step "does not run in a standard operating system". Drivers
 * applied there also come too late for Windows Setup, which takes the drivers it finds when it starts.
 *
 * Only where the step certainly comes after a Setup that ran: a Setup under a condition (its own, or a group's that
 * the step is not also in) may be another branch's (a sequence with a bare-metal and a refresh branch has an Apply
 * Operating System after the other branch's Setup), and a Setup that never runs (disabled) moves nothing. A step
 * that can take the computer back to Windows PE in between ends the question: a Restart Computer into Windows PE
 * (whatever its condition: it may be the one that runs), or Prepare Windows for Capture, after which the engine
 * starts Windows PE for the capture (as every build-and-capture sequence relies on).
 */
import { type Located } from '../../model/query.js';
import { STEP_TYPES } from '../../model/steps.js';
import { conditionOf } from '../../model/conditions.js';
import type { Group } from '../../model/types.js';
import { disabledNote, neverRuns, restartsToWinPe } from '../../presets/kb977203-step-queries.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, type LintRule, steps } from '../rule.js';

/** Prepare Windows for Capture: Sysprep, then Windows PE for the capture step after it. */
const PREPARE_FOR_CAPTURE = 'SMS_TaskSequence_PrepareOSAction';

/** The steps that make drivers available to Windows Setup, which takes them only when it starts. */
const DRIVER_STEPS = new Set(['SMS_TaskSequence_ApplyDriverPackageAction', 'SMS_TaskSequence_AutoApplyAction']);
/** Lint rule `winpe-step-after-setup` (see its description). */
export const winPeStepAfterSetup: LintRule = {
  id: 'winpe-step-after-setup',
  severity: 'warning',
  description: 'A step that runs only in Windows PE comes after Setup Windows and ConfigMgr, which leaves the computer in the new operating system, with no restart into Windows PE between them.',
  check: (doc) => {
    const out: Finding[] = [];
    // The Setup steps that ran since the computer last went (or may have gone) back to Windows PE, by where their
    // conditions come from: a Setup under no condition (`unconditional`), or the deepest group with a condition around
    // it (`byGroup`). A step after it runs with Setup run whenever it is inside that group too: one lookup per group
    // around the step, not a look at every Setup before it (a sequence of 2,000 OS installs has 2,000 of them).
    let unconditional: Located | undefined;
    let byGroup = new Map<Group, Located>();
    for (const located of steps(doc)) {
      const { type, runIn } = located.node.attributes;
      if (!neverRuns(located) && (restartsToWinPe(located.node) || type === PREPARE_FOR_CAPTURE)) {
        unconditional = undefined;
        byGroup = new Map();
        continue;
      }
      if (type === STEP_TYPES.setupWindowsAndConfigMgr) {
        // A Setup under a condition of its own may not run whenever any step after it does; one that never runs moves nothing.
        if (neverRuns(located) || conditionOf(located.node) !== undefined) continue;
        const anchor = located.groups.findLast((g) => conditionOf(g) !== undefined);
        if (anchor) byGroup.set(anchor, located);
        else unconditional = located;
        continue;
      }
      if (runIn !== 'WinPE') continue;
      const setup = unconditional ?? located.groups.map((g) => byGroup.get(g)).findLast((s) => s !== undefined);
      if (!setup) continue;
      out.push({
        located,
        message: `${shownValue(located.node.attributes.name ?? '', '"')} runs only in Windows PE (runIn="WinPE"), but comes after the Setup Windows and ConfigMgr step ${shownValue(setup.node.attributes.name ?? '', '"')} (${setup.path}), which leaves the computer in the new operating system, with no Restart Computer into Windows PE between them: the step does not run in a full operating system. Move it before Setup${DRIVER_STEPS.has(type ?? '') ? ' (drivers belong between Apply Operating System and Setup, where Windows Setup finds them)' : ''}, or restart into Windows PE first.${disabledNote(located)}`,
      });
    }
    return out;
  },
};
