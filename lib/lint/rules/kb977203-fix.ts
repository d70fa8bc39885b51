/**
 * KB977203 wiring as a whole, before import: the fix present in a ConfigMgr 2007 deployment sequence, one KB977203
 * entry per PATCH list, and a restart to the installed OS after CCMCertFix that runs exactly when it runs.
 */
import { patchList, patchListProblem } from '../../model/install-properties.js';
import type { Located } from '../../model/query.js';
import { InstallSoftwareStep, SetupWindowsStep, STEP_TYPES } from '../../model/steps.js';
import { configMgrEra } from '../../presets/kb977203-era.js';
import { type PropertiesOverride, propertiesOverrideSites } from '../../presets/kb977203-overrides.js';
import { runsCertfixCommandLine } from '../../presets/kb977203-command-line.js';
import { isKb977203Entry, isKb977384Entry } from '../../presets/kb977203-patch.js';
import { hotfixInstallStepsIn } from '../../presets/kb977203-r1.js';
import { disabledNote, restartsToOs } from '../../presets/kb977203-step-queries.js';
import { conditionOf } from '../../model/conditions.js';
import { parseDependentProgram } from '../../transforms/set-dependent-program.js';
import type { SequenceItem, Step, SubTaskSequence } from '../../model/types.js';
import { shownValue } from '../../shown-value.js';
import { asItRuns, type Finding, items, type LintRule, steps } from '../rule.js';
import { disabledRestartPassed, disabledRestartsAt, nextStepRunAfter, restartMismatchAcross } from '../../presets/kb977203-restart-after.js';
import { type BranchIndex, branchIndex } from '../../presets/kb977203-branch-index.js';
import { setterIndex } from '../../presets/kb977203-execution-order.js';

/**
 * The package's "Run another program first" (CCMCertFix whatever its program is called), for the rules that find the
 * steps that run CCMCertFix; undefined in a bare sequence, which has no package properties.
 */
export function dependentProgramOf(doc: Parameters<LintRule['check']>[0]): ReturnType<typeof parseDependentProgram> | undefined {
  return doc.hasProperties ? parseDependentProgram(doc.getProperty('DependentProgram') ?? '') : undefined;
}

function setups(doc: Parameters<LintRule['check']>[0]) {
  return steps(doc).filter((l) => l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr);
}

/** Lint rule `kb977203/fix-absent`. */
export const fixAbsent: LintRule = {
  id: 'kb977203/fix-absent',
  severity: 'warning',
  requirement: 'R4',
  description:
    'A ConfigMgr 2007 deployment sequence whose Setup Windows and ConfigMgr step installs neither KB977203 nor KB977384 through PATCH (unless a value set before it, always, replaces its field with one that does), or whose SMSClientInstallProperties, set before Setup by a Set Task Sequence Variable step or a global variable, lists neither (Setup reads that value, not its own field).',
  check: (doc) => {
    if (configMgrEra(doc).against.length > 0) return [];
    const listed = items(doc);
    const setupAt = listed.flatMap((l, i) => (l.node.kind !== 'group' && l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr ? [i] : []));
    if (setupAt.length === 0) return [];
    // The value Setup reads at run time may not be its field's: the preset's own test of what sets it (its warnings;
    // a value that lists an entry is information there, and the fix is not absent).
    const sites = propertiesOverrideSites(doc, listed, (setupAt[setupAt.length - 1] as number) + 1);
    const fixedBefore = valuesWithFixBefore(listed, sites);
    const inField = setupAt.flatMap((i): Finding[] => {
      const located = listed[i] as Located<Step>;
      const props = new SetupWindowsStep(located.node).clientInstallProperties;
      // A PATCH written so that it is not read (PATCH = "…", a quote never closed, PATCH twice) is
      // kb977203/patch-quoted's: the preset refuses it rather than wiring the fix in, so "cmts kb977203 wires the fix
      // in" would not be true.
      if (patchListProblem(props)) return [];
      const list = patchList(props) ?? [];
      if (list.some((e) => isKb977203Entry(e) || isKb977384Entry(e)) || fixedBefore(located, i)) return [];
      return [{ located, message: `PATCH does not install KB977203 (or KB977384, which contains it): user state migration fails on clients with update 974571 or Windows 7 SP1. cmts kb977203 wires the fix in.${disabledNote(located)}` }];
    });
    const overrides = sites.filter((o) => o.issue.severity === 'warning');
    return [...inField, ...overrides.map(({ issue, at }): Finding => ('path' in at ? { located: at, message: issue.message } : { node: at, message: issue.message }))];
  },
};

