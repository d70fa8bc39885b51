/**
 * The schema check of an item's condition when its operands nest deeper than the validator can follow. The generated
 * validator recurses, a few frames per level of `and`/`or`/`not`, and ran out of call stack a few hundred levels
 * down, so buildSequence refused the text form of a step read with a raised `maxDepth` (sequenceToText had written
 * it). An operand's schema does not depend on where it stands, so each operand is checked on its own, its nested
 * lists emptied, as the JSON model's deep nodes are (model-json-validator.ts): the same verdict, for one check each.
 */
import { checkpointBelow, containsItself } from '../model/contains-itself.js';

/** Levels of operands checked with their item in one call: far inside what the call stack holds. */
export const WHOLE_OPERAND_DEPTH = 64;

/** The keys whose lists hold operands (an operator over operands). */
const LISTS = ['and', 'or', 'not'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The operand lists of `operand`, with their keys: those the schema checks as operands. */
function listsOf(operand: unknown): [key: string, list: unknown[]][] {
  if (!isObject(operand)) return [];
  const out: [string, unknown[]][] = [];
  for (const key of LISTS) {
    const list = operand[key];
    if (Array.isArray(list)) out.push([key, list]);
  }
  return out;
}

/** Whether an operand of `condition` lies more than `limit` levels down (an explicit stack; it ends on a loop). */
export function operandsNestDeeperThan(condition: readonly unknown[], limit: number): boolean {
  const todo: Array<[operand: unknown, depth: number]> = condition.map((o) => [o, 1]);
  for (let entry = todo.pop(); entry; entry = todo.pop()) {
    const [operand, depth] = entry;
    if (depth > limit) return true;
    for (const [, list] of listsOf(operand)) for (const o of list) todo.push([o, depth + 1]);
  }
  return false;
}

/** `operand` with its operand lists left empty, which the schema then checks on its own. */
export function operandAlone(operand: unknown): unknown {
  const lists = listsOf(operand);
  if (lists.length === 0) return operand;
  const alone: Record<string, unknown> = { ...(operand as Record<string, unknown>) };
  for (const [key] of lists) alone[key] = [];
  return alone;
}

/** An operand still to check: its parent, the list and index it stands at there, and its loop checkpoint. */
interface Place {
  operand: unknown;
  parent: Place | undefined;
  key: string;
  index: number;
  depth: number;
  checkpoint: unknown;
}

/** The keys from the condition down to `place`: `[i]` for a top operand, then `and`/`or`/`not` and an index a level. */
function pathOf(place: Place): (string | number)[] {
  const out: (string | number)[] = [];
  for (let at: Place | undefined = place; at; at = at.parent) out.push(at.index, ...(at.parent ? [at.key] : []));
  return out.reverse();
}

/**
 * Calls `check` with each operand below the top ones of `condition` (those are checked with their item), alone, and
 * the keys from the condition down to it, in document order. Throws `INVALID_ARGUMENT` for an operand that contains
 * itself (a script's data can; the walk would not end).
 */
export function eachNestedOperand(condition: readonly unknown[], check: (alone: unknown, path: () => (string | number)[]) => void): void {
  const todo: Place[] = [];
  const queue = (parent: Place) => {
    const depth = parent.depth + 1;
    const lists = listsOf(parent.operand);
    for (let l = lists.length - 1; l >= 0; l--) {
      const [key, list] = lists[l] as [string, unknown[]];
      for (let i = list.length - 1; i >= 0; i--) {
        const operand = list[i];
        if (operand === parent.checkpoint) containsItself(operand, 'INVALID_ARGUMENT', 'A condition operand');
        todo.push({ operand, parent, key, index: i, depth, checkpoint: checkpointBelow(operand, depth, parent.checkpoint) });
      }
    }
  };
  // Each top operand's operands in full before the next's: document order.
  for (let i = 0; i < condition.length; i++) {
    const operand = condition[i];
    const top: Place = { operand, parent: undefined, key: '', index: i, depth: 1, checkpoint: operand };
    queue(top);
    for (let place = todo.pop(); place; place = todo.pop()) {
      const at = place;
      check(operandAlone(at.operand), () => pathOf(at));
      queue(at);
    }
  }
}
