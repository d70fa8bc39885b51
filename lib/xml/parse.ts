/**
 * The byte-exact layer: a strict, non-validating XML 1.0 parser that records the source span of every node.
 *
 * Why not fast-xml-parser here: it accepts mismatched end tags (`<a></b>`), drops a DOCTYPE silently, ignores text
 * after the root and keeps no span of the text a value came from, so its tree cannot be spliced back into the bytes
 * it came from. This parser refuses what is not well-formed, never expands an entity beyond the five predefined ones
 * and character references, refuses any DOCTYPE, gives every value as XML says it (line ends one LF each, XML 1.0
 * §2.11), and keeps enough about every node to copy its source text, line ends as written, on write.
 */
import { type ErrorCode, type Issue, type LineCounter, TaskSequenceError } from '../errors.js';
import type { Attributes, XmlElement as Element, XmlNode as Node, XmlDocument } from './types.js';
import { INVALID_CHAR, isSpace, NAME_AT as NAME } from './chars.js';
import { DECLARATION_MALFORMED, readDeclaration } from './declaration.js';
import { decodeEntities, EntityError, lf, normalizeAttributeRaw } from './entities.js';
import { instructionValueAt, type Source, SourcedDocument, SourcedElement, SourcedInstruction, SourcedLeaf, SourcedValueElement } from './origin.js';
import { Tally } from './style.js';

/** Decides the kind of an element from its tag and its parent's kind (the model's classification). */
export type Classifier = (tag: string, parentKind: string, parentTag: string) => Element['kind'];

/** Options for {@link parseXml}. */
export interface ParseXmlOptions {
  /** Maximum element nesting depth; default 256. */
  maxDepth?: number;
  /**
   * Maximum markup items (`<`) read before the parse is refused with `INPUT_TOO_LARGE`, and apart from them, maximum
   * attributes; default 3,000,000. It bounds the tree's memory also where the caller could not count first (a
   * sequence embedded as escaped text).
   */
  maxNodes?: number;
  /** Kinds for elements; default: every element is `element`. */
  classify?: Classifier;
  /** Kind given to the parent of the root element, passed to `classify`; default `document`. */
  rootParentKind?: string;
  /** Where this text starts inside an outer text, for error positions (embedded sequences). */
  baseOffset?: number;
  /** Line counter over the outer text, for error positions (anything that finds a line and column for an offset). */
  lines?: Pick<LineCounter, 'linePos'>;
  /**
   * The text is held inside another document (an embedded sequence): an XML declaration after leading white space or
   * comments is kept with a warning instead of refused. Default false: a document is judged as XML 1.0 judges it.
   */
  embedded?: boolean;
}

/** Options for {@link checkWellFormed}. */
export type CheckOptions = Omit<ParseXmlOptions, 'classify' | 'rootParentKind'>;

/** A non-fatal finding of the parser. */
export interface ParseWarning extends Issue {
  offset: number;
}

/** What {@link parseXml} returns. */
export interface ParsedXml {
  document: XmlDocument;
  source: Source;
  root: Element;
  warnings: ParseWarning[];
}

/** An element whose end tag is still to come. Frames are reused (a free list), so a parse makes one per level. */
class Frame {
  tag = '';
  kind: Element['kind'] = 'element';
  attributes: Attributes = {};
  /** Where this element's children start on the shared child stack. */
  childStart = 0;
  start = 0;
  valueKind = false;
  /**
   * The first text or CDATA child of a value element (`action`, `variable`), held as the element's value: no leaf is
   * made for it unless a second child shows the element is not a value element after all.
   */
  pending: string | undefined = undefined;
  pendingKind: 'text' | 'cdata' = 'text';
  pendingStart = 0;
}

// Memory: the tree is most of what a read costs, so the parser avoids what it can. Children gather on one shared
// stack and each element gets an exactly sized copy (an array grown by push keeps up to 16 spare slots); names and
// short values, which repeat all through a task sequence, are one string each; a value element's text makes no leaf.

/**
 * One string for each short string seen recently: a small table indexed by length and end characters, compared by
 * content (no hashing, unlike a Map), so repeats of names, values and indentation share one copy.
 */
