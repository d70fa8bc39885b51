/**
 * Settings of a step type that depend on each other beyond its `<action>` line: one of two modes that must be given
 * (an image package or an installation package) and that exclude each other (not both), a setting another needs with
 * it (a package's program). The catalog records them as `requiredWhen` in words; here they are rules over a step's
 * property texts, each with the evidence it rests on (steps.json, the reference). The builders refuse a step that
 * breaks one, `set` a value that brings one in, and lint's `catalog/missing-setting` reports one in a file.
 */
import type { StepTypeData } from './types.js';
import { isEmptyText } from './values.js';
import { variableOfSetting } from './variable-match.js';

/** The property texts of a step, by property (`ImagePackageID`), as the step holds or would hold them. */
export type PropertyTexts = Readonly<Record<string, string | undefined>>;

/**
 * One rule: what it asks, in words after the step type's name (`needs imagePackageId or installPackageId, not both`,
 * as docs/steps.md lists it), and why given texts break it, in words after the name, or undefined when they do not.
 */
interface ChoiceRule {
  readonly words: string;
  readonly problem: (given: (setting: string) => boolean, text: (setting: string) => string) => string | undefined;
}

/** `a`, `a or b`, `a, b or c`. */
function either(settings: readonly string[]): string {
  return settings.length <= 1 ? (settings[0] ?? '') : `${settings.slice(0, -1).join(', ')} or ${settings.at(-1) ?? ''}`;
}

/** Exactly one of `settings` (each a mode of the step): none, or more than one, is refused. */
function oneOf(...settings: string[]): ChoiceRule {
  return {
    words: `needs ${either(settings)}, not both`,
    problem: (given) => {
      const count = settings.filter(given).length;
      return count === 1 ? undefined : `needs ${either(settings)}${count > 1 ? ', not both' : ''}`;
    },
  };
}

/** `needed` with `setting`, which is given. */
function withIt(setting: string, needed: string): ChoiceRule {
  const words = `needs ${needed} with ${setting}`;
  return { words, problem: (given) => (given(setting) && !given(needed) ? words : undefined) };
}

/** At most one of `settings`. */
function atMostOne(what: string, settings: readonly string[]): ChoiceRule {
  const words = `takes one ${what}: ${either(settings)}, not more than one`;
  return { words, problem: (given) => (settings.filter(given).length > 1 ? words : undefined) };
}

/** A rule that is broken when `broken` says so, with the same words then. */
function rule(words: string, broken: (given: (setting: string) => boolean, text: (setting: string) => string) => boolean): ChoiceRule {
  return { words, problem: (given, text) => (broken(given, text) ? words : undefined) };
}

/** The rules of each step type (by `type`), with the evidence in steps.json each rests on. */
const RULES: Readonly<Record<string, readonly ChoiceRule[]>> = {
  // ImagePackageID "required if InstallPackageID is null" and InstallPackageID "if ImagePackageID is null" (SDK,
  // observed); every observed line has one of /image: and /install:, never both. The console offers one destination,
  // and no observed line has more than one /target:.
  SMS_TaskSequence_ApplyOperatingSystemAction: [oneOf('imagePackageId', 'installPackageId'), atMostOne('destination', ['destinationDisk', 'destinationLogicalDrive', 'destinationVariable'])],
  // Mode "required if TargetDrive is null" (SDK, observed): every observed line has /mode:.
  SMS_TaskSequence_EnableBitLockerAction: [rule('needs mode when targetDrive is not given', (given) => !given('mode') && !given('targetDrive'))],
  // ApplicationName "required if BaseVariableName is null" and the other way round; the observed steps give one
  // (applications: /basevar: empty; dynamic list: ApplicationName omitted or empty, C03, C10, X36).
  SMS_TaskSequence_InstallApplicationAction: [oneOf('applicationName', 'baseVariableName')],
  // BaseVariableName "required if PackageID is null", ProgramName "required if PackageID is set"; single-package mode
  // leaves /basevar: empty and the dynamic list /pkg: (observed examples).
  SMS_TaskSequence_InstallSoftwareAction: [oneOf('packageId', 'baseVariableName'), withIt('packageId', 'programName')],
  // PackageID and ScriptName "required if SourceScript is null", SourceScript "if PackageID is null"; in package mode
  // SourceScript is omitted, inline PackageID and ScriptName are (observed, X20–X37).
  SMS_TaskSequence_RunPowerShellScriptAction: [
    {
      words: 'needs sourceScript or packageId with scriptName, not both',
      problem: (given) => (given('sourceScript') ? (given('packageId') || given('scriptName') ? 'needs sourceScript or packageId with scriptName, not both' : undefined) : !given('packageId') ? 'needs sourceScript or packageId with scriptName' : undefined),
    },
    withIt('packageId', 'scriptName'),
  ],
  // InstallPackageID "required if InstallPath is null" and the other way round, but "absent (not empty) when a feature
  // update or source path is used" (observed): a feature update (FeatureUpdateName, observed) is the third mode.
  SMS_TaskSequence_UpgradeOperatingSystemAction: [
    rule('needs installPackageId, installPath or a feature update (featureUpdateName)', (given) => !given('installPackageId') && !given('installPath') && !given('featureUpdateName') && !given('featureUpdateAssignmentId')),
    rule('needs installPackageId or installPath, not both', (given) => given('installPackageId') && given('installPath')),
    rule('needs installPackageId or a feature update, not both', (given) => given('installPackageId') && (given('featureUpdateName') || given('featureUpdateAssignmentId'))),
  ],
  // DomainName "required if WorkgroupName is null" and the other way round; DomainName is "set when NetworkJoinType=0"
  // (domain, X20, X22), WorkgroupName in workgroup mode (1: C02, C03, C09, X32, X33, X35, X38).
  SMS_TaskSequence_ApplyNetworkSettingsAction: [
    oneOf('domainName', 'workgroupName'),
    rule('needs domainName with networkJoinType 0 (join a domain)', (given, text) => text('networkJoinType') === '0' && !given('domainName')),
    rule('needs workgroupName with networkJoinType 1 (join a workgroup)', (given, text) => text('networkJoinType') === '1' && !given('workgroupName')),
  ],
};

/**
 * What the builders hold a step of `entry`'s type to beyond each setting alone, one rule each in words after its
 * console name (`needs imagePackageId or installPackageId, not both`); [] for a type with none.
 */
export function choiceRuleWords(entry: StepTypeData): string[] {
  return (RULES[entry.type] ?? []).map((r) => r.words);
}

/**
 * Why a step of `entry`'s type with these property texts cannot run as the console writes it, one message per rule it
 * breaks (`Apply Operating System Image needs imagePackageId or installPackageId, not both.`); [] when none. A
 * setting counts as given when its text is not empty (the console writes one it has no value for empty), a script
 * when the script is not.
 */
export function choiceProblems(entry: StepTypeData, texts: PropertyTexts): string[] {
  const rules = RULES[entry.type];
  if (!rules) return [];
  const text = (setting: string) => {
    const data = variableOfSetting(entry, setting);
    return data === undefined ? '' : (texts[data.property] ?? '').trim();
  };
  const given = (setting: string) => {
    const data = variableOfSetting(entry, setting);
    return data !== undefined && !isEmptyText(data.valueType, texts[data.property] ?? '');
  };
  const out: string[] = [];
  for (const r of rules) {
    const problem = r.problem(given, text);
    if (problem !== undefined) out.push(`${entry.consoleName} ${problem}.`);
  }
  return out;
}
