/**
 * The console writes a step's variables sorted ordinally (case-sensitive) by `property`. New variables go to their
 * sorted place when the step's list is sorted, and last when it is not (MDT files), so untouched steps stay as read.
 */
import { whitespaceBefore } from '../model/format.js';
import type { Node, Step, SubTaskSequence, Variable } from '../model/types.js';
import { variableList, variables } from '../model/variables.js';


function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether variables are in the console's order. */
export function inPropertyOrder(vars: readonly Variable[]): boolean {
  for (let i = 1; i < vars.length; i++) if (ordinal((vars[i - 1] as Variable).attributes.property ?? '', (vars[i] as Variable).attributes.property ?? '') > 0) return false;
  return true;
}

/** Moves a just-appended variable to its sorted place, when the others are sorted. */
export function placeInPropertyOrder(step: Step | SubTaskSequence, added: Variable): void {
  const list = variableList(step);
  if (!list) return;
  const others = variables(step).filter((v) => v !== added);
  if (!inPropertyOrder(others)) return;
  const slots: number[] = [];
  list.children.forEach((c, i) => {
    if (c.kind === 'variable') slots.push(i);
  });
  const sorted = [...others, added].sort((a, b) => ordinal(a.attributes.property ?? '', b.attributes.property ?? ''));
  // Each variable slot keeps its whitespace; the variables move between slots.
  slots.forEach((slot, i) => {
    list.children[slot] = sorted[i] as Variable;
  });
}

/**
 * Moves variables just appended (in the order given) to their sorted places, when the others are sorted: what
 * {@link placeInPropertyOrder} does for each in turn, with one sort.
 */
export function placeAllInPropertyOrder(step: Step | SubTaskSequence, added: readonly Variable[]): void {
  const list = variableList(step);
  if (!list || added.length === 0) return;
  const isNew = new Set(added);
  const others = variables(step).filter((v) => !isNew.has(v));
  if (!inPropertyOrder(others)) return;
  const sorted = [...others, ...added].sort((a, b) => ordinal(a.attributes.property ?? '', b.attributes.property ?? ''));
  let next = 0;
  list.children.forEach((c, i) => {
    if (c.kind === 'variable') list.children[i] = sorted[next++] as Variable;
  });
}

/** Removes variables and the whitespace that indented each, in one pass: what {@link removeItemVariable} does for each. */
export function removeItemVariables(step: Step | SubTaskSequence, gone: ReadonlySet<Variable>): void {
  const list = variableList(step);
  if (!list || gone.size === 0) return;
  const kept: Node[] = [];
  for (const c of list.children) {
    if (c.kind !== 'variable' || !gone.has(c)) kept.push(c);
    else if (whitespaceBefore({ ...list, children: kept }, kept.length)) kept.pop();
  }
  list.children = kept;
}

/** Removes a variable and the whitespace that indented it. */
export function removeItemVariable(step: Step | SubTaskSequence, variable: Variable): void {
  const list = variableList(step);
  if (!list) return;
  const index = list.children.indexOf(variable);
  if (index === -1) return;
  const ws = whitespaceBefore(list, index);
  list.children.splice(ws ? index - 1 : index, ws ? 2 : 1);
}
