/**
 * Settings of a step type that depend on each other beyond its `<action>` line: one of two modes that must be given
 * (an image package or an installation package) and that exclude each other (not both), a setting another needs with
 * it (a package's program). The catalog records them as `requiredWhen` in words; here they are rules over a step's
 * property texts, each with the evidence it rests on (steps.json, the reference). The builders refuse a step that
 * breaks one, `set` a value that brings one in, and lint's `catalog/missing-setting` reports one in a file.
 */
import type { StepTypeData } from './types.js';
import { variableOfSetting } from './variable-match.js';

/** The property texts of a step, by property (`ImagePackageID`), as the step holds or would hold them. */
export type PropertyTexts = Readonly<Record<string, string | undefined>>;

/** One rule: why the texts break it, in words after the step type's name, or undefined. */
type ChoiceRule = (given: (setting: string) => boolean, text: (setting: string) => string) => string | undefined;

/** `a`, `a or b`, `a, b or c`. */
function either(settings: readonly string[]): string {
  return settings.length <= 1 ? (settings[0] ?? '') : `${settings.slice(0, -1).join(', ')} or ${settings.at(-1) ?? ''}`;
}

/** Exactly one of `settings` (each a mode of the step): none, or more than one, is refused. */
function oneOf(...settings: string[]): ChoiceRule {
  return (given) => {
    const count = settings.filter(given).length;
    return count === 1 ? undefined : `needs ${either(settings)}${count > 1 ? ', not both' : ''}`;
  };
}

/** `needed` with `setting`, which is given. */
function withIt(setting: string, needed: string): ChoiceRule {
  return (given) => (given(setting) && !given(needed) ? `needs ${needed} with ${setting}` : undefined);
}

/** At most one of `settings`. */
function atMostOne(what: string, settings: readonly string[]): ChoiceRule {
  return (given) => (settings.filter(given).length > 1 ? `takes one ${what}: ${either(settings)}, not more than one` : undefined);
}

/** The rules of each step type (by `type`), with the evidence in steps.json each rests on. */
const RULES: Readonly<Record<string, readonly ChoiceRule[]>> = {
  // ImagePackageID "required if InstallPackageID is null" and InstallPackageID "if ImagePackageID is null" (SDK,
  // observed); every observed line has one of /image: and /install:, never both. The console offers one destination,
  // and no observed line has more than one /target:.
  SMS_TaskSequence_ApplyOperatingSystemAction: [oneOf('imagePackageId', 'installPackageId'), atMostOne('destination', ['destinationDisk', 'destinationLogicalDrive', 'destinationVariable'])],
  // Mode "required if TargetDrive is null" (SDK, observed): every observed line has /mode:.
  SMS_TaskSequence_EnableBitLockerAction: [(given) => (!given('mode') && !given('targetDrive') ? 'needs mode when targetDrive is not given' : undefined)],
  // ApplicationName "required if BaseVariableName is null" and the other way round; the observed steps give one
  // (applications: /basevar: empty; dynamic list: ApplicationName omitted or empty, C03, C10, X36).
  SMS_TaskSequence_InstallApplicationAction: [oneOf('applicationName', 'baseVariableName')],
  // BaseVariableName "required if PackageID is null", ProgramName "required if PackageID is set"; single-package mode
  // leaves /basevar: empty and the dynamic list /pkg: (observed examples).
  SMS_TaskSequence_InstallSoftwareAction: [oneOf('packageId', 'baseVariableName'), withIt('packageId', 'programName')],
  // PackageID and ScriptName "required if SourceScript is null", SourceScript "if PackageID is null"; in package mode
  // SourceScript is omitted, inline PackageID and ScriptName are (observed, X20–X37).
  SMS_TaskSequence_RunPowerShellScriptAction: [
    (given) => (given('sourceScript') ? (given('packageId') || given('scriptName') ? 'needs sourceScript or packageId with scriptName, not both' : undefined) : !given('packageId') ? 'needs sourceScript or packageId with scriptName' : undefined),
    withIt('packageId', 'scriptName'),
  ],
  // InstallPackageID "required if InstallPath is null" and the other way round, but "absent (not empty) when a feature
  // update or source path is used" (observed): a feature update (FeatureUpdateName, observed) is the third mode.
  SMS_TaskSequence_UpgradeOperatingSystemAction: [
    (given) => (!given('installPackageId') && !given('installPath') && !given('featureUpdateName') && !given('featureUpdateAssignmentId') ? 'needs installPackageId, installPath or a feature update (featureUpdateName)' : undefined),
    (given) => (given('installPackageId') && given('installPath') ? 'needs installPackageId or installPath, not both' : undefined),
    (given) => (given('installPackageId') && (given('featureUpdateName') || given('featureUpdateAssignmentId')) ? 'needs installPackageId or a feature update, not both' : undefined),
  ],
  // DomainName "required if WorkgroupName is null" and the other way round; DomainName is "set when NetworkJoinType=0"
  // (domain, X20, X22), WorkgroupName in workgroup mode (1: C02, C03, C09, X32, X33, X35, X38).
  SMS_TaskSequence_ApplyNetworkSettingsAction: [
    oneOf('domainName', 'workgroupName'),
    (given, text) => (text('networkJoinType') === '0' && !given('domainName') ? 'needs domainName with networkJoinType 0 (join a domain)' : undefined),
    (given, text) => (text('networkJoinType') === '1' && !given('workgroupName') ? 'needs workgroupName with networkJoinType 1 (join a workgroup)' : undefined),
  ],
};

/**
 * Why a step of `entry`'s type with these property texts cannot run as the console writes it, one message per rule it
 * breaks (`Apply Operating System Image needs imagePackageId or installPackageId, not both.`); [] when none. A
 * setting counts as given when its text is not empty (the console writes one it has no value for empty).
 */
export function choiceProblems(entry: StepTypeData, texts: PropertyTexts): string[] {
  const rules = RULES[entry.type];
  if (!rules) return [];
  const text = (setting: string) => {
    const data = variableOfSetting(entry, setting);
    return data === undefined ? '' : (texts[data.property] ?? '').trim();
  };
  const given = (setting: string) => text(setting) !== '';
  const out: string[] = [];
  for (const rule of rules) {
    const problem = rule(given, text);
    if (problem !== undefined) out.push(`${entry.consoleName} ${problem}.`);
  }
  return out;
}
