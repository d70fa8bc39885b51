/**
 * A typed view of any step, generated from the catalog: settings by meaningful names with typed values, read from
 * the step's variables (and, where a dialect keeps them there, from its `<action>` line), and written back so that the
 * action line stays in step with them. Unknown and third-party step types get a view with no settings: their
 * variables are all in `extra`, untouched.
 */
import { describeValue } from '../model/child-nodes.js';
import { TaskSequenceError } from '../errors.js';
import type { Step, SubTaskSequence, Variable } from '../model/types.js';
import { getAction, variables } from '../model/variables.js';
import { matchAction, templateMarkers } from './action-line.js';
import { actionTexts } from './action-texts.js';
import { catalogEntry } from './catalog.js';
import type { StepOfType, StepSettings, StepTypeOf } from './settings-types.js';
import { setStepSetting } from './set-setting.js';
import type { StepTypeData } from './types.js';
import { readValue, type SettingValue } from './values.js';
import { arraySettingOf, matchVariable, variableOfSetting } from './variable-match.js';

/** The `type` MDT Lite Touch leaves out of its Run Command Line steps. */
const UNTYPED_STEP = 'SMS_TaskSequence_RunCommandLineAction';

/** The catalog entry a step reads through (a step without `type` is an MDT Run Command Line). */
export function entryOfStep(step: Step | SubTaskSequence): StepTypeData | undefined {
  return catalogEntry(step.attributes.type ?? (step.kind === 'step' ? UNTYPED_STEP : undefined));
}

/**
 * A step read through the catalog. `T` is its `type` (or console name) when known at compile time; a literal that
 * names no catalog step type does not compile (see `StepOfType`).
 */
export class StepView<T extends string = string> {
  /** The step's catalog entry; undefined for unknown and third-party step types. */
  readonly entry: StepTypeData | undefined;
  readonly step: Step | SubTaskSequence;

  constructor(step: StepOfType<T, Step | SubTaskSequence>) {
    // What a plain-JavaScript caller passes is checked where the compiler would have: its reads threw TypeErrors.
    const s = step as unknown as Partial<Step> | null;
    if (typeof s !== 'object' || s === null || ((s.kind as unknown) !== 'step' && (s.kind as unknown) !== 'subtasksequence') || typeof s.attributes !== 'object' || s.attributes === null || !Array.isArray(s.children)) {
      throw new TaskSequenceError('INVALID_ARGUMENT', `A step view needs a <step> or <subtasksequence> node (kind, attributes, children), not ${describeValue(step)}.`);
    }
    this.step = step as Step | SubTaskSequence;
    this.entry = entryOfStep(this.step);
  }

