/**
 * Lint rule `kb977203/run-first` (R12): a ConfigMgr 2007 export of a deployment sequence whose "Run another program
 * first" does not run CCMCertFix. The KB has the package run CCMCertFix before the sequence starts, and in a replace
 * the sequence that captures on the old computer gets that and nothing else (R15), so both halves are held to it. Lint
 * has no options to name the program by: it goes by the sequence's own CCMCertFix steps (an Install Software step
 * whose program says CCMCertFix), as the R13 and R14 rules find them.
 */
import { childElement } from '../../model/query.js';
import { STEP_TYPES } from '../../model/steps.js';
import type { Element, Step } from '../../model/types.js';
import { InstallSoftwareStep } from '../../model/steps.js';
import { configMgrEraOf } from '../../presets/kb977203-era.js';
import { capturesUserState } from '../../presets/kb977203-execution-order.js';
import { dependentRunsProgram } from '../../transforms/set-dependent-program.js';
import { shownValue } from '../../shown-value.js';
import { type Finding, items, type LintRule } from '../rule.js';
import { runsCertfix } from './kb977203-fix.js';

/** The package and program of each Install Software step that runs CCMCertFix by its program, once each, in order. */
function certfixPrograms(steps: readonly Step[]): { packageId: string; program: string }[] {
  const programs = new Map<string, { packageId: string; program: string }>();
  for (const step of steps) {
    if (step.attributes.type !== STEP_TYPES.installSoftware || !runsCertfix(step, undefined)) continue;
    const v = new InstallSoftwareStep(step);
    if (v.packageId && v.programName) programs.set(`${v.packageId};;${v.programName}`, { packageId: v.packageId, program: v.programName });
  }
  return [...programs.values()];
}

export const runFirst: LintRule = {
  id: 'kb977203/run-first',
  severity: 'warning',
  requirement: 'R12',
  description:
    'A ConfigMgr 2007 export of a deployment sequence (one with a Setup Windows and ConfigMgr step, or one that captures user state: the capture half of a replace gets R11-R12 alone) whose "Run another program first" (DependentProgram) is empty, or runs another program than the one its CCMCertFix Install Software step runs: the KB runs CCMCertFix before the task sequence starts. A bare <sequence> cannot hold it (cmts kb977203 says how to set it), and Current Branch is not the KB\'s.',
  check: (doc) => {
    if (doc.container !== 'sms-package') return [];
    const listed = items(doc);
    if (configMgrEraOf(doc, listed).against.length > 0) return [];
    const steps = listed.flatMap((l) => (l.node.kind === 'step' ? [l.node] : []));
    if (!steps.some((s) => s.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr || capturesUserState(s))) return [];
    const root = doc.xml.children.find((c): c is Element => c.kind === 'element');
    if (root === undefined) return [];
    const node = ('children' in root ? childElement(root, 'DependentProgram') : undefined) ?? root;
    const current = (doc.getProperty('DependentProgram') ?? '').trim();
    const programs = certfixPrograms(steps);
    const named = programs.length > 0 ? `: ${programs.map((p) => shownValue(`${p.packageId};;${p.program}`, '"')).join(' or ')}, the program the sequence's CCMCertFix step runs` : ', the CCMCertFix package and program (R11)';
    if (current === '') return [{ node, message: `"Run another program first" (DependentProgram) is empty: the KB runs CCMCertFix before the task sequence starts (R12). Set it to <PackageID>;;<Program>${named}; cmts kb977203 sets it.` } satisfies Finding];
    if (programs.length === 0 || programs.some((p) => dependentRunsProgram(current, p.packageId, p.program))) return [];
    return [{ node, message: `"Run another program first" (DependentProgram) runs ${shownValue(current, '"')}, not the CCMCertFix program${named.replace(/^: /, ' ')} (R12).` }];
  },
};
