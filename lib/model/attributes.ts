/**
 * Typed attribute names for steps and groups, so a misspelling (`disabled` for `disable`) does not compile, and
 * setters that write attributes where the console puts them.
 */
import { checkAttributeName, checkFlag, checkItem, checkString } from './argument-checks.js';
import { attributeAsRead } from '../xml/print-start-tag.js';
import { checkItemName, checkTimeoutSeconds, MAX_ITEM_NAME } from './item-checks.js';
import { noteAttribute } from './item-edits.js';
import { setOwnAttribute } from './own-attribute.js';
import type { Group, SequenceItem, Step, SubTaskSequence } from './types.js';

/** The attributes a `<step>` or `<subtasksequence>` can have, in the order the console (and MDT) writes them. */
export const STEP_ATTRIBUTES = ['type', 'name', 'description', 'disable', 'continueOnError', 'timeout', 'startIn', 'runIn', 'successCodeList', 'retryCount', 'runFromNet'] as const;
/** The attributes a `<group>` can have, in the console's order (`expand` is MDT's). */
export const GROUP_ATTRIBUTES = ['expand', 'name', 'description', 'disable', 'continueOnError'] as const;

/** A step attribute name. */
export type StepAttribute = (typeof STEP_ATTRIBUTES)[number];
/** A group attribute name. */
export type GroupAttribute = (typeof GROUP_ATTRIBUTES)[number];
/** The attribute names of an item kind. */
export type AttributeOf<T extends SequenceItem> = T extends Group ? GroupAttribute : StepAttribute;

/** The console's limit for step and group names. */
export { MAX_ITEM_NAME };

/**
 * Sets an attribute of a step or group. An existing one keeps its place; a new one goes where the console writes it
 * (`disable` after `description`, `timeout` before `runIn`, …). Throws `INVALID_ARGUMENT` for no step or group, a name
 * that is no XML name or a value that is no string (the writer refused them only later, at a line of its output).
 */
export function setItemAttribute<T extends SequenceItem>(item: T, name: AttributeOf<T>, value: string): void {
  checkItem('setItemAttribute', item, 'first argument');
  checkAttributeName('setItemAttribute', name);
  checkString('setItemAttribute', value);
  noteAttribute(name);
  // Own attributes only, and set as own properties: `__proto__` is in every object and, assigned, was lost.
  if (Object.hasOwn(item.attributes, name)) {
    setOwnAttribute(item.attributes, name, value);
    return;
  }
  const order: readonly string[] = item.kind === 'group' ? GROUP_ATTRIBUTES : STEP_ATTRIBUTES;
  const rank = order.indexOf(name);
  const next: Record<string, string> = {};
  let placed = false;
  for (const [k, v] of Object.entries(item.attributes)) {
    const r = order.indexOf(k);
    // A name the console does not write (plain JavaScript can give one) goes last, as setAttribute puts it.
    if (!placed && rank !== -1 && r > rank) {
      setOwnAttribute(next, name, value);
      placed = true;
    }
    // Defined, not assigned: assigned, an attribute named `__proto__` would set the object's prototype and be lost.
    Object.defineProperty(next, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  if (!placed) setOwnAttribute(next, name, value);
  item.attributes = next;
}

/** Removes an attribute of a step or group; returns whether it was there. */
export function removeItemAttribute<T extends SequenceItem>(item: T, name: AttributeOf<T>): boolean {
  checkItem('removeItemAttribute', item, 'first argument');
  checkString('removeItemAttribute', name, 'the attribute name');
  // Own attributes only: `in` also finds what every object inherits (`toString`), and said true, removing nothing.
  if (!Object.hasOwn(item.attributes, name)) return false;
  delete item.attributes[name];
  return true;
}

function flag(item: SequenceItem, name: 'disable' | 'continueOnError', on: boolean): void {
  if (on) {
    setItemAttribute(item, name, 'true');
    return;
  }
  if (!(name in item.attributes)) return;
  // ConfigMgr leaves a false flag out; MDT writes both flags, "false" included, and its files keep that spelling. So
  // does an item the file wrote with this flag "false": set and cleared again, it is as read (it lost the attribute).
  const other = name === 'disable' ? 'continueOnError' : 'disable';
  if (item.attributes[other] === 'false' || item.attributes[name] === 'false' || attributeAsRead(item, name) === 'false') item.attributes[name] = 'false';
  else delete item.attributes[name];
}

/** Enables or disables a step or group (the `disable` attribute; ConfigMgr ignores any other spelling). */
export function setEnabled(item: SequenceItem, enabled: boolean): void {
  checkItem('setEnabled', item, 'first argument');
  // A boolean only: the string 'false' (read from a file, say) is truthy, and enabled the step it was to disable.
  checkFlag('setEnabled', enabled);
  flag(item, 'disable', !enabled);
}

/** Whether a step or group runs (is not disabled). */
export function isEnabled(item: SequenceItem): boolean {
  checkItem('isEnabled', item, 'argument');
  return item.attributes.disable !== 'true';
}

/** Sets "Continue on error" of a step or group. */
export function setContinueOnError(item: SequenceItem, on: boolean): void {
  checkItem('setContinueOnError', item, 'first argument');
  checkFlag('setContinueOnError', on);
  flag(item, 'continueOnError', on);
}

/** Renames a step or group; throws `INVALID_ARGUMENT` for an empty name or one over the console's 50 characters. */
export function renameItem(item: SequenceItem, name: string): void {
  // The builders' check (item-checks.ts): a name renameItem refuses is one no builder makes.
  checkItemName(name);
  item.attributes.name = name;
}

/**
 * Sets a step's time-out in seconds (the console shows minutes); undefined removes it. Anything but a whole number of
 * seconds, 0 or more, is `INVALID_ARGUMENT` (a fraction, NaN or 1e21 would be written as no number the engine reads).
 */
export function setTimeoutSeconds(step: Step | SubTaskSequence, seconds: number | undefined): void {
  if (seconds === undefined) {
    removeItemAttribute(step, 'timeout');
    return;
  }
  checkTimeoutSeconds(seconds);
  setItemAttribute(step, 'timeout', String(seconds));
}
