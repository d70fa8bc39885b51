/**
 * Setting the condition of a step or group. A condition is a node like any other: the same object given to two items
 * stood in two places, so an edit of either condition changed both, and it kept the indentation of its first place.
 * A condition some item already has (read from the file, or set by cmts and not taken out since) is put in as a copy,
 * laid out afresh for its new place; a condition a script built is put in itself, so the script can go on holding it.
 */
import { sourceOf } from '../xml/origin.js';
import { checkConditionNode, checkItem } from './argument-checks.js';
import { detectIndentUnit, dropLayout, insertLaidOut, layOut, layoutAt, whitespaceBefore } from './format.js';
import { plainCopy } from './plain-copy.js';
import { isElement } from './query.js';
import type { Condition, Group, Node, Step, SubTaskSequence } from './types.js';

/** The conditions setCondition put in and has not taken out since: given again, each is some item's already. */
const setByCmts = new WeakSet<Node>();

/** Whether `condition` may be some item's: read from a file, or set by setCondition and not replaced or removed. */
function mayBeHeld(condition: Condition): boolean {
  return setByCmts.has(condition) || sourceOf(condition) !== undefined;
}

/**
 * Sets (or, with undefined, removes) the condition of a step or group: an existing `<condition>` is replaced where it
 * is; a new one goes first, laid out like the item's other children. A condition that is some item's already (read
 * from the file, or set before and not taken out since) is copied, so that one node never stands in two places.
 * Throws `INVALID_ARGUMENT` for no step or group, or for what is no condition.
 */
export function setCondition(item: Step | SubTaskSequence | Group, condition: Condition | undefined): void {
  checkItem('setCondition', item, 'first argument');
  if (condition !== undefined) checkConditionNode('setCondition', condition, ' or undefined');
  if (condition && mayBeHeld(condition)) {
    // A copy has the layout of the place it came from (another depth, another file's indentation): laid out anew.
    condition = plainCopy(condition);
    dropLayout(condition);
  }
  const at = item.children.findIndex((c) => c.kind === 'condition');
  const unit = detectIndentUnit(item);
  if (at !== -1) {
    setByCmts.delete(item.children[at] as Node);
    if (condition) {
      layOut(condition, layoutAt(item, at, unit));
      item.children[at] = condition;
      setByCmts.add(condition);
    } else {
      const ws = whitespaceBefore(item, at);
      item.children.splice(ws ? at - 1 : at, ws ? 2 : 1);
    }
    return;
  }
  if (!condition) return;
  setByCmts.add(condition);
  const first = item.children.findIndex((c) => isElement(c));
  if (first === -1) {
    item.children.unshift(condition);
    return;
  }
  // Inserted after the first element with its layout, then the two swap places: the condition comes first.
  insertLaidOut(item, first, [condition], unit);
  const placed = item.children.indexOf(condition);
  item.children[placed] = item.children[first] as Node;
  item.children[first] = condition;
}
