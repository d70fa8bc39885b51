/**
 * cmts: read, transform and write ConfigMgr task sequences without losing a byte. Re-exports only: the names a
 * deployment script needs. Everything else has a subpath (`cmts/model`, `cmts/zip`, `cmts/kb977203`, `cmts/lint`,
 * `cmts/diff`, `cmts/transforms`, `cmts/schemas`, `cmts/errors`, `cmts/catalog`, `cmts/text`, `cmts/render`);
 * test/exports.test.ts pins this list.
 */
// Reading and writing; the document.
export { readTaskSequence, type ReadOptions } from './read.js';
export { writeTaskSequence } from './write.js';
export { TaskSequenceDocument } from './document.js';
export { type Applicable, type ApplyReport } from './apply-transforms.js';
export type { ItemFilter, ItemQuery, LocatedGroup, LocatedStep } from './item-query.js';
export type { Located } from './model/query.js';
export type { ContainerKind } from './containers/index.js';
// The problem type.
export { TaskSequenceError, type ErrorCode, type Issue, type IssueCode, type LinePos, type Severity } from './errors.js';
// The tree: node types, walking.
export type * from './model/types.js';
export { BREAK, REMOVE, SKIP, type Visitor, type VisitResult } from './visit.js';
// Steps, groups and conditions: typed views and builders.
export { InstallSoftwareStep, RestartComputerStep, RunCommandLineStep, SetupWindowsStep, SetVariableStep, STEP_TYPES, viewOf } from './model/steps.js';
export { conditionOf, describeCondition, type DescribeConditionOptions } from './model/conditions.js';
export {
  createInstallSoftwareStep,
  createRestartComputerStep,
  createRunCommandLineStep,
  createSetupWindowsStep,
  createSetVariableStep,
  type InstallSoftwareOptions,
  type RestartComputerOptions,
  type RunCommandLineOptions,
  type SetupWindowsOptions,
  type SetVariableOptions,
  type StepCommon,
} from './model/builders.js';
export { insertAfter, removeItem } from './model/mutate.js';
// Transforms and the KB977203 preset.
export { createTransform, type TransformName, type TransformOptions } from './transforms/index.js';
export type { AlreadyInPlace, Change, Transform, TransformContext } from './transforms/context.js';
export { applyKb977203, type Kb977203Options, type Kb977203Report, type Kb977203Scenario } from './presets/kb977203.js';
