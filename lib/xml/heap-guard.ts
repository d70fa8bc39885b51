/**
 * Keeps a read from running the process out of its JavaScript heap. `maxBytes` and `maxNodes` bound what an input may
 * cost, but the heap the process has is Node's to say: about a quarter of the machine's memory (less in a container),
 * up to 4 GiB, or what `--max-old-space-size` gives. An input within every limit could take more than that (five
 * megabytes of `<b/>` lines need about 230 MiB), and V8 then aborts the process, which nothing can catch. The guard
 * refuses such an input with `INPUT_TOO_LARGE` instead, and says how to give the process more:
 * - before the text is decoded (read.ts): when the heap left cannot hold the decoded text and the work after a read;
 * - as the markup is read (parse.ts, every {@link HEAP_CHECK_EVERY} items or attributes): when what the tree has cost so
 *   far, projected over the rest of the input, would not fit.
 *
 * The module that tells the heap's size, `node:v8`, takes about 4 ms to load, which every command's start-up would pay:
 * it is loaded only for an input of {@link GUARDED_FROM} bytes or more, or at a parse's first check (65,536 items), so
 * an ordinary file never loads it. A refusal rests on what is live: the garbage is collected first (see `collected`).
 */
import { createRequire } from 'node:module';
import type { HeapInfo } from 'node:v8';
import { TaskSequenceError } from '../errors.js';
import { countMarkup, countOf } from './chars.js';


const MiB = 1024 * 1024;

/** Inputs of at least this many bytes are watched before they are decoded (a parse watches shorter texts too). */
export const GUARDED_FROM = MiB;

/** How often the parse asks: after every this many markup items, and every this many attributes (a power of two). */
export const HEAP_CHECK_EVERY = 0x10000;

/**
 * What of `heap_size_limit` the young generation may take (three of its 16 MiB semi-spaces by default): the old
 * generation, where the tree ends up, fails when its own limit is reached, whatever room the young one has.
 */
const YOUNG = 48 * MiB;

/** What is kept free for the work after a read (a write, a report, a diff) besides a byte per character. */
const AFTER = 16 * MiB;

/**
 * What the work after a read is taken to cost, as a multiple of the tree's: 0 in the library (a caller's own work is
 * its own), more in the command line, whose commands print, diff and convert what they read (see {@link setWorkAfterRead}).
 */
let afterRead = 0;

/** Sets what the work after each read in this thread costs, as a multiple of the tree's (the command line's commands). */
export function setWorkAfterRead(factor: number): void {
  afterRead = factor;
}

/** The heap refusals made in this thread, so a caller can tell them from a limit the input broke. */
const refusals = new WeakSet<object>();

/** Whether `e` is a refusal of this guard: the input is within its limits, and the process's heap is too small for it. */
export function isHeapRefusal(e: unknown): boolean {
  return typeof e === 'object' && e !== null && refusals.has(e);
}

let heapInfo: (() => HeapInfo) | undefined;
function heap(): HeapInfo {
  heapInfo ??= (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).getHeapStatistics;
  return heapInfo();
}

/**
 * The heap after a full collection. `used_heap_size` counts garbage not yet collected (a batch's or a script's earlier
 * inputs: six 19 MB sequences linted in a 512 MiB heap had the third refused, 211 MiB "in use"), so a refusal rests on
 * what is live: asked only where it would refuse. `gc` is had as test tools have it (jest's leak detector):
 * `--expose-gc` set now makes `gc` a global of a new context, not of the caller's.
 */
