/**
 * Writing a step's `<defaultVarList>` variables: a value set on the variable {@link findVariable} finds, else a new
 * variable added laid out like its neighbours (the list made when absent), one at a time or through an index for a
 * caller that sets many.
 */
import { checkStepLike, checkString, checkVariableKey } from './argument-checks.js';
import { appendLaidOut, detectIndentUnit, layoutAt } from './format.js';
import type { Node, Parent, ParentElement, Step, SubTaskSequence, Variable } from './types.js';
import { indexes, isMarkedUpVariable, type MarkedUpVariable, noteVariable } from './variable-search.js';
import { findVariable, type VariableKey, variableKey, variableList } from './variables.js';

type StepLike = Step | SubTaskSequence;

/** What a new variable is written with, when {@link setVariable} has to add one. */
export interface NewVariable extends VariableKey {
  hidden?: boolean;
}

/**
 * Sets a step variable's value. An existing variable (found as {@link findVariable} finds it) keeps its attributes; a missing one is
 * added to the `<defaultVarList>` (created when absent) laid out like its neighbours.
 */
export function setVariable(step: StepLike, key: string | NewVariable, value: string, context?: Parent): Variable {
  // Checked before any lookup: null as the key threw a TypeError, and a value that is no string was refused only by the
  // writer, at a line of its output.
  checkStepLike('setVariable', step);
  checkVariableKey('setVariable', key);
  checkString('setVariable', value);
  const spec: NewVariable = typeof key === 'string' ? variableKey(step, key) : key;
  // The same rule as reading, so a value is never read from one variable and written to another.
  const existing = findVariable(step, spec);
  if (existing) {
    existing.value = value;
    return existing;
  }
  return addVariable(step, spec, value, context);
}

/**
 * Adds a variable to the step's `<defaultVarList>` (created when absent), laid out like its neighbours, without
 * looking for one of the same name first: for a caller that knows there is none (see {@link variableIndex}).
 */
export function addVariable(step: StepLike, spec: NewVariable, value: string, context?: Parent): Variable {
  checkStepLike('addVariable', step);
  checkVariableKey('addVariable', spec);
  checkString('addVariable', value);
  const variable: Variable = {
    kind: 'variable',
    tag: 'variable',
    attributes: { name: spec.name, property: spec.property, ...(spec.hidden ? { hidden: 'true' } : {}) },
    value,
  };
  const unit = detectIndentUnit(context ?? step);
  let list = variableList(step);
  if (!list) {
    list = { kind: 'variableList', tag: 'defaultVarList', attributes: {}, children: [] };
    appendLaidOut(step, list, undefined, unit);
  }
  const known = indexes.get(list);
  const index = known && known.children === list.children && known.length === list.children.length ? known : undefined;
  appendLaidOut(list, variable, layoutOfChild(step, list, unit), unit);
  // An index that was current is kept so, rather than made again for the next lookup: adding N variables one by one
  // costs N, not N lists indexed. The new variable is last of the list's variables, at most a few nodes from its end.
  if (index && index.children === list.children) {
    let at = list.children.length - 1;
    while (at >= 0 && list.children[at] !== variable) at--;
    noteVariable(index, variable, at);
    index.length = list.children.length;
  }
  return variable;
}

/**
 * The step's variables indexed by name (case ignored) and by property, for a caller that sets many: each lookup finds
 * what {@link findVariable} finds, without a search of the list (setting N variables one by one costs N times the
 * list). Variables added through the index are found by it; the list must not be changed otherwise meanwhile.
 */
export function variableIndex(step: StepLike): { find(key: VariableKey): Variable | undefined; set(key: NewVariable, value: string): { variable: Variable; added: boolean } } {
  checkStepLike('variableIndex', step);
  const byName = new Map<string, Variable | MarkedUpVariable>();
  const byProperty = new Map<string, Variable | MarkedUpVariable>();
  const note = (c: Variable | MarkedUpVariable) => {
    const name = c.attributes.name;
    if (name !== undefined && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), c);
    const property = c.attributes.property;
    if (property !== undefined && !byProperty.has(property)) byProperty.set(property, c);
  };
  for (const c of variableList(step)?.children ?? []) if (c.kind === 'variable' || isMarkedUpVariable(c)) note(c);
  const find = (key: VariableKey): Variable | undefined => {
    const found = byName.get(key.name.toLowerCase()) ?? byProperty.get(key.property);
    // A variable with markup: findVariable refuses it, and says why.
    return found === undefined || found.kind === 'variable' ? found : findVariable(step, key);
  };
  return {
    find,
    set(key, value) {
      const existing = find(key);
      if (existing) {
        existing.value = value;
        return { variable: existing, added: false };
      }
      const variable = addVariable(step, key, value);
      note(variable);
      return { variable, added: true };
    },
  };
}

function layoutOfChild(parent: ParentElement, child: Node, unit: string) {
  const index = parent.children.indexOf(child);
  return index === -1 ? undefined : layoutAt(parent, index, unit);
}