class RecentStrings {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(4096).fill(undefined);
  /** The string seen before equal to `text[from, to)`, without making a new one; undefined if none. */
  peek(text: string, from: number, to: number): string | undefined {
    const known = this.slots[slot(to - from, text.charCodeAt(from), text.charCodeAt(to - 1))];
    return known !== undefined && known.length === to - from && text.startsWith(known, from) ? known : undefined;
  }
  /** `s`, or the equal string seen before it. */
  get(s: string): string {
    if (s.length > 64 || s.length === 0) return s;
    const k = slot(s.length, s.charCodeAt(0), s.charCodeAt(s.length - 1));
    const known = this.slots[k];
    if (known === s) return known;
    this.slots[k] = s;
    return s;
  }
}

function slot(length: number, first: number, last: number): number {
  return (length * 131 + first * 31 + last) & 4095;
}

/**
 * Text with literal line ends (XML 1.0 §2.11: a CR LF, or a CR alone, is one LF) for each short raw text seen recently:
 * in a CRLF file every run of indentation has one, and repeats of a run give the one normalised string, found
 * without slicing the raw text again.
 */
class RecentLineEnds {
  // A file has few distinct runs of indentation: 256 slots hold them, and cost a parse of a small file 4 KB, where
  // two tables of 4,096 cost it 64 KB, more than its tree (a batch of small files then collected its young generation
  // twice as often, and trees still in use were promoted; see test/read-memory.test.ts).
  private readonly raws: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
  private readonly values: string[] = new Array<string>(256).fill('');
  constructor(private readonly recent: RecentStrings) {}
  /** `text[from, to)` with its line ends one LF each. */
  get(text: string, from: number, to: number): string {
    if (to - from > 64) return lf(text.slice(from, to));
    const k = slot(to - from, text.charCodeAt(from), text.charCodeAt(to - 1)) & 255;
    const raw = this.raws[k];
    if (raw !== undefined && raw.length === to - from && text.startsWith(raw, from)) return this.values[k] as string;
    const fresh = text.slice(from, to);
    const value = this.recent.get(lf(fresh));
    this.raws[k] = fresh;
    this.values[k] = value;
    return value;
  }
}

/**
 * In a large sequence, attribute objects of a list of names met often are made by one small function per list — an
 * object literal, `{"type": v[0], "name": v[1], …}` — rather than by adding one property at a time. Adding properties
 * by a name known only at run time was the costliest line of the reader: each addition goes through a generic store
 * and moves the object to a new hidden class, and an object of more than four attributes keeps them in a second
 * array. A literal is made in one step with its properties inside it, smaller, and V8 can allocate it straight into
 * the old generation, where a tree's objects end up anyway. A function costs a compile (which no code cache keeps: a
 * command's start-up on an ordinary file must not pay for it), so one is made only for a list met
 * {@link COMPILE_AFTER} times (by one parse, or by the parses of a batch together), and shared by every later parse. Lists are found through a trie of names per parse, so
 * a start tag costs a Map lookup per attribute, and a name written twice is found when a list is first met. Where
 * code cannot be generated (a Content-Security-Policy without 'unsafe-eval', `--disallow-code-generation-from-strings`)
 * or a list is unusual (more than {@link MAX_LISTED} names, `__proto__`, more than {@link MAX_MAKERS} lists), objects
 * are built one property at a time.
 */
type MakeAttributes = (values: string[]) => Attributes;
const MAX_LISTED = 32;
const COMPILE_AFTER = 1000;
const MAX_MAKERS = 2000;
const makers = new Map<string, MakeAttributes | null>();
/**
 * How often the parses before met each list with no function yet, by its names joined: a batch of files that each
 * meet a list fewer than {@link COMPILE_AFTER} times gets one too, once they have met it so often together (a batch
 * of 100 KB files built every attribute object one property at a time). Bounded as {@link makers} is.
 */
const metBefore = new Map<string, number>();
let codeGeneration = true;

