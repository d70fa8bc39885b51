/**
 * How large a value read from YAML is once its aliases are counted out. The YAML library makes an alias the very value
 * its anchor names (one object, not a copy), so the value costs no more memory than the text; but a sequence built from
 * it has a node for every place the value is reached, and 99 aliases of an anchored list of 20,000 steps (a text of
 * 1.8 MB) made `cmts build` build two million steps and run out of heap. The library's own guard (`maxAliasCount`)
 * counts the aliases nested in an anchor, not the anchor's size, so it let that through.
 */

/**
 * How many values `value` holds (itself, and each object, array and scalar in it), counting an object or array reached
 * more than once (through an alias) every time; counting stops once it is over `max` (the figure is then some count
 * over it, at most twice `max`). Undefined if a value holds itself (an alias inside its anchor), which counts without
 * end. Linear in the distinct objects; iterative, so any depth is counted.
 */
export function valuesWithAliases(value: unknown, max: number): number | undefined {
  if (typeof value !== 'object' || value === null) return 1;
  const counted = new Map<object, number>();
  const open = new Set<object>([value]);
  const stack: { node: object; items: unknown[]; next: number; count: number }[] = [{ node: value, items: itemsOf(value), next: 0, count: 1 }];
  // Every value counted so far, with repeats: a count past `max` ends the walk.
  let total = 1;
  for (;;) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.next < top.items.length) {
      const item = top.items[top.next++];
      if (typeof item !== 'object' || item === null) {
        top.count++;
        if (++total > max) return total;
        continue;
      }
      const known = counted.get(item);
      if (known !== undefined) {
        top.count += known;
        if ((total += known) > max) return total;
        continue;
      }
      if (open.has(item)) return undefined;
      open.add(item);
      stack.push({ node: item, items: itemsOf(item), next: 0, count: 1 });
      if (++total > max) return total;
      continue;
    }
    stack.pop();
    open.delete(top.node);
    counted.set(top.node, top.count);
    const parent = stack[stack.length - 1];
    if (!parent) return top.count;
    parent.count += top.count;
  }
}

const itemsOf = (node: object): unknown[] => (Array.isArray(node) ? node : Object.values(node));
