/**
 * One builder for every step type, driven by the catalog: the attributes, `<action>` line and variables exactly as
 * the console writes them (attribute order `type name description [disable] [continueOnError] [timeout] runIn
 * successCodeList [retryCount runFromNet]`, variables sorted by property with the console's names and hidden flags,
 * required settings filled with the console's defaults). New nodes have no whitespace: inserting lays them out.
 */
import { checkOptionFlags } from '../model/argument-checks.js';
import { describeGiven, describeValue } from '../model/child-nodes.js';
import { TaskSequenceError } from '../errors.js';
import { checkItemDescription, checkItemName, checkTimeoutSeconds } from '../model/item-checks.js';
import type { Attributes, Condition, Node, Step, SubTaskSequence, Variable } from '../model/types.js';
import { readsBack, renderAction, templateMarkers } from './action-line.js';
import { misreadMessage } from './action-texts.js';
import { checkSegmentsWritten, variablesTheLineReads } from './line-variables.js';
import { choiceProblems } from './setting-choices.js';
import { catalogEntry, catalogEntryByName, itemFieldsOf } from './catalog.js';
import type { StepKind, StepSettingsInput, StepTypeOf } from './settings-types.js';
import type { StepTypeData, VariableData } from './types.js';
import { checkArrayItems, checkValue, itemDefault, writtenEmpty } from './value-problem.js';
import { codesProblem, encodeValue } from './values.js';
import { isVerbatimKey, itemSpelling, matchVariable } from './variable-match.js';
import { shownValue } from '../shown-value.js';
import { isAvailableIn, isCurrentBranch, LATEST_RELEASE, releaseRank, type Release } from './versions.js';

/** What every step has besides its settings. */
export interface StepOptions {
  /** 1 to 50 characters, as `renameItem` takes (the console shows 50). */
  name: string;
  /** Default ''; at most 255 characters. */
  description?: string;
  /** Default false (the `disable` attribute is then left out, as the console does). */
  disabled?: boolean;
  /** Default false (left out). */
  continueOnError?: boolean;
  /** Time-out in seconds (`timeout`); default none. */
  timeout?: number;
  /** Default: the catalog's `runIn` for the type. */
  runIn?: 'WinPE' | 'FullOS' | 'WinPEandFullOS';
  /**
   * `successCodeList`; default the catalog's. For a type with a SuccessCodes setting (Run Command Line, Run PowerShell
   * Script) it also sets that setting, and must agree with it when both are given.
   */
  successCodes?: readonly number[];
  /**
   * The release whose console spelling to write; default {@link LATEST_RELEASE}. Earlier releases write no `retryCount`/`runFromNet`
   * and leave out the action-line switches Current Branch added.
   */
  release?: Release;
  /** Write `retryCount` and `runFromNet`; default: whether `release` is Current Branch. */
  retryAttributes?: boolean;
  /** Fill required settings that are not given with the console's defaults; default true. */
  fillDefaults?: boolean;
  /** Variable texts written as given, by catalog property (`Partitions0Size` for array items), for values with no typed form. */
  verbatim?: Readonly<Record<string, string>>;
  /** Variables the catalog does not know, written as given. */
  extra?: readonly Variable[];
  /** The `<condition>`, placed first as the console does. */
  condition?: Condition;
}

/** Input of {@link buildStep}: options plus the step type's typed settings. */
export type BuildStepInput<K extends string> = StepOptions & { settings: StepSettingsInput<StepTypeOf<K>> };

