/**
 * The reader's start tags (see `xml/parse.ts`): each attribute judged (spaced, quoted, named once, no `<`), its value
 * as XML reads it, and the attributes object made as `attribute-lists.ts` says.
 */
import type { Attributes } from './types.js';
import { buildAttributes, emptyAttributes, MAX_LISTED, NameList } from './attribute-lists.js';
import type { ValueDecoder } from './parse-decode.js';
import type { Scanner } from './parse-scanner.js';
import { describeAt } from './parse-faults.js';
import { isPlain } from './plain-text.js';
import type { Tally } from './style.js';
import { HEAP_CHECK_EVERY, type HeapGuard } from './heap-guard.js';

/** The attributes of every element a check reads: it builds nothing, so one object serves. */
const CHECKED: Attributes = Object.freeze({});

/** Reads the start tags of one parse. */
export class StartTagReader {
  /** The attributes of the start tag read last. */
  attributes: Attributes = CHECKED;
  /** Whether the start tag read last was an empty element's (`/>`). */
  selfClosing = false;
  // Attributes are held to the parse's bound on markup items, counted apart: `<` counts no attribute, and one start
  // tag of millions of distinct names (a 36 MB tag took 800 MB of heap and minutes to read and write) was otherwise
  // bounded by nothing but the input's size. A real export has about as many attributes as markup items.
  private attributeCount = 0;
  /** The lists of names start tags were met with (see `attribute-lists.ts`). */
  private readonly lists = new NameList(undefined, '', 0);
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private readonly s: Scanner;
  private readonly decoder: ValueDecoder;
  /** Undefined in a check, which counts no style. */
  private readonly tally: Tally | undefined;
  private readonly maxNodes: number;
  private readonly check: boolean;
  /** Watches the heap as a long text is read (see `heap-guard.ts`); undefined for a short one and in a check. */
  private readonly guard: HeapGuard | undefined;

  constructor(s: Scanner, decoder: ValueDecoder, tally: Tally | undefined, maxNodes: number, check: boolean, guard?: HeapGuard) {
    this.s = s;
    this.decoder = decoder;
    this.tally = tally;
    this.maxNodes = maxNodes;
    this.check = check;
    this.guard = guard;
  }

  /** Asks the heap's guard at `ws`, among the attributes of a start tag (out of {@link read}, which it would slow). */
  private checkHeap(ws: number): void {
    const guard = this.guard as HeapGuard;
    const why = guard.check(ws, guard.markup + this.attributeCount);
    if (why !== undefined) guard.refuse(this.s.fail, why, ws);
  }

  /** The attributes read so far. */
  get attributesRead(): number {
    return this.attributeCount;
  }

  /** Reads the rest of the start tag `<tag` at `pos`, from `at` where its name ends; returns where the tag ends. */
  read(tag: string, pos: number, at: number): number {
    const s = this.s;
    const text = s.text;
    const tally = this.tally;
    const names = this.names;
    const values = this.values;
    // The names and values read, and the list of names met so far (undefined once the list is unusual).
    let count = 0;
    let list: NameList | undefined = this.lists;
    // The names read, for a list too long or unusual for the trie: a name written twice is still found at once.
    let seen: Set<string> | undefined;
    this.selfClosing = false;
    for (;;) {
      const ws = s.skipSpace(at);
      const c = text.charCodeAt(ws);
      if (c === 0x3e /* > */) {
        at = ws + 1;
        break;
      }
      if (c === 0x2f /* / */ && text.charCodeAt(ws + 1) === 0x3e) {
        at = ws + 2;
        this.selfClosing = true;
        tally?.empty(tag, text.charCodeAt(ws - 1) === 0x20 ? ' />' : '/>');
        break;
      }
      if (ws >= s.len) s.fail('XML_MALFORMED', `Start tag <${tag}> is not closed.`, pos);
      if (ws === at) s.fail('XML_MALFORMED', `Expected whitespace, '>' or '/>' in start tag <${tag}> ${describeAt(text, ws)}.`, ws);
      if (++this.attributeCount > this.maxNodes) s.fail('INPUT_TOO_LARGE', `The text has more than ${this.maxNodes} attributes (option maxNodes bounds them as it bounds markup items).`, ws);
      // One start tag may hold millions of attributes, which the heap is watched for as markup items are.
      if ((this.attributeCount & (HEAP_CHECK_EVERY - 1)) === 0 && this.guard) this.checkHeap(ws);
      const name = s.name(ws, 'attribute');
      const eq = s.skipSpace(ws + name.length);
      if (text.charCodeAt(eq) !== 0x3d /* = */) s.fail('XML_MALFORMED', `Attribute ${name} of <${tag}> has no '=' and value.`, eq);
      const q = s.skipSpace(eq + 1);
      const quote = text.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) s.fail('XML_MALFORMED', `Value of attribute ${name} of <${tag}> must be quoted.`, q);
      // The style's quote is the one each start tag's first attribute is written with.
      if (count === 0 && tally) {
        if (quote === 0x22) tally.dq++;
        else tally.sq++;
      }
      const endQ = text.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (endQ === -1) s.fail('XML_MALFORMED', `Value of attribute ${name} of <${tag}> is not closed.`, q);
      if (list) {
        let next = list.next.get(name);
        if (!next) {
          if (list.has(name)) s.fail('XML_MALFORMED', `Attribute ${name} appears twice in <${tag}>.`, ws);
          if (list.length < MAX_LISTED && name !== '__proto__') list.next.set(name, (next = new NameList(list, name, list.length + 1)));
          else seen = new Set(names.slice(0, count));
        }
        list = next;
      } else if ((seen as Set<string>).has(name)) s.fail('XML_MALFORMED', `Attribute ${name} appears twice in <${tag}>.`, ws);
      names[count] = name;
      values[count++] = isPlain(text, q + 1, endQ) ? s.slice(q + 1, endQ) : this.decoded(name, q, endQ);
      if (!list) (seen as Set<string>).add(name);
      at = endQ + 1;
    }
    // A check builds nothing, so it needs no attributes.
    const make = count === 0 || this.check ? undefined : list?.maker();
    this.attributes = this.check ? CHECKED : count === 0 ? emptyAttributes() : make ? make(values) : buildAttributes(names, values, count);
    return at;
  }

  /** The value of attribute `name` quoted at `q` and `endQ` that is not plain: `<` refused, references decoded. */
  private decoded(name: string, q: number, endQ: number): string {
    const raw = this.s.text.slice(q + 1, endQ);
    const lt = raw.indexOf('<');
    if (lt !== -1) {
      // The first fault is named: a bad reference before the '<' throws here.
      this.decoder.attribute(raw.slice(0, lt), q + 1);
      this.s.fail('XML_MALFORMED', `'<' is not allowed in the value of attribute ${name}.`, q + 1 + lt);
    }
    const decoded = this.decoder.attribute(raw, q + 1);
    return this.check ? decoded : this.s.recent.get(decoded);
  }
}
