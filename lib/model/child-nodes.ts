/**
 * What may stand among a parent's `children`, and how a message names what may not. The model is plain data, so a
 * script can put anything there (`null`, a number, a string, an array); every walk and edit tells a node from
 * anything else with {@link isChildNode}, and refuses the rest by its description, not with a TypeError.
 */
import { shownValue } from '../shown-value.js';

/** Whether a value can stand among a parent's children: an object that is not an array. What it says is the writer's to judge. */
export function isChildNode(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a message shows it when it is not what was meant: `null`, `a number`, `an array`, `a node of kind "x"`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' ? `a node of kind ${JSON.stringify(kind)}` : 'an object that is no node';
}

/** A value as a refusal names it: a string quoted (cut and escaped as {@link shownValue} does), anything else by its description. */
export function describeGiven(value: unknown): string {
  return typeof value === 'string' ? shownValue(value, '"') : describeValue(value);
}
