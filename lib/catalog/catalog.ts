/**
 * The step catalog: lookups over the data in `step-data.ts` by type, console name and release.
 */
import { STEP_DATA } from './step-data.js';
import type { StepTypeData, VariableData } from './types.js';
import { isAvailableIn, releaseRank, type Release } from './versions.js';

/** Every step type the catalog knows, with its variables, action line, defaults and provenance. */
export const stepCatalog: readonly StepTypeData[] = STEP_DATA;

/** The `type` attributes of the catalog's step types. */
export type StepType = (typeof STEP_DATA)[number]['type'];

/** The console names of the catalog's step types. */
export type ConsoleName = (typeof STEP_DATA)[number]['consoleName'];

const byType = new Map<string, StepTypeData>(stepCatalog.map((e) => [e.type, e]));
const byName = new Map<string, StepTypeData>();
for (const e of stepCatalog) for (const n of [e.consoleName, ...(e.aliases ?? [])]) byName.set(n.toLowerCase(), e);

/** The catalog entry of a step type (`SMS_TaskSequence_…Action`, `BDD_…`), or undefined for unknown types. */
export function catalogEntry(type: string | undefined): StepTypeData | undefined {
  return typeof type === 'string' ? byType.get(type) : undefined;
}

/** The fields of an array setting's items (`OSDPartitions{n}Type`, …) in catalog order: the variables whose `arrayOf` is `arrayProperty`. */
export function itemFieldsOf(entry: StepTypeData, arrayProperty: string): VariableData[] {
  return entry.variables.filter((f) => f.arrayOf === arrayProperty);
}

/**
 * The names and properties (in lower case) of the variables the catalog types as secret in any class. Some say no
 * password (`OSDBitLockerPIN`, property `PIN`; `HiddenVariableValue`), and a later release's step or a vendor's that
 * carries one is as secret as the catalog's.
 */
const CATALOG_SECRETS = new Set(stepCatalog.flatMap((e) => e.variables.filter((v) => v.valueType === 'secret').flatMap((v) => [v.name.toLowerCase(), v.property.toLowerCase()])));

/** Whether a variable name or property, in any case, is one the catalog types as secret in some class. */
export function isCatalogSecretName(nameOrProperty: string): boolean {
  return CATALOG_SECRETS.has(nameOrProperty.toLowerCase());
}

/** The catalog entry for a console name (case-insensitive, former names too), or undefined. */
export function catalogEntryByName(consoleName: string): StepTypeData | undefined {
  // A lookup: what is no text (a plain-JavaScript caller's number) names no entry, rather than throwing a TypeError.
  return typeof consoleName === 'string' ? byName.get(consoleName.toLowerCase()) : undefined;
}

/**
 * The step types first available in `release` or later (`stepTypesSince('2012')` lists what a 2007 sequence cannot
 * contain). MDT step types are never listed: they are an add-on, not a ConfigMgr release's.
 */
export function stepTypesSince(release: Release): StepTypeData[] {
  const rank = releaseRank(release);
  if (rank === undefined) return [];
  return stepCatalog.filter((e) => {
    const r = releaseRank(e.since);
    return r !== undefined && r >= rank;
  });
}

/** Whether a step type exists in `release` (unknown types and MDT types: true — the catalog cannot tell). */
export function isStepTypeAvailable(type: string, release: Release): boolean {
  return isAvailableIn(catalogEntry(type)?.since, release);
}