/**
 * Whether a value of SMSClientInstallProperties that installs the fix is always in effect when the Setup step at
 * `setupIndex` runs, so Setup reads it and not its own field: a global variable's, or one a Set Task Sequence
 * Variable step listed before that Setup step sets under no condition Setup does not share (`sites` holds only
 * steps that can run). A value without the fix, wherever it is, is a finding of its own.
 *
 * Each such step is reduced to its anchor: the innermost of itself and its groups that has a condition (`null`, the
 * sequence, when none has). It runs whenever a later Setup step runs exactly when that anchor is the sequence or a
 * group around Setup, so a Setup step asks only about its own groups: linear, where comparing every value with every
 * Setup step grew with the square of a sequence of many of both.
 */
function valuesWithFixBefore(listed: readonly Located[], sites: readonly PropertiesOverride[]): (setup: Located, setupIndex: number) => boolean {
  const carrying = sites.filter((o) => o.issue.severity === 'info');
  if (carrying.some(({ at }) => !('path' in at))) return () => true;
  const anchors = new Map<Located['node'], Located['node'] | null>();
  for (const { at } of carrying) {
    if (!('path' in at)) continue;
    const chain = [...at.groups, at.node];
    anchors.set(at.node, chain.findLast((n) => conditionOf(n) !== undefined) ?? null);
  }
  if (anchors.size === 0) return () => false;
  // Walked once, in order, as the Setup steps are asked in order: the anchors of the values set so far.
  const seen = new Set<Located['node'] | null>();
  let walked = 0;
  return (setup, setupIndex) => {
    for (; walked < setupIndex; walked++) {
      const node = (listed[walked] as Located).node;
      if (anchors.has(node)) seen.add(anchors.get(node) as Located['node'] | null);
    }
    return seen.has(null) || setup.groups.some((g) => seen.has(g));
  };
}

/** PATCH entries as a finding lists them, each cut as `shownValue` cuts a value read as data. */
const entriesShown = (entries: readonly string[]): string => entries.map((e) => shownValue(e, '')).join('; ');

function kbEntries(located: ReturnType<typeof setups>[number]): string[] {
  return (patchList(new SetupWindowsStep(located.node).clientInstallProperties) ?? []).filter(isKb977203Entry);
}

/** Lint rule `kb977203/patch-duplicate`. */
export const patchDuplicate: LintRule = {
  id: 'kb977203/patch-duplicate',
  severity: 'warning',
  requirement: 'R4',
  description: 'One PATCH list names the KB977203 client patch more than once.',
  check: (doc) =>
    setups(doc).flatMap((located): Finding[] => {
      const entries = kbEntries(located);
      const sps = new Set(entries.map((e) => /-SP([12])-/i.exec(e)?.[1]));
      return entries.length > 1 && sps.size === 1 ? [{ located, message: `PATCH lists KB977203 ${entries.length} times (${entriesShown(entries)}); one entry is enough.` }] : [];
    }),
};

/** Lint rule `kb977203/patch-contradictory`. */
export const patchContradictory: LintRule = {
  id: 'kb977203/patch-contradictory',
  severity: 'error',
  requirement: 'R4',
  description: 'One PATCH list names both the SP1 and the SP2 client patch of KB977203; a client runs one service pack.',
  check: (doc) =>
    setups(doc).flatMap((located): Finding[] => {
      const entries = kbEntries(located);
      const sps = new Set(entries.map((e) => /-SP([12])-/i.exec(e)?.[1]).filter(Boolean));
      return sps.size > 1 ? [asItRuns(located, `PATCH lists both the SP1 and the SP2 KB977203 patch (${entriesShown(entries)}); keep the one for the clients' service pack (R4).`)] : [];
    }),
};

/**
 * Whether a step runs CCMCertFix, as lint's R14 rules judge it: an Install Software step whose program says CCMCertFix
 * (or, with `named`, whose name does) or is the package's "Run another program first" (`dependent`); or a Run Command
 * Line step that runs CCMCertFix.exe, which the preset takes for R13 as well. One test, so the rules about the restart
 * after CCMCertFix look at the same steps.
 */
