/**
 * Lint rule `kb977203/certfix-after-setup` (R13): a Setup Windows and ConfigMgr step that installs the KB977203 client
 * patch through PATCH, with no CCMCertFix step after it that runs whenever it runs. The patch alone is half the fix:
 * the client's certificate store is repaired by CCMCertFix, which the KB runs right after Setup, in the operating
 * system Setup installed. Judged by the preset's own test of which CCMCertFix step counts for a Setup step
 * (`certfixFor`), so lint and `cmts kb977203 --check` say the same of a hand-wired sequence: a step under Setup's own
 * `_SMSTSInWinPE` or WMI condition, after a restart into Windows PE, or past the user state restore does not count.
 * A CCMCertFix step that runs again after the one that counts, before the next Setup step, is a finding too (the
 * preset's `KB977203_CERTFIX_TWICE`): CCMCertFix and the restart after it run twice.
 */
import type { Located } from '../../model/query.js';
import { STEP_TYPES } from '../../model/steps.js';
import type { Step } from '../../model/types.js';
import { patchList, patchListProblem } from '../../model/install-properties.js';
import { SetupWindowsStep } from '../../model/steps.js';
import { configMgrEraOf } from '../../presets/kb977203-era.js';
import { certfixFor } from '../../presets/kb977203-certfix-for.js';
import { certfixesRunAgain, type ExecutionOrder, executionOrder } from '../../presets/kb977203-execution-order.js';
import { firstAbove } from '../../min-search.js';
import { isKb977203Entry, isKb977384Entry } from '../../presets/kb977203-patch.js';
import { disabledNote } from '../../presets/kb977203-step-queries.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, items, type LintRule } from '../rule.js';
import { dependentProgramOf, runsCertfix } from './kb977203-fix.js';

/** Whether a Setup step's own PATCH list installs the fix (KB977203, or KB977384, which contains it). */
function patchInstallsFix(setup: Step): boolean {
  const props = new SetupWindowsStep(setup).clientInstallProperties;
  // A PATCH that is not read as written is kb977203/patch-quoted's.
  if (patchListProblem(props)) return false;
  return (patchList(props) ?? []).some((e) => isKb977203Entry(e) || isKb977384Entry(e));
}

/** The CCMCertFix step nearest after position `from` (else the last one before it), to say why it does not count. */
function nearest(list: readonly Located[], positions: readonly number[], from: number): Located | undefined {
  const k = firstAbove(positions, from);
  return list[k] ?? list[k - 1];
}

/**
 * The CCMCertFix steps run again after `certfix`, the one that counts for `setup` (see `certfixesRunAgain`): the
 * sequence runs CCMCertFix twice, and restarts twice if a restart follows each, as the preset's report warns
 * (`KB977203_CERTFIX_TWICE`), also of the pair it inserts before an administrator's step.
 */
function runAgain(order: ExecutionOrder, certfix: Located, setup: Located<Step>): Finding[] {
  return certfixesRunAgain(order, certfix).map((other) => ({
    located: other,
    message: `${shownValue(other.node.attributes.name ?? '', '"')} runs CCMCertFix again after ${shownValue(certfix.node.attributes.name ?? '', '"')}, which is the CCMCertFix step for ${shownValue(setup.node.attributes.name ?? '', '"')}: the sequence can run CCMCertFix twice, and restart twice if a restart follows each. Remove one if one run is meant.`,
  }));
}

export const certfixAfterSetup: LintRule = {
  id: 'kb977203/certfix-after-setup',
  severity: 'warning',
  requirement: 'R13',
  description:
    'A Setup Windows and ConfigMgr step whose PATCH installs KB977203 (or KB977384) is not followed by a CCMCertFix step (Install Software, or a Run Command Line step that runs CCMCertFix.exe) that runs whenever it runs, in the operating system it installed, before the next Setup step or user state restore: disabled apart from Setup, under a condition of its own, under Setup\'s condition evaluated again after Setup (_SMSTSInWinPE, WMI, files, or a variable set between them), or after a restart into Windows PE, it does not count. The same test as cmts kb977203 --check. Also a CCMCertFix step that can run again after the one that counts, before the next Setup step: CCMCertFix (and the restart after it) runs twice.',
  check: (doc) => {
    const listed = items(doc);
    const setups = listed.filter((l): l is Located<Step> => l.node.kind === 'step' && l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr && patchInstallsFix(l.node));
    if (setups.length === 0 || configMgrEraOf(doc, listed).against.length > 0) return [];
    const dependent = dependentProgramOf(doc);
    // CCMCertFix by its program (or the package's "Run another program first"), as the R14 rules find it: lint has no
    // package option to go by.
    const order = executionOrder(doc, (item) => item.kind === 'step' && item.attributes.type === STEP_TYPES.installSoftware && runsCertfix(item, dependent), listed);
    // A CCMCertFix step that counts for several Setup steps (after branches that exclude each other) is judged once.
    const judged = new Set<Located['node']>();
    return setups.flatMap((setup): Finding[] => {
      const found = certfixFor(setup, order);
      if (found.step !== undefined) return judged.has(found.step.node) ? [] : (judged.add(found.step.node), runAgain(order, found.step, setup));
      const from = order.index.get(setup.node) ?? -1;
      const near = nearest(order.certfixes, order.certfixAt, from) ?? nearest(order.commandLines, order.commandLineAt, from);
      const why = near === undefined ? 'no step runs CCMCertFix' : `${shownValue(near.path, '"')} runs CCMCertFix but ${found.notTaken(near)}`;
      return [{ located: setup, message: `${shownValue(setup.node.attributes.name ?? '', '"')} installs the KB977203 client patch through PATCH, but no CCMCertFix step runs right after it whenever it runs (R13): ${why}. The patch alone does not repair the client's certificate store; cmts kb977203 inserts CCMCertFix and a restart after Setup.${disabledNote(setup)}` }];
    });
  },
};