/** A list of attribute names met in this parse: its last name, the list without it, and how to make its objects. */
class NameList {
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
   * compile that no code cache keeps, worth it only for a list met many times: it is made once the list has been met
   * {@link COMPILE_AFTER} times (a large sequence's lists, or a batch's), and then serves every later parse.
   */
  maker(): MakeAttributes | null {
    if (this.make !== undefined) return this.make;
    if (this.key === undefined) {
      this.key = listNames(this).join('\u0000');
      const known = makers.get(this.key);
      if (known !== undefined) return (this.make = known);
      this.uses = metBefore.get(this.key) ?? 0;
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
    metBefore.delete(this.key);
    return (this.make = make);
  }
}

/**
 * Keeps what a parse counted of the lists it met and made no function for (see {@link metBefore}), for the parses
 * after it: a walk of the parse's lists, as many as the distinct lists of names it met.
 */
function keepCounts(lists: NameList): void {
  const todo: NameList[] = [lists];
  for (let list = todo.pop(); list; list = todo.pop()) {
    if (list.make === undefined && list.key !== undefined && (metBefore.size < MAX_MAKERS || metBefore.has(list.key))) metBefore.set(list.key, list.uses);
    for (const next of list.next.values()) todo.push(next);
  }
}

/** The names of a list, first to last (at most {@link MAX_LISTED}). */
function listNames(list: NameList): string[] {
  const out: string[] = [];
  for (let l: NameList | undefined = list; l?.up; l = l.up) out.push(l.name);
  return out.reverse();
}

/** Builds an attribute object one property at a time (`__proto__` as an own property, like any other name). */
function buildAttributes(names: readonly string[], values: readonly string[], count: number): Attributes {
  const attributes: Attributes = {};
  for (let i = 0; i < count; i++) {
    const name = names[i] as string;
    if (name === '__proto__') Object.defineProperty(attributes, name, { value: values[i], enumerable: true, writable: true, configurable: true });
    else attributes[name] = values[i] as string;
  }
  return attributes;
}

const VALUE_KINDS = new Set(['action', 'variable']);
const defaultClassify: Classifier = () => 'element';

/** Parses `text` into a tree whose nodes remember their source spans; throws {@link TaskSequenceError} if malformed. */
export function parseXml(text: string, options: ParseXmlOptions = {}): ParsedXml {
  return parse(text, options, false) as ParsedXml;
}

/**
 * Judges `text` exactly as {@link parseXml} does but builds no tree (the memory of one is not spent twice when
 * written output is checked); throws the same {@link TaskSequenceError} if it is not well-formed.
 */
export function checkWellFormed(text: string, options: CheckOptions = {}): void {
  parse(text, options, true);
}

function parse(text: string, options: ParseXmlOptions, check: boolean): ParsedXml | undefined {
  const maxDepth = options.maxDepth ?? 256;
  const maxNodes = options.maxNodes ?? 3_000_000;
  let markup = 0;
  // Attributes are held to the same bound, counted apart: `<` counts no attribute, and one start tag of millions of
  // distinct names (a 36 MB tag took 800 MB of heap and minutes to read and write) was otherwise bounded by nothing
  // but the input's size. A real export has about as many attributes as markup items, so the bound leaves it room.
  let attributeCount = 0;
  const classify = options.classify ?? defaultClassify;
  // The writing style is counted as the text is read (a check builds nothing to print, so it counts nothing): the
  // writer then needs no second scan of the text to print an edit the way the document is written.
  // Whether the text holds a CR at all, for the writer's checks (one search; a check builds no nodes to write).
  const source: Source = { text, cr: !check && text.indexOf('\r') !== -1, tally: new Tally(), home: undefined };
  const tally = check ? undefined : source.tally;
  const warnings: ParseWarning[] = [];
  const len = text.length;
  const fail = (code: ErrorCode, message: string, at: number, end = at): never => {
    const base = options.baseOffset ?? 0;
    const range: [number, number] = [base + at, base + end];
    throw new TaskSequenceError(code, message, options.lines ? { range, linePos: options.lines.linePos(range[0]) } : { range });
  };

  const topChildren: Node[] = [];
  const stack: Frame[] = [];
  let root: Element | undefined;
  let rootSeen = false;
  let pos = 0;

  const readName = (at: number, what: string): string => {
    // ASCII names (nearly all of a task sequence) are scanned by hand and, when seen before, returned without a new
    // string; anything else goes through the exact fifth-edition classes.
    let i = at;
    let c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a) {
      do c = text.charCodeAt(++i);
      while ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e);
      if (!(c >= 0x80) || i >= len) return recentName(at, i);
    }
    NAME.lastIndex = at;
    const m = NAME.exec(text);
    if (!m) fail('XML_MALFORMED', `Expected ${what} name ${describeAt(text, at)}.`, at);
    return recent.get((m as RegExpExecArray)[0]);
  };
  const recent = new RecentStrings();
  // Made when the first CR is met: a file with LF line ends needs none.
  let recentLfTable: RecentLineEnds | undefined;
  const recentLf = { get: (t: string, from: number, to: number): string => (recentLfTable ??= new RecentLineEnds(recent)).get(t, from, to) };
  const recentName = (from: number, to: number): string => {
    const known = recent.peek(text, from, to);
    return known ?? recent.get(text.slice(from, to));
  };
  const scratch: Node[] = [];
  const free: Frame[] = [];
  const lists = new NameList(undefined, '', 0);
  const attrNames: string[] = [];
  const attrValues: string[] = [];
  const skipSpace = (at: number): number => {
    while (at < len && isSpace(text.charCodeAt(at))) at++;
    return at;
  };
  const decode = (raw: string, at: number): string => {
    if (INVALID_CHAR.test(raw)) {
      const i = raw.search(INVALID_CHAR);
      fail('XML_MALFORMED', `Character U+${raw.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML.`, at + i);
    }
    if (raw.indexOf('&') === -1) return raw;
    try {
      return decodeEntities(raw);
    } catch (e) {
      if (e instanceof EntityError) fail(e.undefinedName ? 'XML_UNDEFINED_ENTITY' : 'XML_MALFORMED', e.message, at + e.offset);
      throw e;
    }
  };
  // Normalised first (XML 1.0 §3.3.3 for an attribute value, §2.11 for text: a reference is decoded after, so `&#xD;`
  // stays a CR); a bad reference is then reported from the raw text, whose offsets are exact.
  const decodeNormalised = (raw: string, normalised: string, at: number): string => {
    if (normalised === raw) return decode(raw, at);
    try {
      return decode(normalised, at);
    } catch (e) {
      decode(raw, at);
      throw e;
    }
  };
  const decodeAttribute = (raw: string, at: number): string => decodeNormalised(raw, normalizeAttributeRaw(raw), at);
  const decodeText = (raw: string, at: number): string => decodeNormalised(raw, lf(raw), at);
  // Where the next LF, `"` and `'` are at or after the text being read: each search starts where the last one stopped,
  // so finding them for the style costs one pass over the text in all.
  let nextLf = -1;
  let nextDq = -1;
  let nextSq = -1;
  const nextOf = (known: number, char: string, from: number): number => {
    if (known >= from) return known;
    const i = text.indexOf(char, from);
    return i === -1 ? len : i;
  };
  /**
   * Counts the newline of the white space at `[from, to)` as {@link Tally.whiteSpace} does: CR LF if any, else LF,
   * else CR (`cr`: the run holds one).
   */
  const countNewlines = (t: Tally, from: number, to: number, cr: boolean): void => {
    let crlf = false;
    let lf = false;
    for (nextLf = nextOf(nextLf, '\n', from); nextLf < to; nextLf = nextOf(nextLf, '\n', nextLf + 1)) {
      lf = true;
      if (nextLf > from && text.charCodeAt(nextLf - 1) === 0x0d) {
        crlf = true;
        break;
      }
    }
    t.newlines(crlf, lf, cr);
  };
  /** Counts the quotes of text at `[from, to)` that holds no reference, as {@link Tally.text} does. */
  const countQuotes = (t: Tally, from: number, to: number): void => {
    if ((nextDq = nextOf(nextDq, '"', from)) < to) t.quotLit++;
    if ((nextSq = nextOf(nextSq, "'", from)) < to) t.aposLit++;
  };
  // The end of the start tag just read, when it was not empty: an end tag right there is an empty element's (`<a></a>`).
  let openEnd = -1;
  const children = (): Node[] => (stack.length ? scratch : topChildren);
  /** Makes the leaf held as a value element's value a child after all (a second child came). */
  const flushPending = (f: Frame | undefined): void => {
    if (f?.pending === undefined) return;
    scratch.push(new SourcedLeaf(source, f.pendingStart, f.pendingKind, f.pending) as Node);
    f.pending = undefined;
  };
  /**
   * Adds a leaf. White space between elements (`blank`), a third of all nodes, is made a plain `{ kind, value }` with no
   * origin: it means what it says in any place, so the writer needs no origin to copy it (see `xml/print.ts`).
   */
  const addLeaf = (kind: 'text' | 'comment' | 'cdata', value: string, start: number, blank = false): void => {
    if (check && stack.length) return;
    // No read at index -1 (outside the root): V8 throws away optimised code that reads past an array's end.
    const top = stack.length ? stack[stack.length - 1] : undefined;
    if (top?.valueKind && kind !== 'comment' && top.pending === undefined && scratch.length === top.childStart) {
      top.pending = value;
      top.pendingKind = kind;
      top.pendingStart = start;
      return;
    }
    flushPending(top);
    children().push(blank ? { kind: 'text', value } : (new SourcedLeaf(source, start, kind, value) as Node));
  };

  while (pos < len) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > pos) {
      // Indentation, most of the text there is: white space only needs no checks, and repeats share one string. A
      // value's line ends are one LF each (the tally counts them as written).
      let w = pos;
      let cr = false;
      // Never reads past the text: a read at its end (the line end after the root) made V8 throw away the parser's
      // optimised code, at a cost of a second and third optimisation per thread (about 90 ms of compiling each).
      for (; w < textEnd; w++) {
        const c = text.charCodeAt(w);
        if (!isSpace(c)) break;
        if (c === 0x0d) cr = true;
      }
      if (w === textEnd) {
        if (tally) countNewlines(tally, pos, textEnd, cr);
        if (!check || !stack.length) addLeaf('text', cr ? recentLf.get(text, pos, textEnd) : textEnd - pos <= 64 ? (recent.peek(text, pos, textEnd) ?? recent.get(text.slice(pos, textEnd))) : text.slice(pos, textEnd), pos, true);
        pos = textEnd;
        continue;
      }
      const plain = stack.length ? plainText(text, pos, textEnd) : NOT_PLAIN;
      if (plain !== NOT_PLAIN) {
        // Text with nothing to check or decode (a value, mostly): a repeat is found without slicing it.
        if (tally) countQuotes(tally, pos, textEnd);
        if (!check) addLeaf('text', plain === PLAIN_CR ? recentLf.get(text, pos, textEnd) : textEnd - pos <= 64 ? (recent.peek(text, pos, textEnd) ?? recent.get(text.slice(pos, textEnd))) : text.slice(pos, textEnd), pos);
        pos = textEnd;
        continue;
      }
      const raw = text.slice(pos, textEnd);
      if (!stack.length) {
        // A character no XML text may hold is named as such (a NUL before the root was "text before the root element").
        if (INVALID_CHAR.test(raw)) decode(raw, pos);
        for (let i = 0; i < raw.length; i++) {
          if (!isSpace(raw.charCodeAt(i))) {
            fail('XML_MALFORMED', rootSeen ? 'Text after the root element.' : 'Text before the root element.', pos + i);
          }
        }
      } else if (raw.indexOf(']]>') !== -1) {
        fail('XML_MALFORMED', "']]>' is not allowed in text.", pos + raw.indexOf(']]>'));
      }
      tally?.text(raw);
      addLeaf('text', decodeText(raw, pos), pos);
      pos = textEnd;
      continue;
    }
    if (++markup > maxNodes) fail('INPUT_TOO_LARGE', `The text has more than ${maxNodes} markup items (option maxNodes).`, pos);
    const c1 = text.charCodeAt(pos + 1);
    if (c1 === 0x2f /* / */) {
      const nameAt = pos + 2;
      const tag = readName(nameAt, 'end tag');
      let at = skipSpace(nameAt + tag.length);
      if (text.charCodeAt(at) !== 0x3e) fail('XML_MALFORMED', `Expected '>' to close end tag </${tag}>.`, at);
      // Written `<a></a>` (the end tag right after the start tag, with no space before its '>'): an empty form.
      if (tally && openEnd === pos && at === nameAt + tag.length) tally.empty(tag, 'pair');
      const frame = stack.pop();
      if (!frame) fail('XML_MALFORMED', `End tag </${tag}> has no matching start tag.`, pos);
      const f = frame as Frame;
      if (f.tag !== tag) {
        fail('XML_MALFORMED', `End tag </${tag}> does not match start tag <${f.tag}> (${describeLine(options, f.start)}).`, pos);
      }
      at++;
      closeElement(f, at);
      pos = at;
      continue;
    }
    if (c1 === 0x21 /* ! */) {
      if (text.startsWith('<!--', pos)) {
        const close = text.indexOf('-->', pos + 4);
        if (close === -1) fail('XML_MALFORMED', 'Comment is not closed with -->.', pos);
        const value = text.slice(pos + 4, close);
        const dd = value.indexOf('--');
        if (dd !== -1 || value.endsWith('-')) fail('XML_MALFORMED', "'--' is not allowed inside a comment.", pos + 4 + (dd === -1 ? value.length - 1 : dd));
        if (INVALID_CHAR.test(value)) decode(value, pos + 4);
        addLeaf('comment', lf(value), pos);
        pos = close + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', pos)) {
        if (!stack.length) fail('XML_MALFORMED', 'CDATA section outside the root element.', pos);
        const close = text.indexOf(']]>', pos + 9);
        if (close === -1) fail('XML_MALFORMED', 'CDATA section is not closed with ]]>.', pos);
        const value = text.slice(pos + 9, close);
        if (INVALID_CHAR.test(value)) decode(value, pos + 9);
        tally?.text(value);
        addLeaf('cdata', lf(value), pos);
        pos = close + 3;
        continue;
      }
      if (/^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/.test(text.slice(pos, pos + 10))) {
        fail('XML_DOCTYPE_FORBIDDEN', 'DOCTYPE and entity declarations are refused: a task sequence never has one, and entities are never expanded.', pos);
      }
      fail('XML_MALFORMED', `Unexpected markup ${describeAt(text, pos)}.`, pos);
    }
    if (c1 === 0x3f /* ? */) {
      const target = readName(pos + 2, 'processing instruction target');
      const close = text.indexOf('?>', pos + 2 + target.length);
      if (close === -1) fail('XML_MALFORMED', `Processing instruction <?${target} is not closed with ?>.`, pos);
      const afterTarget = pos + 2 + target.length;
      if (afterTarget < close && !isSpace(text.charCodeAt(afterTarget))) fail('XML_MALFORMED', `Expected a space after <?${target}.`, afterTarget);
      if (target.toLowerCase() === 'xml') {
        const atTop = !stack.length && !rootSeen && !topChildren.some((n) => n.kind !== 'text' && n.kind !== 'comment');
        const lenient = options.embedded === true && atTop;
        if (target !== 'xml') {
          fail('XML_MALFORMED', `The name <?${target} is reserved: no processing instruction target is "xml" in any mix of cases (XML 1.0 §2.6); the XML declaration is <?xml, in lower case.`, pos);
        }
        if (pos !== 0 && !lenient) fail('XML_MALFORMED', 'An XML declaration is allowed only at the very start of the document.', pos);
        const declaration = readDeclaration(text.slice(pos, close + 2));
        if (!declaration) fail('XML_MALFORMED', DECLARATION_MALFORMED, pos);
        if (pos !== 0) {
          warnings.push({
            code: 'XML_DECLARATION_NOT_FIRST',
            severity: 'warning',
            message: 'The embedded sequence\'s XML declaration is preceded by comments or whitespace; it is kept as is, but many XML readers (ConfigMgr among them) refuse such text.',
            offset: pos + (options.baseOffset ?? 0),
          });
        }
      }
      // The white space that separates the data from the target is not part of it (one character: any more is data,
      // kept so that the value says exactly what is written and a value given reads back as it was given; a CR LF is
      // the one LF it is read as).
      const valueStart = instructionValueAt(text, afterTarget, close + 2);
      const value = text.slice(valueStart, close);
      if (INVALID_CHAR.test(value)) decode(value, valueStart);
      if (!check || !stack.length) {
        if (stack.length) flushPending(stack[stack.length - 1]);
        children().push(new SourcedInstruction(source, pos, target, lf(value)));
      }
      pos = close + 2;
      continue;
    }
    // A start tag.
    if (!stack.length && rootSeen) fail('XML_MALFORMED', 'A second root element; a document has exactly one.', pos);
    const tag = readName(pos + 1, 'element');
    // The names and values read, and the list of names met so far (undefined once the list is unusual).
    let count = 0;
    let list: NameList | undefined = lists;
    // The names read, for a list too long or unusual for the trie: a name written twice is still found at once.
    let seen: Set<string> | undefined;
    let at = pos + 1 + tag.length;
    let selfClosing = false;
    for (;;) {
      const ws = skipSpace(at);
      const c = text.charCodeAt(ws);
      if (c === 0x3e /* > */) {
        at = ws + 1;
        openEnd = at;
        break;
      }
      if (c === 0x2f /* / */ && text.charCodeAt(ws + 1) === 0x3e) {
        at = ws + 2;
        selfClosing = true;
        tally?.empty(tag, text.charCodeAt(ws - 1) === 0x20 ? ' />' : '/>');
        break;
      }
      if (ws >= len) fail('XML_MALFORMED', `Start tag <${tag}> is not closed.`, pos);
      if (ws === at) fail('XML_MALFORMED', `Expected whitespace, '>' or '/>' in start tag <${tag}> ${describeAt(text, ws)}.`, ws);
      if (++attributeCount > maxNodes) fail('INPUT_TOO_LARGE', `The text has more than ${maxNodes} attributes (option maxNodes bounds them as it bounds markup items).`, ws);
      const name = readName(ws, 'attribute');
      const eq = skipSpace(ws + name.length);
      if (text.charCodeAt(eq) !== 0x3d /* = */) fail('XML_MALFORMED', `Attribute ${name} of <${tag}> has no '=' and value.`, eq);
      const q = skipSpace(eq + 1);
      const quote = text.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) fail('XML_MALFORMED', `Value of attribute ${name} of <${tag}> must be quoted.`, q);
      // The style's quote is the one each start tag's first attribute is written with.
      if (count === 0 && tally) {
        if (quote === 0x22) tally.dq++;
        else tally.sq++;
      }
      const endQ = text.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (endQ === -1) fail('XML_MALFORMED', `Value of attribute ${name} of <${tag}> is not closed.`, q);
      if (list) {
        let next = list.next.get(name);
        if (!next) {
          if (list.has(name)) fail('XML_MALFORMED', `Attribute ${name} appears twice in <${tag}>.`, ws);
          if (list.length < MAX_LISTED && name !== '__proto__') list.next.set(name, (next = new NameList(list, name, list.length + 1)));
          else seen = new Set(attrNames.slice(0, count));
        }
        list = next;
      } else if ((seen as Set<string>).has(name)) fail('XML_MALFORMED', `Attribute ${name} appears twice in <${tag}>.`, ws);
      let value: string;
      if (isPlain(text, q + 1, endQ)) {
        // Nothing to check, decode or normalise (nearly every value): a repeat is found without slicing it.
        value = endQ - q - 1 <= 64 ? (recent.peek(text, q + 1, endQ) ?? recent.get(text.slice(q + 1, endQ))) : text.slice(q + 1, endQ);
      } else {
        const raw = text.slice(q + 1, endQ);
        const lt2 = raw.indexOf('<');
        if (lt2 !== -1) {
          // The first fault is named: a bad reference before the '<' throws here.
          decodeAttribute(raw.slice(0, lt2), q + 1);
          fail('XML_MALFORMED', `'<' is not allowed in the value of attribute ${name}.`, q + 1 + lt2);
        }
        const decoded = decodeAttribute(raw, q + 1);
        value = check ? decoded : recent.get(decoded);
      }
      attrNames[count] = name;
      attrValues[count++] = value;
      if (!list) (seen as Set<string>).add(name);
      at = endQ + 1;
    }
    // A check builds nothing, so it needs no attributes.
    const make = count === 0 || check ? undefined : list?.maker();
    const attributes: Attributes = count === 0 || check ? {} : make ? make(attrValues) : buildAttributes(attrNames, attrValues, count);
    if (stack.length >= maxDepth) fail('XML_TOO_DEEP', `Elements are nested deeper than ${maxDepth} levels (option maxDepth).`, pos);
    const parent = stack.length ? (stack[stack.length - 1] as Frame) : undefined;
    // A check builds nothing, so it needs no kinds.
    const kind = check ? 'element' : classify(tag, parent ? parent.kind : (options.rootParentKind ?? 'document'), parent ? parent.tag : '');
    const frame = free.pop() ?? new Frame();
    frame.tag = tag;
    frame.kind = kind;
    frame.attributes = attributes;
    frame.childStart = scratch.length;
    frame.start = pos;
    frame.valueKind = !check && VALUE_KINDS.has(kind);
    frame.pending = undefined;
    if (selfClosing) closeElement(frame, at);
    else stack.push(frame);
    pos = at;
  }
  if (stack.length) {
    const open = stack[stack.length - 1] as Frame;
    fail('XML_MALFORMED', `Element <${open.tag}> is not closed before the end of the input.`, open.start);
  }
  if (!rootSeen) fail('XML_MALFORMED', len === 0 ? 'The input is empty.' : 'The input has no root element.', 0);

  if (check) return undefined;
  keepCounts(lists);
  const document = new SourcedDocument(source, topChildren) as XmlDocument;
  source.home = document;
  return { document, source, root: root as Element, warnings };

  function closeElement(f: Frame, end: number): void {
    free.push(f);
    if (!stack.length) rootSeen = true;
    if (check) return;
    let node: Element;
    if (f.valueKind && scratch.length === f.childStart) {
      node = new SourcedValueElement(source, f.start, end, f.kind, f.tag, f.attributes, f.pending === undefined ? '' : recent.get(f.pending));
    } else {
      const kids = scratch.length > f.childStart ? scratch.slice(f.childStart) : [];
      scratch.length = f.childStart;
      if (f.valueKind && kids.every((c) => c.kind === 'text' || c.kind === 'cdata')) {
        // Joined, not concatenated: a flat string costs less to keep than a chain of pieces.
        node = new SourcedValueElement(source, f.start, end, f.kind, f.tag, f.attributes, recent.get(kids.map((c) => (c as { value: string }).value).join('')));
      } else {
        node = new SourcedElement(source, f.start, end, f.valueKind ? 'element' : f.kind, f.tag, f.attributes, kids);
      }
    }
    if (stack.length) {
      flushPending(stack[stack.length - 1]);
      scratch.push(node);
    } else {
      topChildren.push(node);
      root = node;
    }
  }
}

