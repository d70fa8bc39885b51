/**
 * Which catalog variable a step's `<variable>` is: by WMI property, then by task sequence variable name (MDT files
 * use other properties), with array items (`Partitions0Size`) resolved to their array and index.
 */
import type { Step, SubTaskSequence, Variable } from '../model/types.js';
import { variables } from '../model/variables.js';
import type { StepTypeData, VariableData } from './types.js';

/** A step variable matched to the catalog. */
export interface MatchedVariable {
  variable: Variable;
  data: VariableData;
  /** For an array item: its index. */
  index?: number;
}

function itemPattern(spelling: string): RegExp {
  const [head, tail] = spelling.split('{n}') as [string, string];
  return new RegExp(`^${head}(\\d+)${tail}$`, 'i');
}

/** The catalog variable (and array index) for a `<variable>` of a step of type `entry`. */
export function matchVariable(entry: StepTypeData, variable: Variable): Omit<MatchedVariable, 'variable'> | undefined {
  const property = variable.attributes.property ?? '';
  const name = (variable.attributes.name ?? '').toLowerCase();
  for (const data of entry.variables) if (!data.arrayOf && data.property === property) return { data };
  for (const data of entry.variables) if (!data.arrayOf && data.name.toLowerCase() === name && name !== '') return { data };
  for (const data of entry.variables) {
    if (!data.arrayOf) continue;
    const m = itemPattern(data.property).exec(property) ?? itemPattern(data.name).exec(variable.attributes.name ?? '');
    if (m) return { data, index: Number(m[1]) };
  }
  return undefined;
}

/**
 * Whether `key` names a variable of the step type as `verbatim` keys do (`StepView.verbatim`): a top-level variable's
 * property, or an array item's property or name with its index (`Partitions0Size`).
 */
export function isVerbatimKey(entry: StepTypeData, key: string): boolean {
  return entry.variables.some((data) => (data.arrayOf ? itemPattern(data.property).test(key) || itemPattern(data.name).test(key) : data.property === key));
}

/** The catalog variable of a setting name (top level), or undefined. */
export function variableOfSetting(entry: StepTypeData, setting: string): VariableData | undefined {
  return entry.variables.find((v) => !v.arrayOf && v.setting === setting);
}

/**
 * The setting name of the array an item variable belongs to (`partitions` for `Partitions{n}Size`): the top-level
 * variable whose property its `arrayOf` names, or that property when the catalog has none.
 */
export function arraySettingOf(entry: StepTypeData, item: VariableData): string {
  return entry.variables.find((x) => !x.arrayOf && x.property === item.arrayOf)?.setting ?? item.arrayOf ?? '';
}

/** The `name`/`property` of array item `index` of an item variable. */
export function itemSpelling(data: VariableData, index: number): { name: string; property: string } {
  return { name: data.name.replace('{n}', String(index)), property: data.property.replace('{n}', String(index)) };
}

/** What a step's variables write of its array settings (see {@link arraysWritten}). */
export interface ArraysWritten {
  /** Each array setting's count as written (the array's own variable, `OSDPartitions`), by the array's data. */
  counts: Map<VariableData, string>;
  /**
   * The items, by array (the `arrayOf` property, `Partitions`) and index, each with the item fields written for it
   * (empty or not). Indexes in the order first met.
   */
  items: Map<string, Map<number, Set<VariableData>>>;
}

/**
 * The array settings a step's variables write, in one walk of them: what lint's checks of arrays read
 * (`catalog/missing-setting`'s fields of each item, `catalog/array-count`'s indexes against the count).
 */
export function arraysWritten(entry: StepTypeData, step: Step | SubTaskSequence): ArraysWritten {
  const counts = new Map<VariableData, string>();
  const items = new Map<string, Map<number, Set<VariableData>>>();
  for (const v of variables(step)) {
    const m = matchVariable(entry, v);
    if (!m) continue;
    if (m.index === undefined) {
      if (m.data.valueType === 'array') counts.set(m.data, v.value);
      continue;
    }
    if (m.data.arrayOf === undefined) continue;
    let array = items.get(m.data.arrayOf);
    if (!array) items.set(m.data.arrayOf, (array = new Map<number, Set<VariableData>>()));
    let fields = array.get(m.index);
    if (!fields) array.set(m.index, (fields = new Set<VariableData>()));
    fields.add(m.data);
  }
  return { counts, items };
}
