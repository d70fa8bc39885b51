/** The step catalog and what is generated from it: typed views, builders, schemas. Re-exports only. */
export { stepCatalog, catalogEntry, catalogEntryByName, stepTypesSince, isStepTypeAvailable, type StepType, type ConsoleName } from './catalog.js';
export type { StepTypeData, VariableData, DialectData, ValueType, Evidence } from './types.js';
export { releaseRank, isAvailableIn, sequenceRelease, type Release } from './versions.js';
export { renderAction, matchAction, templateProperties } from './action-line.js';
export { StepView, stepView, entryOfStep } from './step-view.js';
export { buildStep, buildVariables, type StepOptions, type BuildStepInput } from './build-step.js';
export { decodeValue, encodeValue, decodeScript, encodeScript, type SettingValue } from './values.js';
export { parseDynamicRules, formatDynamicRules, type DynamicRule, type DynamicRuleCondition, type DynamicRuleVariable, type RuleConditionType, type WrittenDynamicRule, type WrittenRuleCondition } from './dynamic-rules.js';
export type { StepSettings, StepSettingsInput, StepTypeOf, StepKind, StepTypeName, StepOfType, TypedValue, ArrayItemSettings } from './settings-types.js';
export { stepSettingsSchema, validateStepSettings, valueSchema, type JsonSchema } from './step-schemas.js';
export { addStep, copyItemTo, copyReferences, spellingFor, type AddStepTarget } from './add-step.js';
export { createSequence, newSequenceText, type NewSequenceOptions } from './create-sequence.js';
export { setSuccessCodes, setRetryCount } from './step-codes.js';
export { CONDITION_TYPES, CONDITION_OPERATORS, conditionType, type ConditionTypeData } from './condition-data.js';