/**
 * Whether an attribute value at `[from, to)` means itself and needs no check: no `<`, no reference, no character
 * outside printable ASCII and Latin-1, nothing normalisation changes. Anything else takes the checked path.
 */
function isPlain(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x26 || c === 0x3c || c > 0xff) return false;
  }
  return true;
}

/** What {@link plainText} finds. */
const NOT_PLAIN = 0;
const PLAIN = 1;
const PLAIN_CR = 2;

/**
 * Whether element text at `[from, to)` needs no check or decoding, as {@link isPlain} for an attribute value, but
 * with tabs and line ends plain and no `]` (of a `]]>`): `NOT_PLAIN` if it does; `PLAIN_CR` when it holds a CR, whose
 * line ends are still to be made LFs; else `PLAIN`.
 */
function plainText(text: string, from: number, to: number): number {
  let found = PLAIN;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x0d) found = PLAIN_CR;
      else if (c !== 0x09 && c !== 0x0a) return NOT_PLAIN;
    } else if (c === 0x26 || c === 0x3c || c > 0xff || c === 0x5d) return NOT_PLAIN;
  }
  return found;
}

function describeAt(text: string, at: number): string {
  if (at >= text.length) return 'at the end of the input';
  return `at ${JSON.stringify(text.slice(at, at + 12))}`;
}

function describeLine(options: ParseXmlOptions, at: number): string {
  if (!options.lines) return `offset ${at}`;
  const p = options.lines.linePos(at + (options.baseOffset ?? 0));
  return `line ${p.line}, column ${p.col}`;
}
