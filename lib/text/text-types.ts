/**
 * Sequences as code: the text form's shape. Steps by their console names and settings by the catalog's names,
 * groups and conditions nested. What the typed form cannot say exactly (third-party steps, MDT spellings, values
 * with no typed form) is written out raw, so converting an export and building it again loses no meaning.
 */
import type { CimArray, CimObject } from '../containers/cim-arrays.js';
import type { CimPropertySchema, CimQualifier } from '../containers/cim-schema.js';
import type { ContainerKind } from '../containers/index.js';
import type { ConditionOperand } from '../model/condition-builder.js';

/** A variable written out as it is in the file. */
export interface TextVariable {
  name: string;
  /** Default: the name; null: the variable has no `property` attribute. */
  property?: string | null;
  /** `true` or `false` as the `hidden` attribute says; absent when it has none. */
  hidden?: boolean;
  value: string;
}

/** What steps and groups share. */
interface TextItemBase {
  name?: string;
  description?: string;
  disabled?: boolean;
  continueOnError?: boolean;
  /** Operands that must all hold; `[]` is an empty `<condition>` (MDT writes them). */
  condition?: ConditionOperand[];
  /** The element's attributes exactly, in order, when the usual fields cannot say them (MDT spellings). */
  attributes?: Record<string, string>;
}

/** A step. */
export interface TextStep extends TextItemBase {
  /** The console name (`Apply Driver Package`) of a catalog step type. */
  step?: string;
  /** The `type` attribute of a step the catalog does not know (third-party, custom). */
  type?: string;
  /** `subtasksequence` for an unknown type written under that element; default `step`. */
  element?: 'step' | 'subtasksequence';
  /** Seconds (`timeout`). */
  timeout?: number;
  runIn?: 'WinPE' | 'FullOS' | 'WinPEandFullOS';
  /** `successCodeList`, when it is not the catalog's default for the type. */
  successCodes?: number[];
  /** Typed settings by the catalog's names. */
  settings?: Record<string, unknown>;
  /** The `<action>` line, when it is not what the console renders from the settings; null when the step has none. */
  action?: string | null;
  /**
   * The variables as written, in order, when typed settings cannot say them exactly; null when the step has no
   * `<defaultVarList>` (`[]` is an empty one).
   */
  variables?: TextVariable[] | null;
}

/** A group. */
export interface TextGroup extends TextItemBase {
  group: string;
  steps?: TextItem[];
}

/** A step or a group. */
export type TextItem = TextStep | TextGroup;

/** An array property of an object.xml (see `lib/containers/cim-arrays.ts`). */
export type TextCimArray = CimArray;

/** One object (`INSTANCE`) of an object.xml's object array. */
export type TextCimObject = CimObject;

/**
 * object.xml only: the schema data it repeats from its class (see `lib/containers/cim-schema.ts`): the instance's
 * qualifiers, and every property in file order with its attributes besides name and type (`CLASSORIGIN`,
 * `PROPAGATED`) and its qualifiers (`CIMTYPE`, `key`, …).
 */
export interface TextCimSchema {
  /** The `<INSTANCE>`'s qualifiers by name, in order: each one's attributes besides `NAME`, and its `value`. */
  qualifiers?: Record<string, CimQualifier>;
  /**
   * Every property (scalar, null, array and `Sequence`) in file order, each with its schema data (`{}`: none). The
   * built object.xml has them in this order; a property not named here comes after those named, in the order the
   * builder gives without it (package, then null ones, then array ones, then `Sequence`).
   */
  properties?: Record<string, CimPropertySchema>;
}

/** A whole task sequence as text. */
export interface TextSequence {
  /** The container `cmts build` writes by default; default `sequence`. */
  container?: ContainerKind;
  /** `3.10` (Current Branch) or `3.00`; null when the `<sequence>` has no version attribute. */
  version?: string | null;
  /**
   * The ConfigMgr release whose console spelling new steps get (`2007`, `CB 2403`, …), when the version and
   * container do not say it (a Current Branch console also saves `3.00` sequences).
   */
  release?: string;
  /** The container's package properties (`Name`, `Description`, …), in order. */
  package?: Record<string, string>;
  /**
   * object.xml only: the array properties (`PROPERTY.ARRAY` such as `SecuredScopeNames`, `PROPERTY.OBJECTARRAY` such
   * as `References`), in order, each with its values and their CIM types.
   */
  packageArrays?: Record<string, TextCimArray>;
  /**
   * object.xml only: the CIM type of each property of `package` that is not a `string` (`uint32`, `boolean`,
   * `datetime`, …), and of each property that is null (no value, so not under `package`), in order.
   */
  packageTypes?: Record<string, string>;
  /**
   * object.xml only: the qualifiers and the property attributes it repeats from its class, and the properties'
   * order, when it has any or the order is not the builder's own.
   */
  packageSchema?: TextCimSchema;
  /** Other `<sequence>` attributes (MDT writes `name` and `description`). */
  attributes?: Record<string, string>;
  /** The sequence's `<globalVarList>`. */
  variables?: TextVariable[];
  /** The `<referenceList>`: each reference's attributes (`package`, `program`, `application`). */
  references?: Record<string, string>[];
  steps: TextItem[];
}