export function runsCertfix(step: Step, dependent: { packageId: string; program: string } | undefined, named = false): boolean {
  if (step.attributes.type === STEP_TYPES.installSoftware) {
    const v = new InstallSoftwareStep(step);
    if (/CCMCertFix/i.test(`${v.programName ?? ''} ${named ? (step.attributes.name ?? '') : ''}`)) return true;
    return dependent !== undefined && v.packageId?.toUpperCase() === dependent.packageId.toUpperCase() && v.programName?.toLowerCase() === dependent.program.toLowerCase();
  }
  return runsCertfixCommandLine(step);
}

/**
 * Each step of the document that runs CCMCertFix (see {@link runsCertfix}) with the step the engine runs next, in
 * execution order, past branches that exclude its own (see `nextStepRunAfter`): the R14 rules look at the same steps
 * and the same restart as the preset.
 */
export function certfixesWithNext(doc: Parameters<LintRule['check']>[0], named = false): { located: Located<Step>; next: Located<Step | SubTaskSequence> | undefined }[] {
  const dependent = dependentProgramOf(doc);
  const listed = items(doc);
  // Indexed once, on the first CCMCertFix step: the step run next passes over branches that exclude its own.
  let index: Map<SequenceItem, number> | undefined;
  let branches: BranchIndex | undefined;
  let disabled: number[] | undefined;
  const at = (n: SequenceItem) => (index ??= new Map(listed.map((l, i) => [l.node, i]))).get(n) ?? -1;
  return listed.flatMap((located) => {
    if (located.node.kind !== 'step' || !runsCertfix(located.node, dependent, named)) return [];
    const run = nextStepRunAfter(listed, located, at, (branches ??= branchIndex(listed, setterIndex(listed), at)));
    // No restart run next, but one passed over as disabled: that one is named, with why it does not count.
    const next = run.next !== undefined && restartsToOs(run.next.node) ? run.next : (disabledRestartPassed(listed, located, run, at, () => (disabled ??= disabledRestartsAt(listed))) ?? run.next);
    return [{ located: located as Located<Step>, next }];
  });
}

/** Lint rule `kb977203/certfix-without-restart`. */
export const certfixWithoutRestart: LintRule = {
  id: 'kb977203/certfix-without-restart',
  severity: 'warning',
  requirement: 'R14',
  description:
    'CCMCertFix (an Install Software step, or a Run Command Line step that runs CCMCertFix.exe) is not followed, in execution order, by a Restart Computer to the installed operating system that runs whenever it runs (the restart may be first after the group CCMCertFix ends, or first in the next group, but a group on the way that is disabled or has a condition CCMCertFix does not share keeps it from running then; a restart with no condition after a conditional CCMCertFix runs whenever it ran, and is enough).',
  check: (doc) =>
    certfixesWithNext(doc).flatMap(({ located, next }): Finding[] => {
      const step = located.node;
      // A disabled CCMCertFix does not run now, but the preset still wires a (disabled) restart after it.
      const off = disabledNote(located);
      if (!next || !restartsToOs(next.node)) return [{ located, message: `${shownValue(step.attributes.name ?? '', '"')} runs CCMCertFix and is not followed by a Restart Computer to the installed operating system (R14).${off}` }];
      // Among siblings, the same test the preset makes before it adopts the restart (otherwise it inserts the KB's own).
      const mismatch = restartMismatchAcross(located, next as Located<Step>);
      return mismatch === undefined
        ? []
        : [{ located, message: `${shownValue(step.attributes.name ?? '', '"')} runs CCMCertFix, and the Restart Computer after it, ${shownValue(next.node.attributes.name ?? '', '"')}, ${mismatch}, so it does not run exactly when CCMCertFix runs (R14).` }];
    }),
};

/** Lint rule `kb977203/hotfix-named-step`: a step named after KB977203 that may install it (a warning, see R1). */
export const hotfixNamedStep: LintRule = {
  id: 'kb977203/hotfix-named-step',
  severity: 'warning',
  requirement: 'R1',
  description: 'An Install Software or Run Command Line step named after KB977203 (not CCMCertFix); if it installs the hotfix, it stops the client service.',
  check: (doc) => hotfixInstallStepsIn(items(doc)).filter((h) => !h.explicit).map((h) => ({ located: h.located, message: h.why })),
};
