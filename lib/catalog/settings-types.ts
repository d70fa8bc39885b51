/**
 * TypeScript types generated from the catalog data at compile time: the typed settings of every step type, keyed by
 * the catalog's setting names, so a misspelt setting or a wrong value type does not compile.
 */
import type { ConsoleName, StepType } from './catalog.js';
import type { DynamicRule } from './dynamic-rules.js';
import type { STEP_DATA } from './step-data.js';
import type { SettingValue } from './values.js';

type Entry<T> = Extract<(typeof STEP_DATA)[number], { type: T }>;
type Vars<T> = Entry<T>['variables'][number];
type TopVar<T> = Exclude<Vars<T>, { arrayOf: string }>;
type ItemVar<T, A> = Extract<Vars<T>, { arrayOf: A }>;

/**
 * The values of an enum setting: the catalog's `enum` lists are the complete lists (a list not known to be complete
 * makes a `string` setting, its values in `allowedNote`), so the type is closed. As the builders and `set` take them
 * (in any case) and consoles write them: each allowed value as the catalog spells it, or in lower or upper case, or
 * capitalised (`Basic` for BASIC, MDT's `Yes`/`No`: consoles differ in case), or empty.
 */
export type EnumValue<A extends string> = A | Lowercase<A> | Uppercase<A> | Capitalize<Lowercase<A>> | '';

/** The JavaScript type of one catalog variable's value. */
export type TypedValue<V> = V extends { valueType: 'boolean' }
  ? boolean
  : V extends { valueType: 'integer' }
    ? number
    : V extends { valueType: 'enum'; allowed: readonly (infer A extends string)[] }
      ? EnumValue<A>
      : V extends { valueType: 'list' | 'packageIdList' }
        ? string[]
        : V extends { valueType: 'codes' }
          ? number[]
          : V extends { valueType: 'dynamicRules' }
            ? DynamicRule[]
            : string;

/** One item of an array setting (a partition, an application, a package). */
export type ArrayItemSettings<T, A> = { [V in ItemVar<T, A> as V['setting']]?: TypedValue<V> };

type SettingOf<T, V> = V extends { valueType: 'array'; property: infer P } ? ArrayItemSettings<T, P>[] : TypedValue<V>;

/** The typed settings of a step type, every one optional (a reader meets whatever a console version wrote). */
export type StepSettings<T extends string> = T extends StepType ? { [V in TopVar<T> as V['setting']]?: SettingOf<T, V> } : Record<string, SettingValue | Record<string, SettingValue>[]>;

type TextType = { valueType: 'string' | 'secret' | 'list' | 'driveLetter' | 'guid' };
/** A text that cannot be empty: a variable's name the step sets. */
type NamedText = { form: 'variableName' };
type RequiredVar<T> = TopVar<T> extends infer V ? (V extends { required: true } ? (V extends { default: string } ? never : V extends TextType ? (V extends NamedText ? V : never) : V) : never) : never;

/** The fields of an array setting's item the console writes for every item and has no default for (a partition's type). */
type RequiredItemVar<T, A> = ItemVar<T, A> extends infer V ? (V extends { required: true } ? (V extends { default: string } ? never : V) : never) : never;

/** One item of an array setting as a builder (or `set`) takes it: the fields {@link RequiredItemVar} names are required. */
export type ArrayItemInput<T, A> = ArrayItemSettings<T, A> & { [V in RequiredItemVar<T, A> as V['setting']]-?: TypedValue<V> };

type InputOf<T, V> = V extends { valueType: 'array'; property: infer P } ? ArrayItemInput<T, P>[] : TypedValue<V>;

/**
 * What a builder needs: the settings the console always writes and has no default for are required, except texts
 * (written empty when not given) other than a variable's name the step sets, which cannot be empty; and in an array
 * setting's items, the fields the console always writes with no default (a partition's type and quick-format flag).
 */
export type StepSettingsInput<T extends string> = T extends StepType
  ? { [V in TopVar<T> as V['setting']]?: InputOf<T, V> } & { [V in RequiredVar<T> as V['setting']]-?: InputOf<T, V> }
  : StepSettings<T>;

type Entries = (typeof STEP_DATA)[number];
type AliasOf<E> = E extends { aliases: readonly (infer A extends string)[] } ? A : never;

/**
 * The catalog entry a literal names as `entryFor` finds it at run time: a `type` attribute exactly, else a console
 * name or a former one (`Install Software`) in any case; never for a literal that names none.
 */
type EntryNamed<K extends string> = K extends StepType ? Entry<K> : Entries extends infer E ? (E extends { consoleName: infer N extends string } ? (Lowercase<K> extends Lowercase<N | AliasOf<E>> ? E : never) : never) : never;

/** The names of the catalog's step types as the builders take them: `type` attributes, console names and former names (in any case too). */
export type StepTypeName = StepType | ConsoleName | AliasOf<Entries>;

/** What a literal that names no catalog step type is required to be, which no value is: the compiler's error names it. */
interface NoStepType<K> {
  readonly 'names no step type of the catalog': K;
}

/**
 * What the builders (`buildStep`, `addStep`) take as the step type `K`: `K` itself when it is a name the catalog has
 * ({@link StepTypeName}, a console name in any case), or any `string`, which is checked at run time (a type read from a
 * file). A literal that names no step type (`'Run Comand Line'`) does not compile: the compiler says it is not
 * assignable to `NoStepType<"Run Comand Line">`.
 */
export type StepKind<K extends string> = K & (string extends K ? unknown : [EntryNamed<K>] extends [never] ? NoStepType<K> : unknown);

/**
 * A step as `stepView<T>` and `new StepView<T>` take it: any step when `T` is `string` or names a catalog step type;
 * for a literal that names none (`stepView<'SMS_TaskSequence_RunCommandLine'>`), a type no step is, so the call does
 * not compile.
 */
export type StepOfType<T extends string, S> = string extends T ? S : [EntryNamed<T>] extends [never] ? NoStepType<T> : S;

/** The step type of a `type` attribute or console name (in any case, former names too); `string` for any other. */
export type StepTypeOf<K extends string> = string extends K ? string : [EntryNamed<K>] extends [never] ? string : EntryNamed<K>['type'];
