/**
 * Setting an attribute as an own property whatever its name: `__proto__` (a valid XML name, and an attribute the
 * reader keeps) assigned to a plain object sets the object's prototype instead, and the attribute is lost.
 */
import type { Attributes } from './types.js';

/** Sets `attributes[name]` to `value` as an own, enumerable property, `__proto__` too. */
export function setOwnAttribute(attributes: Attributes, name: string, value: string): void {
  if (name === '__proto__') Object.defineProperty(attributes, name, { value, writable: true, enumerable: true, configurable: true });
  else attributes[name] = value;
}
