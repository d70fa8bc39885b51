/**
 * Which task sequence variables a step sets or reads and which packages it uses, for the page's tables and its
 * search box. Read from the step's properties, command line and condition; `%NAME%` anywhere counts as a read.
 */
import { conditionOf, expressionParameters } from '../model/conditions.js';
import { checkpointBelow, containsItself } from '../model/contains-itself.js';
import type { Node, SequenceItem } from '../model/types.js';
import { getAction, variables } from '../model/variables.js';
import { variablesReadByName, variablesSetBy } from '../model/variables-set.js';
import { packageIdsIn } from '../model/child-sequence.js';
import { compareNames } from '../name-order.js';

/** What one step or group touches. */
export interface ItemUsage {
  sets: string[];
  reads: string[];
  packages: string[];
}

/** Step properties that hold package IDs besides those ending in `PackageID`. */
const PACKAGE_LISTS = new Set(['ConfigFilePackage', 'DownloadPackages']);
const REFERENCE = /%([A-Za-z_][\w.-]*)%/g;
const ACTION_PACKAGE = /\/(?:pkg|run):([A-Za-z0-9]{3}[0-9A-Fa-f]{5})(?![\w])/gi;

function readsIn(text: string, into: Set<string>): void {
  for (const m of text.matchAll(REFERENCE)) into.add(m[1] as string);
}

/**
 * The variables a condition's operands read, in document order. Operators nest as deep as the reader's `maxDepth`
 * allows, so the walk keeps its own stack (operands still to visit, the next on top) instead of recursing.
 */
function conditionReads(nodes: Node[], into: Set<string>): void {
  // Each operand with its depth and what the operands in it are compared with (see contains-itself.ts).
  const todo: [Node, number, Node][] = nodes.map((n): [Node, number, Node] => [n, 1, n]).reverse();
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [n, depth, checkpoint] = next;
    if (n.kind === 'expression') {
      const p = expressionParameters(n);
      if (n.attributes.type === 'SMS_TaskSequence_VariableConditionExpression' && p.Variable) into.add(p.Variable);
      for (const v of Object.values(p)) readsIn(v, into);
    } else if (n.kind === 'operator') {
      for (let i = n.children.length - 1; i >= 0; i--) {
        const c = n.children[i] as Node;
        if (c === checkpoint) containsItself(c);
        todo.push([c, depth + 1, checkpointBelow(c, depth + 1, checkpoint)]);
      }
    }
  }
}

/**
 * The variables and packages a step or group uses, each list sorted without duplicates. Throws `INVALID_ARGUMENT` for
 * an operator of its condition that contains itself.
 */
export function itemUsage(item: SequenceItem): ItemUsage {
  const sets = new Set<string>();
  const reads = new Set<string>();
  const packages = new Set<string>();
  const cond = conditionOf(item);
  if (cond) conditionReads(cond.children, reads);
  if (item.kind !== 'group') {
    const action = getAction(item) ?? '';
    readsIn(action, reads);
    for (const m of action.matchAll(ACTION_PACKAGE)) packages.add((m[1] as string).toUpperCase());
    for (const name of variablesSetBy(item)) sets.add(name);
    for (const name of variablesReadByName(item)) reads.add(name);
    for (const v of variables(item)) {
      const prop = v.attributes.property ?? v.attributes.name ?? '';
      const value = v.value.trim();
      readsIn(v.value, reads);
      if (value === '') continue;
      if (/PackageID$/i.test(prop) || PACKAGE_LISTS.has(prop)) {
        for (const id of packageIdsIn(value)) packages.add(id.toUpperCase());
      }
    }
  }
  const sorted = (s: Set<string>) => [...s].sort(compareNames);
  return { sets: sorted(sets), reads: sorted(reads), packages: sorted(packages) };
}
