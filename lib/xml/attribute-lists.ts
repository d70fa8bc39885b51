/**
 * How the reader makes attribute objects: through a trie of the lists of names a parse meets, and for a list met often
 * a function of its own that makes the object as a literal (see the comment below).
 */
import type { Attributes } from './types.js';

/**
 * In a large sequence, attribute objects of a list of names met often are made by one small function per list — an
 * object literal, `{"type": v[0], "name": v[1], …}` — rather than by adding one property at a time. Adding properties
 * by a name known only at run time was the costliest line of the reader: each addition goes through a generic store
 * and moves the object to a new hidden class, and an object of more than four attributes keeps them in a second
 * array. A literal is made in one step with its properties inside it, smaller, and V8 can allocate it straight into
 * the old generation, where a tree's objects end up anyway. A function costs a compile (which no code cache keeps: a
 * command's start-up on an ordinary file must not pay for it), so one is made only for a list a parse meets
 * {@link COMPILE_AFTER} times, and shared by every later parse. (Counted over the parses of a batch together, so that
 * a batch of 100 KB files got functions too, the batch took 3-8% longer on two threads: each thread compiled them.)
 * Lists are found through a trie of names per parse, so a start tag costs a Map lookup per attribute, and a name
 * written twice is found when a list is first met. Where code cannot be generated (a Content-Security-Policy without
 * 'unsafe-eval', `--disallow-code-generation-from-strings`) or a list is unusual (more than {@link MAX_LISTED} names,
 * `__proto__`, more than {@link MAX_MAKERS} lists), objects are built one property at a time.
 */
export type MakeAttributes = (values: string[]) => Attributes;
/** The most names a list of the trie has: a start tag with more is built one property at a time. */
export const MAX_LISTED = 32;
const COMPILE_AFTER = 1000;
const MAX_MAKERS = 2000;
const makers = new Map<string, MakeAttributes | null>();
let codeGeneration = true;

/** A list of attribute names met in this parse: its last name, the list without it, and how to make its objects. */
export class NameList {
  readonly next = new Map<string, NameList>();
  make: MakeAttributes | null | undefined = undefined;
  /** The list's names joined, once it has been looked up among the shared functions. */
  key: string | undefined = undefined;
  /** How often this parse has met the list. */
  uses = 0;
  constructor(
    readonly up: NameList | undefined,
    readonly name: string,
    readonly length: number,
  ) {}

  /** Whether `name` is already in this list. */
  has(name: string): boolean {
    return listNames(this).includes(name);
  }

  /**
   * The function making objects of this list, or null to build them one property at a time. A function costs a
   * compile that no code cache keeps, worth it only for a list met many times: it is made once a parse has met the
   * list {@link COMPILE_AFTER} times (a large sequence's lists), and then serves every later parse.
   */
  maker(): MakeAttributes | null {
    if (this.make !== undefined) return this.make;
    if (this.key === undefined) {
      this.key = listNames(this).join('\u0000');
      const known = makers.get(this.key);
      if (known !== undefined) return (this.make = known);
    }
    if (++this.uses < COMPILE_AFTER) return null;
    let make: MakeAttributes | null = null;
    // Shared by every parse, so bounded: so many lists, of names so long, and no more.
    const keep = makers.size < MAX_MAKERS && this.key.length <= 1024;
    if (codeGeneration && keep) {
      try {
        // Names are XML names (never `__proto__`: such a list takes the other path), written as JSON strings.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point: a literal per list of names (see above); the names are XML names, quoted by JSON.stringify
        make = new Function('v', `return {${listNames(this).map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')}};`) as MakeAttributes;
      } catch {
        // Code generation is not allowed here: every list is built one property at a time.
        codeGeneration = false;
      }
    }
    if (keep) makers.set(this.key, make);
    return (this.make = make);
  }
}

/** The names of a list, first to last (at most {@link MAX_LISTED}). */
function listNames(list: NameList): string[] {
  const out: string[] = [];
  for (let l: NameList | undefined = list; l?.up; l = l.up) out.push(l.name);
  return out.reverse();
}

/** Builds an attribute object one property at a time (`__proto__` as an own property, like any other name). */
export function buildAttributes(names: readonly string[], values: readonly string[], count: number): Attributes {
  const attributes: Attributes = {};
  for (let i = 0; i < count; i++) {
    const name = names[i] as string;
    if (name === '__proto__') Object.defineProperty(attributes, name, { value: values[i], enumerable: true, writable: true, configurable: true });
    else attributes[name] = values[i] as string;
  }
  return attributes;
}

/**
 * Objects of no attributes (about a third of a task sequence's elements: `<action>`, `<defaultVarList>`,
 * `<condition>`…) are made by a constructor whose prototype is `Object.prototype`, so each is a plain object as `{}`
 * is, but of 24 bytes rather than 56: V8 makes an object literal `{}` with room for four properties inside it, and
 * shrinks a constructor's objects to the properties its first objects were given, here none. (An attribute added later
 * goes in a second array, as a fifth one does in `{}`.)
 */
const EmptyAttributes = function EmptyAttributes(this: Attributes) {} as unknown as new () => Attributes;
EmptyAttributes.prototype = Object.prototype;

/** A new object of no attributes: `{}`, smaller (see {@link EmptyAttributes}). */
export const emptyAttributes = (): Attributes => new EmptyAttributes();