let gc: (() => void) | null | undefined;
function collected(): HeapInfo {
  if (gc === undefined) {
    try {
      const req = createRequire(import.meta.url);
      (req('node:v8') as typeof import('node:v8')).setFlagsFromString('--expose-gc');
      gc = (req('node:vm') as typeof import('node:vm')).runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
  return heap();
}

/** What the work after reading a text of `chars` characters keeps free of the heap. */
function reserveFor(chars: number): number {
  return AFTER + chars;
}

const mib = (n: number): string => String(Math.ceil(n / MiB));

function message(tree: number, h: HeapInfo, reserve: number, after = tree * afterRead): string {
  // What to give --max-old-space-size: what the heap holds, the tree, the work after it and the reserve, with a
  // quarter more for the projection's error, in steps of 64 MiB.
  const suggest = Math.ceil(((h.used_heap_size + tree + after + reserve) * 1.25) / (64 * MiB)) * 64;
  const work = after > 0 ? `, and the work after the read about ${mib(after)} MiB more` : '';
  return (
    `Reading this input would take about ${mib(tree)} MiB more of the JavaScript heap${work}; this process's heap is ` +
    `limited to ${mib(h.heap_size_limit)} MiB, ${mib(h.used_heap_size)} MiB of it in use, and ${mib(reserve)} MiB are kept ` +
    'for writing what is read: it is refused rather than let the process run out of memory. Run it with a larger ' +
    `heap (node --max-old-space-size=${suggest}, or NODE_OPTIONS=--max-old-space-size=${suggest}) on a machine with the memory for it.`
  );
}

/** Marks `e` as a heap refusal and throws it. */
function refuse(e: unknown): never {
  if (typeof e === 'object' && e !== null) refusals.add(e);
  throw e;
}

/**
 * What the tree of `bytes` costs at most, for a refusal's suggestion (not decoded, not parsed): each `<` at 240 bytes and
 * each `=` (an attribute, at most) at 150, the most measured of any shape (`<b/>` lines, one element of a million
 * attribute names). Only when refusing: the suggestion of a refusal before decoding then reads the input.
 */
function treeOf(bytes: Uint8Array): number {
  return 240 * countMarkup(bytes) + 150 * countOf(bytes, 0x3d);
}

/**
 * Refuses, before they are decoded, `bytes` whose text, at up to two bytes a character, and the work after the read
 * would not fit in the heap left. Does nothing for an input under {@link GUARDED_FROM}. `parseCost` is what parsing
 * the text costs, for the heap a refusal suggests: by default an XML tree's (see `treeOf`); a JSON or YAML text's is
 * given by its reader (`text-cost.ts`), with no work after it counted (its own reader watches what follows).
 */
export function checkHeapBeforeDecoding(bytes: Uint8Array, parseCost?: (bytes: Uint8Array) => number): void {
  const units = bytes.length;
  if (units < GUARDED_FROM) return;
  const reserve = reserveFor(units);
  const need = 2 * units;
  const h = unfit(need, reserve);
  if (h) refuse(new TaskSequenceError('INPUT_TOO_LARGE', parseCost ? message(need + parseCost(bytes), h, reserve, 0) : message(need + treeOf(bytes), h, reserve)));
}

/**
 * The heap, if it cannot hold `need` bytes more and `reserve` besides (judged again on what is live, the garbage
 * collected, before it is said); undefined when it can.
 */
function unfit(need: number, reserve: number): HeapInfo | undefined {
  let h = heap();
  if (h.used_heap_size + need + reserve <= h.heap_size_limit - YOUNG) return undefined;
  h = collected();
  return h.used_heap_size + need + reserve > h.heap_size_limit - YOUNG ? h : undefined;
}

/** Texts whose parse is estimated to cost less than this are not judged (`node:v8` is not loaded for them). */
const JUDGED_FROM = 8 * MiB;

/**
 * Refuses, before it is parsed, a text of `chars` characters whose parse is estimated to take `need` bytes of the heap
 * (a YAML text's syntax tree, a JSON text's value: see `text-cost.ts`), when the heap left cannot hold that and the
 * reserve for what is made of it. Those parsers are other libraries' (the `yaml` package, V8's `JSON.parse`), which
 * cannot be watched as they go, as the XML reader's parse is, so the estimate errs towards refusing.
 */
export function checkHeapBeforeParsing(need: number, chars: number): void {
  if (need < JUDGED_FROM) return;
  const reserve = reserveFor(chars);
  const h = unfit(need, reserve);
  if (h) refuse(new TaskSequenceError('INPUT_TOO_LARGE', message(need, h, reserve, 0)));
}

/**
 * Watches one parse of `text`: {@link check} is asked as the markup is read, and throws through `fail` (which places
 * the error) when what the tree costs, projected over the rest of the text, would not fit in the heap left.
 */
export class HeapGuard {
  private readonly text: string;
  private readonly base: number;
  private readonly reserve: number;
  /** The markup items and attributes the whole text can hold (`<` and `=`), counted when a projection first looks close. */
  private total = -1;
  /** The markup items read before the start tag being read (set by the parse), for a check among its attributes. */
  markup = 0;

  /** Whether the garbage was collected for a refusal of this parse (once: a collection is a full one). */
  private collected = false;

  private constructor(text: string) {
    this.text = text;
    // process.memoryUsage() loads no module: node:v8 is loaded only when a check is made (65,536 items read).
    this.base = process.memoryUsage().heapUsed;
    this.reserve = reserveFor(text.length);
  }

  /**
   * A guard for a parse of `text`, or undefined when the text cannot reach a first check: each `<` takes three
   * characters at least. (Watched from 1 MiB only, 209,000 `<b/>` lines, 1 MB, aborted `cmts convert --to json` in a
   * heap of 64-96 MiB.)
   */
  static of(text: string): HeapGuard | undefined {
    return text.length < 3 * HEAP_CHECK_EVERY ? undefined : new HeapGuard(text);
  }

  /**
   * Why the heap cannot hold the rest of the parse, or undefined when it can: `pos` is where it is in the text, and
   * `items` the markup items and attributes read so far. The parse throws it through {@link refuse}. (No callback:
   * a closure over the parse's position made the parse keep it in a context, and its reads cost memory and time.)
   */
  check(pos: number, items: number): string | undefined {
    const why = this.judge(heap(), pos, items);
    if (why === undefined || this.collected) return why;
    // Garbage is no reason to refuse: judged again on what is live.
    this.collected = true;
    return this.judge(collected(), pos, items);
  }

  private judge(h: HeapInfo, pos: number, items: number): string | undefined {
    const room = h.heap_size_limit - YOUNG - this.reserve;
    // What the heap held when the parse began (less, if a collection since freed some of it), and what the tree took.
    const start = Math.min(this.base, h.used_heap_size);
    const grown = h.used_heap_size - start;
    // Projected by the share of the text read first (no work); by the share of its markup if that looks close, as a
    // text may hold its markup anywhere (a long value at its end costs little).
    const cost = 1 + afterRead;
    let tree = (grown * this.text.length) / Math.max(pos, 1);
    if (start + tree * cost > room) tree = (grown * this.totalItems()) / Math.max(items, 1);
    return start + tree * cost > room || h.used_heap_size > room ? message(tree, h, this.reserve) : undefined;
  }

  /** Throws `INPUT_TOO_LARGE` for `why` at `pos` through the parse's `fail` (which places it), marked a heap refusal. */
  refuse(fail: (code: 'INPUT_TOO_LARGE', message: string, at: number) => never, why: string, pos: number): never {
    try {
      return fail('INPUT_TOO_LARGE', why, pos);
    } catch (e) {
      return refuse(e);
    }
  }

  private totalItems(): number {
    if (this.total < 0) this.total = countMarkup(this.text) + countOf(this.text, 0x3d);
    return this.total;
  }

}