/** The catalog entry of a step type by `type` or console name; `INVALID_ARGUMENT` for what names none. */
export function entryFor(kind: string): StepTypeData {
  // A plain-JavaScript caller can pass anything: what is no string names no step type (it threw a TypeError).
  if (typeof kind !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', `A step type is a string (a console name such as "Run Command Line", or a type such as "SMS_TaskSequence_RunCommandLineAction"); it was given ${describeValue(kind)}.`);
  const entry = catalogEntry(kind) ?? catalogEntryByName(kind);
  if (!entry) throw new TaskSequenceError('INVALID_ARGUMENT', `The step catalog has no step type ${JSON.stringify(kind)}.`);
  return entry;
}

function variable(name: string, property: string, hidden: boolean, value: string): Variable {
  return { kind: 'variable', tag: 'variable', attributes: hidden ? { name, property, hidden: 'true' } : { name, property }, value };
}

function typed(data: VariableData, value: unknown, where: string): string {
  checkValue(data, value, where);
  return encodeValue(data.valueType, value);
}

/** The step's variables from typed settings, verbatim texts and extras, in the console's order. */
export function buildVariables(entry: StepTypeData, settings: Readonly<Record<string, unknown>>, options: Pick<StepOptions, 'verbatim' | 'extra' | 'fillDefaults' | 'release'> = {}): Variable[] {
  const verbatim = { ...options.verbatim };
  const out: Variable[] = [];
  for (const key of Object.keys(settings)) {
    if (!entry.variables.some((v) => !v.arrayOf && v.setting === key)) throw new TaskSequenceError('INVALID_ARGUMENT', `${entry.consoleName} has no setting ${JSON.stringify(key)}.`);
  }
  for (const data of entry.variables) {
    if (data.arrayOf) continue;
    const value = settings[data.setting];
    // An array is its items: a bare count would be written with none, and read back as no array.
    if (data.valueType === 'array' && value !== undefined && !Array.isArray(value)) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `${data.setting} must be a list of items.`);
    }
    if (data.valueType === 'array' && Array.isArray(value)) {
      const fields = itemFieldsOf(entry, data.property);
      const fill = options.fillDefaults ?? true;
      // A field given as a verbatim text is written from it (below), as a top-level setting is.
      const given = (field: VariableData, index: number) => Object.hasOwn(verbatim, itemSpelling(field, index).property);
      checkArrayItems(data.setting, fields, value, fill ? given : undefined);
      out.push(variable(data.name, data.property, data.hidden, String(value.length)));
      (value as Record<string, unknown>[]).forEach((item, index) => {
        for (const field of fields) {
          const s = itemSpelling(field, index);
          if (item[field.setting] === undefined) {
            const text = fill && !given(field, index) ? itemDefault(field) : undefined;
            if (text !== undefined) out.push(variable(s.name, s.property, field.hidden, text));
            continue;
          }
          out.push(variable(s.name, s.property, field.hidden, typed(field, item[field.setting], `${data.setting}[${index}].${field.setting}`)));
        }
      });
      continue;
    }
    let text = value !== undefined ? typed(data, value, data.setting) : verbatim[data.property];
    delete verbatim[data.property];
    if (text === undefined && (options.fillDefaults ?? true) && data.required && data.default !== undefined) text = data.default;
    // What the release's console writes with its default though nothing requires it (`/hiddenflag:False` from CB 1806).
    if (text === undefined && (options.fillDefaults ?? true) && data.writtenFrom !== undefined && data.default !== undefined && isAvailableIn(data.writtenFrom, options.release ?? LATEST_RELEASE)) text = data.default;
    // The console writes a required text it has no value for as an empty element; other types need a value, and so
    // does a text whose form refuses the empty one (Set Task Sequence Variable's name: `tsenv.exe "=v"`).
    if (text === undefined && (options.fillDefaults ?? true) && data.required && writtenEmpty(data)) text = '';
    if (text === undefined && (options.fillDefaults ?? true) && data.required) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `${entry.consoleName} needs the setting ${data.setting} (${data.name}).`);
    }
    if (text !== undefined) out.push(variable(data.name, data.property, data.hidden, text));
  }
  for (const [property, text] of Object.entries(verbatim)) {
    const field = entry.variables.find((f) => f.arrayOf && new RegExp(`^${f.property.replace('{n}', '(\\d+)')}$`).test(property));
    const index = field ? Number(new RegExp(field.property.replace('{n}', '(\\d+)')).exec(property)?.[1]) : 0;
    out.push(variable(field ? itemSpelling(field, index).name : property, property, field?.hidden ?? false, text));
  }
  for (const v of options.extra ?? []) out.push({ kind: 'variable', tag: 'variable', attributes: { ...v.attributes }, value: v.value });
  return out.sort(byProperty);
}

