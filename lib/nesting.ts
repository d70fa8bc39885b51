/**
 * How deep plain data nests, found without recursion (data read with a raised depth limit nests deeper than the call
 * stack holds). Shared by the command line's JSON text and the check of a transform's options.
 */

/**
 * Whether `value` holds objects or arrays more than `levels` deep, by an explicit stack that stops as soon as it finds
 * one (a value with `toJSON` counts as it is: the check only picks how the text is made, never what it says).
 */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  // The objects still to look into and their levels, side by side: the check runs before every report is printed.
  const objects: unknown[] = [value];
  const depths: number[] = [1];
  for (let v = objects.pop(); v !== undefined; v = objects.pop()) {
    const depth = depths.pop() as number;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > levels) return true;
    const entries = Array.isArray(v) ? (v as unknown[]) : Object.values(v);
    for (const entry of entries) {
      if (typeof entry !== 'object' || entry === null) continue;
      objects.push(entry);
      depths.push(depth + 1);
    }
  }
  return false;
}
