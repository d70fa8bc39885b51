/**
 * How deep plain data nests, found without recursion (data read with a raised depth limit nests deeper than the call
 * stack holds). Shared by the command line's JSON text and the check of a transform's options.
 */
import { checkpointBelow } from './model/contains-itself.js';

/**
 * Whether `value` holds objects or arrays no more than `levels` deep (`within`), more (`deeper`), or holds itself
 * (`itself`: an object among its own contents, which nests without end), by an explicit stack that stops as soon as
 * it knows. A value with `toJSON` counts as it is: the check only picks how the text is made, never what it says. A
 * value that holds itself is told from a deep one when it does so within about a third of `levels` (see
 * `model/contains-itself.ts`); one that holds itself further down is `deeper`.
 */
export function nestingOf(value: unknown, levels: number): 'within' | 'deeper' | 'itself' {
  // The objects still to look into, their levels, and what the objects in each are compared with, side by side: the
  // check runs before every report is printed.
  const objects: unknown[] = [value];
  const depths: number[] = [1];
  const checkpoints: unknown[] = [value];
  for (let v = objects.pop(); v !== undefined; v = objects.pop()) {
    const depth = depths.pop() as number;
    const checkpoint = checkpoints.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (depth > levels) return 'deeper';
    const entries = Array.isArray(v) ? (v as unknown[]) : Object.values(v);
    for (const entry of entries) {
      if (typeof entry !== 'object' || entry === null) continue;
      if (entry === checkpoint) return 'itself';
      objects.push(entry);
      depths.push(depth + 1);
      // Levels count from 1 at the top: the top is at depth 0 of the chain of ancestors.
      checkpoints.push(checkpointBelow(entry, depth, checkpoint));
    }
  }
  return 'within';
}

/** Whether `value` holds objects or arrays more than `levels` deep, or holds itself (see {@link nestingOf}). */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  return nestingOf(value, levels) !== 'within';
}
