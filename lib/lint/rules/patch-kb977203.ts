/**
 * R4–R9: PATCH in Setup Windows and ConfigMgr written as Windows Installer reads it (`PATCH="…"`), and its KB977203
 * entry with no %variables%, pointing into the step's own client installation files. The rules judge what the preset
 * judges, with the same functions, so that lint is silent exactly where the preset keeps an entry.
 */
import { parseInstallProperties, patchListProblem } from '../../model/install-properties.js';
import { SetupWindowsStep, STEP_TYPES } from '../../model/steps.js';
import { isKb977203Entry, isKb977384Entry, kb977203EntryPlaceProblem, kb977384EntryProblem, namesKb977203 } from '../../presets/kb977203-patch.js';
import { shownValue } from '../../shown-value.js';
import type { Step } from '../../model/types.js';
import { asItRuns, type Finding, type LintRule, steps } from '../rule.js';
function patchEntries(step: Step): { raw: string; quoted: boolean; paths: string[] } | undefined {
  const props = new SetupWindowsStep(step).clientInstallProperties;
  const token = parseInstallProperties(props).find((t) => t.name?.toUpperCase() === 'PATCH');
  if (!token) return undefined;
  const raw = props.slice(token.start, token.end);
  return { raw, quoted: /^"?PATCH="/i.test(raw), paths: token.value.split(';').map((p) => p.trim()).filter(Boolean) };
}

function setupSteps(doc: Parameters<LintRule['check']>[0]) {
  return steps(doc).filter((l) => l.node.attributes.type === STEP_TYPES.setupWindowsAndConfigMgr);
}

/** Lint rule `kb977203/patch-quoted` (see its description). */
export const patchQuoted: LintRule = {
  id: 'kb977203/patch-quoted',
  severity: 'error',
  requirement: 'R6',
  description: 'The PATCH value must be in double quotation marks, written PATCH="…" (no spaces around =, no single quotes).',
  check: (doc) =>
    setupSteps(doc).flatMap((located): Finding[] => {
      // Any PATCH the preset refuses to read (whatever it lists: it refuses these before it looks for an entry), then
      // a KB977203 one it would only quote.
      const props = new SetupWindowsStep(located.node).clientInstallProperties;
      const problem = patchListProblem(props);
      if (problem?.kind === 'quote') return [asItRuns(located, `The installation properties have a double quote at character ${problem.at + 1} that is never closed (${shownValue(props, '')}); Windows Installer would read the rest as one value, and cmts kb977203 refuses them until the quoting is fixed (R6).`)];
      if (problem?.kind === 'syntax') return [asItRuns(located, `PATCH is written ${shownValue(problem.written, '')}: ${problem.why} (R6)`)];
      if (problem?.kind === 'twice') return [asItRuns(located, `The installation properties have PATCH twice (${shownValue(props, '')}); Windows Installer uses only one of them, and cmts kb977203 refuses them until they are merged into one quoted, ;-separated list (R6).`)];
      const p = patchEntries(located.node as Step);
      return p && !p.quoted && p.paths.some(namesKb977203)
        ? [asItRuns(located, `PATCH is not quoted (${shownValue(p.raw, '')}); KB977203 says the quotation marks are part of the value: PATCH="…" (R6).`)]
        : [];
    }),
};

/** Lint rule `kb977203/patch-variable` (see its description). */
export const patchVariable: LintRule = {
  id: 'kb977203/patch-variable',
  severity: 'error',
  requirement: 'R8',
  description: 'The KB977203 PATCH path must not use _SMSTSMDataPath or another %variable%.',
  check: (doc) =>
    setupSteps(doc).flatMap((located): Finding[] => {
      const bad = (patchEntries(located.node as Step)?.paths ?? []).filter((x) => namesKb977203(x) && /%[^%]+%/.test(x));
      return bad.map((x) =>
        asItRuns(located, `PATCH path ${shownValue(x, '')} uses a %variable%; ${/_SMSTSMDataPath/i.test(x) ? "_SMSTSMDataPath's" : "a variable's"} drive letter can differ between Windows PE and the full OS. Write the drive letter (R7) or a UNC path (R9) (R8).`),
      );
    }),
};

/** Lint rule `kb977203/patch-package` (see its description). */
export const patchPackage: LintRule = {
  id: 'kb977203/patch-package',
  severity: 'error',
  requirement: 'R5',
  description: "The KB977203 PATCH path must point into the step's client installation files (its package in the task sequence cache, or a UNC path to them), not the hotfix package or anywhere else.",
  check: (doc) =>
    setupSteps(doc).flatMap((located): Finding[] => {
      const view = new SetupWindowsStep(located.node);
      // patch-quoted reports a PATCH the preset cannot read; its paths are not judged until it is written right.
      if (patchListProblem(view.clientInstallProperties)) return [];
      const client = view.clientPackageId;
      const out: Finding[] = [];
      for (const x of patchEntries(located.node as Step)?.paths ?? []) {
        if (!isKb977203Entry(x)) continue;
        const m = /\\_SMSTaskSequence\\(?:OSD|Packages)\\([^\\]+)\\/i.exec(x);
        if (m && client && (m[1] as string).toUpperCase() !== client.toUpperCase() && !/%/.test(m[1] as string)) {
          out.push(asItRuns(located, `PATCH path ${shownValue(x, '')} names package ${shownValue(m[1] as string, '')}, but the step's client package is ${shownValue(client, '')}; <package_id> must be the client installation package, never the hotfix package (R5).`));
          continue;
        }
        // A %variable% path is patch-variable's (R8).
        const place = /%[^%]*%/.test(x) ? undefined : kb977203EntryPlaceProblem(x);
        if (place !== undefined) out.push(asItRuns(located, `PATCH path ${shownValue(x, '')} is ${place}; the hotfix is only in the client installation files, and cmts kb977203 replaces this entry.`));
      }
      return out;
    }),
};

/** Lint rule `kb977203/patch-kb977384` (see its description). */
export const patchKb977384: LintRule = {
  id: 'kb977203/patch-kb977384',
  severity: 'error',
  requirement: 'R2',
  description:
    "A PATCH entry for the KB977384 client update (which contains KB977203) that cannot install it, and so does not cover KB977203: an SP1 name (KB977384 is for SP2 clients only), a %variable% path (R8), another package than the step's client package (R5), no full path on a drive or share (R7, R9), or a path into the KB977203 hotfix folder. The preset's own test: cmts kb977203 replaces such an entry with the KB977203 one.",
  check: (doc) =>
    setupSteps(doc).flatMap((located): Finding[] => {
      const view = new SetupWindowsStep(located.node);
      // patch-quoted reports a PATCH the preset cannot read; its paths are not judged until it is written right.
      if (patchListProblem(view.clientInstallProperties)) return [];
      return (patchEntries(located.node as Step)?.paths ?? []).flatMap((x): Finding[] => {
        const why = isKb977384Entry(x) ? kb977384EntryProblem(x, view.clientPackageId) : undefined;
        return why === undefined ? [] : [asItRuns(located, `PATCH lists ${shownValue(x, '')}, the KB977384 client update, which does not install from there: ${why}. It does not cover KB977203 (R2), and cmts kb977203 replaces it with the KB977203 entry.`)];
      });
    }),
};
