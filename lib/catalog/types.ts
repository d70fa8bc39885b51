/**
 * The shape of the step catalog's data: one row per step type, one entry per step variable, each with where the fact
 * comes from. Plain data, so scripts and tools can enumerate it (`stepCatalog`).
 */

/**
 * How a variable's text is read: `boolean` (`true`/`false`), `integer`, `enum` (one of `allowed`), `packageId`,
 * `secret` (exported empty), `list` and `packageIdList` (comma-separated), `codes` (space-separated integers),
 * `driveLetter` (`D:`), `guid`, `array` (a count variable with flattened item variables), `base64Script` (UTF-16LE
 * PowerShell text in Base64) and `dynamicRules` (an escaped `<Rules>` XML document); anything else is `string`.
 */
export type ValueType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'enum'
  | 'packageId'
  | 'secret'
  | 'list'
  | 'packageIdList'
  | 'codes'
  | 'driveLetter'
  | 'guid'
  | 'array'
  | 'base64Script'
  | 'dynamicRules';

/**
 * How sure the catalog is of a variable's `name`/`property`/`hidden` spelling: `observed` in a real export, from the
 * `sdk` class page, from the variables `docs`, `third-party` scripts, or `inferred` from the naming rules.
 */
export type Evidence = 'observed' | 'observed (LTI only)' | 'sdk' | 'docs' | 'third-party' | 'inferred';

/** One step variable (`<variable name=… property=… [hidden="true"]>`) of a step type. */
export interface VariableData {
  /** The setting's name in typed views, builders, schemas and the text form (camelCase of the WMI property). */
  readonly setting: string;
  /** The `name` attribute: the task sequence variable. `{n}` stands for an item index in array items. */
  readonly name: string;
  /** The `property` attribute: the WMI property. `{n}` stands for an item index in array items. */
  readonly property: string;
  readonly valueType: ValueType;
  /** Whether the console writes `hidden="true"`. */
  readonly hidden: boolean;
  /** Whether the console always writes it. */
  readonly required: boolean;
  /** When it is required only in some configurations, in words. */
  readonly requiredWhen?: string;
  /** The console's default, as written. */
  readonly default?: string;
  readonly defaultNote?: string;
  /** The values the console offers (compared case-insensitively: consoles differ in case). */
  readonly allowed?: readonly string[];
  /** Allowed values in words, where they are not a plain list. */
  readonly allowedNote?: string;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /**
   * The form of a text that names a task sequence variable: `variableName` one the step sets (a letter, then letters,
   * digits, `_` and `-`, as the console takes it), `setVariable` the same or empty (a variable the step may set, which
   * the console writes empty when none is named: an output variable, a partition's drive-letter variable),
   * `variableRef` one the step reads (a `_` first too, for the engine's read-only variables; or empty, none). Builders
   * and `set` refuse another; a file's such value is read, and lint's `catalog/value-type` reports it.
   */
  readonly form?: 'variableName' | 'setVariable' | 'variableRef';
  /** Characters the value cannot hold where it goes (builders and `set` refuse them; a file's such value is verbatim). */
  readonly forbidden?: string;
  /** Why it cannot hold them, in words (finishes the message refusing such a value). */
  readonly forbiddenNote?: string;
  readonly evidence: Evidence;
  /** The first version that writes it, when later than the step type's. */
  readonly since?: string;
  /**
   * The first release whose console writes it always, with its default, though nothing requires it (a Current Branch
   * Set Task Sequence Variable's hidden `DoNotShowVariableValue` and `/hiddenflag:False`): builders for that release or
   * later write it so, as real exports of it have it.
   */
  readonly writtenFrom?: string;
  readonly sinceNote?: string;
  /** For an array item field: the `property` of the array's count variable. */
  readonly arrayOf?: string;
  readonly notes?: string;
}

/** Another tool's spelling of a step type (MDT Lite Touch): its action line template. */
export interface DialectData {
  readonly name: string;
  readonly action: string;
}

/** One step type. */
export interface StepTypeData {
  /** The `type` attribute (WMI class). */
  readonly type: string;
  /** The name in the console's Add menu (Current Branch wording). */
  readonly consoleName: string;
  /** Other names it had (`Install Software` in 2007 for Install Package). */
  readonly aliases?: readonly string[];
  /** The element it is written as: `step`, or `subtasksequence` for Run Task Sequence. */
  readonly element: 'step' | 'subtasksequence';
  /** `ConfigMgr` built-ins, `MDT` integration steps (ConfigMgr console with MDT), `MDT Lite Touch` only. */
  readonly product: 'ConfigMgr' | 'MDT' | 'MDT Lite Touch';
  readonly category?: string;
  /** The first version that has it: `2007`, `2012`, `2012 SP1`, `2012 R2`, `CB`, `CB yymm`, `MDT`, `MDT Lite Touch`. */
  readonly since: string;
  /** The evidence for `since`, in words. */
  readonly sinceNote: string;
  /** The `runIn` the console writes (absent for Run Task Sequence). */
  readonly runIn?: 'WinPE' | 'FullOS' | 'WinPEandFullOS';
  /** The `successCodeList` the console writes by default. */
  readonly successCodeList: string;
  /** The `retryCount` the console writes by default (Current Branch). */
  readonly retryCount?: string;
  /** The `<action>` line template (syntax in `action-line.ts`). */
  readonly action: string;
  /** Action lines seen in real exports. */
  readonly actionExamples: readonly string[];
  readonly actionNotes?: string;
  readonly dialects?: readonly DialectData[];
  /** The ConfigMgr PowerShell cmdlets for the type (`New-CMTSStepApplyDriverPackage`, …), which need a live site. */
  readonly cmdlets?: readonly string[];
  /** `high`, `medium-high`, `medium`, `low` or `unconfirmed`. */
  readonly confidence: string;
  /** Where the entry's facts come from (repository:path @commit, documentation pages). */
  readonly sources: readonly string[];
  readonly variables: readonly VariableData[];
}