  /**
   * The property texts of the step's variables, keyed by the catalog's `property` spelling (else as written); of two
   * variables for one property, the first's.
   */
  propertyTexts(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const v of variables(this.step)) {
      const m = this.entry ? matchVariable(this.entry, v) : undefined;
      const key = m && m.index === undefined ? m.data.property : (v.attributes.property ?? v.attributes.name ?? '');
      // The first of two variables for one property, as `settings` and `get` read it (the second is in `verbatim`) and
      // `set` writes it: reading the last, `set` took a value the first did not hold for one already there, wrote
      // nothing, and re-rendered the action line, which then said another value than `get`.
      if (!Object.hasOwn(out, key)) out[key] = v.value;
    }
    return out;
  }

  /**
   * The settings the step holds, typed: each variable's value, or, for a variable that is empty (or only white space)
   * or missing, the value the `<action>` line carries for it, as {@link get} reads them. A variable whose text has no
   * lossless typed form is left out here and kept in {@link verbatim}, and so is an empty one beside an action-line
   * value that has none; variables the catalog does not know are in {@link extra}.
   */
  get settings(): StepSettings<StepTypeOf<T>> {
    return this.read().settings as StepSettings<StepTypeOf<T>>;
  }

  /** Catalog variables whose text is not a valid value of their type, by property, as written. */
  get verbatim(): Record<string, string> {
    return this.read().verbatim;
  }

  /** Variables the catalog does not know for this step type (or all of them, for an unknown type). */
  get extra(): Variable[] {
    return this.read().extra;
  }

  /**
   * Property texts carried by the `<action>` line, according to the console's template or a dialect's; a line that is
   * exactly what the variables render carries their texts only (see `actionTexts` in `action-texts.ts`).
   */
  actionTexts(): Record<string, string> {
    const action = getAction(this.step);
    if (!this.entry || action === undefined) return {};
    return actionTexts(this.entry, action, this.propertyTexts())?.texts ?? {};
  }

  /**
   * The newest release whose console writes this step's action line as it is, when the line lacks a switch later
   * consoles add (a Prepare Windows for Capture without `/shutdown:` was written before CB 1810); else undefined.
   */
  actionRelease(): string | undefined {
    const action = getAction(this.step);
    if (!this.entry || action === undefined) return undefined;
    const found = matchAction(this.entry.action, action);
    if (!found) return undefined;
    const missing = templateMarkers(this.entry.action).filter((m) => !(`@${m.slice(3)}` in found));
    return missing.length > 0 ? 'CB' : undefined;
  }

  /**
   * A setting's effective value, as {@link settings} reads it: the variable's when it has a non-empty one, else what
   * the action line carries (MDT keeps a Run Command Line's command, and often a restart's target, only there), else
   * the empty variable's.
   */
  get<K extends keyof StepSettings<StepTypeOf<T>> & string>(setting: K): StepSettings<StepTypeOf<T>>[K] | undefined {
    if (!this.entry || !variableOfSetting(this.entry, setting)) return undefined;
    return (this.settings as Record<string, unknown>)[setting] as StepSettings<StepTypeOf<T>>[K] | undefined;
  }

  /**
   * Sets a setting (writing the variable the console writes) and, for a setting the `<action>` line shows, re-renders
   * the line to match, keeping values only the line holds. Setting the value the setting already reads writes nothing;
   * an array keeps each remaining item's {@link verbatim} variables.
   */
  set<K extends keyof StepSettings<StepTypeOf<T>> & string>(setting: K, value: NonNullable<StepSettings<StepTypeOf<T>>[K]>): void {
    setStepSetting(this, setting, value as SettingValue);
  }

  private read(): { settings: Record<string, unknown>; verbatim: Record<string, string>; extra: Variable[] } {
    const settings: Record<string, unknown> = {};
    const verbatim: Record<string, string> = {};
    const extra: Variable[] = [];
    const counts: Record<string, string> = {};
    const entry = this.entry;
    for (const v of variables(this.step)) {
      const m = entry ? matchVariable(entry, v) : undefined;
      if (!m) {
        extra.push(v);
        continue;
      }
      // A value the builders refuse (an enum value outside the allowed list) is not a valid value of its type: typed, it
      // could not be built or set again.
      const decoded = readValue(m.data, v.value);
      const key = m.index === undefined ? m.data.property : (v.attributes.property ?? '');
      if (decoded === undefined || key in verbatim) {
        verbatim[key] = v.value;
        continue;
      }
      if (m.index === undefined) {
        if (m.data.setting in settings && !(m.data.valueType === 'array' && Array.isArray(settings[m.data.setting]) && counts[m.data.setting] === undefined)) verbatim[key] = v.value;
        else if (m.data.valueType === 'array') {
          settings[m.data.setting] ??= [];
          counts[m.data.setting] = v.value;
        } else settings[m.data.setting] = decoded;
        continue;
      }
      const arraySetting = entry ? arraySettingOf(entry, m.data) : (m.data.arrayOf ?? '');
      const items = (settings[arraySetting] ??= []) as Record<string, unknown>[];
      const item = (items[m.index] ??= {});
      item[m.data.setting] = decoded;
    }
    for (const [s, value] of Object.entries(settings)) {
      // An array is typed only when its count matches its items and no index is missing. The indexes present are
      // counted, not the holes: one variable numbered 100,000,000 (with a count to match) made an array that long,
      // and walking its holes cost 20 s and 1.7 GB for a file of 600 bytes. An index past what an array can hold
      // is a key of its own, and so counts as a mismatch too.
      if (!Array.isArray(value) || entry?.variables.find((x) => x.setting === s)?.valueType !== 'array') continue;
      const data = entry.variables.find((x) => x.setting === s && !x.arrayOf) as StepTypeData['variables'][number];
      const count = Number(counts[s]);
      if (count !== value.length || Object.keys(value).length !== value.length) {
        delete settings[s];
        for (const v of variables(this.step)) {
          const m = matchVariable(entry, v);
          if (m && (m.data === data || m.data.arrayOf === data.property)) verbatim[m.index === undefined ? data.property : (v.attributes.property ?? '')] = v.value;
        }
      }
    }
    if (entry) this.readActionLine(entry, settings, verbatim);
    return { settings, verbatim, extra };
  }

  /**
   * Puts in `settings` what the action line alone holds: a value for a variable that is empty or missing. Read as
   * `set` reads it (`currentText` in set-setting.ts), so setting every setting to what it reads writes nothing. A
   * value with no lossless typed form is no setting; its empty variable stays in `verbatim`, so that building the
   * settings again does not make it a value of ''.
   */
  private readActionLine(entry: StepTypeData, settings: Record<string, unknown>, verbatim: Record<string, string>): void {
    const action = getAction(this.step);
    if (action === undefined) return;
    const texts = this.propertyTexts();
    const carried = actionTexts(entry, action, texts)?.texts ?? {};
    for (const [property, text] of Object.entries(carried)) {
      const own = Object.hasOwn(texts, property) ? texts[property] : undefined;
      if (text === '' || (own !== undefined && own.trim() !== '')) continue;
      const data = entry.variables.find((v) => !v.arrayOf && v.property === property && v.valueType !== 'array');
      if (!data) continue;
      const value = readValue(data, text);
      if (value !== undefined) {
        settings[data.setting] = value;
        delete verbatim[property];
      } else {
        delete settings[data.setting];
        if (own !== undefined) verbatim[property] = own;
      }
    }
  }
}

/**
 * The typed view of a step (any type; settings are typed when `T`, a `type` or console name, is given or inferred; a
 * literal `T` that names no catalog step type does not compile).
 */
export function stepView<T extends string = string>(step: StepOfType<T, Step | SubTaskSequence>): StepView<T> {
  return new StepView<T>(step);
}
