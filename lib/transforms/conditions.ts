/**
 * Steps added after a step with a condition run exactly when it runs: its condition is copied onto them when it tests
 * only variables the sequence or the administrator sets, and otherwise moved to a new group around the step and the
 * added steps, so that it is evaluated once for all of them. Shared by insert-steps-after and the KB977203 preset.
 */
import type { TaskSequenceDocument } from '../document.js';
import { expressionParameters } from '../model/conditions.js';
import { checkpointBelow, containsItself } from '../model/contains-itself.js';
import { detectIndentUnit, layoutAt, layOut, whitespaceBefore } from '../model/format.js';
import { plainCopy } from '../model/plain-copy.js';
import type { Located } from '../model/query.js';
import type { Condition, Group, Node, Operator, Step } from '../model/types.js';

/**
 * A list of operands still to look at: the children of a condition or operator, their depth, and the list the lists
 * in them are compared with (see contains-itself.ts).
 */
type Operands = [children: readonly Node[], depth: number, checkpoint: readonly Node[]];

/** The operands of `operator`, found in `above`; throws `INVALID_ARGUMENT` when the operator contains itself. */
function operandsOf(operator: Operator, above: Operands): Operands {
  const [, depth, checkpoint] = above;
  if (operator.children === checkpoint) containsItself(operator);
  return [operator.children, depth + 1, checkpointBelow(operator.children, depth + 1, checkpoint)];
}

/**
 * `copy` when a condition tests only variables the sequence or the administrator sets (the same before and after
 * Setup), `wrap` when it tests anything Setup changes: built-in `_SMS…`/`_OSD…` variables (`_SMSTSInWinPE`,
 * `_SMSTSLastActionSucceeded`), WMI, files, folders, registry, software.
 */
export function conditionMode(condition: Condition): 'copy' | 'wrap' {
  // Iterative: operators nest as deep as the reader allows.
  const todo: Operands[] = [[condition.children, 0, condition.children]];
  while (todo.length) {
    const operands = todo.pop() as Operands;
    for (const n of operands[0]) {
      if (n.kind === 'expression') {
        const variable = expressionParameters(n).Variable ?? '';
        if (n.attributes.type !== 'SMS_TaskSequence_VariableConditionExpression' || variable.startsWith('_')) return 'wrap';
      } else if (n.kind === 'operator') todo.push(operandsOf(n, operands));
    }
  }
  return 'copy';
}

/** The names of the task sequence variables a condition tests, in lower case (variable names ignore case). */
export function testedVariables(condition: Condition): Set<string> {
  return new Set(testedVariableNames(condition).keys());
}

/** The task sequence variables a condition tests: each name in lower case, with the first spelling it is written in. */
export function testedVariableNames(condition: Condition): Map<string, string> {
  const names = new Map<string, string>();
  const todo: Operands[] = [[condition.children, 0, condition.children]];
  while (todo.length) {
    const operands = todo.pop() as Operands;
    for (const n of operands[0]) {
      if (n.kind === 'expression' && n.attributes.type === 'SMS_TaskSequence_VariableConditionExpression') {
        const variable = expressionParameters(n).Variable;
        if (variable !== undefined && !names.has(variable.toLowerCase())) names.set(variable.toLowerCase(), variable);
      } else if (n.kind === 'operator') todo.push(operandsOf(n, operands));
    }
  }
  return names;
}

/** A copy of a condition with no link to the source text (it is printed, not copied, where it lands). */
export function copyCondition(condition: Condition): Condition {
  return plainCopy(condition);
}

/**
 * Re-indents a moved subtree's own line breaks by one `unit`: deeper, or (with `remove`) back out. A moved group can
 * be as deep as the reader's `maxDepth` allows, so its elements are visited from a stack rather than by recursion.
 */
export function reindent(node: Node, unit: string, remove = false): void {
  const outdent = new RegExp(`\\n${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
  // Each node with its depth and what the nodes in it are compared with (see contains-itself.ts).
  const todo: [Node, number, Node][] = [[node, 0, node]];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [at, depth, checkpoint] = next;
    if (!('children' in at)) continue;
    for (const c of at.children) {
      if (c.kind === 'text' && /^[ \t\r\n]*$/.test(c.value) && /\n/.test(c.value)) {
        c.value = remove ? c.value.replace(outdent, '\n') : c.value.replace(/\n/g, `\n${unit}`);
      } else if (c === checkpoint) containsItself(c);
      else todo.push([c, depth + 1, checkpointBelow(c, depth + 1, checkpoint)]);
    }
  }
}

/**
 * Replaces a step with a group of its name carrying its condition (taken off the step) and holding the step and the new
 * steps after it, laid out like the step: the condition is evaluated once, before the step, for all of them. The
 * group's description is `description`, or what it makes of the tag of the element the condition stood after in the
 * step (undefined when no element came before it), for a caller that records where it stood.
 */
export function wrapInGroup(doc: TaskSequenceDocument, setup: Located<Step>, condition: Condition, added: Step[], description: string | ((after: string | undefined) => string)): void {
  const step = setup.node;
  const parent = setup.parent;
  // Where the planner found it, when it is still there: a search of a wide parent for each step wrapped costs its size.
  const index = parent.children[setup.index] === step ? setup.index : parent.children.indexOf(step);
  const unit = detectIndentUnit(doc.sequence);
  const layout = layoutAt(parent, index, unit);
  const ci = step.children.indexOf(condition);
  let before: Node | undefined;
  for (let i = ci - 1; i >= 0 && before === undefined; i--) if ('tag' in (step.children[i] as Node)) before = step.children[i];
  const ws = whitespaceBefore(step, ci);
  step.children.splice(ws ? ci - 1 : ci, ws ? 2 : 1);
  const text = typeof description === 'string' ? description : description(before && 'tag' in before ? before.tag : undefined);
  const group: Group = { kind: 'group', tag: 'group', attributes: { name: step.attributes.name ?? '', description: text }, children: [] };
  if (!layout) {
    group.children = [condition, step, ...added];
  } else {
    reindent(step, layout.unit);
    const inner = { kind: 'text', value: layout.newline + layout.indent + layout.unit } as const;
    for (const n of added) layOut(n, { ...layout, indent: layout.indent + layout.unit });
    group.children = [{ ...inner }, condition, { ...inner }, step, ...added.flatMap((n) => [{ ...inner }, n]), { kind: 'text', value: layout.newline + layout.indent }];
  }
  parent.children[index] = group;
}
