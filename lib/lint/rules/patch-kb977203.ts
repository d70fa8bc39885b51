/**
 * R5–R8: the KB977203 entry of PATCH in Setup Windows and ConfigMgr: quoted, no %variables%, and pointing into the
 * step's own client package.
 */
import { parseInstallProperties } from '../../model/install-properties.js';
import { SetupWindowsStep, STEP_TYPES } from '../../model/steps.js';
import type { Step } from '../../model/types.js';
import { type Finding, type LintRule, steps } from '../rule.js';

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
  description: 'The PATCH value must be in quotation marks.',
  check: (doc) =>
    setupSteps(doc).flatMap((located): Finding[] => {
      const p = patchEntries(located.node as Step);
      return p && !p.quoted && p.paths.some((x) => /KB977203/i.test(x))
        ? [{ located, message: `PATCH is not quoted (${p.raw}); KB977203 says the quotation marks are part of the value: PATCH="…" (R6).` }]
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
      const bad = (patchEntries(located.node as Step)?.paths ?? []).filter((x) => /KB977203/i.test(x) && /%[^%]+%/.test(x));
      return bad.map((x) => ({
        located,
        message: `PATCH path ${x} uses a %variable%; ${/_SMSTSMDataPath/i.test(x) ? "_SMSTSMDataPath's" : "a variable's"} drive letter can differ between Windows PE and the full OS. Write the drive letter (R7) or a UNC path (R9) (R8).`,
      }));
    }),
};

/** Lint rule `kb977203/patch-package` (see its description). */
export const patchPackage: LintRule = {
  id: 'kb977203/patch-package',
  severity: 'error',
  requirement: 'R5',
  description: "The KB977203 PATCH path must point into the step's client installation package, not the hotfix package.",
  check: (doc) =>
    setupSteps(doc).flatMap((located): Finding[] => {
      const client = new SetupWindowsStep(located.node).clientPackageId;
      const out: Finding[] = [];
      for (const x of patchEntries(located.node as Step)?.paths ?? []) {
        const m = /\\_SMSTaskSequence\\(?:OSD|Packages)\\([^\\]+)\\/i.exec(x);
        if (/KB977203/i.test(x) && m && client && (m[1] as string).toUpperCase() !== client.toUpperCase() && !/%/.test(m[1] as string)) {
          out.push({ located, message: `PATCH path ${x} names package ${m[1]}, but the step's client package is ${client}; <package_id> must be the client installation package, never the hotfix package (R5).` });
        }
      }
      return out;
    }),
};