/** The console's order of a step's variables: by `property`, ordinally. */
function byProperty(a: Variable, b: Variable): number {
  const ka = a.attributes.property ?? '';
  const kb = b.attributes.property ?? '';
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Writes, with its default, each variable the action line reads (`%OSDImageIndex%` once an image package is given,
 * `%OSDShutdownPreparedOs%` from CB 1810) that no setting gave: the engine expands it from the step, and without it
 * the switch has no value. One with no default (a configuration file's name) must be given: refused, naming it.
 */
function fillWhatTheLineReads(entry: StepTypeData, action: string, props: Record<string, string>, vars: Variable[]): void {
  let added = false;
  for (const data of variablesTheLineReads(entry, action)) {
    if (props[data.property] !== undefined) continue;
    if (data.default === undefined) refuse(`${entry.consoleName} needs the setting ${data.setting} (${data.name}) here: its <action> line reads %${data.name}%.`);
    vars.push(variable(data.name, data.property, data.hidden, data.default));
    props[data.property] = data.default;
    added = true;
  }
  if (added) vars.sort(byProperty);
}

const RUN_IN: readonly string[] = ['WinPE', 'FullOS', 'WinPEandFullOS'];

function refuse(message: string): never {
  throw new TaskSequenceError('INVALID_ARGUMENT', message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks what a script passed besides the settings' values (a JavaScript caller has no compiler to do it): anything
 * that would be written other than as given, or break the build with a TypeError, is `INVALID_ARGUMENT`; so is a
 * name, description or time-out that `renameItem` or `setTimeoutSeconds` would refuse (the same checks, item-checks.ts).
 */
function checkInput(entry: StepTypeData, input: unknown): asserts input is BuildStepInput<string> {
  if (!isObject(input)) refuse(`A ${entry.consoleName} step needs { name, settings, … }.`);
  if (!isObject(input.settings)) refuse(`settings must be an object of ${entry.consoleName} settings ({} for none).`);
  checkItemName(input.name);
  checkItemDescription(input.description);
  checkOptionFlags('buildStep', input, ['disabled', 'continueOnError', 'retryAttributes', 'fillDefaults']);
  if (input.timeout !== undefined) checkTimeoutSeconds(input.timeout);
  if (input.runIn !== undefined && !RUN_IN.includes(input.runIn as string)) refuse(`runIn must be one of ${RUN_IN.join(', ')}, not ${describeGiven(input.runIn)}.`);
  const codes = input.successCodes === undefined ? undefined : codesProblem('successCodes', input.successCodes);
  if (codes !== undefined) refuse(codes);
  // A misspelt release (`CB2403`) is no release: it was spelt as 2007's console, with every later switch.
  if (input.release !== undefined && (typeof input.release !== 'string' || releaseRank(input.release) === undefined)) refuse(`release must be a ConfigMgr release (2007, 2012 R2, CB, CB 2403, …), not ${typeof input.release === 'string' ? shownValue(input.release, '"') : typeof input.release}.`);
  // verbatim and extra are written as they come: a text in place of the record made a variable per character, and
  // a null in the list a TypeError.
  if (input.verbatim !== undefined && !(isObject(input.verbatim) && Object.values(input.verbatim).every((t) => typeof t === 'string'))) refuse('verbatim must be an object of variable texts by property.');
  // A key that is no property of the type (a misspelling) was written as a variable of its own beside the real one.
  for (const key of Object.keys(input.verbatim ?? {})) if (!isVerbatimKey(entry, key)) refuse(`verbatim has ${JSON.stringify(key)}, which is no property of ${entry.consoleName}: give a variable the catalog does not know in extra.`);
  if (input.extra !== undefined && !Array.isArray(input.extra)) refuse('extra must be a list of variables.');
  for (const v of (input.extra ?? []) as readonly unknown[]) {
    if (!isVariable(v)) refuse('Each extra variable must be { kind: "variable", tag: "variable", attributes: { name, property, … }, value } with texts.');
    const known = matchVariable(entry, v);
    if (known) refuse(`The extra variable ${JSON.stringify(v.attributes.name ?? v.attributes.property)} is ${entry.consoleName}'s ${known.data.setting}: give it as a setting (or in verbatim).`);
  }
  if (input.condition !== undefined && !(isObject(input.condition) && input.condition.kind === 'condition' && Array.isArray(input.condition.children))) refuse('condition must be a <condition> node (see buildCondition).');
}

/** Whether a value is a variable node with text attributes and a text value, as `extra` takes. */
function isVariable(v: unknown): v is Variable {
  return isObject(v) && v.kind === 'variable' && isObject(v.attributes) && Object.values(v.attributes).every((t) => typeof t === 'string') && typeof v.value === 'string';
}

/**
 * The settings with the `successCodes` option in them, for a type that mirrors `successCodeList` in a SuccessCodes
 * variable: the option sets both, and contradicting the setting is refused.
 */
function withSuccessCodes(entry: StepTypeData, settings: Readonly<Record<string, unknown>>, codes: readonly number[] | undefined): Readonly<Record<string, unknown>> {
  const data = codes === undefined ? undefined : entry.variables.find((v) => !v.arrayOf && v.property === 'SuccessCodes');
  if (!data || codes === undefined) return settings;
  const given = settings[data.setting];
  if (given === undefined) return { ...settings, [data.setting]: [...codes] };
  if (!Array.isArray(given) || given.join(' ') !== codes.join(' ')) refuse(`successCodes ${codes.join(' ')} contradicts the setting ${data.setting}; give one of them.`);
  return settings;
}

/**
 * A new step of any catalog type (by `type` or console name), written the way the console writes it. A literal `kind`
 * that names no catalog step type does not compile (see {@link StepKind}); a `string` is checked at run time.
 */
export function buildStep<K extends string>(kind: StepKind<K>, input: BuildStepInput<K>): Step | SubTaskSequence {
  const entry = entryFor(kind);
  checkInput(entry, input);
  const vars = buildVariables(entry, withSuccessCodes(entry, input.settings, input.successCodes), input);
  const release = input.release ?? LATEST_RELEASE;
  const cb = isCurrentBranch(release);
  const props: Record<string, string> = {};
  for (const marker of templateMarkers(entry.action)) if (isAvailableIn(marker, release)) props[`@${marker.slice(3)}`] = '';
  for (const v of vars) props[v.attributes.property ?? ''] = v.value;
  for (const setting of Object.keys(input.settings)) {
    const data = entry.variables.find((v) => !v.arrayOf && v.setting === setting);
    if (data && !readsBack(entry.action, props, data.property)) refuse(misreadMessage(entry, data.setting, props[data.property] ?? ''));
  }
  const attributes: Attributes = { type: entry.type, name: input.name, description: input.description ?? '' };
  if (input.disabled) attributes.disable = 'true';
  if (input.continueOnError) attributes.continueOnError = 'true';
  if (input.timeout !== undefined) attributes.timeout = String(input.timeout);
  const runIn = input.runIn ?? entry.runIn;
  if (runIn !== undefined && entry.element === 'step') attributes.runIn = runIn;
  attributes.successCodeList = props.SuccessCodes ?? input.successCodes?.join(' ') ?? entry.successCodeList;
  if (input.retryAttributes ?? cb) {
    attributes.retryCount = props.RetryCount ?? entry.retryCount ?? '0';
    attributes.runFromNet = 'false';
  }
  if (input.fillDefaults ?? true) checkSegmentsWritten(entry, props);
  // A step that cannot run: neither or both of two modes (an image package and an installation package), a package
  // without its program. Not with fillDefaults false, which builds a step's variables as given (the text form's).
  const choices = (input.fillDefaults ?? true) ? choiceProblems(entry, props) : [];
  if (choices.length > 0) refuse(choices.join(' '));
  const action = renderAction(entry.action, props);
  if (input.fillDefaults ?? true) fillWhatTheLineReads(entry, action, props, vars);
  const children: Node[] = [];
  if (input.condition) children.push(input.condition);
  children.push({ kind: 'action', tag: 'action', attributes: {}, value: action });
  children.push({ kind: 'variableList', tag: 'defaultVarList', attributes: {}, children: vars });
  return entry.element === 'subtasksequence' ? { kind: 'subtasksequence', tag: 'subtasksequence', attributes, children } : { kind: 'step', tag: 'step', attributes, children };
}
