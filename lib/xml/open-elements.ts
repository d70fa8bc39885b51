/**
 * The elements a printer is inside of, outermost first (`printer.ts`): their number is the depth of what is printed
 * next, they are the path a fault is reported at, and an element already among them would be printed inside itself
 * without end (a plain-data tree can be made to hold itself).
 *
 * A `Set` answered all three, but made garbage as elements opened and closed: its table is remade once deleted entries
 * pile up, so a write of a 20 MB sequence left about 2 MiB behind, two thirds of all it allocated, and that was
 * enough to set off a young-generation collection that raised the peak memory of a read and write by up to a tenth. An
 * array used as a stack allocates nothing once it is as deep as the tree. Whether an element is open is looked up one
 * by one among the first {@link SHALLOW} levels (a task sequence is rarely ten deep) and in a `Set` below them, so a
 * tree read with a raised `maxDepth` is still printed in linear time.
 *
 * Not the model's one-ancestor check (`checkpointDepth` in model/contains-itself.ts), which finds a loop only some way
 * further down than where it starts (up to three times as deep): a checking printer refuses a tree deeper than it was
 * read with, so a loop that starts near that depth would be refused as nested too deep instead of as the loop it is.
 * This finds it where it starts.
 */
import type { XmlNode as Node } from './types.js';

/** Levels searched one by one; those below are also kept in a Set. */
const SHALLOW = 32;

/** The open elements of one print, innermost last: a stack that can say whether an element is on it. */
export class OpenElements implements Iterable<Node> {
  private readonly stack: Node[] = [];
  private readonly deep = new Set<Node>();

  /** How many elements are open. */
  get size(): number {
    return this.stack.length;
  }

  /** Whether `node` is open. */
  has(node: Node): boolean {
    const stack = this.stack;
    const shallow = stack.length < SHALLOW ? stack.length : SHALLOW;
    for (let i = 0; i < shallow; i++) if (stack[i] === node) return true;
    return stack.length > SHALLOW && this.deep.has(node);
  }

  /** Opens `node`, inside every element open now. */
  push(node: Node): void {
    if (this.stack.length >= SHALLOW) this.deep.add(node);
    this.stack.push(node);
  }

  /** Closes the innermost open element. */
  pop(): void {
    const node = this.stack.pop() as Node;
    if (this.stack.length >= SHALLOW) this.deep.delete(node);
  }

  [Symbol.iterator](): Iterator<Node> {
    return this.stack[Symbol.iterator]();
  }
}
